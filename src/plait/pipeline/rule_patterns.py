"""Patterns shared by the entity and span rulers: validation, matchers, JSONL files.

A pattern is `{"label": str, "pattern": str | list[dict], "id": str (optional)}`: a string
is a phrase (matched with a `PhraseMatcher`), a list is a token pattern (`Matcher`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Errors, FormatError, InputError, InputTypeError, Warnings, warn
from ..persist.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from ..language import Language
    from ..tokens import Doc

PatternType = dict[str, Any]
# attributes a tokenizer alone sets: phrase patterns for them need no pipeline run
_LEXICAL_ATTRS = {"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH"}


def check_patterns(patterns: object, name: str) -> list[PatternType]:
    """Validate ruler patterns; return them as a list of plain dicts (E479-E481)."""
    if isinstance(patterns, (str, bytes, dict)) or not isinstance(patterns, Iterable):
        raise InputTypeError(Errors.E481.format(name=name, type=type(patterns).__name__))
    checked = []
    for i, entry in enumerate(patterns):
        if not isinstance(entry, dict) or "label" not in entry or "pattern" not in entry:
            raise InputError(
                Errors.E479.format(index=i, name=name, value=entry, type=type(entry).__name__)
            )
        label, pattern = entry["label"], entry["pattern"]
        if not isinstance(label, str) or not label:
            raise InputError(Errors.E480.format(
                index=i, name=name, field="label", reason="it must be a non-empty string",
                value=label,
            ))
        if isinstance(pattern, list):
            if not pattern or not all(isinstance(tok, dict) for tok in pattern):
                raise InputError(Errors.E480.format(
                    index=i, name=name, field="pattern",
                    reason="a token pattern must be a non-empty list of dicts", value=pattern,
                ))
        elif not isinstance(pattern, str):
            raise InputError(Errors.E480.format(
                index=i, name=name, field="pattern",
                reason="it must be a string (phrase) or a list of dicts (tokens)", value=pattern,
            ))
        if "id" in entry and not isinstance(entry["id"], str):
            raise InputError(Errors.E480.format(
                index=i, name=name, field="id", reason="it must be a string", value=entry["id"],
            ))
        checked.append(dict(entry))
    return checked


class RulePatterns:
    """Token and phrase patterns under match keys, with their Matcher and PhraseMatcher.

    `key_of(pattern)` gives each pattern's match key (a string); `match(doc)` returns the
    unique `(key_hash, start, end)` matches of both matchers.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        key_of: Callable[[PatternType], str],
        *,
        phrase_matcher_attr: str | int | None = None,
        validate: bool = False,
        fuzzy_compare: Callable | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.key_of = key_of
        self.phrase_matcher_attr = phrase_matcher_attr
        self.validate = validate
        self.fuzzy_compare = fuzzy_compare
        self.patterns: list[PatternType] = []
        self._warned_empty = False
        self.clear()

    def clear(self) -> None:
        """Remove every pattern."""
        from ..matcher import Matcher, PhraseMatcher
        from ..matcher.levenshtein import levenshtein_compare

        vocab = self.nlp.vocab
        self.patterns = []
        self.matcher = Matcher(
            vocab, validate=self.validate, fuzzy_compare=self.fuzzy_compare or levenshtein_compare
        )
        attr = self.phrase_matcher_attr
        self.phrase_matcher = (
            PhraseMatcher(vocab, attr=attr, validate=self.validate)
            if attr is not None
            else PhraseMatcher(vocab, validate=self.validate)
        )

    def add(self, patterns: Iterable[PatternType]) -> None:
        """Validate and add patterns; phrases are tokenized (and annotated when needed)."""
        patterns = check_patterns(patterns, self.name)
        token_patterns = [p for p in patterns if isinstance(p["pattern"], list)]
        phrase_patterns = [p for p in patterns if isinstance(p["pattern"], str)]
        for entry in token_patterns:
            self.matcher.add(self.key_of(entry), [entry["pattern"]])
        if phrase_patterns:
            docs = self._phrase_docs([p["pattern"] for p in phrase_patterns])
            by_key: dict[str, list[Doc]] = {}
            for entry, doc in zip(phrase_patterns, docs):
                by_key.setdefault(self.key_of(entry), []).append(doc)
            for key, key_docs in by_key.items():
                self.phrase_matcher.add(key, key_docs)
        self.patterns.extend(patterns)

    def _phrase_docs(self, texts: list[str]) -> list[Doc]:
        attr = self.phrase_matcher_attr
        if attr is None or (isinstance(attr, str) and attr.upper() in _LEXICAL_ATTRS):
            return [self.nlp.make_doc(text) for text in texts]
        # attributes such as POS or LEMMA need the components that run before this one
        names = self.nlp.pipe_names
        before = names[: names.index(self.name)] if self.name in names else names
        disable = [n for n in names if n not in before]
        return list(self.nlp.pipe(texts, disable=disable))

    def rebuild(self, keep: Callable[[PatternType], bool]) -> None:
        """Keep only the patterns for which `keep(pattern)` is true."""
        kept = [p for p in self.patterns if keep(p)]
        self.clear()
        self.add(kept)

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """All unique `(key_hash, start, end)` matches in `doc`, sorted by position.

        Warns (W063, once) when there are no patterns.
        """
        if not self.patterns and not self._warned_empty:
            self._warned_empty = True
            warn(Warnings.W063.format(name=self.name))
        found: set[tuple[int, int, int]] = set()
        if len(self.matcher):
            found.update(self.matcher(doc, allow_missing=True))
        if len(self.phrase_matcher):
            found.update(self.phrase_matcher(doc))
        return sorted((m for m in found if m[1] != m[2]), key=lambda m: (m[1], m[2], m[0]))


def write_jsonl(path: Path, patterns: Iterable[PatternType]) -> None:
    """Write patterns as JSON lines (atomically)."""
    lines = [json.dumps(p, ensure_ascii=False) for p in patterns]
    atomic_write_bytes(path, ("\n".join(lines) + ("\n" if lines else "")).encode("utf8"))


def read_jsonl(path: str | Path) -> list[PatternType]:
    """Read a JSON-lines patterns file; a bad line is a coded error naming the line (E482)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf8")
    except (OSError, UnicodeDecodeError) as e:
        raise FormatError(Errors.E483.format(action="read", path=path, error=e)) from e
    patterns = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except ValueError as e:
            raise FormatError(Errors.E482.format(line=number, path=path, reason=e)) from e
        if not isinstance(value, dict):
            raise FormatError(
                Errors.E482.format(line=number, path=path, reason="it is not a JSON object")
            )
        patterns.append(value)
    return patterns


def read_json(path: Path, name: str, kind: type = dict) -> Any:
    """Read a component's JSON file (E483 when unreadable, E485 when damaged)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise FormatError(Errors.E483.format(action="read", path=path, error=e)) from e
    return parse_json(data, name, path, kind)


def parse_json(data: bytes, name: str, where: object, kind: type = dict) -> Any:
    """Parse saved JSON (a `kind`: dict or list); E485 when damaged or of another type."""
    try:
        value = json.loads(data)
    except ValueError as e:
        raise FormatError(Errors.E485.format(name=name, path=where, reason=e)) from e
    if not isinstance(value, kind):
        reason = f"expected a JSON {'object' if kind is dict else 'array'}"
        raise FormatError(Errors.E485.format(name=name, path=where, reason=reason))
    return value
