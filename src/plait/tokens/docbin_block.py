"""A DocBin chunk in memory: the columns of many docs, concatenated, with one string table.

String columns hold indices into the chunk's string table (uint8/16/32, the smallest that
fits), so they compress well and any vocab can read them. Payload (a msgpack map):

  n          number of docs
  lengths    [dtype, bytes] tokens per doc
  flags      [dtype, bytes] per doc: bit i set when the doc has column OPTIONAL[i];
             bit 31 when its whitespace is unknown
  strings    list of str (index 0 is always "")
  columns    {name: [dtype, bytes]}: "orth" and "spacy" always, then the stored ones
  cats       list (one dict or None per doc), or None
  spans      list (one [[name, attrs, [[start, end, label, kb_id, id], ...]], ...] or
             None per doc), or None
  user_data  list (one bytes or None per doc), or None
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, FormatError, InputError
from .arrays import COLUMN_DTYPES
from .docbin_strings import INDEX_DTYPES, map_strings
from .user_data import pack_user_data, unpack_user_data

if TYPE_CHECKING:
    from ..strings import StringStore
    from ..vocab import Vocab
    from .doc import Doc

OPTIONAL = ("norm", "lemma", "tag", "pos", "dep", "morph", "head", "ent_iob", "ent_type",
            "ent_kb_id", "ent_id", "sent_start")
STRING_COLUMNS_ORDER = ("orth", "norm", "lemma", "tag", "pos", "dep", "morph", "ent_type",
                        "ent_kb_id", "ent_id")
STRING_COLUMNS = frozenset(STRING_COLUMNS_ORDER)
BIT = {name: 1 << i for i, name in enumerate(OPTIONAL)}
UNKNOWN_SPACES = 1 << 31
_KNOWN_FLAGS = UNKNOWN_SPACES | (1 << len(OPTIONAL)) - 1
_NUMERIC = {"spacy": ("|b1",), "head": ("<i4", "<i8"), "ent_iob": ("|u1",),
            "sent_start": ("|i1",)}
_DOC_DTYPES = {**COLUMN_DTYPES, "orth": np.dtype(np.uint64), "spacy": np.dtype(bool)}


class BlockBuilder:
    """Collects docs for a Block; the columns are concatenated once, in `build`.

    `add` only appends references to the doc's arrays (one list per column), so its cost
    per doc is a few list appends; copying happens in `build`, once for all docs. A doc
    changed in place after `add` and before the DocBin is serialized or read is stored as
    changed.
    """

    def __init__(self, names: Sequence[str], store_user_data: bool) -> None:
        self.names = frozenset(names)
        self.store_user_data = store_user_data
        self.orth: list[np.ndarray] = []
        self.spacy: list[np.ndarray] = []
        # column name -> (indices of the docs that have it, their arrays)
        self.cols: dict[str, tuple[list[int], list[np.ndarray]]] = {
            name: ([], []) for name in OPTIONAL if name in self.names
        }
        self.unknown_spaces: list[int] = []
        self.cats: dict[int, dict] = {}
        self.spans: dict[int, list] = {}
        self.user_data: dict[int, bytes] = {}
        self.stores: dict[int, StringStore] = {}
        self._last_vocab: Any = None

    def __len__(self) -> int:
        return len(self.orth)

    def add(self, doc: Doc) -> None:
        """Take `doc` (E357/E365 for user data it cannot store; nothing is added then)."""
        k = len(self.orth)
        if self.store_user_data and doc._user_data:
            self.user_data[k] = pack_user_data(doc)
        self.orth.append(doc._orth)
        self.spacy.append(doc._spacy)
        cols = self.cols
        for name, col in doc._cols.items():
            kept = cols.get(name)
            if kept is not None:
                kept[0].append(k)
                kept[1].append(col)
        if doc.has_unknown_spaces:
            self.unknown_spaces.append(k)
        if doc._cats:
            self.cats[k] = dict(doc._cats)
        if doc._spans:
            self.spans[k] = [
                [key, dict(group.attrs),
                 [[s.start, s.end, s.label_, s.kb_id_, s.id_] for s in group]]
                for key, group in doc._spans.items()
            ]
        vocab = doc.vocab
        if vocab is not self._last_vocab:
            self._last_vocab = vocab
            self.stores.setdefault(id(vocab.strings), vocab.strings)

    def build(self) -> Block:
        """The Block of every doc added so far."""
        n = len(self.orth)
        lengths = np.fromiter(map(len, self.orth), dtype=np.int64, count=n)
        starts = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        total = int(starts[-1])
        columns = {"orth": _concat(self.orth, np.uint64, total),
                   "spacy": _concat(self.spacy, bool, total)}
        flags = np.zeros(n, dtype=np.uint32)
        for name, (docs, arrays) in self.cols.items():
            if not docs:
                continue
            dtype = COLUMN_DTYPES[name]
            if len(docs) == n:
                columns[name] = _concat(arrays, dtype, total)
                flags |= BIT[name]
                continue
            col = np.zeros(total, dtype=dtype)
            bounds = starts.tolist()
            for k, arr in zip(docs, arrays):
                col[bounds[k]:bounds[k + 1]] = arr
            columns[name] = col
            flags[docs] |= BIT[name]
        flags[self.unknown_spaces] |= UNKNOWN_SPACES
        strings, columns = map_strings(columns, STRING_COLUMNS_ORDER, list(self.stores.values()))
        if "head" in columns:
            head = columns["head"]
            if len(head) == 0 or (head.min() >= -(2**31) and head.max() < 2**31):
                columns["head"] = head.astype("<i4")
        return Block(
            lengths, flags, strings, columns,
            _per_doc_list(self.cats, n), _per_doc_list(self.spans, n),
            _per_doc_list(self.user_data, n),
        )


def _per_doc_list(values: dict[int, Any], n: int) -> list | None:
    """One entry per doc (None where a doc has none), or None when no doc has any."""
    if not values:
        return None
    out: list = [None] * n
    for k, value in values.items():
        out[k] = value
    return out


@dataclass
class Block:
    """Many docs, column-wise (see the module docstring)."""

    lengths: np.ndarray
    flags: np.ndarray
    strings: list[str]
    columns: dict[str, np.ndarray]
    cats: list | None
    spans: list | None
    user_data: list | None

    def __post_init__(self) -> None:
        self.starts = np.zeros(len(self.lengths) + 1, dtype=np.int64)
        np.cumsum(self.lengths, out=self.starts[1:])

    @property
    def n_docs(self) -> int:
        return len(self.lengths)

    # --- building ------------------------------------------------------------------------

    def to_msg(self) -> dict:
        """The chunk payload (before msgpack)."""
        return {
            "n": self.n_docs,
            "lengths": _arr(self.lengths.astype("<u4") if self.n_docs and
                            self.lengths.max() < 2**32 else self.lengths.astype("<u8")),
            "flags": _arr(self.flags.astype("<u4")),
            "strings": self.strings,
            "columns": {name: _arr(col) for name, col in self.columns.items()},
            "cats": self.cats,
            "spans": self.spans,
            "user_data": self.user_data,
        }

    # --- reading -------------------------------------------------------------------------

    @classmethod
    def from_msg(cls, msg: Any, source: str) -> Block:
        """Validate a chunk payload and build the block (E350 on any inconsistency)."""
        return _parse(msg, source)

    def _hash_columns(self, vocab: Vocab) -> dict[str, np.ndarray]:
        """Fresh columns in the doc's dtypes, with strings mapped to `vocab`'s hashes."""
        hashes = np.asarray(vocab.strings.add_many(self.strings), dtype=np.uint64)
        out = {}
        for name, col in self.columns.items():
            if name in STRING_COLUMNS:
                out[name] = hashes[col]
            else:
                out[name] = col.astype(_DOC_DTYPES[name])
        return out

    def docs(self, vocab: Vocab, bad: Any) -> Iterator[Doc]:
        """Build every doc of the block on `vocab` (their arrays are views of fresh columns)."""
        from .doc import Doc

        cols = self._hash_columns(vocab)
        orth, spacy = cols["orth"], cols["spacy"]
        present = [(BIT[name], name, cols[name]) for name in OPTIONAL if name in cols]
        starts, flags = self.starts.tolist(), self.flags.tolist()
        cats, spans, user_data = self.cats, self.spans, self.user_data
        new = Doc.__new__
        for k in range(self.n_docs):
            s, e = starts[k], starts[k + 1]
            doc = new(Doc)
            doc._init(vocab, orth[s:e], spacy[s:e], None)
            f = flags[k]
            if f:
                doc._cols = {name: arr[s:e] for bit, name, arr in present if f & bit}
                if f & UNKNOWN_SPACES:
                    doc.has_unknown_spaces = True
            if cats is not None and cats[k]:
                doc._cats = dict(cats[k])
            if spans is not None and spans[k]:
                _set_spans(doc, spans[k])
            if user_data is not None and user_data[k] is not None:
                doc._user_data = unpack_user_data(doc, user_data[k], bad)
            yield doc

    def doc(self, k: int, vocab: Vocab, bad: Any) -> Doc:
        """Build doc `k` only: maps just its tokens' strings."""
        s, e = int(self.starts[k]), int(self.starts[k + 1])
        sliced = {}
        add = vocab.strings.add
        for name, col in self.columns.items():
            part = col[s:e]
            if name in STRING_COLUMNS:
                uniq, inv = np.unique(part, return_inverse=True)
                hashes = np.asarray([add(self.strings[i]) for i in uniq.tolist()],
                                    dtype=np.uint64)
                sliced[name] = hashes[inv].reshape(-1)
            else:
                sliced[name] = part.astype(_DOC_DTYPES[name])
        return self._make_doc(k, vocab, sliced, -s, bad)

    def _make_doc(self, k: int, vocab: Vocab, cols: dict[str, np.ndarray], shift: int,
                  bad: Any) -> Doc:
        from .doc import Doc

        s = int(self.starts[k]) + shift
        e = int(self.starts[k + 1]) + shift
        doc = Doc.__new__(Doc)
        doc._init(vocab, cols["orth"][s:e], cols["spacy"][s:e], None)
        f = int(self.flags[k])
        if f:
            doc._cols = {name: cols[name][s:e] for name in OPTIONAL if f & BIT[name]}
            doc.has_unknown_spaces = bool(f & UNKNOWN_SPACES)
        if self.cats is not None and self.cats[k]:
            doc._cats = dict(self.cats[k])
        if self.spans is not None and self.spans[k]:
            _set_spans(doc, self.spans[k])
        if self.user_data is not None and self.user_data[k] is not None:
            doc._user_data = unpack_user_data(doc, self.user_data[k], bad)
        return doc


