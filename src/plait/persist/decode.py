"""Rebuild Python values from the plait.persist structure, validating every node."""

from __future__ import annotations

import datetime as dt
import decimal
import pathlib
import zlib
from collections.abc import Callable
from typing import Any, BinaryIO

import numpy as np

from ..errors import Errors, FormatError, LookupFailed, PlaitError
from . import format as fmt
from .dtypes import DtypeProblem, parse
from .types import Resolver, new_instance, set_plain_state

_NATIVE = frozenset({str, float, bool, type(None), bytes, int})
_PENDING = object()
READ_CHUNK = 16 << 20
# Decompressing readers are asked for less at a time: some (those on Python's
# _compression.DecompressReader: lz4, bz2, lzma, gzip) allocate an output buffer of the size asked
# for at every call, which costs more than the decompression when the call is 16 MiB.
DECOMPRESSED_READ_CHUNK = 1 << 20
PAGE = 4096
ALIGNED_COPY_MIN = 1 << 18  # smaller arrays are copied into memory of their own (np.empty)


class _Bad(Exception):
    """Raised inside the decoder; each container adds its step to `path` on the way out."""

    def __init__(self, make: Callable[[str], PlaitError]) -> None:
        super().__init__()
        self.make = make
        self.path: list[str] = []


def _structure(source: str, reason: str) -> _Bad:
    return _Bad(lambda p: FormatError(Errors.E267.format(source=source, path=p, reason=reason)))


# --- where array bytes come from -------------------------------------------------------------


class StreamArrays:
    """Arrays read in order from a stream positioned at the data section (each owns its memory)."""

    def __init__(self, stream: BinaryIO, source: str, length: int, crc: bool,
                 chunk: int = READ_CHUNK) -> None:
        self.stream = stream
        self.source = source
        self.length = length
        self.pos = 0
        self.crc: int | None = 0 if crc else None
        self.chunk = chunk

    def _fill(self, view: memoryview, what: str) -> None:
        got = 0
        total = len(view)
        while got < total:
            n = self.stream.readinto(view[got : got + self.chunk])
            if not n:
                raise FormatError(
                    Errors.E264.format(
                        source=self.source, what=what, expected=self.pos + total, got=self.pos + got
                    )
                )
            got += n
        if self.crc is not None:
            self.crc = zlib.crc32(view, self.crc)
        self.pos += total

    def skip_to(self, offset: int) -> None:
        """Read the zero padding up to `offset`."""
        if offset > self.pos:
            pad = bytearray(offset - self.pos)
            self._fill(memoryview(pad), "the array data")
            if any(pad):
                raise FormatError(
                    Errors.E263.format(
                        source=self.source, field="padding", value="non-zero",
                        reason="the padding between arrays must be zero bytes",
                    )
                )

    def get(self, offset: int, nbytes: int, dtype: np.dtype, shape: tuple, fortran: bool) -> np.ndarray:
        """Read the next array (offsets come in increasing order)."""
        self.skip_to(offset)
        arr = self._empty(nbytes, shape, dtype, "F" if fortran else "C")
        if nbytes:
            self._fill(memoryview(arr.ravel(order="K").view(np.uint8)), "the array data")
        return arr

    def _empty(self, nbytes: int, shape: tuple, dtype: np.dtype, order: str = "C") -> np.ndarray:
        """`np.empty` for an array of `nbytes`; E274 when memory cannot hold it."""
        try:
            return np.empty(shape, dtype=dtype, order=order)
        except (MemoryError, ValueError) as e:
            raise FormatError(
                Errors.E274.format(source=self.source, what="an array", value=nbytes, limit="memory")
            ) from e

    def finish(self, stored_crc: int) -> None:
        """Read to the end of the data section and check its CRC (when there is one)."""
        if self.pos < self.length:
            rest = self.length - self.pos
            while rest:
                part = bytearray(min(rest, self.chunk))
                self._fill(memoryview(part), "the array data")
                rest -= len(part)
        if self.crc is not None and self.crc != stored_crc:
            raise FormatError(
                Errors.E266.format(source=self.source, stored=stored_crc, computed=self.crc)
            )


