"""The `entity_ruler`: named entities from token and phrase patterns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..errors import Errors, LookupFailed
from ..language import Language
from ..matcher.levenshtein import levenshtein_compare
from ..tokens import Doc, Span
from .pattern_ruler import CFG_FILE, PATTERNS_FILE, PatternRuler
from .rule_patterns import PatternType

__all__ = ["CFG_FILE", "PATTERNS_FILE", "EntityRuler", "make_entity_ruler"]


class EntityRuler(PatternRuler):
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
        self.overwrite = overwrite_ents
        self.ent_id_sep = ent_id_sep
        self._init_patterns(
            nlp, name, phrase_matcher_attr=phrase_matcher_attr,
            matcher_fuzzy_compare=matcher_fuzzy_compare, validate=validate, scorer=scorer,
        )
        if patterns is not None:
            self.add_patterns(patterns)

    def _key_of(self, pattern: PatternType) -> str:
        label = pattern["label"]
        return f"{label}{self.ent_id_sep}{pattern['id']}" if "id" in pattern else label

    def _split_key(self, key: str) -> tuple[str, str]:
        label, _, ent_id = key.partition(self.ent_id_sep)
        return label, ent_id

    # --- patterns ------------------------------------------------------------------------

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
    def ent_ids(self) -> tuple[str, ...]:
        """The pattern ids, sorted."""
        return self._pattern_ids()

    def remove(self, ent_id: str) -> None:
        """Remove every pattern whose `id` is `ent_id` (E484 when there is none)."""
        if ent_id not in self.ent_ids:
            raise LookupFailed(
                Errors.E484.format(name=self.name, what="id", value=ent_id, known=self.ent_ids)
            )
        self._store.rebuild(lambda p: p.get("id") != ent_id)

    # --- running -------------------------------------------------------------------------

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

    def _apply_cfg(self, cfg: dict[str, Any]) -> None:
        self.overwrite = bool(cfg.get("overwrite", self.overwrite))
        self.ent_id_sep = cfg.get("ent_id_sep", self.ent_id_sep)


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
