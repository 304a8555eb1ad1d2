"""Doc columns and the `to_array` / `from_array` bridge (spaCy-compatible values).

A Doc keeps `orth` (uint64) and `spacy` (bool) always, and the other columns in a dict,
allocated on first write (a missing column reads as zeros). Values per attribute:
string attributes are 64-bit string hashes (POS too: the hash of the UD tag), HEAD is the
offset to the head (`head - i`, uint64 two's complement in arrays), SENT_START is
1 / -1 / 0 (start / not a start / unknown), ENT_IOB is 0 missing, 1 I, 2 O, 3 B.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from .. import attrs as A
from ..errors import Errors, InputError
from ..strings import get_string_id

if TYPE_CHECKING:
    from .doc import Doc

#: column name -> dtype of the columns allocated on first write
COLUMN_DTYPES: dict[str, np.dtype] = {
    "norm": np.dtype(np.uint64),
    "lemma": np.dtype(np.uint64),
    "tag": np.dtype(np.uint64),
    "pos": np.dtype(np.uint64),
    "dep": np.dtype(np.uint64),
    "morph": np.dtype(np.uint64),
    "head": np.dtype(np.int64),
    "ent_iob": np.dtype(np.uint8),
    "ent_type": np.dtype(np.uint64),
    "ent_kb_id": np.dtype(np.uint64),
    "ent_id": np.dtype(np.uint64),
    "sent_start": np.dtype(np.int8),
}

#: attribute ID -> column it is stored in (token-level attributes)
ATTR_COLUMN: dict[int, str] = {
    A.NORM: "norm",
    A.LEMMA: "lemma",
    A.TAG: "tag",
    A.POS: "pos",
    A.DEP: "dep",
    A.MORPH: "morph",
    A.HEAD: "head",
    A.ENT_IOB: "ent_iob",
    A.ENT_TYPE: "ent_type",
    A.ENT_KB_ID: "ent_kb_id",
    A.ENT_ID: "ent_id",
    A.SENT_START: "sent_start",
}

IOB_STRINGS = ("", "I", "O", "B")
MISSING, IOB_I, IOB_O, IOB_B = range(4)

#: the Universal Dependencies part-of-speech tags (plus SPACE, as spaCy has it)
UPOS = (
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "CONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
    "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X", "EOL", "SPACE",
)  # fmt: skip
UPOS_SET = frozenset(UPOS) | {""}

# Attributes whose has_annotation() and from_array() read and write a column.
_SENT_ALIASES = ("IS_SENT_START", "IS_SENT_END")


def resolve_attr(attr: str | int) -> int:
    """Attribute ID of a name or ID; IS_SENT_START/IS_SENT_END mean SENT_START."""
    if isinstance(attr, str) and attr.upper() in _SENT_ALIASES:
        return A.SENT_START
    if isinstance(attr, (int, np.integer)) and not isinstance(attr, bool):
        attr = int(attr)
        if attr in (get_string_id("IS_SENT_START"), get_string_id("IS_SENT_END")):
            return A.SENT_START
    return A.intify_attr(attr)


def column_values(doc: Doc, attr_id: int) -> np.ndarray:
    """The uint64 values of one attribute for every token (a fresh array)."""
    n = len(doc._orth)
    if attr_id == A.ORTH or attr_id == A.ID:
        return doc._orth.copy()
    if attr_id == A.SPACY:
        return doc._spacy.astype(np.uint64)
    if attr_id == A.IDX:
        return doc._token_idx().astype(np.uint64)
    if attr_id == A.LANG:
        return np.full(n, get_string_id(doc.vocab.lang), dtype=np.uint64)
    name = ATTR_COLUMN.get(attr_id)
    if name is None:
        return doc.vocab.lex_attr_array(doc._orth, attr_id)
    col = doc._cols.get(name)
    if attr_id == A.NORM:
        lex = doc.vocab.lex_attr_array(doc._orth, A.NORM)
        return lex if col is None else np.where(col != 0, col, lex)
    if attr_id == A.SENT_START:
        out = np.zeros(n, dtype=np.int64) if col is None else col.astype(np.int64)
        if n:
            out[0] = 1
        return out.view(np.uint64)
    if col is None:
        return np.zeros(n, dtype=np.uint64)
    if attr_id == A.HEAD:
        return col.astype(np.int64).view(np.uint64)
    return col.astype(np.uint64)


def to_array(doc: Doc, attr_ids: str | int | Iterable[str | int]) -> np.ndarray:
    """One attribute -> 1-D uint64 array; a list of attributes -> 2-D (tokens x attrs)."""
    if isinstance(attr_ids, (str, int, np.integer)):
        return column_values(doc, resolve_attr(attr_ids))
    ids = [resolve_attr(a) for a in attr_ids]
    out = np.empty((len(doc._orth), len(ids)), dtype=np.uint64)
    for j, attr_id in enumerate(ids):
        out[:, j] = column_values(doc, attr_id)
    return out


def _check_values(name: str, values: np.ndarray, n: int) -> None:
    bad = None
    if name == "ent_iob":
        hits = np.flatnonzero(values > 3)
        bad = (hits, "ENT_IOB", "use 0 (missing), 1 (I), 2 (O) or 3 (B)")
    elif name == "sent_start":
        signed = values.view(np.int64)
        hits = np.flatnonzero((signed < -1) | (signed > 1))
        bad = (hits, "SENT_START", "use 1 (start), -1 (not a start) or 0 (unknown)")
    elif name == "head":
        target = values.view(np.int64) + np.arange(n, dtype=np.int64)
        hits = np.flatnonzero((target < 0) | (target >= n))
        bad = (hits, "HEAD", f"the head falls outside the doc (length {n})")
    if bad is not None and len(bad[0]):
        i = int(bad[0][0])
        value = int(values.view(np.int64)[i]) if name != "ent_iob" else int(values[i])
        raise InputError(Errors.E069.format(value=value, attr=bad[1], i=i, reason=bad[2]))


def from_array(doc: Doc, attr_ids: str | int | Iterable[str | int], array: np.ndarray) -> None:
    """Write token attributes from an array shaped like `to_array`'s output.

    Lexical attributes (ORTH, LOWER, flags...) are read-only and skipped, as in spaCy.
    Setting HEAD on a parsed doc also sets the sentence starts the parse implies.
    Raises E068 for a wrong shape, E069 for an out-of-range HEAD, ENT_IOB or SENT_START.
    """
    from .parse import has_parse, sent_starts_from_heads

    single = isinstance(attr_ids, (str, int, np.integer))
    ids = [resolve_attr(attr_ids)] if single else [resolve_attr(a) for a in attr_ids]
    arr = np.asarray(array)
    n = len(doc._orth)
    if arr.ndim == 1 and len(ids) == 1:
        arr = arr.reshape(-1, 1)
    if arr.ndim != 2 or arr.shape != (n, len(ids)):
        raise InputError(Errors.E068.format(n_attrs=len(ids), shape=arr.shape, n_tokens=n))
    if arr.dtype != np.uint64:
        arr = (
            arr.astype(np.int64).view(np.uint64) if arr.dtype.kind == "i" else arr.astype(np.uint64)
        )
    updates: dict[str, np.ndarray] = {}
    spacy = None
    for j, attr_id in enumerate(ids):
        values = np.ascontiguousarray(arr[:, j])
        if attr_id == A.SPACY:
            spacy = values != 0
            continue
        name = ATTR_COLUMN.get(attr_id)
        if name is None:
            continue
        _check_values(name, values, n)
        if name in ("head", "sent_start"):
            updates[name] = values.view(np.int64).astype(COLUMN_DTYPES[name])
        else:
            updates[name] = values.astype(COLUMN_DTYPES[name])
    if spacy is not None:
        doc._spacy = spacy
        doc._text = None
        doc._idx = None
    doc._cols.update(updates)
    if "head" in updates and has_parse(doc):
        doc._cols["sent_start"] = sent_starts_from_heads(doc._abs_heads())