def _concat(parts: list[np.ndarray], dtype: Any, total: int) -> np.ndarray:
    """The arrays end to end, as `dtype` (read-only when taken from the fast path)."""
    if not parts:
        return np.zeros(0, dtype=dtype)
    dtype = np.dtype(dtype)
    try:  # joining the raw buffers is ~3x faster than np.concatenate for many small arrays
        raw = b"".join(parts)
    except (BufferError, TypeError, ValueError):  # a non-contiguous array
        raw = b""
    if len(raw) == total * dtype.itemsize and set(map(attrgetter("dtype"), parts)) == {dtype}:
        out = np.frombuffer(raw, dtype=dtype)
    else:  # some doc holds the column in another dtype
        out = np.concatenate(parts).astype(dtype, copy=False)
    if len(out) != total:
        raise InputError(Errors.E380.format(got=len(out), expected=total))
    return out


def _arr(col: np.ndarray) -> list:
    dtype = col.dtype.newbyteorder("<") if col.dtype.byteorder not in ("|", "<") else col.dtype
    return [dtype.str, np.ascontiguousarray(col, dtype=dtype).tobytes()]


def _set_spans(doc: Doc, groups: list) -> None:
    from .span import Span
    from .span_group import SpanGroups

    doc._spans = SpanGroups(doc)
    for key, attrs, spans in groups:
        doc._spans[key] = [Span(doc, s, e, label, kb_id=kb, span_id=i)
                           for s, e, label, kb, i in spans]
        doc._spans[key].attrs.update(attrs)


