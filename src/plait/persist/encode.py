"""Turn a Python value into the plait.persist structure (msgpack nodes) and an array list."""

from __future__ import annotations

import datetime as dt
import decimal
import pathlib
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from ..errors import Errors, SerializationError
from . import format as fmt
from .dtypes import describe, little_endian
from .types import TypeEntry, entry_for_dump, plain_state

try:
    import zoneinfo
except ImportError:  # pragma: no cover - Python < 3.9
    zoneinfo = None  # type: ignore[assignment]

_INT_MIN, _INT_MAX = -(2**63), 2**64 - 1
_NATIVE = frozenset({str, float, bool, type(None), bytes})
WRITE_CHUNK = 16 << 20


class _Failed(Exception):
    """Raised inside the encoder; each container adds its step to `path` on the way out."""

    def __init__(self, make: Callable[[str], SerializationError]) -> None:
        super().__init__()
        self.make = make
        self.path: list[str] = []


class PlannedArray:
    """An array to write at `offset` of the data section (converted chunk by chunk)."""

    __slots__ = ("array", "dtype", "fortran", "nbytes", "offset")

    def __init__(self, offset: int, array: np.ndarray, dtype: np.dtype, fortran: bool) -> None:
        self.offset = offset
        self.array = array
        self.dtype = dtype
        self.fortran = fortran
        self.nbytes = array.size * dtype.itemsize

    def chunks(self) -> Iterator[memoryview]:
        """The array's bytes as stored (little-endian, in the stored order), in chunks."""
        arr = self.array
        if self.nbytes == 0:
            return
        if arr.dtype == self.dtype and (arr.flags.c_contiguous or self.fortran):
            flat = arr.ravel(order="K").view(np.uint8)
            for start in range(0, flat.size, WRITE_CHUNK):
                yield memoryview(flat[start : start + WRITE_CHUNK])
            return
        if arr.ndim == 0:
            yield memoryview(np.ascontiguousarray(arr, dtype=self.dtype).reshape(1).view(np.uint8))
            return
        row = max(1, self.nbytes // max(1, arr.shape[0]))
        step = max(1, WRITE_CHUNK // row)
        for start in range(0, arr.shape[0], step):
            part = np.ascontiguousarray(arr[start : start + step]).astype(self.dtype, copy=False)
            yield memoryview(part.reshape(-1).view(np.uint8))


class Encoder:
    """Walk a value depth-first, numbering memo slots as the decoder will (docs/formats.md)."""

    def __init__(self, array_align: int = fmt.ALIGN) -> None:
        self.array_align = array_align  # 1 for a packed (compressed) file, else 64
        self.memo: dict[int, int] = {}
        self.keep: list[Any] = []  # holds every memoized object so its id() stays unique
        self.pending: dict[int, str] = {}  # slot -> type name, for nodes built after their items
        self.arrays: list[PlannedArray] = []
        self.data_length = 0

    def encode_root(self, obj: Any) -> Any:
        """Encode `obj`; raise a coded SerializationError naming the path of a bad value."""
        try:
            return self.enc(obj, 0)
        except _Failed as f:
            raise f.make("obj" + "".join(reversed(f.path))) from f.__cause__
        except RecursionError as e:
            raise SerializationError(
                Errors.E252.format(path="obj", limit=fmt.MAX_DEPTH)
            ) from e

    def _enter(self, obj: Any) -> int:
        slot = len(self.keep)
        self.memo[id(obj)] = slot
        self.keep.append(obj)
        return slot

    def enc(self, obj: Any, depth: int) -> Any:
        t = type(obj)
        if t in _NATIVE:
            return obj
        if t is int:
            if _INT_MIN <= obj <= _INT_MAX:
                return obj
            n = (obj.bit_length() + 8) // 8
            return [fmt.T_BIGINT, obj.to_bytes(n, "little", signed=True)]
        if depth >= fmt.MAX_DEPTH:
            raise _Failed(
                lambda p: SerializationError(Errors.E252.format(path=p, limit=fmt.MAX_DEPTH))
            )
        slot = self.memo.get(id(obj))
        if slot is not None:
            if slot in self.pending:
                name = self.pending[slot]
                raise _Failed(lambda p: SerializationError(Errors.E253.format(type=name, path=p)))
            return [fmt.T_REF, slot]
        handler = _HANDLERS.get(t)
        if handler is not None:
            return handler(self, obj, depth + 1)
        return self._other(obj, t, depth + 1)

    # --- containers ----------------------------------------------------------------------

    def _list(self, obj: list, depth: int) -> list:
        self._enter(obj)
        return self._items([fmt.T_LIST], obj, depth)

    def _items(self, out: list, items: Any, depth: int) -> list:
        types = set(map(type, items))
        if types <= _NATIVE or (types == {int} and _INT_MIN <= min(items) and max(items) <= _INT_MAX):
            out.extend(items)
            return out
        enc = self.enc
        i = 0
        try:
            for i, item in enumerate(items):
                out.append(enc(item, depth))
        except _Failed as f:
            f.path.append(f"[{i}]")
            raise
        return out

    def _frozen(self, tag: int, obj: Any, depth: int) -> list:
        slot = self._enter(obj)
        self.pending[slot] = type(obj).__name__
        out = self._items([tag], obj, depth)
        del self.pending[slot]
        return out

    def _tuple(self, obj: tuple, depth: int) -> list:
        return self._frozen(fmt.T_TUPLE, obj, depth)

    def _frozenset(self, obj: frozenset, depth: int) -> list:
        return self._frozen(fmt.T_FROZENSET, obj, depth)

    def _set(self, obj: set, depth: int) -> list:
        self._enter(obj)
        return self._items([fmt.T_SET], obj, depth)

    def _dict(self, obj: dict, depth: int, attrs: bool = False) -> list:
        self._enter(obj)
        out: list = [fmt.T_DICT]
        enc = self.enc
        key = None
        try:
            for key, value in obj.items():
                out.append(enc(key, depth))
                out.append(enc(value, depth))
        except _Failed as f:
            f.path.append(f".{key}" if attrs and isinstance(key, str) else f"[{key!r}]")
            raise
        return out

    def _bytearray(self, obj: bytearray, depth: int) -> list:
        self._enter(obj)
        return [fmt.T_BYTEARRAY, bytes(obj)]

    # --- arrays ----------------------------------------------------------------------------

    def _array(self, arr: np.ndarray, depth: int) -> list:
        dtype = arr.dtype
        if dtype.hasobject:
            raise _Failed(
                lambda p: SerializationError(Errors.E251.format(path=p, dtype=dtype))
            )
        self._enter(arr)
        le = little_endian(dtype)
        fortran = arr.ndim > 1 and not arr.flags.c_contiguous and arr.flags.f_contiguous
        if fortran and le != dtype:
            fortran = False  # swapped in C order, chunk by chunk
        offset = fmt.align(self.data_length, self.array_align)
        planned = PlannedArray(offset, arr, le, fortran)
        self.arrays.append(planned)
        self.data_length = offset + planned.nbytes
        return [fmt.T_ARRAY, describe(le), list(arr.shape), fortran, planned.nbytes]

    # --- scalars ---------------------------------------------------------------------------

    def _complex(self, obj: complex, depth: int) -> list:
        return [fmt.T_COMPLEX, obj.real, obj.imag]

    def _decimal(self, obj: decimal.Decimal, depth: int) -> list:
        return [fmt.T_DECIMAL, str(obj)]

    def _datetime(self, obj: dt.datetime, depth: int) -> list:
        return [
            fmt.T_DATETIME, obj.year, obj.month, obj.day, obj.hour, obj.minute, obj.second,
            obj.microsecond, obj.fold, self._tz(obj.tzinfo, depth),
        ]

    def _date(self, obj: dt.date, depth: int) -> list:
        return [fmt.T_DATE, obj.year, obj.month, obj.day]

    def _time(self, obj: dt.time, depth: int) -> list:
        return [
            fmt.T_TIME, obj.hour, obj.minute, obj.second, obj.microsecond, obj.fold,
            self._tz(obj.tzinfo, depth),
        ]

    def _timedelta(self, obj: dt.timedelta, depth: int) -> list:
        return [fmt.T_TIMEDELTA, obj.days, obj.seconds, obj.microseconds]

    def _tz(self, tz: dt.tzinfo | None, depth: int) -> Any:
        if tz is None:
            return None
        return self.enc(tz, depth)

    def _timezone(self, tz: dt.timezone, depth: int) -> list:
        offset = tz.utcoffset(None)
        name = tz.tzname(None)
        default = dt.timezone(offset).tzname(None)
        return [fmt.T_TIMEZONE, offset // dt.timedelta(microseconds=1), None if name == default else name]

    def _zoneinfo(self, tz: Any, depth: int) -> list:
        if tz.key is None:
            raise _unsupported(type(tz))
        return [fmt.T_ZONEINFO, tz.key]

    def _path(self, obj: pathlib.PurePath, depth: int) -> list:
        if isinstance(obj, pathlib.Path):
            kind = 0
        elif isinstance(obj, pathlib.PureWindowsPath):
            kind = 2
        else:
            kind = 1
        return [fmt.T_PATH, kind, str(obj)]

    def _npscalar(self, obj: np.generic, depth: int) -> list:
        dtype = obj.dtype
        if dtype.hasobject:
            raise _Failed(lambda p: SerializationError(Errors.E251.format(path=p, dtype=dtype)))
        le = little_endian(dtype)
        data = np.asarray(obj).astype(le).tobytes()
        return [fmt.T_NPSCALAR, describe(le), data]

    # --- everything else -------------------------------------------------------------------

    def _other(self, obj: Any, t: type, depth: int) -> Any:
        if issubclass(t, np.generic):
            return self._npscalar(obj, depth)
        if t is np.memmap:
            return self._array(obj, depth)
        if issubclass(t, pathlib.PurePath):
            return self._path(obj, depth)
        if zoneinfo is not None and t is zoneinfo.ZoneInfo:
            return self._zoneinfo(obj, depth)
        entry = entry_for_dump(t)
        if entry is None:
            raise _unsupported(t)
        return self._object(obj, entry, depth)

    def _object(self, obj: Any, entry: TypeEntry, depth: int) -> list:
        slot = self._enter(obj)
        if entry.plain:
            state = plain_state(obj)
            if type(state) is not dict:
                raise _unsupported(type(obj))
            return [fmt.T_OBJECT, entry.name, self._dict(state, depth + 1, attrs=True)]
        self.pending[slot] = entry.cls.__name__
        try:
            state = entry.to_state(obj)  # type: ignore[misc]
        except Exception as e:
            name, error = entry.name, f"{type(e).__name__}: {e}"
            failed = _Failed(
                lambda p: SerializationError(Errors.E276.format(name=name, path=p, error=error))
            )
            raise failed from e
        try:
            node = self.enc(state, depth + 1)
        except _Failed as f:
            f.path.append(".<state>")
            raise
        del self.pending[slot]
        return [fmt.T_OBJECT, entry.name, node]


def _unsupported(t: type) -> _Failed:
    name = f"{t.__module__}.{t.__qualname__}" if t.__module__ != "builtins" else t.__qualname__
    return _Failed(lambda p: SerializationError(Errors.E250.format(type=name, path=p)))


_HANDLERS: dict[type, Callable[[Encoder, Any, int], Any]] = {
    list: Encoder._list,
    tuple: Encoder._tuple,
    dict: Encoder._dict,
    set: Encoder._set,
    frozenset: Encoder._frozenset,
    bytearray: Encoder._bytearray,
    np.ndarray: Encoder._array,
    complex: Encoder._complex,
    decimal.Decimal: Encoder._decimal,
    dt.datetime: Encoder._datetime,
    dt.date: Encoder._date,
    dt.time: Encoder._time,
    dt.timedelta: Encoder._timedelta,
    dt.timezone: Encoder._timezone,
}