class CopiedArrays(StreamArrays):
    """Arrays copied out of one read-only mapping of an uncompressed file's data section.

    Same results, order, padding and CRC checks as `StreamArrays`, but each array is one
    memcpy from the mapping instead of read() calls: a user-space copy out of the page cache
    runs about twice as fast as the kernel's copy in read() (1 GB load: 0.13-0.18 s against
    0.18-0.21 s on the benchmark machine), when source and destination share their offset in
    a 4 KiB page (else the copy is 1.5x slower: 4K aliasing). So a large array gets its own
    buffer with that offset and is a view of it, as the arrays pickle and joblib load are.
    """

    def __init__(self, data: memoryview, base: int, source: str, crc: bool) -> None:
        super().__init__(None, source, len(data), crc)  # type: ignore[arg-type]
        self.data = data
        self.base = base  # file offset of the data section; the mapping starts at offset 0

    def _fill(self, view: memoryview, what: str) -> None:
        total = len(view)
        end = self.pos + total
        if end > len(self.data):  # the decoder checks offsets first; this is a second guard
            raise FormatError(
                Errors.E264.format(source=self.source, what=what, expected=end, got=len(self.data))
            )
        view[:] = self.data[self.pos : end]
        if self.crc is not None:
            self.crc = zlib.crc32(view, self.crc)
        self.pos = end

    def get(self, offset: int, nbytes: int, dtype: np.dtype, shape: tuple, fortran: bool) -> np.ndarray:
        """Copy the next array out of the mapping (offsets come in increasing order)."""
        if nbytes < ALIGNED_COPY_MIN:
            return super().get(offset, nbytes, dtype, shape, fortran)
        self.skip_to(offset)
        buf = self._empty(nbytes, (nbytes + PAGE,), np.dtype(np.uint8))
        start = (self.base + offset - buf.ctypes.data) % PAGE
        flat = buf[start : start + nbytes]
        self._fill(memoryview(flat), "the array data")
        return flat.view(dtype).reshape(shape, order="F" if fortran else "C")


class MappedArrays:
    """Arrays as views of one memory map of the data section (numpy.memmap instances)."""

    def __init__(self, data: np.memmap) -> None:
        self.data = data
        self.plain = data.view(np.ndarray)
        # What slicing `data` would copy into each view (np.memmap.__array_finalize__).
        self.attrs = {
            "_mmap": getattr(data, "_mmap", None), "filename": getattr(data, "filename", None),
            "offset": getattr(data, "offset", 0), "mode": getattr(data, "mode", None),
        }

    def get(self, offset: int, nbytes: int, dtype: np.dtype, shape: tuple, fortran: bool) -> np.ndarray:
        """A memmap view of the array's bytes."""
        if nbytes == 0:
            return np.empty(shape, dtype=dtype)
        # Slice the plain ndarray and make the memmap once: slicing, viewing and reshaping the
        # memmap itself runs its Python-level finalizer three times (2x slower for 100,000
        # small arrays).
        flat = self.plain[offset : offset + nbytes].view(dtype)
        arr = flat.reshape(shape, order="F" if fortran else "C").view(np.memmap)
        arr.__dict__.update(self.attrs)
        return arr

    def finish(self, stored_crc: int) -> None:
        """Nothing to do: a mapped file's data CRC is not checked (that would read it all)."""


# --- the structure -------------------------------------------------------------------------


