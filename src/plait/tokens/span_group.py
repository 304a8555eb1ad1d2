"""SpanGroup: a named, list-like group of spans of one Doc (`doc.spans["key"]`)."""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import Errors, InputError

if TYPE_CHECKING:
    from .doc import Doc
    from .span import Span


class SpanGroup:
    """A list of Spans of one doc, with a `name` and free-form `attrs`.

    Spans may overlap. The group holds its doc weakly, like spaCy's.
    """

    def __init__(
        self,
        doc: Doc,
        *,
        name: str = "",
        attrs: dict | None = None,
        spans: Iterable[Span] = (),
    ) -> None:
        self._doc_ref = weakref.ref(doc)
        self.name = name
        self.attrs = dict(attrs or {})
        self._spans: list[Span] = []
        self.extend(spans)

    @property
    def doc(self) -> Doc:
        doc = self._doc_ref()
        if doc is None:  # pragma: no cover - the doc was garbage-collected
            raise InputError(Errors.E088.format(value="a span group whose doc is gone"))
        return doc

    def _check(self, span: Any) -> Span:
        from .span import Span

        if not isinstance(span, Span) or span.doc is not self._doc_ref():
            raise InputError(Errors.E088.format(value=span))
        return span

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self._spans)

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return SpanGroup(self.doc, name=self.name, attrs=self.attrs, spans=self._spans[i])
        return self._spans[i]

    def __setitem__(self, i: int, span: Span) -> None:
        self._spans[i] = self._check(span)

    def __delitem__(self, i: int | slice) -> None:
        del self._spans[i]

    def __repr__(self) -> str:
        return repr(self._spans)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanGroup):
            return (self.name, self.attrs, self._spans) == (other.name, other.attrs, other._spans)
        if isinstance(other, list):
            return self._spans == other
        return NotImplemented

    @property
    def has_overlap(self) -> bool:
        """True when two spans of the group share a token."""
        ordered = sorted((s.start, s.end) for s in self._spans)
        return any(b[0] < a[1] for a, b in itertools.pairwise(ordered))

    def append(self, span: Span) -> None:
        self._spans.append(self._check(span))

    def extend(self, spans: Iterable[Span]) -> None:
        for span in spans:
            self.append(span)

    def copy(self, doc: Doc | None = None) -> SpanGroup:
        """A copy of the group (for `doc`, when given, with the same token offsets)."""
        from .span import Span

        target = self.doc if doc is None else doc
        spans = [
            s if doc is None else Span(target, s.start, s.end, s.label, kb_id=s.kb_id, span_id=s.id)
            for s in self._spans
        ]
        return SpanGroup(target, name=self.name, attrs=dict(self.attrs), spans=spans)

    def __add__(self, other: SpanGroup) -> SpanGroup:
        out = self.copy()
        out.extend(other)
        return out


class SpanGroups(dict):
    """`doc.spans`: a dict of name -> SpanGroup; assigned lists become SpanGroups."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self._doc_ref = weakref.ref(doc)

    def __setitem__(self, key: str, value: Iterable[Span]) -> None:
        doc = self._doc_ref()
        if not isinstance(value, SpanGroup) or value._doc_ref() is not doc:
            attrs = value.attrs if isinstance(value, SpanGroup) else None
            value = SpanGroup(doc, name=key, attrs=attrs, spans=value)  # type: ignore[arg-type]
        super().__setitem__(key, value)

    def setdefault(self, key: str, default: Iterable[Span] | None = None) -> SpanGroup:
        if key not in self:
            self[key] = default or []
        return self[key]

    def copy(self, doc: Doc | None = None) -> SpanGroups:  # type: ignore[override]
        """A copy for `doc` (the same doc when None)."""
        target = doc if doc is not None else self._doc_ref()
        out = SpanGroups(target)
        for key, group in self.items():
            dict.__setitem__(out, key, group.copy(doc))
        return out
