"""The half the entity and span rulers share: their patterns, running, and saving.

`MatchingComponent` runs a component that finds matches, then writes them (`__call__`,
`pipe`); the attribute ruler uses it too. `PatternRuler` adds the token and phrase
patterns (a `RulePatterns` store) and their serialization: `cfg` (the settings, JSON) and
`patterns` (JSON in bytes, `patterns.jsonl` on disk).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import serialize
from .rule_patterns import PatternType, RulePatterns, parse_json, read_json, read_jsonl, write_jsonl

if TYPE_CHECKING:
    from typing_extensions import Self

    from ..language import Language
    from ..tokens import Doc

PATTERNS_FILE = "patterns.jsonl"
CFG_FILE = "cfg"

class MatchingComponent:
    """A component that finds matches in a doc, then writes them: `set_annotations(doc, match(doc))`."""

    def match(self, doc: Doc) -> Any:
        """The matches in `doc`, in the form `set_annotations` takes."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, matches: Any) -> None:
        """Write `matches` into `doc`."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        """Find matches in `doc` and write them."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs."""
        for doc in stream:
            yield self(doc)


class PatternRuler(MatchingComponent):
    """Token and phrase patterns with their matchers, and their serialization.

    A subclass calls `_init_patterns` in its `__init__`, gives each pattern its match key
    (`_key_of`), and lists the settings saved with the patterns (`_cfg`, read back by
    `_apply_cfg`).
    """

    nlp: Language
    name: str
    _store: RulePatterns

    def _init_patterns(
        self,
        nlp: Language,
        name: str,
        *,
        phrase_matcher_attr: str | int | None,
        matcher_fuzzy_compare: Callable,
        validate: bool,
        scorer: Callable | None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.scorer = scorer
        self._fuzzy_compare = matcher_fuzzy_compare
        self._validate = validate
        self._store = self._new_store(phrase_matcher_attr)

    def _new_store(self, phrase_matcher_attr: str | int | None) -> RulePatterns:
        return RulePatterns(
            self.nlp, self.name, self._key_of, phrase_matcher_attr=phrase_matcher_attr,
            validate=self._validate, fuzzy_compare=self._fuzzy_compare,
        )

    def _key_of(self, pattern: PatternType) -> str:
        """The match key of `pattern` (a string the matches carry as a hash)."""
        raise NotImplementedError

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
    def labels(self) -> tuple[str, ...]:
        """The labels of the patterns, sorted."""
        return tuple(sorted({p["label"] for p in self._store.patterns}))

    def _pattern_ids(self) -> tuple[str, ...]:
        return tuple(sorted({p["id"] for p in self._store.patterns if "id" in p}))

    def __len__(self) -> int:
        return len(self._store.patterns)

    def __contains__(self, label: object) -> bool:
        return any(p["label"] == label for p in self._store.patterns)

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

    # --- serialization -------------------------------------------------------------------

    def _cfg(self) -> dict[str, Any]:
        """The settings saved with the patterns."""
        return {"phrase_matcher_attr": self.phrase_matcher_attr}

    def _apply_cfg(self, cfg: dict[str, Any]) -> None:
        """Take the saved settings other than `phrase_matcher_attr`."""

    def _cfg_bytes(self) -> bytes:
        return json.dumps(self._cfg()).encode("utf8")

    def _load(self, cfg: dict[str, Any] | None, patterns: list[PatternType] | None) -> None:
        if cfg is not None:
            self._apply_cfg(cfg)
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
        """Serialize the patterns and the settings."""
        return serialize.to_bytes(
            {"cfg": self._cfg_bytes, "patterns": lambda: json.dumps(self.patterns).encode("utf8")},
            exclude,
        )

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        """Load the patterns and settings from `to_bytes` output."""
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
                CFG_FILE: lambda p: serialize.write_bytes(p, self._cfg_bytes()),
                PATTERNS_FILE: lambda p: write_jsonl(p, self._store.patterns),
            },
            exclude,
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
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
