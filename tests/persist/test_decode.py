"""Loading a large uncompressed file by copying out of one mapping (CopiedArrays).

The copy path must give exactly what the read() path gives, with the same validation and
coded errors; file objects, compressed files and small files keep the read() path.
"""

from __future__ import annotations

import io
import mmap
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import plait.persist as pp
from plait.errors import FormatError, PlaitError
from plait.persist import api, decode

from .conftest import assert_same


def _large_value() -> dict:
    """Arrays above and below the aligned-copy size, odd layouts, and plain values."""
    rng = np.random.default_rng(1)
    big = decode.ALIGNED_COPY_MIN
    return {
        "w": rng.standard_normal((big // 4 + 7,)).astype(np.float32),
        "fortran": np.asfortranarray(rng.standard_normal((300, 211))),
        "big_endian": np.arange(big // 8 + 3, dtype=">i8"),
        "records": np.zeros(big // 12 + 1, dtype=[("a", "<i4"), ("b", "<f8")]),
        "small": np.arange(10, dtype=np.int16),
        "empty": np.zeros((0, 5), dtype=np.float32),
        "strided": np.arange(big // 2, dtype=np.float64)[::2],
        "meta": {"n": 3, "names": ["a", "b"]},
        "again": None,
    }


def _load_by_read(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as m:
        m.setattr(api, "COPY_FROM_MAP_MIN", 0)
        return pp.load(path)


@pytest.fixture
def uses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the loads that took the copy-from-mapping path."""
    calls: list[int] = []
    real = decode.CopiedArrays.__init__

    def spy(self: Any, *args: Any, **kwargs: Any) -> None:
        calls.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(decode.CopiedArrays, "__init__", spy)
    return calls


def test_copied_load_equals_the_read_load(tmp_path, monkeypatch, uses):
    value = _large_value()
    value["again"] = value["w"]  # a shared array stays one object
    path = tmp_path / "big.plait"
    pp.dump(value, path, checksum=True)
    copied = pp.load(path)
    assert uses == [1]
    by_read = _load_by_read(path, monkeypatch)
    assert uses == [1]
    assert_same(by_read, copied)
    assert_same({k: v for k, v in value.items() if k != "again"},
                {k: v for k, v in copied.items() if k != "again"})
    assert copied["again"] is copied["w"]
    assert copied["fortran"].flags.f_contiguous
    assert copied["big_endian"].dtype.byteorder in "<="


def test_copied_arrays_are_plain_writable_and_independent_of_the_file(tmp_path):
    path = tmp_path / "big.plait"
    pp.dump(_large_value(), path)
    out = pp.load(path)
    w = out["w"]
    assert type(w) is np.ndarray and w.flags.writeable and w.flags.c_contiguous
    assert w.ctypes.data % 64 == 0
    w[:] = 0
    path.unlink()  # the mapping is gone: the arrays hold their own memory
    assert not w.any() and out["records"]["a"].sum() == 0


def test_file_objects_compressed_and_small_files_keep_the_read_path(tmp_path, uses):
    value = _large_value()
    path = tmp_path / "big.plait"
    pp.dump(value, path)
    with open(path, "rb") as f:
        assert_same(pp.load(f), pp.load(io.BytesIO(path.read_bytes())))
    pp.dump(value, tmp_path / "big.plait.gz")
    assert_same(value["w"], pp.load(tmp_path / "big.plait.gz")["w"])
    pp.dump({"x": np.arange(10)}, tmp_path / "small.plait")
    assert pp.load(tmp_path / "small.plait")["x"].sum() == 45
    pp.load(path, mmap_mode="r")
    assert uses == []


def test_a_file_that_cannot_be_mapped_falls_back_to_read(tmp_path, monkeypatch, uses):
    def refuse(*args: Any, **kwargs: Any) -> mmap.mmap:
        raise OSError("no mapping here")

    path = tmp_path / "big.plait"
    value = _large_value()
    pp.dump(value, path)
    monkeypatch.setattr(api.mmap, "mmap", refuse)
    assert_same(value["records"], pp.load(path)["records"])
    assert uses == []


@pytest.mark.parametrize("keep", [0.3, 0.9, 0.999])
def test_truncated_large_file_is_a_coded_error(tmp_path, keep):
    path = tmp_path / "big.plait"
    pp.dump(_large_value(), path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(FormatError, match="E264"):
        pp.load(path)


def test_bad_data_crc_and_padding_in_large_file_are_coded_errors(tmp_path, monkeypatch):
    path = tmp_path / "big.plait"
    pp.dump(_large_value(), path, checksum=True)
    data = bytearray(path.read_bytes())
    data[-100] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(FormatError, match="E266"):
        pp.load(path)
    pp.dump({"a": np.ones(3, np.uint8), "b": np.ones(1 << 20, np.uint8)}, path)
    data = bytearray(path.read_bytes())
    first = len(data) - (1 << 20) - 64  # array "a" (3 bytes), then padding up to "b"
    assert data[first : first + 3] == b"\x01\x01\x01"
    data[first + 10] = 7
    path.write_bytes(bytes(data))
    with pytest.raises(FormatError, match="E263"):
        pp.load(path)


def test_fill_past_the_mapping_is_a_coded_truncation_error():
    arrays = decode.CopiedArrays(memoryview(bytes(100)), 64, "<test>", crc=False)
    with pytest.raises(FormatError, match="E264"):
        arrays.get(64, 64, np.dtype(np.uint8), (64,), False)


_arrays = hnp.arrays(
    dtype=st.one_of(hnp.integer_dtypes(), hnp.floating_dtypes(), hnp.unsigned_integer_dtypes(),
                    hnp.byte_string_dtypes(max_len=3)),
    shape=hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=9),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_arrays, st.integers()), max_size=8), st.booleans())
def test_copied_and_read_loads_agree_on_any_arrays(tmp_path, monkeypatch, items, checksum):
    # Thresholds lowered so small arrays take every branch of the copy path.
    monkeypatch.setattr(decode, "ALIGNED_COPY_MIN", 16)
    monkeypatch.setattr(api, "COPY_FROM_MAP_MIN", 1)
    path = tmp_path / "any.plait"
    pp.dump(items, path, checksum=checksum, durable=False)
    copied = pp.load(path)
    assert_same(_load_by_read(path, monkeypatch), copied)
    assert_same(items, copied)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_every_cut_or_flip_of_a_copied_file_is_a_coded_error(tmp_path, monkeypatch, data):
    monkeypatch.setattr(decode, "ALIGNED_COPY_MIN", 16)
    monkeypatch.setattr(api, "COPY_FROM_MAP_MIN", 1)
    raw = bytearray(io.BytesIO(_dumped_sample()).getvalue())
    if data.draw(st.booleans(), "cut"):
        raw = raw[: data.draw(st.integers(0, len(raw) - 1), "at")]
    else:
        bit = data.draw(st.integers(0, len(raw) * 8 - 1), "bit")
        raw[bit // 8] ^= 1 << (bit % 8)
    path = tmp_path / "hurt.plait"
    path.write_bytes(bytes(raw))
    try:
        pp.load(path)
    except PlaitError as e:
        assert "E2" in str(e) or "E0" in str(e)
    else:
        pytest.fail("a damaged checksummed file loaded")


def _dumped_sample() -> bytes:
    buf = io.BytesIO()
    value = {"w": np.arange(40, dtype=np.float32).reshape(4, 10), "b": np.arange(7, dtype="<i2"),
             "n": [1, "x"]}
    pp.dump(value, buf, checksum=True)
    return buf.getvalue()
