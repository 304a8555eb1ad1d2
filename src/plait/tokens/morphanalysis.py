"""MorphAnalysis: the morphological features of a token ("Number=Sing|Person=3")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import Errors, InputError, InputTypeError

if TYPE_CHECKING:
    from ..vocab import Vocab

EMPTY_MORPH = "_"  # stored (hashed) for an analysis set explicitly to "no features"


def normalize_features(value: Any) -> str:
    """Canonical "Feat=Val|..." form of a str or dict: features sorted by name, values too.

    Multiple values of one feature are comma-joined ("Number=Plur,Sing"). Raises E078 on a
    feature without "=" and E090 on a value that is neither str nor dict.
    """
    if isinstance(value, MorphAnalysis):
        return str(value)
    if isinstance(value, dict):
        items = []
        for field, val in value.items():
            if isinstance(val, (list, tuple, set)):
                val = ",".join(str(v) for v in val)
            items.append(f"{field}={val}")
        text = "|".join(items)
    elif isinstance(value, str):
        text = value
    else:
        raise InputTypeError(
            Errors.E090.format(
                what="A morphological analysis", expected="a str or dict", type=type(value).__name__
            )
        )
    if text in ("", EMPTY_MORPH):
        return ""
    fields: dict[str, set[str]] = {}
    for feature in text.split("|"):
        field, sep, vals = feature.partition("=")
        if not sep or not field.strip() or not vals.strip():
            raise InputError(Errors.E078.format(value=value, feature=feature))
        fields.setdefault(field.strip(), set()).update(v.strip() for v in vals.split(","))
    return "|".join(
        f"{field}={','.join(sorted(vals))}" for field, vals in sorted(fields.items(), key=_key)
    )


def _key(item: tuple[str, set[str]]) -> str:
    return item[0].lower()


def morph_key(vocab: Vocab, value: Any) -> int:
    """Hash to store for an analysis given as str or dict ("" stores the hash of "_")."""
    norm = normalize_features(value)
    return vocab.strings.add(norm if norm else EMPTY_MORPH)


class MorphAnalysis:
    """The morphological features of a token, read from the hash its doc stores.

    `str(m)` gives "Feat=Val|Feat2=Val2" (features sorted), `m.to_dict()` a dict,
    `m.get("Number")` the list of values of one feature.
    """

    __slots__ = ("_text", "key", "vocab")

    def __init__(self, vocab: Vocab, features: Any = "") -> None:
        self.vocab = vocab
        if isinstance(features, int) and not isinstance(features, bool):
            self.key = features
            text = vocab.strings[features] if features else ""
            self._text = "" if text == EMPTY_MORPH else text
        else:
            self._text = normalize_features(features)
            self.key = vocab.strings.add(self._text) if self._text else 0

    @classmethod
    def from_id(cls, vocab: Vocab, key: int) -> MorphAnalysis:
        """The analysis stored under hash `key`."""
        return cls(vocab, int(key))

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return self._text

    def __len__(self) -> int:
        return len(self._features())

    def __iter__(self) -> Iterator[str]:
        """Yield single "Feat=Val" features."""
        for field, values in self._fields().items():
            for v in values:
                yield f"{field}={v}"

    def __contains__(self, feature: str) -> bool:
        return feature in set(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MorphAnalysis):
            return self._text == other._text
        if isinstance(other, (str, dict)):
            try:
                return self._text == normalize_features(other)
            except (InputError, InputTypeError):
                return False
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._text)

    def _features(self) -> list[str]:
        return [f for f in self._text.split("|") if f]

    def _fields(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for feature in self._features():
            field, _, vals = feature.partition("=")
            out[field] = vals.split(",")
        return out

    def get(self, field: str, default: list[str] | None = None) -> list[str]:
        """The values of one feature as a list (`default`, or [] when absent)."""
        found = self._fields().get(field)
        if found is None:
            return [] if default is None else default
        return found

    def to_dict(self) -> dict[str, str]:
        """The features as {field: "val" or "val1,val2"}."""
        return {field: ",".join(vals) for field, vals in self._fields().items()}

    def to_json(self) -> str:
        """The features as a "Feat=Val|..." string."""
        return self._text
