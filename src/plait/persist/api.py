"""`dump` and `load`: the public entry points of plait.persist."""

from __future__ import annotations

import io
import mmap
import os
import zlib
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import msgpack
import numpy as np

from ..errors import (
    Errors,
    FormatError,
    InputError,
    InputTypeError,
    PlaitError,
    SerializationError,
    Warnings,
    warn,
)
from . import format as fmt
from .atomic import atomic_open
from .compress import detect, get_compressor, resolve
from .decode import (
    DECOMPRESSED_READ_CHUNK,
    READ_CHUNK,
    CopiedArrays,
    Decoder,
    MappedArrays,
    StreamArrays,
)
from .types import Resolver

if TYPE_CHECKING:
    from .encode import Encoder  # imported inside dump: a load does not need the writer

PathLike = str | os.PathLike
_MMAP_MODES = (None, "r", "r+", "c")
_READ_BUFFER = 1 << 20
_SINK_BUFFER = 1 << 20
_COMPRESS_CHUNK = 4 << 20
# A file whose data section has at least this many bytes is loaded by copying its arrays out
# of one read-only mapping (CopiedArrays); 0 disables that (everything goes through read()).
COPY_FROM_MAP_MIN = 1 << 20


# --- writing ------------------------------------------------------------------------------


class _Sink:
    """Gathers small writes into 1 MiB blocks; passes large ones straight through."""

    def __init__(self, f: BinaryIO, chunk: int | None) -> None:
        self.f = f
        self.chunk = chunk  # split large writes for compressors (bounded buffers)
        self.buf = bytearray()

    def write(self, data: Any) -> None:
        view = memoryview(data).cast("B")
        if len(view) < 65536:
            self.buf += view
            if len(self.buf) >= _SINK_BUFFER:
                self.flush()
            return
        self.flush()
        self._out(view)

    def zeros(self, n: int) -> None:
        self.buf += bytes(n)

    def flush(self) -> None:
        if self.buf:
            self._out(memoryview(self.buf))
            self.buf = bytearray()

    def _out(self, view: memoryview) -> None:
        step = self.chunk or len(view)
        for start in range(0, len(view), step):
            part = view[start : start + step]
            while part:
                n = self.f.write(part)
                if n is None or n >= len(part):  # buffered streams write everything
                    break
                part = part[n:]


def _data_crc(enc: Encoder) -> int:
    crc = 0
    pos = 0
    for planned in enc.arrays:
        crc = zlib.crc32(bytes(planned.offset - pos), crc)
        for chunk in planned.chunks():
            crc = zlib.crc32(chunk, crc)
        pos = planned.offset + planned.nbytes
    return crc


def _write(f: BinaryIO, header: bytes, structure: bytes, enc: Encoder, chunk: int | None) -> None:
    sink = _Sink(f, chunk)
    sink.write(header)
    sink.write(structure)
    pos = fmt.HEADER_SIZE + len(structure)
    base = fmt.align(pos)
    sink.zeros(base - pos)
    pos = 0
    for planned in enc.arrays:
        sink.zeros(planned.offset - pos)
        for part in planned.chunks():
            sink.write(part)
        pos = planned.offset + planned.nbytes
    sink.flush()


