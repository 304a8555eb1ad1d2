"""The `span_ruler`: spans in `doc.spans[spans_key]` (and optionally entities) from patterns."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..errors import ConfigError, Errors, LookupFailed
from ..language import Language
from ..matcher.levenshtein import levenshtein_compare
from ..tokens import Doc, Span
from .pattern_ruler import CFG_FILE, PATTERNS_FILE, PatternRuler
from .rule_patterns import PatternType
from .span_filters import (
    SpanFilter,
    first_longest_spans_filter,
    prioritize_existing_ents_filter,
    prioritize_new_ents_filter,
)

__all__ = [
    "CFG_FILE", "PATTERNS_FILE", "SpanRuler", "make_future_entity_ruler", "make_span_ruler",
]


class SpanRuler(PatternRuler):
    """Add spans where token or phrase patterns match.

    Spans go to `doc.spans[spans_key]` (replacing the group with `overwrite=True`, else
    added to it, then passed through `spans_filter` when set) and, with
    `annotate_ents=True`, to `doc.ents` through `ents_filter`.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "span_ruler",
        *,
        spans_key: str | None = "ruler",
        spans_filter: SpanFilter | None = None,
        annotate_ents: bool = False,
        ents_filter: SpanFilter = first_longest_spans_filter,
        phrase_matcher_attr: str | int | None = None,
        matcher_fuzzy_compare: Callable = levenshtein_compare,
        validate: bool = False,
        overwrite: bool = False,
        scorer: Callable | None = None,
    ) -> None:
        if spans_key is None and not annotate_ents:
            raise ConfigError(Errors.E486.format(name=name))
        self.spans_key = spans_key
        self.spans_filter = spans_filter
        self.annotate_ents = annotate_ents
        self.ents_filter = ents_filter
        self.overwrite = overwrite
        self._init_patterns(
            nlp, name, phrase_matcher_attr=phrase_matcher_attr,
            matcher_fuzzy_compare=matcher_fuzzy_compare, validate=validate, scorer=scorer,
        )

    @staticmethod
    def _key_of(pattern: PatternType) -> str:
        # a JSON pair keeps label and id apart whatever characters they hold
        return json.dumps([pattern["label"], pattern.get("id", "")])

    @property
    def key(self) -> str | None:
        """The `doc.spans` key written to."""
        return self.spans_key

    # --- patterns ------------------------------------------------------------------------

    @property
    def ids(self) -> tuple[str, ...]:
        """The pattern ids, sorted."""
        return self._pattern_ids()

    def remove(self, label: str) -> None:
        """Remove every pattern with `label` (E484 when there is none)."""
        if label not in self:
            raise LookupFailed(
                Errors.E484.format(name=self.name, what="label", value=label, known=self.labels)
            )
        self._store.rebuild(lambda p: p["label"] != label)

    def remove_by_id(self, pattern_id: str) -> None:
        """Remove every pattern whose `id` is `pattern_id` (E484 when there is none)."""
        if pattern_id not in self.ids:
            raise LookupFailed(
                Errors.E484.format(name=self.name, what="id", value=pattern_id, known=self.ids)
            )
        self._store.rebuild(lambda p: p.get("id") != pattern_id)

    # --- running -------------------------------------------------------------------------

    def match(self, doc: Doc) -> list[Span]:
        """The matches as labelled spans (with `id_` from the pattern), sorted by position."""
        strings = doc.vocab.strings
        spans = []
        for key, start, end in self._store.match(doc):
            label, pattern_id = json.loads(strings[key])
            spans.append(Span(doc, start, end, label=label, span_id=pattern_id))
        return spans

    def set_annotations(self, doc: Doc, matches: list[Span]) -> None:
        """Write spans to `doc.spans[spans_key]` and, if asked, entities to `doc.ents`."""
        if self.spans_key is not None:
            old = [] if self.overwrite else list(doc.spans.get(self.spans_key, []))
            spans = (
                self.spans_filter(old, matches) if self.spans_filter is not None
                else old + list(matches)
            )
            doc.spans[self.spans_key] = list(spans)
        if self.annotate_ents:
            old = [] if self.overwrite else list(doc.ents)
            doc.ents = sorted(self.ents_filter(old, matches), key=lambda s: (s.start, s.end))


@Language.factory(
    "span_ruler",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "ruler",
        "spans_filter": None,
        "annotate_ents": False,
        "ents_filter": {"@misc": "plait.first_longest_spans_filter.v1"},
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "plait.levenshtein_compare.v1"},
        "validate": False,
        "overwrite": True,
    },
    default_score_weights={
        "spans_ruler_f": 1.0, "spans_ruler_p": 0.0, "spans_ruler_r": 0.0,
        "spans_ruler_per_type": None,
    },
)
def make_span_ruler(
    nlp: Language,
    name: str,
    spans_key: str | None,
    spans_filter: SpanFilter | None,
    annotate_ents: bool,
    ents_filter: SpanFilter,
    phrase_matcher_attr: str | int | None,
    matcher_fuzzy_compare: Callable,
    validate: bool,
    overwrite: bool,
) -> SpanRuler:
    """Create a `SpanRuler` (factory "span_ruler")."""
    return SpanRuler(
        nlp, name, spans_key=spans_key, spans_filter=spans_filter, annotate_ents=annotate_ents,
        ents_filter=ents_filter, phrase_matcher_attr=phrase_matcher_attr,
        matcher_fuzzy_compare=matcher_fuzzy_compare, validate=validate, overwrite=overwrite,
    )


@Language.factory(
    "future_entity_ruler",
    assigns=["doc.ents"],
    default_config={
        "phrase_matcher_attr": None,
        "validate": False,
        "overwrite_ents": False,
        "matcher_fuzzy_compare": {"@misc": "plait.levenshtein_compare.v1"},
        "ent_id_sep": "__unused__",
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_future_entity_ruler(
    nlp: Language,
    name: str,
    phrase_matcher_attr: str | int | None,
    matcher_fuzzy_compare: Callable,
    validate: bool,
    overwrite_ents: bool,
    ent_id_sep: str,
) -> SpanRuler:
    """An entity ruler built on `SpanRuler` (factory "future_entity_ruler")."""
    ents_filter = prioritize_new_ents_filter if overwrite_ents else prioritize_existing_ents_filter
    return SpanRuler(
        nlp, name, spans_key=None, annotate_ents=True, ents_filter=ents_filter,
        phrase_matcher_attr=phrase_matcher_attr, matcher_fuzzy_compare=matcher_fuzzy_compare,
        validate=validate, overwrite=False,
    )
