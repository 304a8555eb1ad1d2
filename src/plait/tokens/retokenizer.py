"""`doc.retokenize()`: merge spans into single tokens and split tokens into several.

Changes are queued and applied together when the `with` block ends, so the indices of
spans and tokens passed in stay valid inside the block. A merged token takes the text of
its span, the whitespace of its last token, the annotations of the span's root (its head
is the root's head), the entity of its first token and the lemmas joined. Split pieces
keep the token's annotations except lemma and norm, get the heads given, and the first
piece keeps the token's entity and sentence start. Entities, sentence starts, heads and
span groups are remapped to the new tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .. import attrs as A
from ..errors import Errors, InputError
from . import parse
from .arrays import IOB_B, IOB_I, IOB_O, IOB_STRINGS, MISSING

if TYPE_CHECKING:
    from .doc import Doc
    from .span import Span
    from .token import Token

_Merge = tuple[int, int, dict]
_Split = tuple[int, list[str], list[Any], dict]


class Retokenizer:
    """Queue of merges and splits for one doc, applied on leaving the `with` block."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.merges: list[_Merge] = []
        self.splits: list[_Split] = []
        self._merged = np.zeros(len(doc), dtype=bool)
        self._split: set[int] = set()

    def __enter__(self) -> Retokenizer:  # noqa: PYI034
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            _apply(self.doc, self.merges, self.splits)

    def merge(self, span: Span, attrs: dict | None = None) -> None:
        """Queue `span` to become one token; `attrs` (e.g. {"LEMMA": ..., "POS": ...}) set on it.

        Raises E082 for a span of another doc or an empty one, E079 when it overlaps a
        queued merge, E092 when it covers a token queued for splitting.
        """
        from .span import Span

        if not isinstance(span, Span) or span.doc is not self.doc or len(span) == 0:
            raise InputError(Errors.E082.format(obj=repr(span)))
        if self._merged[span.start : span.end].any():
            raise InputError(Errors.E079.format(span=span.text, start=span.start, end=span.end))
        for i in range(span.start, span.end):
            if i in self._split:
                raise InputError(Errors.E092.format(i=i))
        self._merged[span.start : span.end] = True
        self.merges.append((span.start, span.end, dict(attrs or {})))

    def split(
        self,
        token: Token,
        orths: Sequence[str],
        heads: Sequence[Any],
        attrs: dict | None = None,
    ) -> None:
        """Queue `token` to become len(orths) tokens with the given heads and per-piece attrs.

        `heads[j]` is a Token of the doc, a (token, k) tuple for piece k of a split token,
        or an int k for piece k of this split. Raises E080 when the pieces do not join to
        the token's text, E081 on length mismatches, E091 for a bad head.
        """
        from .token import Token

        if not isinstance(token, Token) or token.doc is not self.doc:
            raise InputError(Errors.E082.format(obj=repr(token)))
        orths = list(orths)
        if "".join(orths) != token.text or any(not o for o in orths):
            raise InputError(Errors.E080.format(i=token.i, text=token.text, orths=orths))
        heads = list(heads)
        if len(heads) != len(orths):
            raise InputError(
                Errors.E081.format(i=token.i, n_orths=len(orths), n=len(heads), what="heads")
            )
        attrs = dict(attrs or {})
        for key, values in attrs.items():
            per_piece = values.values() if key == "_" and isinstance(values, dict) else [values]
            for vals in per_piece:
                if not isinstance(vals, (list, tuple)) or len(vals) != len(orths):
                    raise InputError(
                        Errors.E081.format(
                            i=token.i, n_orths=len(orths), n=_count(vals), what=f"values for {key}"
                        )
                    )
        for j, head in enumerate(heads):
            ok = (
                (isinstance(head, Token) and head.doc is self.doc)
                or (isinstance(head, int) and not isinstance(head, bool) and 0 <= head < len(orths))
                or (
                    isinstance(head, tuple)
                    and len(head) == 2
                    and isinstance(head[0], Token)
                    and head[0].doc is self.doc
                    and isinstance(head[1], int)
                )
            )
            if not ok:
                raise InputError(Errors.E091.format(i=token.i, head=head, j=j))
        if self._merged[token.i] or token.i in self._split:
            raise InputError(Errors.E092.format(i=token.i))
        self._split.add(token.i)
        self.splits.append((token.i, orths, heads, attrs))


def _count(value: Any) -> int:
    return len(value) if isinstance(value, (list, tuple)) else 1


