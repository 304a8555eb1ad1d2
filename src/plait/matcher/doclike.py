"""How the matchers read a Doc or a Span: its token range, attribute columns, heads."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from .. import attrs
from ..errors import Errors, InputError
from ..tokens import Doc

try:  # Span arrives with the full tokens package
    from ..tokens import Span
except ImportError:  # pragma: no cover - bootstrap tree
    Span = None  # type: ignore[assignment,misc]

# Attributes whose values come from a pipeline component, and the component that sets them.
ANNOTATING_PIPES = {
    attrs.TAG: "tagger",
    attrs.POS: "morphologizer or tagger+attribute_ruler",
    attrs.MORPH: "morphologizer or tagger+attribute_ruler",
    attrs.LEMMA: "lemmatizer",
    attrs.DEP: "parser",
}


def resolve(doclike: Any) -> tuple[Doc, int, int]:
    """Return `(doc, start, end)` for a Doc or a Span; anything else is a coded error."""
    if isinstance(doclike, Doc):
        return doclike, 0, len(doclike)
    if Span is not None and isinstance(doclike, Span):
        return doclike.doc, doclike.start, doclike.end
    raise InputError(Errors.E462.format(type=type(doclike).__name__))


def columns(doc: Doc, start: int, end: int, attr_ids: list[int]) -> list[list[int]]:
    """The values of each attribute for tokens `start:end`, one Python list per attribute."""
    if len(attr_ids) == 1:
        return [column(doc, start, end, attr_ids[0])]
    array = doc.to_array(attr_ids)
    if start or end != array.shape[0]:
        array = array[start:end]
    return array.T.tolist()


def column(doc: Doc, start: int, end: int, attr_id: int) -> list[int]:
    """The values of one attribute for tokens `start:end`."""
    if attr_id == attrs.ORTH:  # the hot path of both matchers: no copy of the column
        return doc._orth[start:end].tolist()
    array = doc.to_array(attr_id)
    if array.ndim == 2:
        array = array[:, 0]
    if start or end != array.shape[0]:
        array = array[start:end]
    return array.tolist()


# Attributes of the lexeme (the word type): the same for every token with the same ORTH.
LEXICAL_ATTRS = frozenset(
    {attrs.ORTH, attrs.LOWER, attrs.SHAPE, attrs.PREFIX, attrs.SUFFIX, attrs.LENGTH}
    | set(attrs.FLAG_IDS)
)


def _lexeme_edits(vocab: Any) -> set | None:
    """The set of orths whose lexeme was edited in `vocab`, or None if unknown."""
    edited = getattr(vocab, "_edited", None)
    return edited if isinstance(edited, set) else None


class OrthMemo(dict):
    """orth -> compute(values of `attr_ids` for that orth), for lexical attributes only.

    Lexical values depend on the orth alone, so a matcher computes what it needs once per
    word type instead of once per token. Values are read from the docs themselves
    (`Doc.to_array`) the first time an orth is seen. Lexemes edited in the vocab
    (`vocab["x"].is_stop = True`) are never remembered, and any new edit clears the memo,
    so results always follow the vocab. `compute` must not return None.
    """

    def __init__(self, vocab: Any, attr_ids: list[int], compute: Any) -> None:
        super().__init__()
        self.vocab = vocab
        self.attr_ids = attr_ids
        self.compute = compute
        self._seen_edits = -1

    def lookup(self, doc: Doc, start: int, end: int, orths: list[int]) -> list:
        """compute(...) for each of `orths` (the ORTH values of tokens `start:end`)."""
        edited = _lexeme_edits(self.vocab)
        n_edits = len(edited) if edited is not None else -1
        if n_edits != self._seen_edits or edited is None:
            self.clear()
            self._seen_edits = n_edits
        found = list(map(self.get, orths))
        if None in found:
            cols = columns(doc, start, end, self.attr_ids)
            remember = edited is not None and len(self) < 2_000_000
            for i, value in enumerate(found):
                if value is None:
                    value = found[i] = self.compute([col[i] for col in cols])
                    if remember and orths[i] not in edited:
                        self[orths[i]] = value
        return found


def check_annotation(
    doc: Doc, attr_ids: Iterable[int], error: str = Errors.E463, **kw: Any
) -> None:
    """Raise a coded error when the doc lacks annotation for one of `attr_ids` (TAG, POS...)."""
    has_annotation = getattr(doc, "has_annotation", None)
    if has_annotation is None:
        return
    for attr in attr_ids:
        pipe = ANNOTATING_PIPES.get(attr)
        if pipe is not None and not has_annotation(attrs.NAMES[attr]):
            raise InputError(error.format(attr=attrs.NAMES[attr], pipe=pipe, **kw))


def heads(doc: Doc) -> list[int]:
    """The absolute index of each token's head (a root is its own head)."""
    rel = doc.to_array([attrs.HEAD])
    rel = np.asarray(rel).reshape(-1).astype(np.uint64).view(np.int64)
    return (np.arange(len(rel), dtype=np.int64) + rel).tolist()
