"""Pickling a Doc: a column-wise state, cheap to write and to read, whose strings ride on the vocab.

`Doc.__reduce__` returns `(unpickle_doc, (vocab, n_tokens, names, columns, extra))`:

  vocab     the doc's Vocab (pickle memoizes it, so a list of docs carries it, and its
            strings, once)
  n_tokens  the number of tokens
  names     the optional columns present, in the order they follow "orth" in `columns`
  columns   one bytearray: the 8-byte columns (orth first, then hashes, head), then the
            1-byte ones (ent_iob, sent_start), then "spacy"; each n_tokens values,
            little-endian. Every column of the loaded doc is a view of this one buffer.
  extra     None, or a dict with any of "user_data" (`pack_user_data` bytes), "cats",
            "spans" ([[key, attrs, [[start, end, label, kb_id, id], ...]], ...] with
            hashes), "tensor" (an array) and "unknown_spaces" (True)

Per doc this is a few `tobytes` calls and one join; no msgpack, no per-doc strings.
Pickle is a transport between trusted processes, never plait's storage (a pickle can
run code when loaded): `unpickle_doc` checks the shapes of what it is given, not the
values; use `Doc.to_bytes` / `DocBin` for data from elsewhere, which validate everything.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, FormatError, SerializationError
from .arrays import COLUMN_DTYPES
from .user_data import pack_user_data, unpack_user_data

if TYPE_CHECKING:
    from ..vocab import Vocab
    from .doc import Doc

_LITTLE = sys.byteorder == "little"
_WIDE = frozenset(name for name, dt in COLUMN_DTYPES.items() if dt.itemsize == 8)
_NARROW = frozenset(name for name, dt in COLUMN_DTYPES.items() if dt.itemsize == 1)
_U8_LE, _BYTE, _BOOL = np.dtype("<u8"), np.dtype(np.uint8), np.dtype(bool)
_DOC_TYPE: type | None = None
_HOOKS = ("user_hooks", "user_span_hooks", "user_token_hooks")
# names present (dict order) -> names in byte order; names in byte order -> reading layout
_WRITE_ORDER: dict[tuple[str, ...], tuple[str, ...]] = {}
_READ_LAYOUT: dict[tuple[str, ...], tuple[int, int, tuple, tuple]] = {}


def _doc_type() -> type:
    global _DOC_TYPE
    from .doc import Doc  # doc.py imports this module

    _DOC_TYPE = Doc
    return Doc


def _bad(reason: str) -> FormatError:
    return FormatError(Errors.E076.format(reason=f"pickled Doc state: {reason}"))


def _write_order(key: tuple[str, ...]) -> tuple[str, ...]:
    names = tuple(sorted(key, key=lambda name: (COLUMN_DTYPES[name].itemsize != 8, name)))
    _WRITE_ORDER[key] = names
    return names


def reduce_doc(doc: Doc) -> tuple:
    """`Doc.__reduce__`: (unpickle_doc, args). E087 for user hooks, E357/E365 for user data."""
    for name in _HOOKS:
        if getattr(doc, name):
            hooks = ", ".join(h for h in _HOOKS if getattr(doc, h))
            raise SerializationError(Errors.E087.format(hooks=hooks))
    cols = doc._cols
    key = tuple(cols)
    names = _WRITE_ORDER.get(key) or _write_order(key)
    orth = doc._orth
    n = len(orth)
    parts = [orth.tobytes()]
    parts += [cols[name].tobytes() for name in names]
    parts.append(doc._spacy.tobytes())
    blob = bytearray().join(parts)
    layout = _READ_LAYOUT.get(names) or _read_layout(names)
    if len(blob) != n * layout[0] or not _LITTLE:
        # a column held in another width (int32 heads...): the length shows it, and the
        # API only ever stores columns in their own dtype or one of the same width
        blob = _exact_bytes(doc, names)
    extra = None
    if (doc._user_data or doc._cats or doc._spans or doc.has_unknown_spaces
            or (doc._tensor is not None and doc._tensor.size)):
        extra = _extra(doc)
    return (unpickle_doc, (doc.vocab, n, names, blob, extra))


def _exact_bytes(doc: Doc, names: tuple[str, ...]) -> bytearray:
    """The columns cast to their documented little-endian dtypes (columns of another dtype)."""
    parts = [np.ascontiguousarray(doc._orth, dtype="<u8").tobytes()]
    for name in names:
        dtype = COLUMN_DTYPES[name].newbyteorder("<")
        parts.append(np.ascontiguousarray(doc._cols[name], dtype=dtype).tobytes())
    parts.append(np.ascontiguousarray(doc._spacy, dtype=bool).tobytes())
    return bytearray().join(parts)


def _extra(doc: Doc) -> dict:
    extra: dict[str, Any] = {}
    if doc._user_data:
        extra["user_data"] = pack_user_data(doc)
    if doc._cats:
        extra["cats"] = dict(doc._cats)
    if doc._spans:
        extra["spans"] = [
            [key, dict(group.attrs), [[s.start, s.end, s.label, s.kb_id, s.id] for s in group]]
            for key, group in doc._spans.items()
        ]
    if doc._tensor is not None and doc._tensor.size:
        extra["tensor"] = np.array(doc._tensor)
    if doc.has_unknown_spaces:
        extra["unknown_spaces"] = True
    return extra


def _read_layout(names: Any) -> tuple[int, int, tuple, tuple]:
    """(bytes per token, wide rows, [(name, row, dtype)] wide, [(name, row, dtype)] narrow)."""
    if not isinstance(names, tuple) or not all(isinstance(n, str) for n in names):
        raise _bad("the column names are not a tuple of str")
    if len(set(names)) != len(names) or not set(names) <= _WIDE | _NARROW:
        raise _bad(f"unknown or repeated columns {names!r}")
    if names != _write_order(tuple(names)):
        raise _bad(f"the columns {names!r} are not in byte order")
    wide = [name for name in names if name in _WIDE]
    narrow = [name for name in names if name in _NARROW]
    layout = (
        8 * (1 + len(wide)) + len(narrow) + 1,
        1 + len(wide),
        tuple((name, 1 + i, COLUMN_DTYPES[name]) for i, name in enumerate(wide)),
        tuple((name, i, COLUMN_DTYPES[name]) for i, name in enumerate(narrow)),
    )
    _READ_LAYOUT[names] = layout
    return layout


def unpickle_doc(vocab: Vocab, n: int, names: tuple[str, ...], blob: Any, extra: Any) -> Doc:
    """Rebuild a Doc from `reduce_doc`'s state (E076 when the state has the wrong shape)."""
    layout = _READ_LAYOUT.get(names) if type(names) is tuple else None
    if layout is None:
        layout = _read_layout(names)
    row, n_wide, wide, narrow = layout
    if type(n) is not int or n < 0:
        raise _bad(f"the token count {n!r} is invalid")
    if type(blob) is not bytearray:
        if not isinstance(blob, (bytes, memoryview)):
            raise _bad(f"the columns are a {type(blob).__name__}, not bytes")
        blob = bytearray(blob)
    if len(blob) != n * row:
        raise _bad(f"the columns hold {len(blob)} bytes, expected {n * row}")
    rows = np.frombuffer(blob, dtype=_U8_LE, count=n * n_wide).reshape(n_wide, n)
    small = np.frombuffer(blob, dtype=_BYTE, offset=8 * n * n_wide).reshape(-1, n)
    if not _LITTLE:
        rows = rows.astype(np.uint64)
    cols = {name: rows[i].view(dtype) for name, i, dtype in wide}
    for name, i, dtype in narrow:
        cols[name] = small[i].view(dtype)
    doc_type = _DOC_TYPE or _doc_type()
    doc = doc_type.__new__(doc_type)
    doc._init(vocab, rows[0], small[-1].view(_BOOL), None)
    doc._cols = cols
    if extra is not None:
        _set_extra(doc, extra)
    return doc


def _set_extra(doc: Doc, extra: Any) -> None:
    from .doc_bytes import set_span_groups

    if not isinstance(extra, dict):
        raise _bad("the extra part is not a dict")
    if "user_data" in extra:
        doc._user_data = unpack_user_data(doc, extra["user_data"], _bad)
    cats = extra.get("cats")
    if cats is not None:
        if not isinstance(cats, dict):
            raise _bad("cats is not a dict")
        doc._cats = cats
    if "spans" in extra:
        groups = extra["spans"]
        if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) == 3 and isinstance(g[1], dict) for g in groups
        ):
            raise _bad("the span groups are malformed")
        set_span_groups(doc, groups)
    tensor = extra.get("tensor")
    if tensor is not None:
        if not isinstance(tensor, np.ndarray):
            raise _bad("the tensor is not an array")
        doc._tensor = tensor
    doc.has_unknown_spaces = extra.get("unknown_spaces") is True