def _apply(doc: Doc, merges: list[_Merge], splits: list[_Split]) -> None:
    if not merges and not splits:
        return
    n = len(doc)
    strings = doc.vocab.strings
    old_heads = parse.abs_heads(doc)
    merge_at = {start: (start, end, attrs) for start, end, attrs in merges}
    split_at = {i: (orths, heads, attrs) for i, orths, heads, attrs in splits}
    # Plan the new tokens: (kind, old index) with kind "keep", "merge" or ("split", piece)
    rep: list[int] = []  # old token each new token copies its annotations from
    first_old: list[int] = []  # first old token of each new token (entity, sentence start)
    old_to_new = np.zeros(n + 1, dtype=np.int64)
    old_end_new = np.zeros(n, dtype=np.int64)
    new_orth: list[int] = []
    new_spacy: list[bool] = []
    merged_new: list[tuple[int, int, int, dict]] = []  # new index, start, end, attrs
    split_new: list[tuple[int, int, list, list, dict]] = []  # first new index, old i, ...
    text = doc.text
    idx = doc._token_idx()
    i = 0
    while i < n:
        k = len(rep)
        if i in merge_at:
            start, end, attrs = merge_at[i]
            span = doc[start:end]
            root = span.root.i
            rep.append(root)
            first_old.append(start)
            new_orth.append(strings.add(text[int(idx[start]) : span.end_char]))
            new_spacy.append(bool(doc._spacy[end - 1]))
            old_to_new[start:end] = k
            old_end_new[start:end] = k + 1
            merged_new.append((k, start, end, attrs))
            i = end
            continue
        if i in split_at:
            orths, heads, attrs = split_at[i]
            for j, piece in enumerate(orths):
                rep.append(i)
                first_old.append(i if j == 0 else -1)
                new_orth.append(strings.add(piece))
                new_spacy.append(bool(doc._spacy[i]) if j == len(orths) - 1 else False)
            old_to_new[i] = k
            old_end_new[i] = k + len(orths)
            split_new.append((k, i, orths, heads, attrs))
            i += 1
            continue
        rep.append(i)
        first_old.append(i)
        new_orth.append(int(doc._orth[i]))
        new_spacy.append(bool(doc._spacy[i]))
        old_to_new[i] = k
        old_end_new[i] = k + 1
        i += 1
    m = len(rep)
    old_to_new[n] = m
    rep_a = np.asarray(rep, dtype=np.int64)
    first_a = np.asarray(first_old, dtype=np.int64)
    is_first = first_a >= 0
    first_or_rep = np.where(is_first, first_a, rep_a)
    # where tokens that pointed at a split token now point: its piece heading outside
    split_root = {}
    for k, i, orths, heads, _ in split_new:
        roots = [j for j, h in enumerate(heads) if _piece_head(h, i) in (None, j)]
        split_root[i] = k + (roots[0] if roots else 0)
    target = old_to_new.copy()
    for i, k in split_root.items():
        target[i] = k
    old_cols = doc._cols
    new_cols: dict[str, np.ndarray] = {}
    for name, col in old_cols.items():
        if name in ("ent_iob", "ent_type", "ent_kb_id", "ent_id", "sent_start"):
            new_cols[name] = col[first_or_rep]
        elif name != "head":
            new_cols[name] = col[rep_a]
    new_heads = target[old_heads[rep_a]]
    # entities and sentence starts of split pieces after the first
    later = ~is_first
    if "ent_iob" in new_cols:
        iob = new_cols["ent_iob"]
        iob[later & ((iob == IOB_B) | (iob == IOB_I))] = IOB_I
    if "sent_start" in new_cols:
        sent = new_cols["sent_start"]
        sent[later & (sent != 0)] = -1
    for name in ("lemma", "norm"):
        if name in new_cols:
            new_cols[name][later | _split_first_mask(split_new, m)] = 0
    for k, start, end, _attrs in merged_new:
        if "lemma" in old_cols and old_cols["lemma"][start:end].any():
            lemmas = [
                strings[int(v)] if v else strings[int(doc._orth[j])]
                for j, v in zip(range(start, end), old_cols["lemma"][start:end].tolist())
            ]
            spaces = doc._spacy[start : end - 1].tolist() + [False]
            new_cols["lemma"][k] = strings.add(
                "".join(lem + (" " if sp else "") for lem, sp in zip(lemmas, spaces))
            )
        if "norm" in new_cols:
            new_cols["norm"][k] = 0
    for k, i, orths, heads, _attrs in split_new:
        for j, head in enumerate(heads):
            if isinstance(head, int):
                new_heads[k + j] = k + head
            elif isinstance(head, tuple):
                tok, sub = head
                base = old_to_new[tok.i]
                new_heads[k + j] = base + sub if tok.i in split_at else target[tok.i]
            else:
                new_heads[k + j] = target[head.i]
    _commit(
        doc,
        np.asarray(new_orth, dtype=np.uint64),
        np.asarray(new_spacy, dtype=bool),
        new_cols,
        new_heads,
        "head" in old_cols,
        text,
    )
    _remap_spans(doc, old_to_new, old_end_new, n, m)
    from .token import Token

    for k, _start, _end, attrs in merged_new:
        _set_attrs(Token(doc, k), attrs)
    for k, _i, orths, _heads, attrs in split_new:
        for j in range(len(orths)):
            piece = {
                key: ({name: vals[j] for name, vals in value.items()} if key == "_" else value[j])
                for key, value in attrs.items()
            }
            _set_attrs(Token(doc, k + j), piece)
    _repair_iob(doc)
    if parse.has_parse(doc):
        doc._cols["sent_start"] = parse.sent_starts_from_heads(doc._abs_heads())


