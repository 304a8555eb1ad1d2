"""New docs from parts of docs: `Span.as_doc` and `Doc.from_docs`."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, InputError
from . import parse
from .arrays import COLUMN_DTYPES, IOB_B, IOB_I

if TYPE_CHECKING:
    from .doc import Doc
    from .span import Span


def _new_doc(vocab: Any, orth: np.ndarray, spacy: np.ndarray) -> Doc:
    from .doc import Doc

    doc = Doc.__new__(Doc)
    doc._init(vocab, orth, spacy, None)
    return doc


def _shift_user_data(user_data: dict, offset: int, lo: int | None, hi: int | None) -> dict:
    """Extension values keyed by characters [lo, hi) of a doc, re-keyed by `offset`.

    Doc-level values (start None) are kept when lo is None (the whole doc is copied).
    """
    out = {}
    for key, value in user_data.items():
        if isinstance(key, tuple) and len(key) == 4 and key[0] == "._.":
            _, name, start, end = key
            if start is None:
                if lo is not None:
                    continue
                out[key] = copy.copy(value)
                continue
            if lo is not None and not (lo <= start and (end if end is not None else start) <= hi):
                continue
            new_end = None if end is None else end + offset
            out[("._.", name, start + offset, new_end)] = copy.copy(value)
        elif lo is None:
            out[key] = copy.copy(value)
    return out


def span_as_doc(span: Span, copy_user_data: bool) -> Doc:
    """A standalone Doc with the tokens and annotations of `span` (see `Span.as_doc`)."""
    src = span.doc
    s, e = span.start, span.end
    doc = _new_doc(src.vocab, src._orth[s:e].copy(), src._spacy[s:e].copy())
    for name, col in src._cols.items():
        doc._cols[name] = col[s:e].copy()
    n = e - s
    head = doc._cols.get("head")
    if head is not None and n:
        target = np.arange(s, e, dtype=np.int64) + head
        outside = (target < s) | (target >= e)
        head[outside] = 0
        dep = doc._cols.get("dep")
        if dep is not None:
            dep[outside & (dep != 0)] = src.vocab.strings.add("dep")
        if parse.has_parse(doc):
            doc._cols["sent_start"] = parse.sent_starts_from_heads(doc._abs_heads())
    sent = doc._cols.get("sent_start")
    if sent is not None and n:
        sent[0] = 1
    iob = doc._cols.get("ent_iob")
    if iob is not None and n and iob[0] == IOB_I:
        iob[0] = IOB_B
    if src._tensor is not None and src._tensor.ndim >= 1 and src._tensor.shape[0] == len(src):
        doc._tensor = src._tensor[s:e].copy()
    if copy_user_data and src._user_data:
        start_char = span.start_char
        doc._user_data = _shift_user_data(src._user_data, -start_char, start_char, span.end_char)
        for key, value in src._user_data.items():
            if not (isinstance(key, tuple) and len(key) == 4 and key[0] == "._."):
                doc._user_data[key] = copy.copy(value)
    return doc


def concat_docs(docs: Sequence[Doc], ensure_whitespace: bool, exclude: set[str]) -> Doc | None:
    """Concatenate docs (see `Doc.from_docs`)."""
    from .doc import Doc
    from .span import Span

    docs = list(docs)
    if not docs:
        return None
    for d in docs:
        if not isinstance(d, Doc):
            raise InputError(Errors.E086.format(reason=f"got a {type(d).__name__}"))
    vocab = docs[0].vocab
    if any(d.vocab is not vocab for d in docs):
        raise InputError(Errors.E086.format(reason="the docs have different Vocab objects"))
    spacies = []
    for k, d in enumerate(docs):
        spacy = d._spacy.copy()
        last = k == len(docs) - 1
        if ensure_whitespace and not last and len(d) and not spacy[-1] and not d.text[-1].isspace():
            spacy[-1] = True
        spacies.append(spacy)
    doc = _new_doc(vocab, np.concatenate([d._orth for d in docs]), np.concatenate(spacies))
    names = sorted({name for d in docs for name in d._cols})
    for name in names:
        doc._cols[name] = np.concatenate(
            [d._cols.get(name, np.zeros(len(d), dtype=COLUMN_DTYPES[name])) for d in docs]
        )
    token_offsets = np.cumsum([0] + [len(d) for d in docs])
    char_offsets = np.cumsum(
        [0]
        + [len(d.text) + int(sp[-1:].sum() - d._spacy[-1:].sum()) for d, sp in zip(docs, spacies)]
    )
    sent = doc._cols.get("sent_start")
    if sent is not None:
        for off, d in zip(token_offsets.tolist(), docs):
            if len(d):
                sent[off] = 1
    iob = doc._cols.get("ent_iob")
    if iob is not None:
        for off, d in zip(token_offsets.tolist(), docs):
            if len(d) and iob[off] == IOB_I:
                iob[off] = IOB_B
    if "user_data" not in exclude:
        user_data: dict = {}
        for off, d in zip(char_offsets.tolist(), docs):
            if d._user_data:
                user_data.update(_shift_user_data(d._user_data, off, None, None))
        if user_data:
            doc._user_data = user_data
    if "spans" not in exclude:
        for off, d in zip(token_offsets.tolist(), docs):
            if not d._spans:
                continue
            for key, group in d._spans.items():
                target = doc.spans.setdefault(key, [])
                target.attrs.update(group.attrs)
                target.extend(
                    Span(doc, s.start + off, s.end + off, s.label, kb_id=s.kb_id, span_id=s.id)
                    for s in group
                )
    tensors = [d._tensor for d in docs]
    aligned = all(
        t is not None and t.ndim == 2 and t.shape[0] == len(d) for t, d in zip(tensors, docs)
    )
    if aligned and len({t.shape[1] for t in tensors}) == 1:  # type: ignore[union-attr]
        doc._tensor = np.vstack(tensors)  # type: ignore[arg-type]
    return doc
