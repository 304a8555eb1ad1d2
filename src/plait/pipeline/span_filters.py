"""Span filters for the rulers, registered in `registry.misc` so configs can name them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..matcher.levenshtein import levenshtein_compare
from ..registry import registry
from ..tokens import Span

SpanFilter = Callable[[Iterable[Span], Iterable[Span]], list[Span]]


def filter_spans(spans: Iterable[Span]) -> list[Span]:
    """Keep the longest spans, then the earliest, so that no two kept spans overlap.

    The result is sorted by start. Used to resolve overlapping matches before they
    become entities.
    """
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    kept = []
    for span in ordered:
        if span.start == span.end:
            continue
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


def first_longest_spans_filter(first: Iterable[Span], second: Iterable[Span]) -> list[Span]:
    """Merge both groups, keeping the longest non-overlapping spans."""
    return filter_spans(list(first) + list(second))


def prioritize_new_ents_filter(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """New spans win: keep non-overlapping new spans, then old entities not touching them."""
    new = filter_spans(spans)
    taken = {i for span in new for i in range(span.start, span.end)}
    old = [e for e in entities if not taken.intersection(range(e.start, e.end))]
    return sorted(new + old, key=lambda s: s.start)


def prioritize_existing_ents_filter(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """Existing entities win: new spans are added only where no entity is."""
    old = list(entities)
    taken = {i for span in old for i in range(span.start, span.end)}
    new = [s for s in filter_spans(spans) if not taken.intersection(range(s.start, s.end))]
    return sorted(old + new, key=lambda s: s.start)


@registry.misc.register("plait.levenshtein_compare.v1")
def make_levenshtein_compare() -> Callable[[str, str, int], bool]:
    """The default FUZZY comparison of the matchers."""
    return levenshtein_compare


@registry.misc.register("plait.first_longest_spans_filter.v1")
def make_first_longest_spans_filter() -> SpanFilter:
    """The filter `first_longest_spans_filter`."""
    return first_longest_spans_filter


@registry.misc.register("plait.prioritize_new_ents_filter.v1")
def make_prioritize_new_ents_filter() -> SpanFilter:
    """The filter `prioritize_new_ents_filter`."""
    return prioritize_new_ents_filter


@registry.misc.register("plait.prioritize_existing_ents_filter.v1")
def make_prioritize_existing_ents_filter() -> SpanFilter:
    """The filter `prioritize_existing_ents_filter`."""
    return prioritize_existing_ents_filter
