"""The `attribute_ruler`: set token attributes (TAG, POS, MORPH, LEMMA, ...) from patterns."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import serialize
from ..errors import Errors, InputError, InputTypeError
from ..language import Language
from ..tokens import Doc, Token
from ..tokens.arrays import UPOS_SET
from ..vocab import Vocab
from .pattern_ruler import MatchingComponent
from .rule_patterns import parse_json, read_json

PATTERNS_FILE = "patterns"

# attribute name -> how to set it on a token
_SETTERS: dict[str, Callable[[Token, Any], None]] = {
    "TAG": lambda t, v: setattr(t, "tag_", v),
    "POS": lambda t, v: setattr(t, "pos_", v),
    "LEMMA": lambda t, v: setattr(t, "lemma_", v),
    "NORM": lambda t, v: setattr(t, "norm_", v),
    "DEP": lambda t, v: setattr(t, "dep_", v),
    "MORPH": lambda t, v: t.set_morph(v),
    "SENT_START": lambda t, v: setattr(t, "is_sent_start", v),
    "IS_SENT_START": lambda t, v: setattr(t, "is_sent_start", v),
}
_STRING_ATTRS = {"TAG", "POS", "LEMMA", "NORM", "DEP"}


class AttributeRuler(MatchingComponent):
    """Set token attributes where token patterns match.

    `ruler.add(patterns=[[{"ORTH": "n't"}]], attrs={"LEMMA": "not", "POS": "PART"})`
    sets the attributes on the token at `index` (default 0, negative counts from the
    end) of each match. Rules apply in the order they were added, so later rules win.
    Keys that are not attributes (e.g. "Number") are morphological features, merged
    into the token's MORPH.
    """

    def __init__(
        self,
        vocab: Vocab,
        name: str = "attribute_ruler",
        *,
        validate: bool = False,
        scorer: Callable | None = None,
    ) -> None:
        from ..matcher import Matcher

        self.vocab = vocab
        self.name = name
        self.validate = validate
        self.scorer = scorer
        self.matcher = Matcher(vocab, validate=validate)
        # (patterns, attrs as given, attrs ready to set, index)
        self._rules: list[tuple[list, dict, dict[str, Any], int]] = []

    def clear(self) -> None:
        """Remove every rule."""
        from ..matcher import Matcher

        self.matcher = Matcher(self.vocab, validate=self.validate)
        self._rules = []

    # --- rules ---------------------------------------------------------------------------

    def add(self, patterns: Iterable[list[dict]], attrs: dict, index: int = 0) -> None:
        """Add a rule: set `attrs` on token `index` of every match of `patterns`."""
        checked = _check_attrs(attrs)
        if isinstance(index, bool) or not isinstance(index, int):
            raise InputTypeError(
                Errors.E491.format(value=index, attr="index", reason="it must be an int")
            )
        patterns = list(patterns)
        key = str(len(self._rules))
        self.matcher.add(key, patterns)
        self._rules.append((patterns, dict(attrs), checked, index))

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        """Add rules given as `{"patterns": [...], "attrs": {...}, "index": 0}` dicts."""
        for i, entry in enumerate(patterns):
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("patterns"), list)
                or "attrs" not in entry
            ):
                raise InputError(Errors.E490.format(index=i, value=entry))
            self.add(entry["patterns"], entry["attrs"], entry.get("index", 0))

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """All rules as `{"patterns", "attrs", "index"}` dicts."""
        return [
            {"patterns": patterns, "attrs": attrs, "index": index}
            for patterns, attrs, _, index in self._rules
        ]

    @property
    def labels(self) -> tuple[str, ...]:
        """The rule keys (one per added rule)."""
        return tuple(str(i) for i in range(len(self._rules)))

    def __len__(self) -> int:
        return len(self._rules)

    def load_from_tag_map(self, tag_map: dict[str, dict]) -> None:
        """Add one rule per fine-grained tag: `{"NNS": {"POS": "NOUN", "Number": "Plur"}}`."""
        for tag, attrs in tag_map.items():
            self.add([[{"TAG": tag}]], attrs)

    def load_from_morph_rules(self, morph_rules: dict[str, dict[str, dict]]) -> None:
        """Add one rule per (tag, word): `{"PRP": {"I": {"LEMMA": "I", "Person": "One"}}}`."""
        for tag, words in morph_rules.items():
            for word, attrs in words.items():
                self.add([[{"ORTH": word, "TAG": tag}]], attrs)

    def initialize(
        self,
        get_examples: Callable | None = None,
        *,
        nlp: Language | None = None,
        patterns: Iterable[dict] | None = None,
        tag_map: dict[str, dict] | None = None,
        morph_rules: dict[str, dict[str, dict]] | None = None,
    ) -> None:
        """Replace the rules with those from `patterns`, `tag_map` and `morph_rules`."""
        self.clear()
        if patterns:
            self.add_patterns(patterns)
        if tag_map:
            self.load_from_tag_map(tag_map)
        if morph_rules:
            self.load_from_morph_rules(morph_rules)

    # --- running (`__call__` and `pipe` come from MatchingComponent) ----------------------

    def match(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Matches as `(rule_index, start, end)`, in rule order (so later rules win)."""
        if not self._rules:
            return []
        strings = doc.vocab.strings
        found = [
            (int(strings[key]), start, end)
            for key, start, end in self.matcher(doc, allow_missing=True)
        ]
        return sorted(found)

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int]]) -> None:
        """Set each matched rule's attributes on its token."""
        for rule, start, end in matches:
            _, _, attrs, index = self._rules[rule]
            n = end - start
            if not -n <= index < n:
                raise InputError(Errors.E489.format(
                    index=index, span=doc[start:end].text, n=n, low=-n, high=n - 1
                ))
            token = doc[start + index if index >= 0 else end + index]
            _set_token_attrs(token, attrs)

    # --- serialization -------------------------------------------------------------------

    def _patterns_bytes(self) -> bytes:
        return json.dumps(self.patterns).encode("utf8")

    def _load_patterns(self, patterns: list) -> None:
        self.clear()
        self.add_patterns(patterns)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the rules."""
        return serialize.to_bytes({"patterns": self._patterns_bytes}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> AttributeRuler:
        """Load rules from `to_bytes` output."""
        serialize.from_bytes(
            bytes_data,
            {"patterns": lambda b: self._load_patterns(parse_json(b, self.name, "<bytes>", list))},
            exclude,
        )
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the rules to `path/patterns` (JSON)."""
        serialize.to_disk(
            path, {PATTERNS_FILE: lambda p: serialize.write_bytes(p, self._patterns_bytes())},
            exclude,
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> AttributeRuler:
        """Read rules written by `to_disk`."""
        serialize.from_disk(
            path,
            {PATTERNS_FILE: lambda p: self._load_patterns(read_json(p, self.name, list))},
            exclude,
        )
        return self


def _check_attrs(attrs: object) -> dict[str, Any]:
    """Validate rule attributes; morphological features are folded into MORPH."""
    if not isinstance(attrs, dict):
        raise InputTypeError(Errors.E487.format(value=attrs, type=type(attrs).__name__))
    checked: dict[str, Any] = {}
    features: list[str] = []
    for key, value in attrs.items():
        name = key.upper() if isinstance(key, str) else key
        if name == "_":
            if not isinstance(value, dict):
                raise InputTypeError(
                    Errors.E491.format(value=value, attr="_", reason="it must be a dict")
                )
            checked["_"] = dict(value)
        elif name in _SETTERS:
            if name in _STRING_ATTRS and not isinstance(value, str):
                raise InputTypeError(
                    Errors.E491.format(value=value, attr=key, reason="it must be a string")
                )
            if name == "POS" and value and value not in UPOS_SET:
                raise InputError(Errors.E491.format(
                    value=value, attr=key, reason="it is not a Universal POS tag (e.g. NOUN)"
                ))
            checked[name] = value
        elif isinstance(key, str) and key[:1].isupper() and key[1:2].islower():
            features.append(f"{key}={value}")  # a morphological feature such as "Number"
        else:
            raise InputError(Errors.E488.format(attr=key, options=", ".join(sorted(_SETTERS))))
    if features:
        checked["_features"] = "|".join(features)
    return checked


def _set_token_attrs(token: Token, attrs: dict[str, Any]) -> None:
    for name, value in attrs.items():
        if name == "_":
            for ext, ext_value in value.items():
                setattr(token._, ext, ext_value)
        elif name == "_features":
            merged = dict(token.morph.to_dict())
            merged.update(dict(f.split("=", 1) for f in value.split("|")))
            token.set_morph("|".join(f"{k}={v}" for k, v in sorted(merged.items())))
        else:
            _SETTERS[name](token, value)


@Language.factory(
    "attribute_ruler",
    default_config={"validate": False},
    default_score_weights={},
)
def make_attribute_ruler(nlp: Language, name: str, validate: bool) -> AttributeRuler:
    """Create an `AttributeRuler` (factory "attribute_ruler")."""
    return AttributeRuler(nlp.vocab, name, validate=validate)
