"""Reading spaCy's DocBin files (`.spacy`), so users can bring their corpora.

A `.spacy` file is zlib-compressed msgpack: {"version", "attrs" (spaCy attribute IDs),
"tokens" (uint64, one row per token, one column per attribute), "spaces" (bool per token),
"lengths" (int32 per doc), "strings" (sorted list), "cats", "flags", "span_groups" and
optionally "user_data"}. Token values are spaCy's string hashes (MurmurHash64A, seed 1, of
the UTF-8 bytes), which we recompute for the listed strings to map them to plait's hashes.
POS values are spaCy's part-of-speech enum IDs. Only msgpack is decoded: nothing in the
file can run code. Strings spaCy keeps as fixed symbol IDs (labels like "nsubj", POS tags)
are resolved with `spacy_symbols.json`.
"""

from __future__ import annotations

import functools
import json
import struct
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgpack
import numpy as np

from ..errors import Errors, FormatError, PlaitError
from ..vocab import Vocab

if TYPE_CHECKING:
    from .docbin import DocBin

# spaCy's attribute IDs (spacy.attrs) for the token attributes a .spacy file stores
SPACY_ATTR_IDS = {65: "orth", 67: "norm", 73: "lemma", 74: "pos", 75: "tag", 76: "dep",
                  77: "ent_iob", 78: "ent_type", 79: "head", 80: "sent_start", 452: "ent_kb_id",
                  453: "morph", 454: "ent_id"}
_STRING_COLS = frozenset({"orth", "norm", "lemma", "tag", "dep", "ent_type", "ent_kb_id",
                          "morph", "ent_id"})
_M, _R, _MASK = 0xC6A4A7935BD1E995, 47, (1 << 64) - 1
_MAX_RAW = 1 << 34


@functools.lru_cache(maxsize=1)
def _symbols() -> dict[str, int]:
    """spaCy's fixed symbol IDs (see scripts/derive_spacy_symbols.py)."""
    path = Path(__file__).with_name("spacy_symbols.json")
    return json.loads(path.read_text(encoding="utf8"))


def spacy_hash(text: str) -> int:
    """spaCy's 64-bit string hash: MurmurHash64A (Austin Appleby's, public domain), seed 1."""
    data = text.encode("utf8")
    n = len(data)
    h = (1 ^ (n * _M)) & _MASK
    end = n - n % 8
    for k in struct.unpack_from(f"<{end // 8}Q", data):
        k = (k * _M) & _MASK
        k ^= k >> _R
        k = (k * _M) & _MASK
        h ^= k
        h = (h * _M) & _MASK
    if n % 8:
        h ^= int.from_bytes(data[end:], "little")
        h = (h * _M) & _MASK
    h ^= h >> _R
    h = (h * _M) & _MASK
    h ^= h >> _R
    return h


def read_spacy(cls: type[DocBin], data: bytes, source: str) -> DocBin:
    """Build a plait DocBin from spaCy DocBin bytes (E362 for anything that does not fit)."""
    try:
        return _read(cls, data, source)
    except PlaitError:
        raise
    except Exception as e:  # msgpack, zlib, numpy, struct raise their own types
        raise FormatError(
            Errors.E362.format(source=source, reason=f"{type(e).__name__}: {e}")
        ) from e


