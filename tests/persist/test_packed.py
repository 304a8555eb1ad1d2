"""Packed files: compressed dumps store arrays with no padding (FLAG_PACKED, docs/formats.md)."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import plait.persist as pp
from plait.errors import FormatError, PlaitError
from plait.persist import decode
from plait.persist import format as fmt
from plait.persist.compress import get_compressor
from plait.persist.inspect import describe

from .conftest import assert_same, dumped

METHODS = ["zlib", "gzip", "bz2", "lzma", "xz", "lz4", "zstd"]
DATA = Path(__file__).parent / "data"


def _golden_value() -> dict:
    """The value the files in tests/persist/data were dumped from (before packing existed)."""
    return {
        "w": np.arange(10, dtype=np.float32).reshape(2, 5),
        "b": np.arange(3, dtype=np.int8),
        "big": np.arange(7, dtype=">i4"),
        "f": np.asfortranarray(np.arange(6, dtype=np.float64).reshape(2, 3)),
        "labels": ["a", "b"],
        "n": 3,
    }


def _odd_arrays() -> dict:
    """Arrays whose sizes are not multiples of 64, in every layout the encoder handles."""
    rng = np.random.default_rng(1)
    return {
        "small": [rng.standard_normal(n).astype(np.float32) for n in (1, 3, 10, 17)],
        "int8": np.arange(5, dtype=np.int8),
        "empty": np.zeros((0, 3)),
        "scalar": np.array(2.5),
        "fortran": np.asfortranarray(rng.standard_normal((3, 7))),
        "big_endian": np.arange(9, dtype=">f8"),
        "structured": np.array([(1, 2.0), (3, 4.0)], dtype=[("a", "<i2"), ("b", "<f4")]),
        "strings": np.array(["ab", "cde"]),
        "text": "x" * 33,
    }


def _decompress(data: bytes, method: str) -> bytes:
    """The plain plait file inside a compressed one."""
    return get_compressor(method).open_reader(io.BytesIO(data)).read()


def _compress(data: bytes, method: str, level: int = 3) -> bytes:
    """Compress a plain plait file's bytes with `method` (as dump did before packing)."""
    out = io.BytesIO()
    stream = get_compressor(method).open_writer(out, level)
    stream.write(data)
    stream.close()
    return out.getvalue()


def _flags(plain: bytes) -> int:
    return struct.unpack_from("<I", plain, 12)[0]


def _load(data: bytes, **kwargs):
    return pp.load(io.BytesIO(data), **kwargs)


# --- what is written ------------------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_compressed_dump_is_packed_and_round_trips(method):
    value = _odd_arrays()
    data = dumped(value, compress=method)
    plain = _decompress(data, method)
    assert _flags(plain) & fmt.FLAG_PACKED
    assert_same(value, _load(data))


@pytest.mark.parametrize("method", METHODS)
def test_packed_arrays_follow_each_other_with_no_padding(method):
    arrays = [np.arange(n, dtype=np.int8) for n in (1, 2, 3, 70)]
    plain = _decompress(dumped(arrays, compress=method), method)
    d_off, d_len = struct.unpack_from("<QQ", plain, 24)
    assert d_off % fmt.ALIGN == 0  # the data section itself still starts aligned
    assert d_len == 1 + 2 + 3 + 70
    assert plain[d_off:] == b"".join(a.tobytes() for a in arrays)


@pytest.mark.parametrize("compress", [None, False, 0, ("zlib", 0)])
def test_uncompressed_dump_is_not_packed(compress):
    data = dumped([np.arange(3, dtype=np.int8), np.arange(2.0)], compress=compress)
    assert not _flags(data) & fmt.FLAG_PACKED
    d_off = struct.unpack_from("<Q", data, 24)[0]
    assert data[d_off + 3 : d_off + 64] == bytes(61)  # padding up to the next 64-byte boundary


@pytest.mark.parametrize("checksum", [False, True])
def test_uncompressed_dump_is_byte_identical_to_files_written_before_packing(checksum):
    name = "padded_v1_crc.plait" if checksum else "padded_v1.plait"
    assert dumped(_golden_value(), checksum=checksum) == (DATA / name).read_bytes()


@pytest.mark.parametrize("name", ["padded_v1.plait", "padded_v1_crc.plait", "padded_v1.plait.z"])
def test_files_written_before_packing_still_load(name):
    out = pp.load(DATA / name)
    assert_same(_golden_value(), out)


@pytest.mark.parametrize("method", METHODS)
def test_padded_compressed_files_still_load(method):
    value = _odd_arrays()
    padded = _compress(dumped(value, checksum=True), method)
    assert_same(value, _load(padded))


@pytest.mark.parametrize("method", METHODS)
def test_packed_file_is_smaller_than_padded_for_many_small_arrays(method):
    rng = np.random.default_rng(0)
    value = {f"a{i}": rng.standard_normal(10).astype(np.float32) for i in range(2000)}
    packed = dumped(value, compress=method)
    padded = _compress(dumped(value), method)
    assert len(packed) < len(padded)
    assert_same(value, _load(packed))


def test_packed_checksum_covers_the_packed_bytes():
    value = _odd_arrays()
    plain = _decompress(dumped(value, compress="zlib", checksum=True), "zlib")
    assert _flags(plain) & fmt.FLAG_DATA_CRC and _flags(plain) & fmt.FLAG_PACKED
    assert_same(value, _load(plain))
    broken = bytearray(plain)
    broken[-1] ^= 0x01
    with pytest.raises(FormatError, match="E266"):
        _load(bytes(broken))