def _piece_head(head: Any, i: int) -> int | None:
    """The piece index a split head names within the split of token i (None: outside)."""
    if isinstance(head, int):
        return head
    if isinstance(head, tuple) and head[0].i == i:
        return head[1]
    return None


def _split_first_mask(split_new: list, m: int) -> np.ndarray:
    mask = np.zeros(m, dtype=bool)
    for k, *_ in split_new:
        mask[k] = True
    return mask


def _commit(
    doc: Doc,
    orth: np.ndarray,
    spacy: np.ndarray,
    cols: dict,
    heads: np.ndarray,
    set_heads: bool,
    text: str,
) -> None:
    m = len(orth)
    doc._orth = orth
    doc._spacy = spacy
    doc._text = text
    doc._idx = None
    if set_heads:
        cols["head"] = heads - np.arange(m, dtype=np.int64)
    doc._cols = cols
    if doc._tensor is not None and doc._tensor.ndim >= 1 and doc._tensor.shape[0] != m:
        doc._tensor = None  # per-token features no longer line up with the tokens


def _remap_spans(doc: Doc, old_to_new: np.ndarray, old_end_new: np.ndarray, n: int, m: int) -> None:
    from .span import Span

    if not doc._spans:
        return
    for group in doc._spans.values():
        remapped = []
        for s in group:
            start = int(old_to_new[s.start]) if s.start < n else m
            end = int(old_end_new[s.end - 1]) if s.end > s.start else start
            remapped.append(Span(doc, start, max(start, end), s.label, kb_id=s.kb_id, span_id=s.id))
        group._spans = remapped


def _set_attrs(token: Token, attrs: dict) -> None:
    """Set annotations given as {"LEMMA": "x", "POS": "NOUN", "_": {"ext": v}, ...}."""
    for key, value in attrs.items():
        if key == "_":
            for name, ext_value in value.items():
                token._.set(name, ext_value)
            continue
        attr_id = A.intify_attr(key)
        if attr_id == A.ENT_IOB:
            code = IOB_STRINGS.index(value) if isinstance(value, str) else int(value)
            token.doc._writable("ent_iob")[token.i] = code
        elif attr_id in (A.SENT_START,):
            token.is_sent_start = (
                None if value == 0 or value is None else value is True or value == 1
            )
        elif attr_id == A.MORPH:
            token.set_morph(value)
        elif attr_id in _SETTABLE:
            name = _SETTABLE[attr_id]
            setattr(token, name + ("_" if isinstance(value, str) else ""), value)


_SETTABLE = {
    A.LEMMA: "lemma",
    A.TAG: "tag",
    A.POS: "pos",
    A.DEP: "dep",
    A.NORM: "norm",
    A.ENT_TYPE: "ent_type",
    A.ENT_KB_ID: "ent_kb_id",
    A.ENT_ID: "ent_id",
}


def _repair_iob(doc: Doc) -> None:
    iob = doc._cols.get("ent_iob")
    if iob is None:
        return
    etype = doc._column("ent_type")
    for i in range(len(iob)):
        if iob[i] == IOB_I and (
            i == 0 or iob[i - 1] in (MISSING, IOB_O) or etype[i - 1] != etype[i]
        ):
            iob[i] = IOB_B
