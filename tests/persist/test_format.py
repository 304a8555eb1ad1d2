"""The file layout and the header validation, field by field (docs/formats.md)."""

from __future__ import annotations

import io
import struct

import msgpack
import numpy as np
import pytest

import plait.persist as pp
from plait.errors import CompatibilityError, FormatError
from plait.persist import format as fmt

from .conftest import dumped


def _build(tree, data: bytes = b"", *, version: int = 1, flags: int = 0, reserved: int = 0) -> bytes:
    """A file with the given structure tree and data section, with a valid header CRC."""
    structure = msgpack.packb(tree, use_bin_type=True)
    header = fmt.header_for(len(structure), len(data), None)
    raw = bytearray(header.pack(structure)[:44])
    struct.pack_into("<HHI", raw, 8, version, reserved, flags)
    import zlib

    raw += struct.pack("<I", zlib.crc32(structure, zlib.crc32(bytes(raw))))
    body = bytes(raw) + structure
    return body + bytes(header.data_offset - len(body)) + data


def _load(data: bytes):
    return pp.load(io.BytesIO(data))


def test_layout_matches_the_documented_table():
    data = dumped({"a": np.arange(3, dtype="<i4"), "b": np.arange(2, dtype="<f8")})
    assert data[:8] == b"\x89PLAIT\r\n"
    version, reserved, flags, s_len, d_off, d_len = struct.unpack_from("<HHIQQQ", data, 8)
    assert (version, reserved, flags) == (1, 0, 0)
    assert d_off % 64 == 0 and d_off == fmt.align(48 + s_len) and len(data) == d_off + d_len
    tree = msgpack.unpackb(data[48 : 48 + s_len])
    arrays = [tree[2], tree[4]]
    assert [a[0] for a in arrays] == [fmt.T_ARRAY, fmt.T_ARRAY]
    assert [a[4] for a in arrays] == [12, 16]
    assert data[d_off + 64 : d_off + 80] == np.arange(2.0).tobytes()  # next 64-byte boundary


def test_built_file_helper_makes_loadable_files():
    assert _load(_build([0, 1, 2])) == [1, 2]


def test_newer_version_is_a_compatibility_error_naming_both_versions():
    with pytest.raises(CompatibilityError, match=r"E262.*version 7.*up to version 1"):
        _load(_build([0], version=7))


@pytest.mark.parametrize(
    "kwargs,field", [({"version": 0}, "version"), ({"reserved": 1}, "reserved"), ({"flags": 4}, "flags")]
)
def test_bad_header_fields_are_coded_errors(kwargs, field):
    with pytest.raises(FormatError, match=f"E263.*{field}"):
        _load(_build([0], **kwargs))


def test_header_checksum_is_checked():
    data = bytearray(_build([0, "abc"]))
    data[50] ^= 0x01
    with pytest.raises(FormatError, match="E265"):
        _load(bytes(data))


def test_wrong_magic_and_pickles_are_refused():
    import pickle

    with pytest.raises(FormatError, match="E261"):
        _load(pickle.dumps({"a": 1}))
    disguised = fmt.MAGIC + pickle.dumps(print)
    with pytest.raises(FormatError, match="E26[3-5]"):
        _load(disguised)


def test_empty_and_short_inputs_are_truncation_errors():
    for data in (b"", fmt.MAGIC[:3], fmt.MAGIC, fmt.MAGIC + bytes(10)):
        with pytest.raises(FormatError, match="E26[3-5]"):
            _load(data)


def test_absurd_structure_length_is_refused_before_reading():
    raw = bytearray(_build([0]))
    struct.pack_into("<QQ", raw, 16, 2**40, fmt.align(48 + 2**40))
    with pytest.raises(FormatError, match="E263.*structure_length"):
        _load(bytes(raw))


def test_file_size_must_match_the_header(tmp_path):
    path = tmp_path / "x.plait"
    pp.dump({"a": np.arange(10)}, path)
    data = path.read_bytes()
    path.write_bytes(data + b"\x00")
    with pytest.raises(FormatError, match="E263.*extra"):
        pp.load(path)
    path.write_bytes(data[:-1])
    with pytest.raises(FormatError, match="E264"):
        pp.load(path)


