"""The `entity_ruler`: named entities from token and phrase patterns."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import serialize
from ..errors import Errors, LookupFailed
from ..language import Language
from ..matcher.levenshtein import levenshtein_compare
from ..tokens import Doc, Span
from .rule_patterns import (
    PatternType,
    RulePatterns,
    parse_json,
    read_json,
    read_jsonl,
    write_jsonl,
)

PATTERNS_FILE = "patterns.jsonl"
CFG_FILE = "cfg"


class EntityRuler:
    """Add entities to `doc.ents` where token or phrase patterns match.

    Patterns are `{"label": "ORG", "pattern": "Apple"}` (a phrase) or
    `{"label": "ORG", "pattern": [{"LOWER": "apple"}], "id": "apple"}` (tokens). Longer
    matches win over shorter overlapping ones; existing entities are kept unless
    `overwrite_ents=True`. An `id` is set as the entity's `ent_id_` / `id_`.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "entity_ruler",
        *,
        phrase_matcher_attr: str | int | None = None,
        matcher_fuzzy_compare: Callable = levenshtein_compare,
        validate: bool = False,
        overwrite_ents: bool = False,
        ent_id_sep: str = "||",
        patterns: Sequence[PatternType] | None = None,
        scorer: Callable | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.overwrite = overwrite_ents
        self.ent_id_sep = ent_id_sep
        self.scorer = scorer
        self._fuzzy_compare = matcher_fuzzy_compare
        self._validate = validate
        self._store = self._new_store(phrase_matcher_attr)
        if patterns is not None:
            self.add_patterns(patterns)

    def _new_store(self, phrase_matcher_attr: str | int | None) -> RulePatterns:
        return RulePatterns(
            self.nlp, self.name, self._key_of, phrase_matcher_attr=phrase_matcher_attr,
            validate=self._validate, fuzzy_compare=self._fuzzy_compare,
        )

    def _key_of(self, pattern: PatternType) -> str:
        label = pattern["label"]
        return f"{label}{self.ent_id_sep}{pattern['id']}" if "id" in pattern else label

    def _split_key(self, key: str) -> tuple[str, str]:
        label, _, ent_id = key.partition(self.ent_id_sep)
        return label, ent_id

    # --- patterns ------------------------------------------------------------------------

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

    def add_patterns(self, patterns: Iterable[PatternType]) -> None:
        """Add patterns (validated: E479-E481 name the bad pattern and field)."""
        self._store.add(patterns)

    @property
    def patterns(self) -> list[PatternType]:
        """All patterns, as added."""
        return [dict(p) for p in self._store.patterns]

    @property
    def token_patterns(self) -> dict[str, list]:
        """Token patterns by label."""
        result: dict[str, list] = {}
        for p in self._store.patterns:
            if isinstance(p["pattern"], list):
                result.setdefault(p["label"], []).append(p["pattern"])
        return result

    @property
    def phrase_patterns(self) -> dict[str, list[Doc]]:
        """Phrase patterns by label, as docs."""
        result: dict[str, list[Doc]] = {}
        for p in self._store.patterns:
            if isinstance(p["pattern"], str):
                result.setdefault(p["label"], []).append(self.nlp.make_doc(p["pattern"]))
        return result

    @property
    def labels(self) -> tuple[str, ...]:
        """The entity labels of the patterns, sorted."""
        return tuple(sorted({p["label"] for p in self._store.patterns}))

    @property
    def ent_ids(self) -> tuple[str, ...]:
        """The pattern ids, sorted."""
        return tuple(sorted({p["id"] for p in self._store.patterns if "id" in p}))

    def __len__(self) -> int:
        return len(self._store.patterns)

    def __contains__(self, label: object) -> bool:
        return any(p["label"] == label for p in self._store.patterns)

    def remove(self, ent_id: str) -> None:
        """Remove every pattern whose `id` is `ent_id` (E484 when there is none)."""
        if ent_id not in self.ent_ids:
            raise LookupFailed(
                Errors.E484.format(name=self.name, what="id", value=ent_id, known=self.ent_ids)
            )
        self._store.rebuild(lambda p: p.get("id") != ent_id)

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
        """Find matches in `doc` and set them as entities."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs."""
        for doc in stream:
            yield self(doc)

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Matches as `(key_hash, start, end)`, longest first, then leftmost."""
        matches = self._store.match(doc)
        return sorted(matches, key=lambda m: (m[1] - m[2], m[1]))

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        """Turn matches into entities: longer first, no overlaps, existing ones respected."""
        strings = doc.vocab.strings
        entities = list(doc.ents)
        ent_types = doc.to_array("ENT_TYPE")
        taken: set[int] = set()
        new: list[Span] = []
        for key, start, end in matches:
            if taken.intersection(range(start, end)):
                continue
            if not self.overwrite and ent_types[start:end].any():
                continue
            label, ent_id = self._split_key(strings[key])
            new.append(Span(doc, start, end, label=label, span_id=ent_id))
            taken.update(range(start, end))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
        if new:
            doc.ents = sorted(entities + new, key=lambda s: s.start)

    # --- serialization -------------------------------------------------------------------

    def _cfg(self) -> dict[str, Any]:
        return {
            "overwrite": self.overwrite,
            "ent_id_sep": self.ent_id_sep,
            "phrase_matcher_attr": self.phrase_matcher_attr,
        }

    def _load(self, cfg: dict[str, Any] | None, patterns: list[PatternType] | None) -> None:
        if cfg is not None:
            self.overwrite = bool(cfg.get("overwrite", self.overwrite))
            self.ent_id_sep = cfg.get("ent_id_sep", self.ent_id_sep)
            attr = cfg.get("phrase_matcher_attr", self.phrase_matcher_attr)
            if attr != self.phrase_matcher_attr:
                old = self._store.patterns
                self._store = self._new_store(attr)
                if patterns is None:
                    patterns = old
        if patterns is not None:
            self.clear()
            self.add_patterns(patterns)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize patterns and settings."""
        return serialize.to_bytes(
            {
                "cfg": lambda: json.dumps(self._cfg()).encode("utf8"),
                "patterns": lambda: json.dumps(self.patterns).encode("utf8"),
            },
            exclude,
        )

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> EntityRuler:
        """Load patterns and settings from `to_bytes` output."""
        parts: dict[str, Any] = {}
        serialize.from_bytes(
            bytes_data,
            {
                "cfg": lambda b: parts.__setitem__("cfg", parse_json(b, self.name, "<bytes>")),
                "patterns": lambda b: parts.__setitem__("patterns", parse_json(b, self.name, "<bytes>", list)),
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
                CFG_FILE: lambda p: serialize.write_bytes(p, json.dumps(self._cfg()).encode("utf8")),
                PATTERNS_FILE: lambda p: write_jsonl(p, self._store.patterns),
            },
            exclude,
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityRuler:
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


@Language.factory(
    "entity_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "plait.levenshtein_compare.v1"},
        "validate": False,
        "overwrite_ents": False,
        "ent_id_sep": "||",
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_entity_ruler(
    nlp: Language,
    name: str,
    phrase_matcher_attr: str | int | None,
    matcher_fuzzy_compare: Callable,
    validate: bool,
    overwrite_ents: bool,
    ent_id_sep: str,
) -> EntityRuler:
    """Create an `EntityRuler` (factory "entity_ruler")."""
    return EntityRuler(
        nlp, name, phrase_matcher_attr=phrase_matcher_attr,
        matcher_fuzzy_compare=matcher_fuzzy_compare, validate=validate,
        overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep,
    )
