"""The DocBin byte layout: a preamble, compressed chunks, an index and a trailer.

See docs/formats.md ("DocBin"). All integers are little-endian.

  preamble  16 bytes: magic (8) | u16 version | u16 reserved (0) | u32 flags (0)
  chunk     32-byte head: b"DCHK" | u8 method | 3 zero bytes | u32 n_docs | u32 crc32 of
            the payload | u64 payload length | u64 decompressed length; then the payload:
            one msgpack map (see `docbin_block.py`), compressed with `method`
  index     the same 32-byte head with tag b"DIDX" and method 0; payload: msgpack map
            {"attrs": [...], "store_user_data": bool, "chunks": [[offset, n_docs], ...]}
  trailer   16 bytes: u64 offset of the index | b"PLDBEND\\n"

Chunks are self-contained (each has its own string table), so a reader can stream them one
at a time and random access decodes only the chunk that holds a doc.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

import msgpack

from ..errors import CompatibilityError, Errors, FormatError, InputError, LookupFailed, PlaitError

MAGIC = b"\x89PLDB\r\n\x1a"
END_MAGIC = b"PLDBEND\n"
VERSION = 1
PREAMBLE = struct.Struct("<8sHHI")
HEAD = struct.Struct("<4sB3sIIQQ")
TRAILER = struct.Struct("<Q8s")
CHUNK_TAG, INDEX_TAG = b"DCHK", b"DIDX"
#: a chunk's decompressed payload may not exceed this (a damaged or hostile length)
MAX_RAW = 1 << 34
MAX_DEPTH = 64
SPACY_HINT = (
    "It looks like a spaCy .spacy file: read it with DocBin.from_spacy_bytes(data) or "
    "DocBin.from_spacy_disk(path)."
)

METHODS = {"none": 0, "zlib": 1, "zstd": 2, "lz4": 3}
METHOD_NAMES = {code: name for name, code in METHODS.items()}
DEFAULT_LEVELS = {"none": 0, "zlib": 6, "zstd": 3, "lz4": 0}
_PACKAGES = {"zstd": ("zstandard", "zstandard"), "lz4": ("lz4.frame", "lz4")}
_PIECE = 64 << 20


def _bad(source: str, reason: str) -> FormatError:
    return FormatError(Errors.E350.format(source=source, reason=reason))


def _module(method: str) -> Any:
    import importlib

    module, package = _PACKAGES[method]
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise LookupFailed(
            Errors.E356.format(method=method, package=package, options=sorted(METHODS))
        ) from e


def check_method(compression: str | None) -> str:
    """The compression method name for `compression=` (None: zstd when installed, else zlib)."""
    if compression is None:
        try:
            _module("zstd")
        except LookupFailed:
            return "zlib"
        return "zstd"
    if compression is False:
        return "none"
    if compression not in METHODS:
        raise InputError(Errors.E355.format(value=compression, options=sorted(METHODS)))
    if compression in _PACKAGES:
        _module(compression)
    return compression


def compress(method: str, data: bytes) -> bytes:
    """Compress one payload with `method` (one of METHODS)."""
    if method == "none":
        return data
    if method == "zlib":
        return zlib.compress(data, DEFAULT_LEVELS["zlib"])
    if method == "zstd":
        return _module("zstd").ZstdCompressor(level=DEFAULT_LEVELS["zstd"]).compress(data)
    return _module("lz4").compress(data, store_size=True)


def decompress(method: str, data: bytes, raw_len: int, source: str) -> bytes:
    """Decompress one payload to exactly `raw_len` bytes (E350 for anything else)."""
    if method == "none":
        out = data
    else:
        try:
            out = _decompress(method, data, raw_len)
        except PlaitError:
            raise
        except Exception as e:  # each library raises its own types on damaged input
            raise _bad(source, f"the {method} stream cannot be decompressed ({e})") from e
    if len(out) != raw_len:
        raise _bad(source, f"a chunk decompresses to {len(out)} bytes, not the {raw_len} "
                           "its head declares")
    return out


def _decompress(method: str, data: bytes, raw_len: int) -> bytes:
    if method == "zlib":
        d = zlib.decompressobj()
        out = d.decompress(data, raw_len + 1)
        if not d.eof or d.unconsumed_tail or d.unused_data:
            raise ValueError("the stream does not end where the chunk ends")
        return out
    if method == "zstd":
        zstd = _module("zstd")
        reader = zstd.ZstdDecompressor().stream_reader(data)
    else:
        reader = _module("lz4").LZ4FrameFile(_BytesReader(data), "rb")
    parts, got = [], 0
    while got <= raw_len:
        piece = reader.read(min(_PIECE, raw_len - got + 1))
        if not piece:
            break
        parts.append(piece)
        got += len(piece)
    return parts[0] if len(parts) == 1 else b"".join(parts)


class _BytesReader:
    """A minimal read-only file over bytes (lz4's frame file wants one)."""

    def __init__(self, data: bytes) -> None:
        self._view = memoryview(data)
        self._pos = 0

    def read(self, n: int = -1) -> bytes:
        end = len(self._view) if n < 0 else self._pos + n
        out = self._view[self._pos:end].tobytes()
        self._pos += len(out)
        return out

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        pass


# --- writing -----------------------------------------------------------------------------


def preamble() -> bytes:
    """The 16 bytes every DocBin starts with."""
    return PREAMBLE.pack(MAGIC, VERSION, 0, 0)


def chunk_bytes(tag: bytes, method: str, n_docs: int, payload: bytes) -> bytes:
    """A chunk (or index) head followed by its compressed payload."""
    packed = compress(method, payload)
    head = HEAD.pack(tag, METHODS[method], b"\0\0\0", n_docs, zlib.crc32(packed), len(packed),
                     len(payload))
    return head + packed


def index_bytes(attrs: list[str], store_user_data: bool, chunks: list[list[int]]) -> bytes:
    """The index chunk: the attrs, the user-data setting and each chunk's offset and size."""
    payload = msgpack.packb(
        {"attrs": attrs, "store_user_data": store_user_data, "chunks": chunks}
    )
    return chunk_bytes(INDEX_TAG, "none", sum(n for _o, n in chunks), payload)


def trailer(index_offset: int) -> bytes:
    """The last 16 bytes: where the index starts, and the end magic."""
    return TRAILER.pack(index_offset, END_MAGIC)


# --- reading -----------------------------------------------------------------------------


def check_preamble(raw: bytes, source: str) -> None:
    """Validate the first 16 bytes: magic, then version, then reserved fields."""
    head = raw[:8]
    if not head or head != MAGIC[: len(head)]:
        hint = SPACY_HINT if _looks_like_spacy(raw) else (
            "plait DocBin data starts with \\x89PLDB; pass bytes written by DocBin.to_bytes."
        )
        raise FormatError(Errors.E352.format(source=source, head=head, hint=hint))
    if len(raw) < PREAMBLE.size:
        raise FormatError(Errors.E353.format(source=source, what="the preamble",
                                             expected=PREAMBLE.size, got=len(raw)))
    _magic, version, reserved, flags = PREAMBLE.unpack(raw[: PREAMBLE.size])
    if version > VERSION:
        raise CompatibilityError(Errors.E351.format(source=source, found=version,
                                                    supported=VERSION))
    if version == 0 or reserved or flags:
        raise _bad(source, f"the preamble has version {version}, reserved {reserved}, "
                           f"flags {flags}")


def _looks_like_spacy(raw: bytes) -> bool:
    # spaCy's .spacy is zlib over msgpack: 78 01 / 78 5e / 78 9c / 78 da
    return len(raw) >= 2 and raw[0] == 0x78 and (raw[0] << 8 | raw[1]) % 31 == 0


@dataclass
class Head:
    """A parsed chunk or index head."""

    tag: bytes
    method: str
    n_docs: int
    crc: int
    length: int
    raw_length: int


def parse_head(raw: bytes, source: str, where: int) -> Head:
    """Validate a 32-byte head (tag, method, reserved bytes, declared lengths)."""
    if len(raw) < HEAD.size:
        raise FormatError(Errors.E353.format(source=source, what=f"the chunk head at {where}",
                                             expected=HEAD.size, got=len(raw)))
    tag, method, reserved, n_docs, crc, length, raw_length = HEAD.unpack(raw)
    if tag not in (CHUNK_TAG, INDEX_TAG):
        raise _bad(source, f"offset {where} holds {tag!r}, not a chunk or index head")
    if method not in METHOD_NAMES or reserved != b"\0\0\0":
        raise _bad(source, f"the chunk at {where} has an unknown method {method} or a nonzero "
                           "reserved field")
    if raw_length > MAX_RAW or length > MAX_RAW:
        raise FormatError(Errors.E364.format(source=source, what="a chunk",
                                             value=max(raw_length, length), limit=MAX_RAW))
    if tag == INDEX_TAG and method != 0:
        raise _bad(source, "the index is compressed")
    return Head(tag, METHOD_NAMES[method], n_docs, crc, length, raw_length)


def read_payload(head: Head, packed: bytes, source: str, where: int) -> bytes:
    """Check a chunk's CRC and decompress its payload."""
    if len(packed) < head.length:
        raise FormatError(Errors.E353.format(source=source, what=f"the chunk at {where}",
                                             expected=head.length, got=len(packed)))
    crc = zlib.crc32(packed)
    if crc != head.crc:
        raise FormatError(Errors.E354.format(source=source, what=f"the chunk at {where}",
                                             stored=head.crc, computed=crc))
    return decompress(head.method, packed, head.raw_length, source)


def unpack(payload: bytes, source: str) -> Any:
    """msgpack-decode a payload (E350 on damage)."""
    try:
        return msgpack.unpackb(payload, raw=False, strict_map_key=True,
                               max_bin_len=len(payload), max_str_len=len(payload))
    except Exception as e:  # msgpack raises several unrelated types on damaged input
        raise _bad(source, f"a payload is not valid msgpack ({e})") from e


def parse_index(msg: Any, source: str) -> tuple[list[str], bool, list[tuple[int, int]]]:
    """Validate the index payload: (attrs, store_user_data, [(offset, n_docs), ...])."""
    if not isinstance(msg, dict) or set(msg) != {"attrs", "store_user_data", "chunks"}:
        raise _bad(source, "the index is malformed")
    attrs, store, chunks = msg["attrs"], msg["store_user_data"], msg["chunks"]
    if not isinstance(attrs, list) or not all(isinstance(a, str) for a in attrs):
        raise _bad(source, "the index attrs are not a list of names")
    if not isinstance(store, bool) or not isinstance(chunks, list):
        raise _bad(source, "the index is malformed")
    out = []
    for entry in chunks:
        if (not isinstance(entry, list) or len(entry) != 2
                or not all(isinstance(v, int) and v >= 0 for v in entry)):
            raise _bad(source, f"the index entry {entry!r} is malformed")
        out.append((entry[0], entry[1]))
    return attrs, store, out


def read_exact(f: BinaryIO, n: int) -> bytes:
    """Read up to `n` bytes (fewer only at the end of the file)."""
    parts, got = [], 0
    while got < n:
        piece = f.read(n - got)
        if not piece:
            break
        parts.append(piece)
        got += len(piece)
    return b"".join(parts)


def iter_chunks(
    read: Callable[[int], bytes], source: str
) -> Any:
    """Yield (offset, head, payload) for each data chunk, then check index and trailer.

    `read(n)` returns the next `n` bytes (fewer at the end). Yields the index last as
    ("index", attrs, store_user_data). Every check of docs/formats.md is applied in order.
    """
    check_preamble(read(PREAMBLE.size), source)
    pos = PREAMBLE.size
    seen: list[tuple[int, int]] = []
    while True:
        head = parse_head(read(HEAD.size), source, pos)
        payload = read_payload(head, read(head.length), source, pos)
        if head.tag == INDEX_TAG:
            attrs, store, chunks = parse_index(unpack(payload, source), source)
            if chunks != seen or head.n_docs != sum(n for _o, n in seen):
                raise _bad(source, "the index does not match the chunks")
            tail = read(TRAILER.size + 1)
            if len(tail) < TRAILER.size:
                raise FormatError(Errors.E353.format(source=source, what="the trailer",
                                                     expected=TRAILER.size, got=len(tail)))
            offset, end = TRAILER.unpack(tail[: TRAILER.size])
            if end != END_MAGIC or offset != pos or len(tail) > TRAILER.size:
                raise _bad(source, "the trailer is malformed or data follows it")
            yield "index", attrs, store
            return
        seen.append((pos, head.n_docs))
        yield pos, head, payload
        pos += HEAD.size + head.length
