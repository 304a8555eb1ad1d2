"""The `span_ruler`: spans in `doc.spans[spans_key]` (and optionally entities) from patterns."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import serialize
from ..errors import ConfigError, Errors, LookupFailed
from ..language import Language
from ..matcher.levenshtein import levenshtein_compare
from ..tokens import Doc, Span
from .rule_patterns import PatternType, RulePatterns, parse_json, read_json, read_jsonl, write_jsonl
from .span_filters import (
    SpanFilter,
    first_longest_spans_filter,
    prioritize_existing_ents_filter,
    prioritize_new_ents_filter,
)

PATTERNS_FILE = "patterns.jsonl"
CFG_FILE = "cfg"


class SpanRuler:
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
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.spans_filter = spans_filter
        self.annotate_ents = annotate_ents
        self.ents_filter = ents_filter
        self.overwrite = overwrite
        self.scorer = scorer
        self._fuzzy_compare = matcher_fuzzy_compare
        self._validate = validate
        self._store = self._new_store(phrase_matcher_attr)

    def _new_store(self, phrase_matcher_attr: str | int | None) -> RulePatterns:
        return RulePatterns(
            self.nlp, self.name, _key_of, phrase_matcher_attr=phrase_matcher_attr,
            validate=self._validate, fuzzy_compare=self._fuzzy_compare,
        )

    @property
    def key(self) -> str | None:
        """The `doc.spans` key written to."""
        return self.spans_key

    @property
    def phrase_matcher_attr(self) -> str | int | None:
        """The attribute phrase patterns are matched on (None: ORTH)."""
        return self._store.phrase_matcher_attr

    @property
    def matcher(self) -> Any:
        """The `Matcher` of the token patterns."""
        return self._store.matcher

    @property
    def phrase_matcher(self) -> Any:
        """The `PhraseMatcher` of the phrase patterns."""
        return self._store.phrase_matcher

    # --- patterns ------------------------------------------------------------------------

    def add_patterns(self, patterns: Iterable[PatternType]) -> None:
        """Add patterns (validated: E479-E481 name the bad pattern and field)."""
        self._store.add(patterns)

    @property
    def patterns(self) -> list[PatternType]:
        """All patterns, as added."""
        return [dict(p) for p in self._store.patterns]

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels of the patterns, sorted."""
        return tuple(sorted({p["label"] for p in self._store.patterns}))

    @property
    def ids(self) -> tuple[str, ...]:
        """The pattern ids, sorted."""
        return tuple(sorted({p["id"] for p in self._store.patterns if "id" in p}))

    def __len__(self) -> int:
        return len(self._store.patterns)

    def __contains__(self, label: object) -> bool:
        return any(p["label"] == label for p in self._store.patterns)

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

    def clear(self) -> None:
        """Remove every pattern."""
        self._store.clear()

    def initialize(
        self,
        get_examples: Callable | None = None,
        *,
        nlp: Language | None = None,
        patterns: Sequence[PatternType] | None = None,
    ) -> None:
        """Replace the patterns with `patterns` (e.g. read from a JSONL file by a reader)."""
        self.clear()
        if patterns:
            self.add_patterns(patterns)

    # --- running -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        """Find matches in `doc` and write them as spans (and entities)."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs."""
        for doc in stream:
            yield self(doc)

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

    # --- serialization -------------------------------------------------------------------

    def _load(self, cfg: dict[str, Any] | None, patterns: list[PatternType] | None) -> None:
        if cfg is not None and "phrase_matcher_attr" in cfg:
            attr = cfg["phrase_matcher_attr"]
            if attr != self.phrase_matcher_attr:
                old = self._store.patterns
                self._store = self._new_store(attr)
                if patterns is None:
                    patterns = old
        if patterns is not None:
            self.clear()
            self.add_patterns(patterns)

    def _cfg(self) -> bytes:
        return json.dumps({"phrase_matcher_attr": self.phrase_matcher_attr}).encode("utf8")

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the patterns and the phrase-matching attribute."""
        return serialize.to_bytes(
            {"cfg": self._cfg, "patterns": lambda: json.dumps(self.patterns).encode("utf8")},
            exclude,
        )

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> SpanRuler:
        """Load `to_bytes` output."""
        parts: dict[str, Any] = {}
        serialize.from_bytes(
            bytes_data,
            {
                "cfg": lambda b: parts.__setitem__("cfg", parse_json(b, self.name, "<bytes>")),
                "patterns": lambda b: parts.__setitem__(
                    "patterns", parse_json(b, self.name, "<bytes>", list)
                ),
            },
            exclude,
        )
        self._load(parts.get("cfg"), parts.get("patterns"))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write `patterns.jsonl` and `cfg` (JSON) into the directory `path`."""
        serialize.to_disk(
            path,
            {
                CFG_FILE: lambda p: serialize.write_bytes(p, self._cfg()),
                PATTERNS_FILE: lambda p: write_jsonl(p, self._store.patterns),
            },
            exclude,
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SpanRuler:
        """Read a directory written by `to_disk`, or a single `.jsonl` patterns file."""
        path = Path(path)
        if path.is_file():
            self._load(None, read_jsonl(path))
            return self
        parts: dict[str, Any] = {}
        serialize.from_disk(
            path,
            {
                CFG_FILE: lambda p: parts.__setitem__("cfg", read_json(p, self.name)),
                PATTERNS_FILE: lambda p: parts.__setitem__("patterns", read_jsonl(p)),
            },
            exclude,
        )
        self._load(parts.get("cfg"), parts.get("patterns"))
        return self


def _key_of(pattern: PatternType) -> str:
    # a JSON pair keeps label and id apart whatever characters they hold
    return json.dumps([pattern["label"], pattern.get("id", "")])


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