# --- validation ---------------------------------------------------------------------------


def _parse(msg: Any, source: str) -> Block:
    def bad(reason: str) -> FormatError:
        return FormatError(Errors.E350.format(source=source, reason=reason))

    keys = {"n", "lengths", "flags", "strings", "columns", "cats", "spans", "user_data"}
    if not isinstance(msg, dict) or set(msg) != keys:
        raise bad("a chunk payload is not a DocBin chunk map")
    n = msg["n"]
    if not isinstance(n, int) or n < 0:
        raise bad("a chunk has an invalid doc count")
    lengths = _read_arr(msg["lengths"], ("<u4", "<u8"), n, "lengths", bad).astype(np.int64)
    if (lengths < 0).any():
        raise bad("a doc length is negative")
    total = int(lengths.sum())
    flags = _read_arr(msg["flags"], ("<u4",), n, "flags", bad)
    if (flags & ~np.uint32(_KNOWN_FLAGS)).any():
        raise bad("a doc has unknown flag bits")
    strings = msg["strings"]
    if (not isinstance(strings, list) or not strings or strings[0] != ""
            or not all(isinstance(s, str) for s in strings)):
        raise bad("the string table is not a list of str starting with ''")
    cols_msg = msg["columns"]
    if not isinstance(cols_msg, dict) or "orth" not in cols_msg or "spacy" not in cols_msg:
        raise bad("the columns lack 'orth' or 'spacy'")
    columns = {}
    for name, record in cols_msg.items():
        if name in STRING_COLUMNS:
            col = _read_arr(record, INDEX_DTYPES + ("<u8",), total, name, bad)
            if len(col) and int(col.max()) >= len(strings):
                raise bad(f"column {name!r} points outside the string table")
        elif name in _NUMERIC:
            col = _read_arr(record, _NUMERIC[name], total, name, bad)
        else:
            raise bad(f"unknown column {name!r}")
        columns[name] = col
    for name in OPTIONAL:
        if name not in columns and (flags & BIT[name]).any():
            raise bad(f"a doc is flagged with column {name!r}, which the chunk lacks")
    _check_values(columns, lengths, bad)
    cats = _per_doc(msg["cats"], n, "cats", lambda v: isinstance(v, dict) and all(
        isinstance(k, str) and isinstance(x, (int, float)) for k, x in v.items()), bad)
    spans = _per_doc(msg["spans"], n, "spans", lambda v: isinstance(v, list), bad)
    if spans is not None:
        for k, groups in enumerate(spans):
            if groups is not None:
                _check_spans(groups, int(lengths[k]), bad)
    user_data = _per_doc(msg["user_data"], n, "user_data", lambda v: isinstance(v, bytes), bad)
    return Block(lengths, flags, strings, columns, cats, spans, user_data)


