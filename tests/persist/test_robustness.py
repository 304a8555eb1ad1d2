"""Truncated, bit-flipped and random inputs give coded errors, never crashes (hypothesis)."""

from __future__ import annotations

import datetime as dt
import decimal
import io

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import plait.persist as pp
from plait.errors import PlaitError

from .conftest import assert_same, dumped

_SAMPLE = dumped(
    {"w": np.arange(40, dtype=np.float32).reshape(4, 10), "names": ["a", "b"], "n": 3,
     "when": dt.date(2020, 1, 2), "t": (1, 2.5)},
    checksum=True,
)

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(),
    st.binary(), st.complex_numbers(allow_nan=False), st.decimals(allow_nan=False),
    st.datetimes(), st.dates(), st.timedeltas(),
)
_arrays = hnp.arrays(
    dtype=st.one_of(hnp.integer_dtypes(endianness="="), hnp.floating_dtypes(endianness="="),
                    hnp.unsigned_integer_dtypes(), hnp.byte_string_dtypes(max_len=4),
                    hnp.unicode_string_dtypes(max_len=4), hnp.datetime64_dtypes()),
    shape=hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4),
)
_hashable = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5),
                      st.tuples(st.integers(), st.text(max_size=3)))
_values = st.recursive(
    st.one_of(_scalars, _arrays),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.tuples(inner, inner),
        st.dictionaries(_hashable, inner, max_size=4), st.frozensets(_hashable, max_size=4),
        st.sets(_hashable, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_values)
def test_arbitrary_nested_values_round_trip(value):
    out = pp.load(io.BytesIO(dumped(value)))
    _check(value, out)


def _check(a, b):
    if isinstance(a, np.ndarray):
        assert isinstance(b, np.ndarray) and a.shape == b.shape
        assert b.dtype in (a.dtype, a.dtype.newbyteorder("<"))  # stored little-endian
        assert a.astype(b.dtype).tobytes() == b.tobytes()
    elif isinstance(a, (list, tuple)):
        assert type(a) is type(b) and len(a) == len(b)
        for x, y in zip(a, b):
            _check(x, y)
    elif isinstance(a, dict):
        assert type(b) is dict and list(a) == list(b)
        for k in a:
            _check(a[k], b[k])
    elif isinstance(a, decimal.Decimal):
        assert type(b) is decimal.Decimal and str(a) == str(b)
    else:
        assert type(a) is type(b) and a == b


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["zlib", "gzip", "bz2", "xz", "lz4", "zstd", None]), _values)
def test_round_trips_with_every_compressor(method, value):
    data = dumped(value, compress=method)
    _check(value, pp.load(io.BytesIO(data)))


def _must_fail_cleanly(data: bytes) -> object:
    try:
        return pp.load(io.BytesIO(data))
    except PlaitError as e:
        assert str(e).startswith("[E") or "E2" in str(e)
        return e


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(_SAMPLE) - 1))
def test_every_truncation_is_a_coded_error(cut):
    result = _must_fail_cleanly(_SAMPLE[:cut])
    assert isinstance(result, PlaitError)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(_SAMPLE) * 8 - 1))
def test_every_bit_flip_is_a_coded_error_when_checksummed(bit):
    data = bytearray(_SAMPLE)
    data[bit // 8] ^= 1 << (bit % 8)
    result = _must_fail_cleanly(bytes(data))
    assert isinstance(result, PlaitError)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_coded_errors(data):
    assert isinstance(_must_fail_cleanly(data), PlaitError)


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=300))
def test_random_bytes_after_our_magic_are_coded_errors(tail):
    assert isinstance(_must_fail_cleanly(b"\x89PLAIT\r\n" + tail), PlaitError)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["zlib", "gzip", "bz2", "xz", "lzma", "lz4", "zstd"]), st.data())
def test_damaged_compressed_files_fail_cleanly(method, data):
    blob = bytearray(dumped({"a": np.arange(200.0), "b": "x" * 50}, compress=method))
    pos = data.draw(st.integers(0, len(blob) - 1))
    blob[pos] ^= data.draw(st.integers(1, 255))
    cut = data.draw(st.integers(0, len(blob)))
    result = _must_fail_cleanly(bytes(blob[:cut]))
    if not isinstance(result, PlaitError):  # a flip the format's own check cannot see
        assert set(result) == {"a", "b"}


def test_structure_bit_flips_without_data_checksum_are_still_detected():
    data = dumped({"w": np.arange(4.0), "k": "v"})
    for i in range(60, 120):
        broken = bytearray(data)
        broken[i] ^= 0x10
        assert isinstance(_must_fail_cleanly(bytes(broken)), PlaitError)


def test_loaded_value_equals_after_checksummed_round_trip():
    assert_same(pp.load(io.BytesIO(_SAMPLE))["names"], ["a", "b"])
