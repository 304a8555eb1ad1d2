"""The plait.persist file header: layout, limits, packing and validation (docs/formats.md)."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from ..errors import CompatibilityError, Errors, FormatError

MAGIC = b"\x89PLAIT\r\n"
VERSION = 1
HEADER_SIZE = 48
ALIGN = 64
FLAG_DATA_CRC = 1
# Arrays follow each other with no padding (alignment 1). Set only on compressed files: they
# cannot be memory-mapped, and the zero padding costs lz4 one more sequence per array.
FLAG_PACKED = 2
KNOWN_FLAGS = FLAG_DATA_CRC | FLAG_PACKED

MAX_DEPTH = 300
MAX_STRUCTURE = 2**32
MAX_NDIM = 64
MAX_ITEMSIZE = 2**31
MAX_FIELDS = 4096
MAX_DTYPE_DEPTH = 16
MAX_DATA = 2**48

# magic, version, reserved, flags, structure length, data offset, data length, data crc
_FIELDS = struct.Struct("<8sHHIQQQI")
_CRC = struct.Struct("<I")

# Node tags of the structure (docs/formats.md, "The structure").
T_LIST, T_TUPLE, T_DICT, T_SET, T_FROZENSET, T_ARRAY, T_OBJECT, T_BYTEARRAY = range(8)
T_REF, T_BIGINT, T_COMPLEX, T_DECIMAL, T_DATETIME, T_DATE, T_TIME, T_TIMEDELTA = range(8, 16)
T_TIMEZONE, T_ZONEINFO, T_PATH, T_NPSCALAR = range(16, 20)


def align(n: int, to: int = ALIGN) -> int:
    """Round `n` up to the next multiple of `to` (by default the array alignment, 64)."""
    return (n + to - 1) // to * to


@dataclass(frozen=True)
class Header:
    """The fixed 48-byte header of a plait.persist file."""

    structure_length: int
    data_offset: int
    data_length: int
    flags: int = 0
    data_crc: int = 0

    def pack(self, structure: bytes) -> bytes:
        """Return the 48 header bytes (with the CRC over the header and `structure`)."""
        fields = _FIELDS.pack(
            MAGIC, VERSION, 0, self.flags, self.structure_length, self.data_offset,
            self.data_length, self.data_crc,
        )
        crc = zlib.crc32(structure, zlib.crc32(fields))
        return fields + _CRC.pack(crc)

    @property
    def array_align(self) -> int:
        """The alignment of array offsets in the data section: 1 if packed, else 64."""
        return 1 if self.flags & FLAG_PACKED else ALIGN


def header_for(
    structure_length: int, data_length: int, data_crc: int | None, packed: bool = False
) -> Header:
    """Build the header of a file whose structure and data have the given sizes."""
    flags = (FLAG_DATA_CRC if data_crc is not None else 0) | (FLAG_PACKED if packed else 0)
    return Header(
        structure_length=structure_length,
        data_offset=align(HEADER_SIZE + structure_length),
        data_length=data_length,
        flags=flags,
        data_crc=data_crc or 0,
    )


def parse_header(raw: bytes, source: str, file_size: int | None) -> Header:
    """Validate the 48 header bytes, field by field, in the documented order."""
    if len(raw) < HEADER_SIZE:
        raise FormatError(
            Errors.E264.format(source=source, what="the header", expected=HEADER_SIZE, got=len(raw))
        )
    magic, version, reserved, flags, s_len, d_off, d_len, d_crc = _FIELDS.unpack_from(raw)
    if magic != MAGIC:
        raise FormatError(Errors.E261.format(source=source, head=raw[:8]))
    if version > VERSION:
        raise CompatibilityError(Errors.E262.format(source=source, found=version, supported=VERSION))

    def bad(field: str, value: object, reason: str) -> FormatError:
        return FormatError(Errors.E263.format(source=source, field=field, value=value, reason=reason))

    if version == 0:
        raise bad("version", version, "version 0 does not exist")
    if reserved != 0:
        raise bad("reserved", reserved, "must be 0")
    if flags & ~KNOWN_FLAGS:
        raise bad("flags", hex(flags), f"unknown bits (known: {KNOWN_FLAGS:#x})")
    if not flags & FLAG_DATA_CRC and d_crc != 0:
        raise bad("data_crc", d_crc, "set although the data has no checksum")
    if s_len > MAX_STRUCTURE:
        raise bad("structure_length", s_len, f"above the limit {MAX_STRUCTURE}")
    if d_off % ALIGN or d_off != align(HEADER_SIZE + s_len):
        raise bad("data_offset", d_off, f"must be {align(HEADER_SIZE + s_len)} for this structure")
    if d_len > MAX_DATA:
        raise bad("data_length", d_len, f"above the limit {MAX_DATA}")
    if file_size is not None:
        if d_off > file_size:
            raise FormatError(
                Errors.E264.format(
                    source=source, what="the structure", expected=d_off, got=file_size
                )
            )
        if d_off + d_len != file_size:
            if d_off + d_len > file_size:
                raise FormatError(
                    Errors.E264.format(
                        source=source, what="the array data", expected=d_off + d_len, got=file_size
                    )
                )
            raise bad("data_length", d_len, f"the file has {file_size - d_off - d_len} extra bytes")
    return Header(s_len, d_off, d_len, flags, d_crc)


def check_header_crc(raw: bytes, structure: bytes, source: str) -> None:
    """Compare the stored header CRC with the one computed over the header and structure."""
    (stored,) = _CRC.unpack_from(raw, 44)
    computed = zlib.crc32(structure, zlib.crc32(raw[:44]))
    if stored != computed:
        raise FormatError(Errors.E265.format(source=source, stored=stored, computed=computed))
