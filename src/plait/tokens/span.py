"""Span: a view of a slice of a Doc, with an optional label, KB ID and span ID."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, NoReturn

import numpy as np

from ..errors import Errors, InputError, InputTypeError, OutOfRange
from . import arrays, parse
from .indexing import index_view
from .similarity import cosine, mean_vector
from .underscore import HasExtensions, Underscore

if TYPE_CHECKING:
    from .doc import Doc
    from .token import Token


class Span(HasExtensions):
    """Tokens `start:end` of a Doc. `label`, `kb_id` and `span_id` take a str or a hash.

    Raises OutOfRange (E060) unless 0 <= start <= end <= len(doc).
    """

    __slots__ = ("_vector", "doc", "end", "id", "kb_id", "label", "start")

    def __init__(
        self,
        doc: Doc,
        start: int,
        end: int,
        label: str | int = 0,
        *,
        vector: np.ndarray | None = None,
        vector_norm: float | None = None,
        kb_id: str | int = 0,
        span_id: str | int = 0,
    ) -> None:
        n = len(doc)
        if not (0 <= start <= end <= n):
            raise OutOfRange(Errors.E060.format(start=start, end=end, n=n))
        strings = doc.vocab.strings
        self.doc = doc
        self.start = int(start)
        self.end = int(end)
        self.label = _as_hash(strings, label, "label")
        self.kb_id = _as_hash(strings, kb_id, "kb_id")
        self.id = _as_hash(strings, span_id, "span_id")
        self._vector = None if vector is None else np.asarray(vector, dtype=np.float32)

    # --- strings of the hashes -------------------------------------------------------------

    @property
    def label_(self) -> str:
        return self.doc.vocab.strings[self.label] if self.label else ""

    @label_.setter
    def label_(self, value: str) -> None:
        self.label = self.doc.vocab.strings.add(value) if value else 0

    @property
    def kb_id_(self) -> str:
        return self.doc.vocab.strings[self.kb_id] if self.kb_id else ""

    @kb_id_.setter
    def kb_id_(self, value: str) -> None:
        self.kb_id = self.doc.vocab.strings.add(value) if value else 0

    @property
    def id_(self) -> str:
        return self.doc.vocab.strings[self.id] if self.id else ""

    @id_.setter
    def id_(self, value: str) -> None:
        self.id = self.doc.vocab.strings.add(value) if value else 0

    ent_id = property(lambda self: self.id)
    ent_id_ = property(lambda self: self.id_)

    # --- sequence --------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Token]:
        from .token import Token

        for i in range(self.start, self.end):
            yield Token(self.doc, i)

    def __getitem__(self, i: int | slice) -> Token | Span:
        return index_view(self.doc, self.start, self.end - self.start, i, "Span")

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def _key(self) -> tuple:
        return (self.start, self.end, self.label, self.kb_id, self.id)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self.doc is other.doc and self._key() == other._key()
        return NotImplemented

    def __lt__(self, other: Span) -> bool:
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash((id(self.doc), *self._key()))

    def __reduce__(self) -> NoReturn:
        raise InputTypeError(Errors.E075.format(obj="Span"))

    @property
    def _(self) -> Underscore:
        """Extension attributes registered with `Span.set_extension`."""
        return Underscore(Span._extensions, self, self.doc, self.start_char, self.end_char)

    # --- text ------------------------------------------------------------------------------

    @property
    def start_char(self) -> int:
        if self.start < len(self.doc):
            return int(self.doc._token_idx()[self.start])
        return len(self.doc.text)

    @property
    def end_char(self) -> int:
        if self.start == self.end:
            return self.start_char
        last = self.end - 1
        return int(self.doc._token_idx()[last]) + len(
            self.doc.vocab.strings[int(self.doc._orth[last])]
        )

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char : self.end_char]

    @property
    def text_with_ws(self) -> str:
        if self.start == self.end:
            return ""
        return self.text + (" " if self.doc._spacy[self.end - 1] else "")

    @property
    def orth_(self) -> str:
        return self.text

    @property
    def vocab(self) -> Any:
        return self.doc.vocab

    @property
    def lemma_(self) -> str:
        """The lemmas of the tokens joined with their whitespace."""
        return "".join(t.lemma_ + t.whitespace_ for t in self).strip()

    # --- annotations -----------------------------------------------------------------------

    @property
    def ents(self) -> tuple[Span, ...]:
        """The doc's entities inside this span."""
        return tuple(e for e in self.doc.ents if e.start >= self.start and e.end <= self.end)

    @property
    def sent(self) -> Span:
        """The sentence containing the span's first token."""
        hooks = self.doc.user_span_hooks
        if "sent" in hooks:
            return hooks["sent"](self)
        if "sents" in self.doc.user_hooks:
            for sent in self.doc.sents:
                if sent.start <= self.start < sent.end:
                    return sent
        if not self.doc.has_annotation("SENT_START"):
            raise InputError(Errors.E064)
        for start, end in self.doc._sent_bounds():
            if start <= self.start < end:
                return Span(self.doc, start, end)
        return Span(self.doc, self.start, self.end)

    @property
    def sents(self) -> Iterator[Span]:
        """The sentences that overlap this span (whole sentences)."""
        if "sents" in self.doc.user_hooks:
            sents = list(self.doc.sents)
        else:
            if not self.doc.has_annotation("SENT_START"):
                raise InputError(Errors.E064)
            sents = [Span(self.doc, s, e) for s, e in self.doc._sent_bounds()]
        for sent in sents:
            if sent.start < self.end and sent.end > self.start:
                yield sent

    @property
    def root(self) -> Token:
        """The token nearest the root of the parse (the first token when there is no parse)."""
        from .token import Token

        hooks = self.doc.user_span_hooks
        if "root" in hooks:
            return hooks["root"](self)
        if self.start == self.end:
            raise OutOfRange(Errors.E059.format(i=0, obj="Span", n=0))
        heads = parse.abs_heads(self.doc)
        best, best_depth = self.start, None
        for i in range(self.start, self.end):
            h = int(heads[i])
            if h == i or not self.start <= h < self.end:
                depth = len(parse.ancestors_of(heads, i))
                if best_depth is None or depth < best_depth:
                    best, best_depth = i, depth
        return Token(self.doc, best)

    @property
    def lefts(self) -> Iterator[Token]:
        """Tokens left of the span whose head is inside it."""
        for token in self:
            for left in token.lefts:
                if left.i < self.start:
                    yield left

    @property
    def rights(self) -> Iterator[Token]:
        """Tokens right of the span whose head is inside it."""
        for token in self:
            for right in token.rights:
                if right.i >= self.end:
                    yield right

    @property
    def n_lefts(self) -> int:
        return len(list(self.lefts))

    @property
    def n_rights(self) -> int:
        return len(list(self.rights))

    @property
    def subtree(self) -> Iterator[Token]:
        """The span's tokens and all their descendants, in document order."""
        from .token import Token

        heads = parse.abs_heads(self.doc)
        mask = np.zeros(len(heads), dtype=bool)
        for i in range(self.start, self.end):
            mask |= parse.subtree_mask(heads, i)
        for j in np.flatnonzero(mask).tolist():
            yield Token(self.doc, j)

    @property
    def conjuncts(self) -> tuple[Token, ...]:
        return self.root.conjuncts

    @property
    def noun_chunks(self) -> Iterator[Span]:
        """The doc's noun chunks inside this span."""
        for chunk in self.doc.noun_chunks:
            if chunk.start >= self.start and chunk.end <= self.end:
                yield chunk

    def char_span(
        self,
        start_idx: int,
        end_idx: int,
        label: int | str = 0,
        kb_id: int | str = 0,
        vector: np.ndarray | None = None,
        alignment_mode: str = "strict",
        span_id: int | str = 0,
    ) -> Span | None:
        """Like `Doc.char_span`, with offsets relative to the span's start."""
        from .doc import _ALIGNMENT_MODES

        if alignment_mode not in _ALIGNMENT_MODES:
            raise InputError(Errors.E067.format(options=_ALIGNMENT_MODES, value=alignment_mode))
        base = self.start_char
        bounds = self.doc._char_token_range(
            start_idx + base, end_idx + base, alignment_mode, self.start, self.end
        )
        if bounds is None:
            return None
        return Span(
            self.doc, bounds[0], bounds[1], label=label, kb_id=kb_id, vector=vector, span_id=span_id
        )

    def to_array(self, attr_ids: str | int | Iterable[str | int]) -> np.ndarray:
        """Like `Doc.to_array`, for the span's tokens."""
        return arrays.to_array(self.doc, attr_ids)[self.start : self.end]

    def as_doc(
        self, *, copy_user_data: bool = False, array_head: Any = None, array: Any = None
    ) -> Doc:
        """A new Doc of the span's tokens with all their annotations.

        Heads pointing outside the span become roots (dep "dep" unless ROOT), entities are
        clipped to the span; with copy_user_data=True extension values are carried over.
        """
        from .doc_concat import span_as_doc

        return span_as_doc(self, copy_user_data)

    # --- vectors ---------------------------------------------------------------------------

    @property
    def vector(self) -> np.ndarray:
        hooks = self.doc.user_span_hooks
        if "vector" in hooks:
            return hooks["vector"](self)
        if self._vector is not None:
            return self._vector
        return mean_vector(self.doc.vocab, self.doc._orth[self.start : self.end])

    @property
    def has_vector(self) -> bool:
        hooks = self.doc.user_span_hooks
        if "has_vector" in hooks:
            return bool(hooks["has_vector"](self))
        if self._vector is not None:
            return True
        from .similarity import any_vector

        return any_vector(self.doc.vocab, self.doc._orth[self.start : self.end])

    @property
    def vector_norm(self) -> float:
        hooks = self.doc.user_span_hooks
        if "vector_norm" in hooks:
            return float(hooks["vector_norm"](self))
        return float(np.linalg.norm(self.vector)) if self.has_vector else 0.0

    def similarity(self, other: Any) -> float:
        """Cosine similarity of the vectors (0.0 and warning W010 when a side has none)."""
        hooks = self.doc.user_span_hooks
        if "similarity" in hooks:
            return hooks["similarity"](self, other)
        return cosine(self, other)


def _as_hash(strings: Any, value: str | int, what: str) -> int:
    if isinstance(value, str):
        return strings.add(value) if value else 0
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    raise InputTypeError(
        Errors.E090.format(
            what=f"Span {what}", expected="a str or a hash", type=type(value).__name__
        )
    )