class Decoder:
    """Rebuild values depth-first, numbering memo slots as the encoder did."""

    def __init__(
        self,
        source: str,
        arrays: StreamArrays | MappedArrays,
        data_length: int,
        resolver: Resolver,
        array_align: int = fmt.ALIGN,
    ) -> None:
        self.source = source
        self.array_align = array_align  # from the header: 1 for a packed file, else 64
        self.arrays = arrays
        self.data_length = data_length
        self.resolver = resolver
        self.memo: list[Any] = []
        self.end = 0  # end of the last array read: offsets must increase

    def decode_root(self, node: Any) -> Any:
        """Decode the whole structure; raise the coded error of the first bad node."""
        try:
            return self.dec(node, 0)
        except _Bad as b:
            raise b.make("obj" + "".join(reversed(b.path))) from b.__cause__

    def bad(self, reason: str) -> _Bad:
        return _structure(self.source, reason)

    def dec(self, node: Any, depth: int) -> Any:
        t = type(node)
        if t is not list:
            if t in _NATIVE:
                return node
            raise self.bad(f"unexpected msgpack value of type {t.__name__}")
        if depth >= fmt.MAX_DEPTH:
            source = self.source
            raise _Bad(
                lambda p: FormatError(Errors.E275.format(source=source, limit=fmt.MAX_DEPTH, path=p))
            )
        if not node or type(node[0]) is not int or not 0 <= node[0] < len(_DECODERS):
            raise self.bad(f"a node must start with a tag 0-{len(_DECODERS) - 1}")
        return _DECODERS[node[0]](self, node, depth + 1)

    def _items(self, node: list, depth: int) -> list:
        items = node[1:]
        if set(map(type, items)) <= _NATIVE:
            return items
        dec = self.dec
        out = []
        i = 0
        try:
            for i, item in enumerate(items):
                out.append(dec(item, depth))
        except _Bad as b:
            b.path.append(f"[{i}]")
            raise
        return out

    def _list(self, node: list, depth: int) -> list:
        out: list = []
        self.memo.append(out)
        out.extend(self._items(node, depth))
        return out

    def _frozen(self, node: list, depth: int, build: Callable[[list], Any]) -> Any:
        slot = len(self.memo)
        self.memo.append(_PENDING)
        items = self._items(node, depth)
        try:
            value = build(items)
        except TypeError as e:
            raise self.bad(f"unhashable item ({e})") from e
        self.memo[slot] = value
        return value

    def _tuple(self, node: list, depth: int) -> tuple:
        return self._frozen(node, depth, tuple)

    def _frozenset(self, node: list, depth: int) -> frozenset:
        return self._frozen(node, depth, frozenset)

    def _set(self, node: list, depth: int) -> set:
        out: set = set()
        self.memo.append(out)
        try:
            out.update(self._items(node, depth))
        except TypeError as e:
            raise self.bad(f"unhashable set item ({e})") from e
        return out

    def _dict(self, node: list, depth: int, attrs: bool = False) -> dict:
        if len(node) % 2 != 1:
            raise self.bad("a dict node needs key, value pairs")
        out: dict = {}
        self.memo.append(out)
        dec = self.dec
        key = None
        try:
            for i in range(1, len(node), 2):
                key = dec(node[i], depth)
                out[key] = dec(node[i + 1], depth)
        except TypeError as e:
            raise self.bad(f"unhashable dict key ({e})") from e
        except _Bad as b:
            b.path.append(f".{key}" if attrs and isinstance(key, str) else f"[{key!r}]")
            raise
        return out

    def _bytearray(self, node: list, depth: int) -> bytearray:
        self._arity(node, 2, "bytearray")
        if type(node[1]) is not bytes:
            raise self.bad("a bytearray node holds bytes")
        out = bytearray(node[1])
        self.memo.append(out)
        return out

    def _ref(self, node: list, depth: int) -> Any:
        self._arity(node, 2, "reference")
        slot = node[1]
        if type(slot) is not int or not 0 <= slot < len(self.memo):
            raise self.bad(f"reference to memo slot {slot!r}, which does not exist yet")
        value = self.memo[slot]
        if value is _PENDING:
            raise self.bad(f"reference to memo slot {slot}, an unfinished tuple/frozenset/object")
        return value

    def _arity(self, node: list, n: int, what: str) -> None:
        if len(node) != n:
            raise self.bad(f"a {what} node has {n - 1} fields, not {len(node) - 1}")

    # --- arrays ------------------------------------------------------------------------------

    def _dtype(self, descr: Any) -> np.dtype:
        try:
            return parse(descr)
        except DtypeProblem as e:
            source, text, reason = self.source, str(descr)[:200], str(e)
            raise _Bad(
                lambda p: FormatError(
                    Errors.E269.format(source=source, path=p, dtype=text, reason=reason)
                )
            ) from e

    def _array_bad(self, reason: str) -> _Bad:
        source = self.source
        return _Bad(lambda p: FormatError(Errors.E268.format(source=source, path=p, reason=reason)))

    def _array(self, node: list, depth: int) -> np.ndarray:
        if len(node) != 5:
            raise self._array_bad(f"an array node has 4 fields, not {len(node) - 1}")
        _, descr, shape, fortran, nbytes = node
        offset = fmt.align(self.end, self.array_align)  # arrays follow each other, in order
        dtype = self._dtype(descr)
        if type(shape) is not list or len(shape) > fmt.MAX_NDIM:
            raise self._array_bad(f"the shape must be a list of at most {fmt.MAX_NDIM} sizes")
        size = dtype.itemsize
        for d in shape:
            if type(d) is not int or d < 0:
                raise self._array_bad(f"bad dimension {d!r} in shape")
            size *= d
        if type(fortran) is not bool:
            raise self._array_bad("the order flag must be a bool")
        if type(nbytes) is not int:
            raise self._array_bad("nbytes must be an integer")
        if nbytes != size:
            raise self._array_bad(f"nbytes is {nbytes} but shape and dtype need {size}")
        if offset + nbytes > self.data_length:
            raise self._array_bad(
                f"bytes {offset}..{offset + nbytes} lie past the data section ({self.data_length})"
            )
        if nbytes and dtype.itemsize == 0:
            raise self._array_bad("a zero-size dtype cannot hold data")
        self.end = offset + nbytes
        arr = self.arrays.get(offset, nbytes, dtype, tuple(shape), fortran)
        self.memo.append(arr)
        return arr

    def _npscalar(self, node: list, depth: int) -> np.generic:
        self._arity(node, 3, "numpy scalar")
        dtype = self._dtype(node[1])
        data = node[2]
        if type(data) is not bytes or len(data) != dtype.itemsize or dtype.itemsize == 0:
            raise self.bad(f"a numpy scalar of {dtype} needs {dtype.itemsize} bytes")
        return np.frombuffer(data, dtype=dtype, count=1)[0]

    # --- objects -----------------------------------------------------------------------------

    def _object(self, node: list, depth: int) -> Any:
        self._arity(node, 3, "object")
        name = node[1]
        if type(name) is not str:
            raise self.bad("a class name must be a str")
        try:
            entry = self.resolver.resolve(name, "{path}")
        except LookupFailed as e:
            message = str(e)
            raise _Bad(lambda p: LookupFailed(message.replace("{path}", p))) from e
        slot = len(self.memo)
        if entry.plain:
            obj = self._call(entry.name, new_instance, entry.cls)
            self.memo.append(obj)
            state_node = node[2]
            if type(state_node) is not list or not state_node or state_node[0] != fmt.T_DICT:
                raise self.bad("a plain object's state must be a dict node")
            try:
                state = self._dict(state_node, depth + 1, attrs=True)
            except _Bad as b:
                b.path.append("")
                raise
            if not all(type(k) is str for k in state):
                raise self.bad("attribute names must be strings")
            self._call(entry.name, set_plain_state, obj, state)
            return obj
        self.memo.append(_PENDING)
        try:
            state = self.dec(node[2], depth + 1)
        except _Bad as b:
            b.path.append(".<state>")
            raise
        obj = self._call(entry.name, entry.from_state, state)  # type: ignore[arg-type]
        self.memo[slot] = obj
        return obj

    def _call(self, name: str, fn: Callable, *args: Any) -> Any:
        try:
            return fn(*args)
        except PlaitError as e:
            error = e
            raise _Bad(lambda p: error) from e
        except Exception as e:
            error = f"{type(e).__name__}: {e}"
            raise _Bad(
                lambda p: FormatError(Errors.E272.format(name=name, path=p, error=error))
            ) from e

    # --- scalars -----------------------------------------------------------------------------

    def _bigint(self, node: list, depth: int) -> int:
        self._arity(node, 2, "big int")
        if type(node[1]) is not bytes:
            raise self.bad("a big int node holds bytes")
        return int.from_bytes(node[1], "little", signed=True)

    def _complex(self, node: list, depth: int) -> complex:
        self._arity(node, 3, "complex")
        if type(node[1]) is not float or type(node[2]) is not float:
            raise self.bad("a complex node holds two floats")
        return complex(node[1], node[2])

    def _decimal(self, node: list, depth: int) -> decimal.Decimal:
        self._arity(node, 2, "Decimal")
        if type(node[1]) is not str or len(node[1]) > 10_000:
            raise self.bad("a Decimal node holds a str of at most 10,000 characters")
        try:
            return decimal.Decimal(node[1])
        except decimal.InvalidOperation as e:
            raise self.bad(f"not a decimal number: {node[1][:50]!r}") from e

    def _ints(self, fields: list, what: str) -> None:
        if not all(type(x) is int for x in fields):
            raise self.bad(f"a {what} node holds integers")

    def _tz(self, node: Any, depth: int) -> dt.tzinfo | None:
        if node is None:
            return None
        tz = self.dec(node, depth)
        if not isinstance(tz, dt.tzinfo):
            raise self.bad("a time zone must be a timezone or ZoneInfo node")
        return tz

    def _datetime(self, node: list, depth: int) -> dt.datetime:
        self._arity(node, 10, "datetime")
        self._ints(node[1:9], "datetime")
        tz = self._tz(node[9], depth)
        return self._build(dt.datetime, *node[1:8], tzinfo=tz, fold=node[8])

    def _date(self, node: list, depth: int) -> dt.date:
        self._arity(node, 4, "date")
        self._ints(node[1:], "date")
        return self._build(dt.date, *node[1:])

    def _time(self, node: list, depth: int) -> dt.time:
        self._arity(node, 7, "time")
        self._ints(node[1:6], "time")
        tz = self._tz(node[6], depth)
        return self._build(dt.time, *node[1:5], tzinfo=tz, fold=node[5])

    def _timedelta(self, node: list, depth: int) -> dt.timedelta:
        self._arity(node, 4, "timedelta")
        self._ints(node[1:], "timedelta")
        return self._build(dt.timedelta, node[1], node[2], node[3])

    def _timezone(self, node: list, depth: int) -> dt.timezone:
        self._arity(node, 3, "timezone")
        if type(node[1]) is not int or not (node[2] is None or type(node[2]) is str):
            raise self.bad("a timezone node holds microseconds and a name or nil")
        offset = self._build(dt.timedelta, microseconds=node[1])
        if node[2] is None:
            return self._build(dt.timezone, offset)
        return self._build(dt.timezone, offset, node[2])

    def _zoneinfo(self, node: list, depth: int) -> dt.tzinfo:
        import zoneinfo

        self._arity(node, 2, "ZoneInfo")
        if type(node[1]) is not str:
            raise self.bad("a ZoneInfo node holds its key")
        try:
            return zoneinfo.ZoneInfo(node[1])
        except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError) as e:
            raise self.bad(f"unknown time zone {node[1][:50]!r} ({e})") from e

    def _path(self, node: list, depth: int) -> pathlib.PurePath:
        self._arity(node, 3, "path")
        kind, text = node[1], node[2]
        if type(kind) is not int or not 0 <= kind < 3 or type(text) is not str:
            raise self.bad("a path node holds a kind 0-2 and a str")
        return (pathlib.Path, pathlib.PurePosixPath, pathlib.PureWindowsPath)[kind](text)

    def _build(self, cls: Callable, *args: Any, **kwargs: Any) -> Any:
        try:
            return cls(*args, **kwargs)
        except (ValueError, OverflowError, TypeError) as e:
            raise self.bad(f"invalid {getattr(cls, '__name__', cls)} fields ({e})") from e


_DECODERS: list[Callable[[Decoder, list, int], Any]] = [
    Decoder._list, Decoder._tuple, Decoder._dict, Decoder._set, Decoder._frozenset,
    Decoder._array, Decoder._object, Decoder._bytearray, Decoder._ref, Decoder._bigint,
    Decoder._complex, Decoder._decimal, Decoder._datetime, Decoder._date, Decoder._time,
    Decoder._timedelta, Decoder._timezone, Decoder._zoneinfo, Decoder._path, Decoder._npscalar,
]
assert [fmt.T_LIST, fmt.T_NPSCALAR] == [0, len(_DECODERS) - 1]
