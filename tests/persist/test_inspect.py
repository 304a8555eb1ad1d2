"""inspect/describe show a file's contents without reading its arrays."""

from __future__ import annotations

import io

import numpy as np
import pytest

import plait.persist as pp
from plait.errors import FormatError


def test_describe_lists_types_shapes_dtypes_and_sizes(tmp_path):
    path = tmp_path / "m.plait"
    pp.dump({"coef": np.zeros((20, 5), np.float32), "labels": ["a"], (1, 2): 3}, path)
    text = pp.describe(path)
    assert "compression none" in text
    assert "obj['coef']: ndarray float32 (20, 5), 400 B" in text
    assert "obj['labels']: list (1 items)" in text
    assert "obj[<tuple>]" in text
    assert text.endswith("1 arrays, 5 values")


def test_inspect_prints_and_reads_compressed_files(tmp_path, capsys):
    path = tmp_path / "m.plait.zst"
    pp.dump({"a": np.arange(3)}, path)
    pp.inspect(path)
    out = capsys.readouterr().out
    assert "compression zstd" in out and "ndarray int64 (3,)" in out


def test_describe_does_not_read_the_array_data():
    buf = io.BytesIO()
    pp.dump({"a": np.arange(1000.0)}, buf)
    data = buf.getvalue()
    header_and_structure = data[: len(data) - 8000]
    text = pp.describe(io.BytesIO(header_and_structure))  # the arrays are cut off entirely
    assert "ndarray float64 (1000,)" in text


def test_describe_shows_objects_by_name_without_importing_them():
    from .test_types import Estimator

    buf = io.BytesIO()
    pp.dump(Estimator().fit(), buf)
    text = pp.describe(io.BytesIO(buf.getvalue()))
    assert "object persist.test_types:Estimator" in text and "obj.coef_: ndarray" in text


def test_describe_rejects_non_plait_files():
    with pytest.raises(FormatError, match="E261"):
        pp.describe(io.BytesIO(b"PK\x03\x04 a zip file"))