@pytest.mark.parametrize(
    "node,code",
    [
        ([fmt.T_ARRAY, "<f8", [2**40], False, 8 * 2**40], "E268"),  # past the end
        ([fmt.T_ARRAY, "<f8", [2], False, 99], "E268"),  # nbytes disagrees
        ([fmt.T_LIST, 1], "E263"),  # data section longer than the arrays
        ([fmt.T_ARRAY, "<f8", [-1], False, 8], "E268"),
        ([fmt.T_ARRAY, "<f8", [1] * 65, False, 8], "E268"),
        ([fmt.T_ARRAY, "|O8", [1], False, 8], "E269"),
        ([fmt.T_ARRAY, "eval('1')", [1], False, 8], "E269"),
        ([fmt.T_ARRAY, {"names": ["a"], "formats": ["|O"], "offsets": [0], "itemsize": 8},
          [1], False, 8], "E269"),
        ([fmt.T_ARRAY, ["<f8", [2**30, 2**30]], [1], False, 8], "E269"),
        ([fmt.T_ARRAY, "<f8", [1], "yes", 8], "E268"),
        ([fmt.T_ARRAY, "<f8"], "E268"),
        ([fmt.T_REF, 5], "E267"),
        ([fmt.T_REF, "x"], "E267"),
        ([99, 1], "E267"),
        ([], "E267"),
        ([fmt.T_DICT, 1], "E267"),
        ([fmt.T_DICT, [fmt.T_LIST], 1], "E267"),  # unhashable key
        ([fmt.T_SET, [fmt.T_LIST]], "E267"),
        ([fmt.T_TUPLE, [fmt.T_REF, 0]], "E267"),  # reference to an unfinished tuple
        ([fmt.T_OBJECT, "builtins:eval", [fmt.T_DICT]], "E270"),
        ([fmt.T_OBJECT, 5, [fmt.T_DICT]], "E267"),
        ([fmt.T_DATETIME, 2020, 13, 1, 0, 0, 0, 0, 0, None], "E267"),
        ([fmt.T_DECIMAL, "not a number"], "E267"),
        ([fmt.T_ZONEINFO, "../../etc/passwd"], "E267"),
        ([fmt.T_NPSCALAR, "<f8", b"\x00"], "E267"),
        ([fmt.T_PATH, 7, "x"], "E267"),
        ([fmt.T_COMPLEX, 1, 2], "E267"),
        ({"a": 1}, "E267"),
    ],
)
def test_hostile_structures_are_coded_errors(node, code):
    with pytest.raises(Exception, match=code) as info:
        _load(_build(node, bytes(8)))
    assert "plait.errors" in type(info.value).__module__


def test_arrays_are_laid_out_back_to_back_at_64_byte_boundaries():
    tree = [fmt.T_LIST, [fmt.T_ARRAY, "|u1", [3], False, 3], [fmt.T_ARRAY, "|u1", [2], False, 2]]
    data = bytes([1, 2, 3]) + bytes(61) + bytes([4, 5])
    out = _load(_build(tree, data))
    assert out[0].tolist() == [1, 2, 3] and out[1].tolist() == [4, 5]


def test_deep_nesting_in_a_file_is_refused():
    node: list = [fmt.T_LIST]
    for _ in range(fmt.MAX_DEPTH + 5):
        node = [fmt.T_LIST, node]
    with pytest.raises(FormatError, match="E275|E267"):
        _load(_build(node))


def test_extension_types_in_msgpack_are_refused():
    structure = msgpack.packb(msgpack.ExtType(5, b"x"))
    header = fmt.header_for(len(structure), 0, None)
    data = header.pack(structure) + structure
    data += bytes(header.data_offset - len(data))
    with pytest.raises(FormatError, match="E267"):
        _load(data)


def test_nonzero_padding_is_refused():
    tree = [fmt.T_LIST, [fmt.T_ARRAY, "|u1", [1], False, 1], [fmt.T_ARRAY, "|u1", [1], False, 1]]
    data = bytearray(_build(tree, bytes(65)))
    data[-30] = 1  # inside the padding between the arrays
    with pytest.raises(FormatError, match="E263.*padding"):
        _load(bytes(data))