def _read_arr(record: Any, dtypes: Sequence[str], size: int, what: str, bad: Any) -> np.ndarray:
    if (not isinstance(record, list) or len(record) != 2 or record[0] not in dtypes
            or not isinstance(record[1], bytes)):
        raise bad(f"{what} is not an array record of dtype {' or '.join(dtypes)}")
    dtype = np.dtype(record[0])
    if len(record[1]) != size * dtype.itemsize:
        raise bad(f"{what} holds {len(record[1])} bytes, expected {size * dtype.itemsize}")
    arr = np.frombuffer(record[1], dtype=dtype)
    return arr if dtype.isnative else arr.astype(dtype.newbyteorder("="))


def _check_values(columns: dict[str, np.ndarray], lengths: np.ndarray, bad: Any) -> None:
    if "ent_iob" in columns and (columns["ent_iob"] > 3).any():
        raise bad("an ENT_IOB value is not 0-3")
    if "sent_start" in columns:
        ss = columns["sent_start"]
        if ((ss < -1) | (ss > 1)).any():
            raise bad("a SENT_START value is not -1, 0 or 1")
    if "head" in columns and len(columns["head"]):
        head = columns["head"].astype(np.int64)
        starts = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        pos = np.arange(len(head), dtype=np.int64)
        doc_start = np.repeat(starts[:-1], lengths)
        target = pos + head
        if ((target < doc_start) | (target >= doc_start + np.repeat(lengths, lengths))).any():
            raise bad("a head points outside its doc")


def _per_doc(value: Any, n: int, what: str, ok: Any, bad: Any) -> list | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != n:
        raise bad(f"{what} is not a list of one entry per doc")
    for v in value:
        if v is not None and not ok(v):
            raise bad(f"an entry of {what} is malformed")
    return value


def _check_spans(groups: list, n_tokens: int, bad: Any) -> None:
    for group in groups:
        if (not isinstance(group, list) or len(group) != 3 or not isinstance(group[0], str)
                or not isinstance(group[1], dict) or not isinstance(group[2], list)):
            raise bad("a span group record is malformed")
        for s in group[2]:
            if (not isinstance(s, list) or len(s) != 5
                    or not all(isinstance(v, int) for v in s[:2])
                    or not all(isinstance(v, str) for v in s[2:])
                    or not 0 <= s[0] <= s[1] <= n_tokens):
                raise bad(f"span record {s!r} is malformed or outside its doc")