def dump(
    value: Any,
    target: PathLike | BinaryIO,
    compress: bool | int | str | tuple[str, int] | None = None,
    *,
    durable: bool = True,
    checksum: bool = False,
) -> list[str]:
    """Save `value` to a path or a binary file object, safely (no pickle) and fast.

    `compress`: None (inferred from the file extension: .z .gz .bz2 .lzma .xz .lz4 .zst),
    False/0, True (zlib level 3), a zlib level 1-9, a method name, or (method, level).
    A path is written atomically: to a temporary sibling, fsynced (unless `durable=False`)
    and renamed. `checksum=True` stores a CRC-32 of the array data, checked on load.
    Returns the list of files written, like joblib. Raises SerializationError (E250-E253)
    naming the path of a value that cannot be stored; nothing is written then.
    """
    is_path = isinstance(target, (str, os.PathLike))
    if not is_path and not callable(getattr(target, "write", None)):
        raise InputTypeError(
            Errors.E258.format(role="target", method="write", type=type(target).__name__)
        )
    from .encode import Encoder

    method, level = resolve(compress, os.fspath(target) if is_path else None)
    compressor = get_compressor(method) if method else None
    # A compressed file cannot be memory-mapped, so its arrays are packed with no padding.
    enc = Encoder(fmt.ALIGN if compressor is None else 1)
    root = enc.encode_root(value)
    try:
        structure = msgpack.packb(root, use_bin_type=True)
    except (ValueError, OverflowError, TypeError) as e:
        raise SerializationError(Errors.E252.format(path="obj", limit=fmt.MAX_DEPTH)) from e
    crc = _data_crc(enc) if checksum else None
    header = fmt.header_for(
        len(structure), enc.data_length, crc, packed=compressor is not None
    ).pack(structure)
    if compressor is not None:
        open_writer = compressor.open_writer

        def write(f: BinaryIO) -> None:
            stream = open_writer(f, level)
            try:
                _write(stream, header, structure, enc, _COMPRESS_CHUNK)
            finally:
                stream.close()
    else:

        def write(f: BinaryIO) -> None:
            _write(f, header, structure, enc, None)

    if not is_path:
        write(target)  # type: ignore[arg-type]
        return []
    path = Path(os.fspath(target))
    try:
        with atomic_open(path, durable) as f:
            write(f)
    except PlaitError:
        raise
    except OSError as e:
        raise SerializationError(Errors.E280.format(action="write", path=path, error=e)) from e
    return [str(path)]


# --- reading ------------------------------------------------------------------------------


