"""Stream compressors for plait.persist: the built-in methods, the registry, and `compress=`.

A compressed file is the whole uncompressed file passed through one standard stream format,
so `gzip -d model.plait.gz` gives a file that can be memory-mapped. Writers and readers are
streams: data goes through in chunks and is never held twice in memory.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import Errors, InputError, InputTypeError, LookupFailed
from .zstd_blocks import SAFE_STEP, ZstdBudget

DEFAULT_LEVEL = 3
CHUNK = 1 << 20


@dataclass(frozen=True)
class Compressor:
    """A compression method: how to recognise, write and read its stream.

    `open_writer(fileobj, level)` returns a writable binary stream whose `close()` finishes
    the compressed stream without closing `fileobj`; `open_reader(fileobj)` returns a
    readable binary stream. `prefix` is the first bytes of every stream it writes (used to
    detect the method on load), `extension` the file suffix that selects it (".zst").
    """

    prefix: bytes
    open_writer: Callable[[BinaryIO, int], BinaryIO]
    open_reader: Callable[[BinaryIO], BinaryIO]
    extension: str | None = None
    max_level: int = 9
    matches: Callable[[bytes], bool] | None = None

    def detects(self, head: bytes) -> bool:
        """True when a stream starting with `head` was written by this method."""
        if self.matches is not None:
            return self.matches(head)
        return head.startswith(self.prefix)


# --- zlib (RFC 1950) as a stream ---------------------------------------------------------


class _ZlibWriter(io.RawIOBase):
    def __init__(self, fileobj: BinaryIO, level: int) -> None:
        self._f = fileobj
        self._c = zlib.compressobj(level)

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:  # type: ignore[override]
        out = self._c.compress(data)
        if out:
            self._f.write(out)
        return memoryview(data).nbytes

    def close(self) -> None:
        if not self.closed:
            self._f.write(self._c.flush())
        super().close()


class _ObjReader(io.RawIOBase):
    """A readable stream over a decompressor object (`decompress`, `eof`) that must end.

    Input that ends before the decompressor's end of stream is an EOFError (a truncated
    file), which the stream readers of some packages let pass silently. Without an output
    limit in the decompressor (zstd), `budget` says how much input may be fed at once so that
    one call's output stays bounded and a hostile stream cannot force a huge allocation.
    """

    def __init__(self, fileobj: BinaryIO, make: Callable[[], Any],
                 budget: ZstdBudget | None) -> None:
        self._f = fileobj
        self._d = make()
        self._budget = budget  # None: the decompressor takes max_length (zlib)
        self._pending: Any = memoryview(b"")
        self._start = 0  # stream offset of the first pending byte
        self._out = memoryview(b"")

    def readable(self) -> bool:
        return True

    def _more(self) -> bool:
        """Append the next chunk of input to what is pending; False at the end of the input."""
        data = self._f.read(CHUNK)
        if not data:
            return False
        self._pending = memoryview(bytes(self._pending) + data if self._pending else data)
        return True

    def readinto(self, b: Any) -> int:  # type: ignore[override]
        view = memoryview(b).cast("B")
        while not self._out:
            if self._d.eof:
                return 0
            if not self._pending and not self._more():
                raise EOFError("the compressed stream ended before its end marker")
            if self._budget is None:
                out = self._d.decompress(self._pending, CHUNK)
                self._pending = memoryview(self._d.unconsumed_tail)
            else:
                n = self._budget.step(self._pending, self._start)
                if n == 0 and not self._more():
                    n = min(len(self._pending), SAFE_STEP)
                if n == 0:
                    continue
                out = self._d.decompress(self._pending[:n])
                self._pending = self._pending[n:]
                self._start += n
            self._out = memoryview(out)
        n = min(len(view), len(self._out))
        view[:n] = self._out[:n]
        self._out = self._out[n:]
        return n


def _zlib_reader(f: BinaryIO) -> BinaryIO:
    return io.BufferedReader(_ObjReader(f, zlib.decompressobj, None), CHUNK)  # type: ignore[arg-type]


def _is_zlib(head: bytes) -> bool:
    return len(head) >= 2 and head[0] == 0x78 and (head[0] * 256 + head[1]) % 31 == 0


# --- the other built-in methods -----------------------------------------------------------


def _gzip_writer(f: BinaryIO, level: int) -> BinaryIO:
    return gzip.GzipFile(fileobj=f, mode="wb", compresslevel=level, mtime=0)  # type: ignore[return-value]


def _gzip_reader(f: BinaryIO) -> BinaryIO:
    return gzip.GzipFile(fileobj=f, mode="rb")  # type: ignore[return-value]


def _bz2_writer(f: BinaryIO, level: int) -> BinaryIO:
    return bz2.BZ2File(f, "wb", compresslevel=max(level, 1))  # type: ignore[return-value]


def _bz2_reader(f: BinaryIO) -> BinaryIO:
    return bz2.BZ2File(f, "rb")  # type: ignore[return-value]


def _lzma_writer(fmt: int) -> Callable[[BinaryIO, int], BinaryIO]:
    def open_writer(f: BinaryIO, level: int) -> BinaryIO:
        return lzma.LZMAFile(f, "wb", format=fmt, preset=level)  # type: ignore[return-value]

    return open_writer


def _lzma_reader(f: BinaryIO) -> BinaryIO:
    return lzma.LZMAFile(f, "rb", format=lzma.FORMAT_AUTO)  # type: ignore[return-value]


def _need(module: str, package: str, method: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise LookupFailed(Errors.E256.format(name=method, package=package)) from e


def _lz4_writer(f: BinaryIO, level: int) -> BinaryIO:
    frame = _need("lz4.frame", "lz4", "lz4")
    return frame.LZ4FrameFile(f, "wb", compression_level=level)


def _lz4_reader(f: BinaryIO) -> BinaryIO:
    frame = _need("lz4.frame", "lz4", "lz4")
    return frame.LZ4FrameFile(f, "rb")


def _zstd_writer(f: BinaryIO, level: int) -> BinaryIO:
    zstd = _need("zstandard", "zstandard", "zstd")
    return zstd.ZstdCompressor(level=level, write_checksum=True).stream_writer(f, closefd=False)


def _zstd_reader(f: BinaryIO) -> BinaryIO:
    zstd = _need("zstandard", "zstandard", "zstd")
    reader = _ObjReader(f, zstd.ZstdDecompressor().decompressobj, ZstdBudget())
    return io.BufferedReader(reader, CHUNK)  # type: ignore[arg-type]


_COMPRESSORS: dict[str, Compressor] = {
    "zlib": Compressor(b"\x78", _ZlibWriter, _zlib_reader, ".z", matches=_is_zlib),  # type: ignore[arg-type]
    "gzip": Compressor(b"\x1f\x8b", _gzip_writer, _gzip_reader, ".gz"),
    "bz2": Compressor(b"BZh", _bz2_writer, _bz2_reader, ".bz2"),
    "xz": Compressor(b"\xfd7zXZ\x00", _lzma_writer(lzma.FORMAT_XZ), _lzma_reader, ".xz"),
    "lzma": Compressor(b"\x5d\x00\x00", _lzma_writer(lzma.FORMAT_ALONE), _lzma_reader, ".lzma"),
    "lz4": Compressor(b"\x04\x22\x4d\x18", _lz4_writer, _lz4_reader, ".lz4", max_level=16),
    "zstd": Compressor(b"\x28\xb5\x2f\xfd", _zstd_writer, _zstd_reader, ".zst", max_level=22),
}
_BUILTIN = frozenset(_COMPRESSORS)


def register_compressor(name: str, compressor: Compressor, force: bool = False) -> None:
    """Add a compression method usable as `compress=name` and detected on load by its prefix.

    Raises InputError if the name or prefix is taken (unless `force=True`; the built-in
    methods cannot be replaced) or the prefix could be mistaken for a plait file.
    """
    from .format import MAGIC

    if not isinstance(name, str) or not name:
        raise InputTypeError(Errors.E260.format(name=name, reason="the name must be a non-empty str"))
    if not isinstance(compressor, Compressor):
        raise InputTypeError(
            Errors.E260.format(
                name=name,
                reason=f"expected a plait.persist.Compressor, got {type(compressor).__name__}",
            )
        )
    prefix = compressor.prefix
    if not isinstance(prefix, bytes) or len(prefix) < 2 or len(prefix) > 8:
        raise InputError(Errors.E260.format(name=name, reason="the prefix must be 2 to 8 bytes"))
    if MAGIC.startswith(prefix):
        raise InputError(Errors.E260.format(name=name, reason="the prefix is plait's own magic"))
    if name in _BUILTIN:
        raise InputError(Errors.E260.format(name=name, reason="built-in methods cannot be replaced"))
    for other, comp in _COMPRESSORS.items():
        if other == name or force:
            continue
        if comp.detects(prefix) or prefix.startswith(comp.prefix) or comp.prefix.startswith(prefix):
            raise InputError(
                Errors.E260.format(name=name, reason=f"its prefix clashes with {other!r}")
            )
    if name in _COMPRESSORS and not force:
        raise InputError(Errors.E260.format(name=name, reason="the name is taken; pass force=True"))
    _COMPRESSORS[name] = compressor


def get_compressor(name: str) -> Compressor:
    """The compressor registered under `name` (E255 if there is none)."""
    try:
        return _COMPRESSORS[name]
    except KeyError:
        raise LookupFailed(Errors.E255.format(name=name, methods=", ".join(_COMPRESSORS))) from None


def detect(head: bytes) -> str | None:
    """The name of the method whose stream starts with `head`, or None."""
    for name, comp in _COMPRESSORS.items():
        if comp.detects(head):
            return name
    return None


def from_extension(path: str | Path) -> str | None:
    """The method selected by a file name's suffix (".gz" -> "gzip"), or None."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return None
    for name, comp in _COMPRESSORS.items():
        if comp.extension == suffix:
            return name
    return None


def resolve(compress: object, path: str | Path | None) -> tuple[str | None, int]:
    """Turn a `compress=` argument (and the target's name) into (method or None, level)."""
    if compress is None:
        method = from_extension(path) if path is not None else None
        return method, DEFAULT_LEVEL if method else 0
    if compress is False:
        return None, 0
    if compress is True:
        return "zlib", DEFAULT_LEVEL
    if isinstance(compress, int):
        if not 0 <= compress <= 9:
            raise _bad_compress(compress)
        return ("zlib", compress) if compress else (None, 0)
    if isinstance(compress, str):
        get_compressor(compress)
        return compress, DEFAULT_LEVEL
    if isinstance(compress, tuple) and len(compress) == 2:
        method, level = compress
        if not isinstance(method, str) or not isinstance(level, int) or isinstance(level, bool):
            raise _bad_compress(compress)
        comp = get_compressor(method)
        if not 0 <= level <= comp.max_level:
            raise _bad_compress(compress)
        return (method, level) if level else (None, 0)
    raise _bad_compress(compress)


def _bad_compress(value: object) -> InputError:
    return InputError(Errors.E254.format(value=value, methods=", ".join(_COMPRESSORS)))
