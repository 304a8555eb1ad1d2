"""Shared helpers for the plait.persist tests."""

from __future__ import annotations

import io
import math
from typing import Any

import numpy as np
import pytest

import plait.persist as pp


def roundtrip(value: Any, **dump_kwargs: Any) -> Any:
    """Dump `value` to memory and load it back."""
    buf = io.BytesIO()
    pp.dump(value, buf, **dump_kwargs)
    buf.seek(0)
    return pp.load(buf)


def dumped(value: Any, **dump_kwargs: Any) -> bytes:
    """The bytes `dump` writes for `value`."""
    buf = io.BytesIO()
    pp.dump(value, buf, **dump_kwargs)
    return buf.getvalue()


def assert_same(a: Any, b: Any) -> None:
    """Deep equality that also compares types, array dtypes and NaNs."""
    assert type(a) is type(b) or (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)), (a, b)
    if isinstance(a, np.ndarray):
        assert a.shape == b.shape and a.dtype == b.dtype.newbyteorder(a.dtype.byteorder) or (
            a.dtype.newbyteorder("<") == b.dtype.newbyteorder("<")
        )
        assert a.tobytes() == np.ascontiguousarray(b).astype(a.dtype).tobytes()
    elif isinstance(a, dict):
        assert list(a) == list(b)
        for k in a:
            assert_same(a[k], b[k])
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            assert_same(x, y)
    elif isinstance(a, float) and math.isnan(a):
        assert math.isnan(b)
    else:
        assert a == b


@pytest.fixture
def sample() -> dict:
    """A dict with arrays and plain values, like a small model."""
    rng = np.random.default_rng(0)
    return {
        "coef": rng.standard_normal((20, 5)).astype(np.float32),
        "bias": np.arange(5, dtype=np.float64),
        "labels": ["a", "b", "c"],
        "meta": {"n_iter": 10, "tol": 1e-4, "name": "model"},
    }
