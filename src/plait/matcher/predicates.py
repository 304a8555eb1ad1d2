"""Value tests behind token patterns: equality, IN, REGEX, FUZZY, comparisons, set tests.

Every test is a function of one value and returns a bool. For token attributes the value
is what `Doc.to_array` gives for the attribute (a string hash, a flag, a length), so the
Matcher can compute a test once per distinct value and cache it; for extension attributes
(`"_"`) the value is whatever `token._.get(name)` returns.

Attribute kinds (how a column value is read):
  "str"   a string hash (ORTH, LOWER, TAG, ...); "morph" a hash of a "Feat=Val|..." string;
  "int"   a number (LENGTH);   "bool" a 0/1 flag;   "sent"  SENT_START (true only for 1);
  "iob"   ENT_IOB as 0-3 ("", "I", "O", "B").
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from typing import Any

from ..strings import StringStore, get_string_id

Test = Callable[[Any], bool]

IOB_STRINGS = ("", "I", "O", "B")

COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}
SET_PREDICATES = ("IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS")
FUZZY_PREDICATES = ("FUZZY",) + tuple(f"FUZZY{i}" for i in range(1, 10))
ALL_PREDICATES = ("REGEX",) + SET_PREDICATES + FUZZY_PREDICATES + tuple(COMPARISONS)


def string_id(value: object) -> object:
    """The ID spaCy compares for a value: the hash of a string, an int as itself."""
    return get_string_id(value) if isinstance(value, str) else value


def normalize_morph(text: str) -> str:
    """Canonical form of a morphology string: features sorted by name ("B=x|A=y" -> "A=y|B=x")."""
    feats = [f for f in text.split("|") if f and f != "_"]
    return "|".join(sorted(feats, key=lambda f: f.split("=", 1)[0].lower()))


def morph_features(text: str) -> frozenset[str]:
    """The single "Feat=Val" features of a morphology string."""
    return frozenset(f for f in text.split("|") if f and f != "_")


class ValueReader:
    """Turns a column value of one attribute kind into the text or number a test needs."""

    def __init__(self, kind: str, strings: StringStore) -> None:
        self.kind = kind
        self.strings = strings

    def text(self, value: int) -> str:
        if self.kind in ("str", "morph"):
            try:
                return self.strings[int(value)]  # type: ignore[return-value]
            except KeyError:
                return ""
        if self.kind == "iob":
            return IOB_STRINGS[value] if 0 <= value < 4 else ""
        return str(self.number(value))

    def number(self, value: int) -> int:
        if self.kind == "sent":
            return int(value == 1)
        if self.kind == "bool":
            return int(bool(value))
        return int(value)


# --- tests on token attributes -------------------------------------------------------------


def equals(reader: ValueReader, expected: object) -> Test:
    """value == expected, where `expected` is already an ID (hash, int, 0/1, IOB index)."""
    kind = reader.kind
    if kind == "morph" and isinstance(expected, str):
        canon = normalize_morph(expected)
        return lambda v: normalize_morph(reader.text(v)) == canon
    if kind in ("bool", "sent"):
        want = int(bool(expected))
        return lambda v: reader.number(v) == want
    return lambda v: v == expected


def set_test(reader: ValueReader, predicate: str, values: Iterable[object]) -> Test:
    """IN / NOT_IN / IS_SUBSET / IS_SUPERSET / INTERSECTS against a list of values."""
    if reader.kind == "morph":
        wanted: frozenset = frozenset(
            f for v in values for f in morph_features(normalize_morph(str(v)))
        )
        whole = frozenset(normalize_morph(str(v)) for v in values)

        def token_set(v: int) -> frozenset:
            return morph_features(reader.text(v))

        if predicate in ("IN", "NOT_IN"):
            inside = predicate == "IN"
            return lambda v: (normalize_morph(reader.text(v)) in whole) == inside
    else:
        if reader.kind == "iob":
            values = [IOB_STRINGS.index(v) if v in IOB_STRINGS else v for v in values]
        elif reader.kind in ("bool", "sent"):
            values = [int(v) if isinstance(v, bool) else v for v in values]
        wanted = frozenset(string_id(v) for v in values)
        numeric = reader.kind in ("bool", "sent")

        def token_set(v: int) -> frozenset:
            return frozenset((reader.number(v) if numeric else v,))

        if predicate in ("IN", "NOT_IN"):
            inside = predicate == "IN"
            if numeric:
                return lambda v: (reader.number(v) in wanted) == inside
            return lambda v: (v in wanted) == inside
    if predicate == "IS_SUBSET":
        return lambda v: token_set(v) <= wanted
    if predicate == "IS_SUPERSET":
        return lambda v: token_set(v) >= wanted
    return lambda v: bool(token_set(v) & wanted)


def regex_test(reader: ValueReader, regexes: list[re.Pattern], mode: str) -> Test:
    """REGEX: one pattern ("ONE"), or any of several ("IN") / none of several ("NOT_IN")."""
    if mode == "ONE":
        search = regexes[0].search
        return lambda v: search(reader.text(v)) is not None
    if mode == "IN":
        return lambda v: any(rx.search(reader.text(v)) is not None for rx in regexes)
    return lambda v: not any(rx.search(reader.text(v)) is not None for rx in regexes)


def fuzzy_test(
    reader: ValueReader, targets: list[str], mode: str, fuzzy: int, compare: Callable
) -> Test:
    """FUZZY: close to one string ("ONE"), to any of several ("IN"), or to none ("NOT_IN")."""
    if mode == "ONE":
        target = targets[0]

        def one(v: int) -> bool:
            text = reader.text(v)
            return text == target or bool(compare(text, target, fuzzy))

        return one
    if mode == "IN":
        return lambda v: any(compare(reader.text(v), t, fuzzy) for t in targets)
    return lambda v: not any(compare(reader.text(v), t, fuzzy) for t in targets)


def comparison_test(reader: ValueReader, op: str, number: object) -> Test:
    compare = COMPARISONS[op]
    return lambda v: compare(reader.number(v), number)


# --- tests on extension attribute values ---------------------------------------------------


def ext_equals(expected: object) -> Test:
    want = string_id(expected)

    def test(value: object) -> bool:
        try:
            return bool(string_id(value) == want)
        except (TypeError, ValueError):  # e.g. numpy arrays compare elementwise
            return False

    return test


def _ext_ids(value: object) -> frozenset | None:
    if isinstance(value, (str, int)):
        return frozenset((string_id(value),))
    if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        items = list(value)
        if all(isinstance(v, (str, int)) for v in items):
            return frozenset(string_id(v) for v in items)
    return None


def ext_set_test(predicate: str, values: Iterable[object]) -> Test:
    wanted = frozenset(string_id(v) for v in values)
    if predicate in ("IN", "NOT_IN"):
        inside = predicate == "IN"

        def member(value: object) -> bool:
            if not isinstance(value, (str, int)):
                return False
            return (string_id(value) in wanted) == inside

        return member
    relation = {
        "IS_SUBSET": frozenset.issubset,
        "IS_SUPERSET": frozenset.issuperset,
        "INTERSECTS": lambda a, b: bool(a & b),
    }[predicate]

    def test(value: object) -> bool:
        ids = _ext_ids(value)
        return ids is not None and bool(relation(ids, wanted))

    return test


def ext_text_test(inner: Test) -> Test:
    """Wrap a test of text for extension values: only strings can match."""
    return lambda value: isinstance(value, str) and inner(value)


def ext_comparison_test(op: str, number: object) -> Test:
    compare = COMPARISONS[op]

    def test(value: object) -> bool:
        try:
            return bool(compare(value, number))
        except TypeError:
            return False

    return test


class _TextReader(ValueReader):
    """A reader whose values already are strings (extension values)."""

    def __init__(self) -> None:
        super().__init__("ext", StringStore())

    def text(self, value: Any) -> str:
        return value


TEXT_READER = _TextReader()
