"""Doc serialization: msgpack parts, arrays as raw little-endian bytes, all validated on read.

Layout (a msgpack map of part name -> bytes, written by `plait.serialize.to_bytes`):

  meta      {"format": "plait.doc", "version": 1, "n_tokens": n, "has_unknown_spaces": bool}
  strings   list of the strings the doc's hashes stand for
  text      the doc's text (checked against the tokens on read)
  columns   {name: {"dtype": "<u8", "shape": [n], "data": bytes}}, always "orth" and "spacy"
  user_data `plait.tokens.user_data.pack_user_data` bytes: a msgpack list of [key, value]
            pairs; tuples, Spans and Tokens of this doc, numpy arrays and persist-registered
            values are msgpack extension types (see user_data.py)
  cats      {label: score}
  tensor    an array as in columns, or None
  spans     list of {"name", "attrs", "spans": [[start, end, label, kb_id, id], ...]}

No pickle anywhere: a user_data value that cannot be stored is refused at write time
(E357, E365 for a Span or Token of another doc), and any damage found on read is a
FormatError (E076); the doc is only changed once all is valid. (Pickling a Doc uses a
faster state of its own, `doc_pickle.py`.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import msgpack
import numpy as np

from .. import serialize
from ..errors import Errors, FormatError, PlaitError, SerializationError
from .arrays import COLUMN_DTYPES
from .user_data import pack_user_data, unpack_user_data

if TYPE_CHECKING:
    from .doc import Doc

FORMAT, VERSION = "plait.doc", 1
PARTS = ("meta", "strings", "text", "columns", "user_data", "cats", "tensor", "spans")
# Names spaCy accepts in exclude= that plait has no data for (accepted, nothing to skip).
_COMPAT_EXCLUDES = ("sentiment", "user_hooks")
_OPTIONAL = ("strings", "text", "user_data", "cats", "tensor", "spans")
_ALL_DTYPES = {
    **{name: dt.newbyteorder("<").str for name, dt in COLUMN_DTYPES.items()},
    "orth": "<u8",
    "spacy": "|b1",
}
_TENSOR_DTYPES = frozenset({"<f4", "<f8", "<f2", "<i4", "<i8"})
_STRING_COLUMNS = (
    "orth",
    "norm",
    "lemma",
    "tag",
    "pos",
    "dep",
    "morph",
    "ent_type",
    "ent_kb_id",
    "ent_id",
)


def _bad(reason: str) -> FormatError:
    return FormatError(Errors.E076.format(reason=reason))


def encode_array(arr: np.ndarray) -> dict:
    """An array as {"dtype", "shape", "data"} with little-endian raw bytes."""
    dtype = arr.dtype.newbyteorder("<")
    data = np.ascontiguousarray(arr, dtype=dtype).tobytes()
    return {"dtype": dtype.str, "shape": list(arr.shape), "data": data}


def decode_array(msg: Any, what: str, allowed: Iterable[str]) -> np.ndarray:
    """Check and decode an `encode_array` map (E076 on any mismatch)."""
    if not isinstance(msg, dict) or set(msg) != {"dtype", "shape", "data"}:
        raise _bad(f"{what} is not an array record")
    dtype, shape, data = msg["dtype"], msg["shape"], msg["data"]
    if dtype not in allowed:
        raise _bad(f"{what} has dtype {dtype!r}, expected one of {sorted(allowed)}")
    if not isinstance(shape, list) or not all(isinstance(d, int) and d >= 0 for d in shape):
        raise _bad(f"{what} has an invalid shape {shape!r}")
    if not isinstance(data, bytes):
        raise _bad(f"{what} data is not bytes")
    dt = np.dtype(dtype)
    if len(data) != int(np.prod(shape, dtype=np.int64)) * dt.itemsize:
        raise _bad(f"{what} holds {len(data)} bytes, which does not match shape {shape}")
    return np.frombuffer(data, dtype=dt).reshape(shape).astype(dt.newbyteorder("="))


# --- writing -----------------------------------------------------------------------------


def _needed_strings(doc: Doc) -> list[str]:
    hashes: set[int] = set()
    for name in _STRING_COLUMNS:
        col = doc._orth if name == "orth" else doc._cols.get(name)
        if col is not None:
            hashes.update(np.unique(col).tolist())
    for group in (doc._spans or {}).values():
        for span in group:
            hashes.update((span.label, span.kb_id, span.id))
    strings = doc.vocab.strings
    hashes.discard(0)
    return [strings[h] for h in sorted(hashes) if h in strings]


def doc_to_bytes(doc: Doc, exclude: Iterable[str]) -> bytes:
    """Serialize a Doc (see the module docstring). E087 when user hooks are set."""
    exclude = serialize.check_exclude(exclude, PARTS + _COMPAT_EXCLUDES)
    hooks = [
        name for name in ("user_hooks", "user_span_hooks", "user_token_hooks") if getattr(doc, name)
    ]
    if hooks and "user_hooks" not in exclude:
        raise SerializationError(Errors.E087.format(hooks=", ".join(hooks)))
    columns = {"orth": encode_array(doc._orth), "spacy": encode_array(doc._spacy)}
    columns.update((name, encode_array(col)) for name, col in doc._cols.items())
    meta = {
        "format": FORMAT,
        "version": VERSION,
        "n_tokens": len(doc),
        "has_unknown_spaces": bool(doc.has_unknown_spaces),
    }
    tensor = doc._tensor
    getters = {
        "meta": lambda: msgpack.packb(meta),
        "strings": lambda: msgpack.packb(_needed_strings(doc), use_bin_type=True),
        "text": lambda: msgpack.packb(doc.text),
        "columns": lambda: msgpack.packb(columns, use_bin_type=True),
        "user_data": lambda: pack_user_data(doc),
        "cats": lambda: msgpack.packb(doc._cats or {}),
        "tensor": lambda: msgpack.packb(
            None if tensor is None or tensor.size == 0 else encode_array(tensor), use_bin_type=True
        ),
        "spans": lambda: msgpack.packb(
            [
                {
                    "name": key,
                    "attrs": group.attrs,
                    "spans": [[s.start, s.end, s.label, s.kb_id, s.id] for s in group],
                }
                for key, group in (doc._spans or {}).items()
            ],
            use_bin_type=True,
        ),
    }
    try:
        return serialize.to_bytes(getters, exclude)
    except (TypeError, ValueError, OverflowError) as e:
        raise SerializationError(Errors.E077.format(key="cats or span groups", type=str(e))) from e


# --- reading -----------------------------------------------------------------------------


def _load(part: str, data: Any) -> Any:
    if not isinstance(data, bytes):
        raise _bad(f"part {part!r} is not bytes")
    if part == "user_data":
        return data  # decoded by unpack_user_data once the doc's tokens are known
    try:
        return msgpack.unpackb(data, raw=False, strict_map_key=False)
    except Exception as e:  # msgpack raises several unrelated types on damaged input
        raise _bad(f"part {part!r} is not valid msgpack ({e})") from e


def _read_columns(msg: Any, n: int) -> dict[str, np.ndarray]:
    if not isinstance(msg, dict) or "orth" not in msg or "spacy" not in msg:
        raise _bad("the columns part lacks 'orth' or 'spacy'")
    cols = {}
    for name, record in msg.items():
        if name not in _ALL_DTYPES:
            raise _bad(f"unknown column {name!r}")
        arr = decode_array(record, f"column {name!r}", (_ALL_DTYPES[name],))
        if arr.shape != (n,):
            raise _bad(f"column {name!r} has shape {arr.shape}, expected ({n},)")
        cols[name] = arr
    idx = np.arange(n, dtype=np.int64)
    if "head" in cols:
        target = cols["head"] + idx
        if ((target < 0) | (target >= n)).any():
            raise _bad("a head points outside the doc")
    if "ent_iob" in cols and (cols["ent_iob"] > 3).any():
        raise _bad("an ENT_IOB value is not 0-3")
    if "sent_start" in cols and ((cols["sent_start"] < -1) | (cols["sent_start"] > 1)).any():
        raise _bad("a SENT_START value is not -1, 0 or 1")
    return cols


def _read_spans(msg: Any, n: int) -> list[tuple[str, dict, list[list[int]]]]:
    if not isinstance(msg, list):
        raise _bad("the spans part is not a list")
    out = []
    for group in msg:
        if not isinstance(group, dict) or set(group) != {"name", "attrs", "spans"}:
            raise _bad("a span group record is malformed")
        if not isinstance(group["name"], str) or not isinstance(group["attrs"], dict):
            raise _bad("a span group has a bad name or attrs")
        spans = group["spans"]
        if not isinstance(spans, list):
            raise _bad("a span group's spans are not a list")
        for s in spans:
            if (
                not isinstance(s, list)
                or len(s) != 5
                or not all(isinstance(v, int) and v >= 0 for v in s)
                or not s[0] <= s[1] <= n
            ):
                raise _bad(f"span record {s!r} is malformed or outside the doc")
        out.append((group["name"], group["attrs"], spans))
    return out


def doc_from_bytes(doc: Doc, data: bytes, exclude: Iterable[str]) -> None:
    """Load `doc_to_bytes` output into `doc`, validating everything first."""
    exclude = serialize.check_exclude(exclude, PARTS + _COMPAT_EXCLUDES)
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise _bad(f"expected bytes, got {type(data).__name__}")
    try:
        msg = msgpack.unpackb(bytes(data), raw=False)
    except Exception as e:  # msgpack raises several unrelated types on damaged input
        raise _bad(f"not valid msgpack ({e})") from e
    if not isinstance(msg, dict) or not all(isinstance(k, str) for k in msg):
        raise _bad("expected a map of part names to bytes")
    for required in ("meta", "columns"):
        if required not in msg:
            raise _bad(f"the {required!r} part is missing")
    meta = _load("meta", msg["meta"])
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise _bad("the meta part does not describe a plait Doc")
    if meta.get("version") != VERSION:
        raise _bad(
            f"format version {meta.get('version')!r} is not supported (this plait "
            f"reads version {VERSION}); upgrade plait"
        )
    n = meta.get("n_tokens")
    if not isinstance(n, int) or n < 0:
        raise _bad("the token count is missing or invalid")
    parts = {
        name: _load(name, msg[name]) for name in _OPTIONAL if name in msg and name not in exclude
    }
    cols = _read_columns(_load("columns", msg["columns"]), n)
    strings = parts.get("strings", [])
    if not isinstance(strings, list) or not all(isinstance(s, str) for s in strings):
        raise _bad("the strings part is not a list of str")
    user_data = parts.get("user_data")
    cats = parts.get("cats", {})
    if not isinstance(cats, dict):
        raise _bad("the cats part is not a map")
    tensor = parts.get("tensor")
    if tensor is not None:
        tensor = decode_array(tensor, "tensor", _TENSOR_DTYPES)
    groups = _read_spans(parts.get("spans", []), n)
    store = doc.vocab.strings
    store.add_many(strings)
    orth = cols.pop("orth")
    missing = [h for h in np.unique(orth).tolist() if h not in store]
    if missing:
        raise _bad(
            f"token hash {missing[0]} has no string (the strings part is missing or "
            "was excluded, and the vocab does not know it)"
        )
    spacy = cols.pop("spacy")
    text = parts.get("text")
    if text is not None or user_data is not None:
        # a stand-in with the same tokens: checks the text, and user_data (whose spans
        # and tokens need a doc) is fully decoded before `doc` is touched
        check = type(doc).__new__(type(doc))
        check._init(doc.vocab, orth, spacy, None)
        if text is not None and (not isinstance(text, str) or text != check.text):
            raise _bad("the text does not match the tokens")
        if user_data is not None:
            _check_user_data(check, user_data)
    doc._init(doc.vocab, orth, spacy, text)
    doc._cols = cols
    doc.has_unknown_spaces = bool(meta.get("has_unknown_spaces", False))
    if user_data is not None:
        doc._user_data = unpack_user_data(doc, user_data, _bad) or None
    doc._cats = cats or None
    doc._tensor = tensor
    if groups:
        set_span_groups(doc, groups)


def _check_user_data(doc: Doc, data: bytes) -> None:
    try:
        unpack_user_data(doc, data, _bad)
    except FormatError:
        raise
    except PlaitError as e:  # a damaged persist blob inside user_data
        raise _bad(f"a user_data value cannot be read ({e})") from e


def set_span_groups(doc: Doc, groups: Iterable[tuple[str, dict, list[list[int]]]]) -> None:
    """Give `doc` span groups from (name, attrs, [[start, end, label, kb_id, id], ...])."""
    from .span import Span
    from .span_group import SpanGroups

    doc._spans = SpanGroups(doc)
    for name, attrs, spans in groups:
        doc._spans[name] = [
            Span(doc, s, e, label, kb_id=kb, span_id=i) for s, e, label, kb, i in spans
        ]
        doc._spans[name].attrs.update(attrs)