class _Prefixed(io.RawIOBase):
    """A stream that first returns already-read bytes, then the rest of `f`."""

    def __init__(self, head: bytes, f: BinaryIO) -> None:
        self.head = head
        self.f = f

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:  # type: ignore[override]
        view = memoryview(b).cast("B")
        if self.head:
            n = min(len(view), len(self.head))
            view[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        return self.f.readinto(view)  # type: ignore[attr-defined]

    def read(self, n: int = -1) -> bytes:  # type: ignore[override]
        if self.head:
            if n is None or n < 0:
                data, self.head = self.head + self.f.read(), b""
                return data
            data, self.head = self.head[:n], self.head[n:]
            return data
        return self.f.read(n)


def _read_exact(stream: BinaryIO, n: int, source: str, what: str, done: int = 0) -> bytes:
    """Read exactly `n` bytes, in chunks so a false size cannot make one huge allocation."""
    parts = bytearray()
    while len(parts) < n:
        chunk = stream.read(min(n - len(parts), 16 << 20))
        if not chunk:
            raise FormatError(
                Errors.E264.format(
                    source=source, what=what, expected=done + n, got=done + len(parts)
                )
            )
        parts += chunk
    return bytes(parts)


class _Opened:
    """A source opened for reading: the decompressed stream and what is known about it."""

    def __init__(self, stream: BinaryIO, source: str, method: str | None, size: int | None) -> None:
        self.stream = stream
        self.source = source
        self.method = method
        self.size = size  # exact size of the plait stream, when known (uncompressed files)


def _open(source: PathLike | BinaryIO, stack: ExitStack, for_mmap: str | None) -> _Opened:
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        label = str(name)
        try:
            mode = "r+b" if for_mmap == "r+" else "rb"
            f = stack.enter_context(open(name, mode, buffering=0))  # noqa: SIM115
            size = os.fstat(f.fileno()).st_size
        except OSError as e:
            if isinstance(e, FileNotFoundError):
                raise FormatError(Errors.E008.format(path=name)) from e
            raise FormatError(Errors.E280.format(action="read", path=name, error=e)) from e
        head = f.read(8)
        f.seek(0)
        raw: BinaryIO = f
        exact = True
    else:
        if not callable(getattr(source, "read", None)):
            raise InputTypeError(
                Errors.E258.format(role="source", method="read", type=type(source).__name__)
            )
        label = f"<{type(source).__name__}>"
        head = source.read(8)
        if not isinstance(head, bytes):
            raise InputTypeError(
                Errors.E258.format(role="source", method="read", type=type(source).__name__)
            )
        raw = _Prefixed(head, source)  # type: ignore[assignment]
        size = None
        exact = False
    if head.startswith(fmt.MAGIC[: len(head)]) and len(head) == 8:
        stream = stack.enter_context(io.BufferedReader(raw, _READ_BUFFER)) if exact else raw
        return _Opened(stream, label, None, size if exact else None)  # type: ignore[arg-type]
    method = detect(head)
    if method is None:
        if len(head) < 8 and fmt.MAGIC.startswith(head):
            raise FormatError(
                Errors.E264.format(source=label, what="the header", expected=fmt.HEADER_SIZE, got=len(head))
            )
        raise FormatError(Errors.E261.format(source=label, head=head))
    compressor = get_compressor(method)
    try:
        stream = compressor.open_reader(raw)
    except PlaitError:
        raise
    except Exception as e:
        raise FormatError(Errors.E273.format(source=label, method=method, error=e)) from e
    stack.callback(stream.close)
    return _Opened(_Guarded(stream, label, method), label, method, None)  # type: ignore[arg-type]


class _Guarded(io.RawIOBase):
    """Wraps a decompressing stream so its errors become coded E273 errors."""

    def __init__(self, stream: BinaryIO, source: str, method: str) -> None:
        self.s = stream
        self.source = source
        self.method = method

    def readable(self) -> bool:
        return True

    def _fail(self, e: Exception) -> FormatError:
        return FormatError(Errors.E273.format(source=self.source, method=self.method, error=e))

    def readinto(self, b: Any) -> int:  # type: ignore[override]
        try:
            return self.s.readinto(b)  # type: ignore[attr-defined]
        except (PlaitError, MemoryError):
            raise
        except Exception as e:
            raise self._fail(e) from e

    def read(self, n: int = -1) -> bytes:  # type: ignore[override]
        try:
            return self.s.read(n)
        except (PlaitError, MemoryError):
            raise
        except Exception as e:
            raise self._fail(e) from e


def read_front(opened: _Opened) -> tuple[fmt.Header, Any]:
    """Read and validate the header and the structure; return the header and msgpack tree."""
    source = opened.source
    raw = _read_exact(opened.stream, fmt.HEADER_SIZE, source, "the header")
    header = fmt.parse_header(raw, source, opened.size)
    structure = _read_exact(
        opened.stream, header.structure_length, source, "the structure", fmt.HEADER_SIZE
    )
    fmt.check_header_crc(raw, structure, source)
    pad = header.data_offset - fmt.HEADER_SIZE - header.structure_length
    padding = _read_exact(opened.stream, pad, source, "the padding", fmt.HEADER_SIZE + len(structure))
    if any(padding):
        raise FormatError(
            Errors.E263.format(
                source=source, field="padding", value="non-zero", reason="must be zero bytes"
            )
        )
    try:
        tree = msgpack.unpackb(structure, raw=False, use_list=True, strict_map_key=True)
    except Exception as e:  # msgpack raises several unrelated types
        raise FormatError(
            Errors.E267.format(source=source, path="obj", reason=f"not valid msgpack ({e})")
        ) from e
    return header, tree


def load(
    source: PathLike | BinaryIO,
    mmap_mode: str | None = None,
    *,
    trusted: Iterable[type | str] | None = None,
) -> Any:
    """Load what `dump` saved, without running code from the file.

    `mmap_mode` ("r", "r+" or "c") memory-maps the arrays of an uncompressed file given by
    its path: they come back as `numpy.memmap` views of one mapping, so loading takes the
    same time whatever their size. `trusted`: classes (or "module:QualName" names, or module
    prefixes like "sklearn") whose instances may be rebuilt from their attributes; the
    modules of trusted names may be imported, no other. Raises FormatError for a damaged,
    truncated or hostile file, CompatibilityError for a newer format version, LookupFailed
    for a class that is neither registered nor trusted.
    """
    if mmap_mode not in _MMAP_MODES:
        raise InputError(Errors.E257.format(value=mmap_mode))
    resolver_trusted = list(trusted) if trusted is not None else None
    with ExitStack() as stack:
        opened = _open(source, stack, mmap_mode)
        resolver = Resolver(resolver_trusted, opened.source)
        header, tree = read_front(opened)
        arrays: StreamArrays | MappedArrays
        copy_from = None
        if mmap_mode is None:
            copy_from = _map_for_copy(opened, header, stack)
        if copy_from is not None:
            arrays = CopiedArrays(
                copy_from, header.data_offset, opened.source,
                bool(header.flags & fmt.FLAG_DATA_CRC),
            )
        elif mmap_mode is not None and opened.method is None and opened.size is not None:
            arrays = MappedArrays(_map(source, opened, header, mmap_mode))  # type: ignore[arg-type]
        else:
            if mmap_mode is not None:
                what = "a compressed file" if opened.method else "a file object"
                warn(Warnings.W050.format(mode=mmap_mode, what=what))
            arrays = StreamArrays(
                opened.stream, opened.source, header.data_length,
                bool(header.flags & fmt.FLAG_DATA_CRC),
                DECOMPRESSED_READ_CHUNK if opened.method else READ_CHUNK,
            )
        decoder = Decoder(
            opened.source, arrays, header.data_length, resolver, header.array_align
        )
        value = decoder.decode_root(tree)
        if decoder.end != header.data_length:
            raise FormatError(
                Errors.E263.format(
                    source=opened.source, field="data_length", value=header.data_length,
                    reason=f"the arrays in the structure end at {decoder.end}",
                )
            )
        arrays.finish(header.data_crc)
        if opened.method is not None and opened.stream.read(1):
            raise FormatError(
                Errors.E263.format(
                    source=opened.source, field="data_length", value=header.data_length,
                    reason="the decompressed stream goes on after the data section",
                )
            )
    return value


def _map(source: PathLike, opened: _Opened, header: fmt.Header, mode: str) -> np.memmap:
    """Map the data section once; every array is a view of this one mapping."""
    if header.data_length == 0:
        return np.zeros(0, dtype=np.uint8).view(np.memmap)  # nothing to map
    try:
        raw = opened.stream.raw if isinstance(opened.stream, io.BufferedReader) else opened.stream
        return np.memmap(
            raw, dtype=np.uint8, mode=mode, offset=header.data_offset, shape=(header.data_length,)
        )
    except (OSError, ValueError) as e:
        raise FormatError(Errors.E279.format(source=opened.source, error=e)) from e


def _map_for_copy(opened: _Opened, header: fmt.Header, stack: ExitStack) -> memoryview | None:
    """A read-only view of the data section of a large uncompressed file, or None.

    None (read() then) for compressed streams, file objects, small data, or a file that
    cannot be mapped. The header check has already matched the data section to the size of
    the file, so every array the decoder accepts lies inside the mapping.
    """
    if (
        opened.method is not None
        or opened.size is None
        or not COPY_FROM_MAP_MIN
        or header.data_length < COPY_FROM_MAP_MIN
        or not isinstance(opened.stream, io.BufferedReader)
    ):
        return None
    try:
        fd = opened.stream.raw.fileno()  # type: ignore[attr-defined]
        mapped = mmap.mmap(fd, opened.size, access=mmap.ACCESS_READ)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None
    whole = memoryview(mapped)
    data = whole[header.data_offset : header.data_offset + header.data_length]

    def close() -> None:
        try:
            data.release()
            whole.release()
            mapped.close()
        except BufferError:  # a view still exported (a traceback frame); the GC unmaps it
            pass

    stack.callback(close)
    return data