# --- reading packed layouts -----------------------------------------------------------------


def test_decompressed_packed_file_loads_plain_and_memory_mapped(tmp_path, monkeypatch):
    value = _odd_arrays()
    path = tmp_path / "unpacked.plait"
    path.write_bytes(_decompress(dumped(value, compress="zstd"), "zstd"))
    assert_same(value, pp.load(path))
    mapped = pp.load(path, mmap_mode="r")
    assert isinstance(mapped["small"][1], np.memmap)
    assert_same(value, mapped)
    monkeypatch.setattr(decode, "ALIGNED_COPY_MIN", 8)  # the copy-from-mapping path
    monkeypatch.setattr("plait.persist.api.COPY_FROM_MAP_MIN", 0)
    assert_same(value, pp.load(path))


def test_old_reader_refuses_a_packed_file_with_a_coded_error(monkeypatch):
    data = dumped(_odd_arrays(), compress="lz4")
    monkeypatch.setattr(fmt, "KNOWN_FLAGS", fmt.FLAG_DATA_CRC)  # a reader from before the flag
    with pytest.raises(FormatError, match=r"E263.*flags"):
        _load(data)


def test_packed_flag_on_a_padded_layout_is_a_coded_error():
    plain = bytearray(dumped([np.arange(3, dtype=np.int8), np.arange(2.0)]))
    struct.pack_into("<I", plain, 12, fmt.FLAG_PACKED)
    s_len = struct.unpack_from("<Q", plain, 16)[0]
    _fix_header_crc(plain, s_len)
    with pytest.raises(FormatError, match="E26[38]"):
        _load(bytes(plain))


def test_padded_flag_on_a_packed_layout_is_a_coded_error():
    plain = bytearray(_decompress(dumped([np.arange(3, dtype=np.int8), np.arange(2.0)],
                                         compress="zlib"), "zlib"))
    struct.pack_into("<I", plain, 12, 0)
    s_len = struct.unpack_from("<Q", plain, 16)[0]
    _fix_header_crc(plain, s_len)
    with pytest.raises(FormatError, match="E26[38]"):
        _load(bytes(plain))


def _fix_header_crc(raw: bytearray, s_len: int) -> None:
    import zlib

    crc = zlib.crc32(bytes(raw[48 : 48 + s_len]), zlib.crc32(bytes(raw[:44])))
    struct.pack_into("<I", raw, 44, crc)


def test_inspect_reports_a_packed_file_without_loading_arrays(tmp_path):
    path = tmp_path / "m.plait.lz4"
    pp.dump(_odd_arrays(), path)
    text = describe(path)
    assert "compression lz4" in text and "packed arrays" in text
    assert "obj['fortran']: ndarray float64 (3, 7) (Fortran order), 168 B" in text
    plain = tmp_path / "p.plait"
    pp.dump(_odd_arrays(), plain)
    assert "packed arrays" not in describe(plain)


# --- robustness -----------------------------------------------------------------------------

_PACKED_PLAIN = _decompress(
    dumped({"w": [np.arange(n, dtype=np.float32) for n in (3, 5, 1)], "k": "v"},
           compress="zlib", checksum=True),
    "zlib",
)


def _fails_cleanly(data: bytes) -> bool:
    try:
        _load(data)
    except PlaitError as e:
        assert "E2" in str(e) or str(e).startswith("[E")
        return True
    return False


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(_PACKED_PLAIN) - 1))
def test_every_truncation_of_a_packed_file_is_a_coded_error(cut):
    assert _fails_cleanly(_PACKED_PLAIN[:cut])


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(_PACKED_PLAIN) * 8 - 1))
def test_every_bit_flip_of_a_checksummed_packed_file_is_a_coded_error(bit):
    data = bytearray(_PACKED_PLAIN)
    data[bit // 8] ^= 1 << (bit % 8)
    assert _fails_cleanly(bytes(data))


@pytest.mark.parametrize("method", METHODS)
def test_truncated_and_bit_flipped_packed_compressed_files_are_coded_errors(method):
    value = {"w": [np.arange(n, dtype=np.float64) for n in (30, 50, 7)]}
    blob = dumped(value, compress=method)
    for cut in range(0, len(blob), max(1, len(blob) // 40)):
        assert _fails_cleanly(blob[:cut])
    # With the array checksum (lz4 frames have none of their own), a flip nothing sees lies in a
    # field that does not change the data (a gzip mtime, a zstd frame descriptor bit).
    blob = dumped(value, compress=method, checksum=True)
    for pos in range(len(blob)):
        broken = bytearray(blob)
        broken[pos] ^= 0x04
        if not _fails_cleanly(bytes(broken)):
            assert_same(value, _load(bytes(broken)))


_small_arrays = st.lists(
    hnp.arrays(
        dtype=st.sampled_from([np.int8, np.int16, np.float32, np.float64, np.dtype(">i4"), "U3"]),
        shape=hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=5),
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(METHODS), _small_arrays)
def test_lists_of_odd_sized_arrays_round_trip_packed(method, arrays):
    out = _load(dumped(arrays, compress=method))
    assert len(out) == len(arrays)
    for a, b in zip(arrays, out):
        assert a.shape == b.shape and a.astype(b.dtype).tobytes() == b.tobytes()
