"""Saving `doc.user_data` (extension values included) as msgpack, without pickle.

Keys and values msgpack holds natively are written as is. Other values are msgpack
extension types, each a small, validated record:

  1 tuple     msgpack list of the items
  2 Span      [start, end, label, kb_id, id] (strings), a span of the same doc
  3 Token     the token index, a token of the same doc
  4 ndarray   [dtype, shape, raw little-endian bytes] (fixed-size dtypes only)
  5 other     a `plait.persist` blob: sets, datetimes, numpy scalars and classes registered
              with `plait.persist.register` (loading rebuilds registered classes only)

A value that none of these can hold is refused when writing (E357), naming its key.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import msgpack
import numpy as np

from ..errors import Errors, FormatError, PlaitError, SerializationError

if TYPE_CHECKING:
    from .doc import Doc

EXT_TUPLE, EXT_SPAN, EXT_TOKEN, EXT_ARRAY, EXT_PERSIST = 1, 2, 3, 4, 5
_ARRAY_KINDS = frozenset("biufcSUV?")


class _Refused(Exception):
    """A value inside user_data that cannot be stored: a view of another doc, or unsupported."""

    def __init__(self, type_name: str, other_doc: bool) -> None:
        super().__init__(type_name)
        self.type_name = type_name
        self.other_doc = other_doc


def _encoder(doc: Doc) -> Callable[[Any], Any]:
    from .span import Span
    from .token import Token

    def default(obj: Any) -> Any:
        if isinstance(obj, tuple):
            return msgpack.ExtType(EXT_TUPLE, pack(list(obj), default))
        if isinstance(obj, Span):
            if obj.doc is not doc:
                raise _Refused("Span", other_doc=True)
            fields = [obj.start, obj.end, obj.label_, obj.kb_id_, obj.id_]
            return msgpack.ExtType(EXT_SPAN, pack(fields, default))
        if isinstance(obj, Token):
            if obj.doc is not doc:
                raise _Refused("Token", other_doc=True)
            return msgpack.ExtType(EXT_TOKEN, pack(obj.i, default))
        if isinstance(obj, np.ndarray) and obj.dtype.kind in _ARRAY_KINDS:
            dtype = obj.dtype.newbyteorder("<") if obj.dtype.byteorder != "|" else obj.dtype
            raw = np.ascontiguousarray(obj, dtype=dtype).tobytes()
            return msgpack.ExtType(EXT_ARRAY, pack([dtype.str, list(obj.shape), raw], default))
        return msgpack.ExtType(EXT_PERSIST, _persist_dump(obj))

    return default


def _persist_dump(obj: Any) -> bytes:
    from ..persist import dump

    buf = io.BytesIO()
    try:
        dump(obj, buf)
    except SerializationError as e:
        raise _Refused(type(obj).__name__, other_doc=False) from e
    return buf.getvalue()


def pack(obj: Any, default: Callable[[Any], Any]) -> bytes:
    """msgpack with tuples kept (strict types: tuples go through `default`)."""
    return msgpack.packb(obj, use_bin_type=True, strict_types=True, default=default)


def pack_user_data(doc: Doc, user_data: dict | None = None) -> bytes:
    """Serialize `user_data` (default: the doc's) as a msgpack list of [key, value] pairs.

    Raises SerializationError E357 naming the key of a value that cannot be stored, E365
    for a Span or Token of another doc.
    """
    data = doc._user_data if user_data is None else user_data
    pairs = [[key, value] for key, value in (data or {}).items()]
    default = _encoder(doc)
    try:
        return pack(pairs, default)
    except (_Refused, TypeError, ValueError, OverflowError) as e:
        for key, value in pairs:
            try:
                pack([key, value], default)
            except _Refused as refused:
                code = Errors.E365 if refused.other_doc else Errors.E357
                raise SerializationError(
                    code.format(key=key, type=refused.type_name)
                ) from refused
            except (TypeError, ValueError, OverflowError) as err:
                raise SerializationError(
                    Errors.E357.format(key=key, type=f"{type(value).__name__} ({err})")
                ) from err
        raise SerializationError(Errors.E357.format(key="?", type=str(e))) from e


def unpack_user_data(
    doc: Doc, data: bytes, bad: Callable[[str], FormatError]
) -> dict:
    """Read `pack_user_data` output for `doc` (spans and tokens are rebuilt on it).

    Any damage is reported through `bad(reason)`, which returns the caller's coded error.
    """
    from .span import Span

    n = len(doc)

    def ext_hook(code: int, raw: bytes) -> Any:
        if code == EXT_PERSIST:
            return _persist_load(raw)
        value = _unpack(raw, ext_hook)
        if code == EXT_TUPLE:
            if not isinstance(value, list):
                raise bad("a tuple in user_data is not stored as a list")
            return tuple(value)
        if code == EXT_SPAN:
            if (not isinstance(value, list) or len(value) != 5
                    or not all(isinstance(v, int) for v in value[:2])
                    or not all(isinstance(v, str) for v in value[2:])
                    or not 0 <= value[0] <= value[1] <= n):
                raise bad(f"a span in user_data is malformed or outside the doc: {value!r}")
            return Span(doc, value[0], value[1], value[2], kb_id=value[3], span_id=value[4])
        if code == EXT_TOKEN:
            if not isinstance(value, int) or not 0 <= value < n:
                raise bad(f"a token in user_data is malformed or outside the doc: {value!r}")
            return doc[value]
        if code == EXT_ARRAY:
            return _array(value, bad)
        raise bad(f"unknown msgpack extension type {code} in user_data")

    def _persist_load(raw: bytes) -> Any:
        from ..persist import load

        return load(io.BytesIO(raw))

    try:
        pairs = _unpack(data, ext_hook)
    except PlaitError:
        raise
    except Exception as e:  # msgpack raises several unrelated types on damaged input
        raise bad(f"user_data is not valid msgpack ({e})") from e
    if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise bad("user_data is not a list of [key, value] pairs")
    try:
        return {key: value for key, value in pairs}
    except TypeError as e:
        raise bad("a user_data key is not hashable") from e


def _unpack(raw: bytes, ext_hook: Callable[[int, bytes], Any]) -> Any:
    return msgpack.unpackb(raw, raw=False, strict_map_key=False, ext_hook=ext_hook)


def _array(value: Any, bad: Callable[[str], FormatError]) -> np.ndarray:
    if not isinstance(value, list) or len(value) != 3:
        raise bad("an array in user_data is malformed")
    descr, shape, raw = value
    try:
        dtype = np.dtype(descr) if isinstance(descr, str) else None
    except TypeError:
        dtype = None
    if dtype is None or dtype.kind not in _ARRAY_KINDS or dtype.hasobject or dtype.itemsize == 0:
        raise bad(f"an array in user_data has an invalid dtype {descr!r}")
    if (not isinstance(shape, list) or len(shape) > 32
            or not all(isinstance(d, int) and d >= 0 for d in shape)
            or not isinstance(raw, bytes)):
        raise bad("an array in user_data has an invalid shape or data")
    if len(raw) != int(np.prod(shape, dtype=np.int64)) * dtype.itemsize:
        raise bad(f"an array in user_data holds {len(raw)} bytes, not matching shape {shape}")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