def _read(cls: type[DocBin], data: bytes, source: str) -> DocBin:
    from .doc import Doc

    def bad(reason: str) -> FormatError:
        return FormatError(Errors.E362.format(source=source, reason=reason))

    d = zlib.decompressobj()
    raw = d.decompress(bytes(data), _MAX_RAW)
    if not d.eof or d.unconsumed_tail:
        raise bad("the zlib stream is incomplete or too large")
    msg = msgpack.unpackb(raw, raw=False, strict_map_key=False)
    if not isinstance(msg, dict):
        raise bad("the payload is not a map")
    for key in ("attrs", "tokens", "spaces", "lengths", "strings"):
        if key not in msg:
            raise bad(f"the {key!r} field is missing")
    attrs = msg["attrs"]
    if not isinstance(attrs, list) or not all(isinstance(a, int) for a in attrs):
        raise bad("attrs is not a list of attribute IDs")
    unknown = [a for a in attrs if a not in SPACY_ATTR_IDS]
    if unknown:
        raise bad(f"unknown attribute IDs {unknown}")
    names = [SPACY_ATTR_IDS[a] for a in attrs]
    lengths = np.frombuffer(msg["lengths"], dtype="<i4").astype(np.int64)
    total = int(lengths.sum()) if len(lengths) else 0
    if (lengths < 0).any():
        raise bad("a doc length is negative")
    tokens = np.frombuffer(msg["tokens"], dtype="<u8")
    if len(tokens) != total * len(names):
        raise bad(f"tokens holds {len(tokens)} values, expected {total * len(names)}")
    tokens = tokens.reshape(total, len(names)) if names else tokens.reshape(total, 0)
    spaces = np.frombuffer(msg["spaces"], dtype=bool)
    if len(spaces) != total:
        raise bad("spaces does not have one value per token")
    strings = msg["strings"]
    if not isinstance(strings, list) or not all(isinstance(s, str) for s in strings):
        raise bad("strings is not a list of str")
    vocab = Vocab()
    store = vocab.strings
    to_plait = {0: 0}
    for text in strings:
        to_plait[spacy_hash(text)] = store.add(text)
    for text, symbol in _symbols().items():  # strings spaCy stores as fixed IDs
        to_plait.setdefault(symbol, store.add(text))
    columns: dict[str, np.ndarray] = {}
    for j, name in enumerate(names):
        col = tokens[:, j]
        if name in _STRING_COLS or name == "pos":
            table = to_plait
            uniq, inv = np.unique(col, return_inverse=True)
            try:
                mapped = np.asarray([table[v] for v in uniq.tolist()], dtype=np.uint64)
            except KeyError as e:
                raise bad(f"a {name} value ({e.args[0]}) has no string in the file") from e
            columns[name] = mapped[inv.reshape(-1)]
        elif name == "head":
            columns[name] = col.view(np.int64).copy()
        elif name == "sent_start":
            columns[name] = col.view(np.int64).astype(np.int8)
        else:
            columns[name] = col.astype(np.uint8)
    flags = msg.get("flags") or [{}] * len(lengths)
    cats = msg.get("cats") or [{}] * len(lengths)
    groups = msg.get("span_groups") or [b""] * len(lengths)
    user_data = msg.get("user_data")
    if len(flags) != len(lengths) or len(cats) != len(lengths) or len(groups) != len(lengths):
        raise bad("cats, flags or span_groups do not have one entry per doc")
    out = cls(store_user_data=bool(user_data))
    starts = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    orth = columns.pop("orth", None)
    if orth is None:
        raise bad("the file stores no ORTH")
    for k in range(len(lengths)):
        s, e = int(starts[k]), int(starts[k + 1])
        doc = Doc.__new__(Doc)
        doc._init(vocab, orth[s:e].copy(), spaces[s:e].copy(), None)
        doc._cols = {name: col[s:e].copy() for name, col in columns.items()}
        _check_doc(doc, bad)
        if isinstance(flags[k], dict):
            doc.has_unknown_spaces = bool(flags[k].get("has_unknown_spaces", False))
        if cats[k]:
            doc._cats = dict(cats[k])
        if groups[k]:
            _read_span_groups(doc, groups[k], to_plait, bad)
        if user_data and user_data[k]:
            doc._user_data = _read_user_data(user_data[k], bad)
        out.add(doc)
    return out


def _check_doc(doc: Any, bad: Any) -> None:
    n = len(doc)
    cols = doc._cols
    if "head" in cols:
        target = cols["head"] + np.arange(n)
        if ((target < 0) | (target >= n)).any():
            raise bad("a head points outside its doc")
    if "ent_iob" in cols and (cols["ent_iob"] > 3).any():
        raise bad("an ENT_IOB value is not 0-3")
    if "sent_start" in cols and ((cols["sent_start"] < -1) | (cols["sent_start"] > 1)).any():
        raise bad("a SENT_START value is not -1, 0 or 1")


def _read_span_groups(doc: Any, data: bytes, to_plait: dict, bad: Any) -> None:
    from .span import Span
    from .span_group import SpanGroups

    msg = msgpack.unpackb(data, raw=False, strict_map_key=False)
    if isinstance(msg, dict):  # {group bytes: [keys]}
        items = [(keys, raw) for raw, keys in msg.items()]
    elif isinstance(msg, list):  # older files: a list of group bytes
        items = [(None, raw) for raw in msg]
    else:
        raise bad("span_groups is malformed")
    groups = SpanGroups(doc)
    n = len(doc)
    for keys, raw in items:
        group = msgpack.unpackb(raw, raw=False, strict_map_key=False)
        spans = []
        for packed in group["spans"]:
            span_id, kb_id, label, start, end, _sc, _ec = struct.unpack(">QQQllll", packed)
            if not 0 <= start <= end <= n:
                raise bad(f"a span ({start}, {end}) is outside its doc")
            spans.append(Span(doc, start, end, to_plait.get(label, 0),
                              kb_id=to_plait.get(kb_id, 0), span_id=to_plait.get(span_id, 0)))
        for key in keys or [group["name"]]:
            groups[key] = spans
            groups[key].attrs.update(group.get("attrs") or {})
    doc._spans = groups


def _read_user_data(data: bytes, bad: Any) -> dict:
    msg = msgpack.unpackb(data, raw=False, strict_map_key=False, use_list=False)
    if not isinstance(msg, dict):
        raise bad("a user_data entry is not a map")
    return dict(msg)
