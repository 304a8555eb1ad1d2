"""Token patterns: validation and compilation into quantified token specs.

A pattern is a list of token descriptions (dicts). Each description maps attribute names to
a value (`{"LOWER": "hello"}`), to predicates (`{"LENGTH": {">=": 3}}`,
`{"LOWER": {"IN": [...]}}`), extension attributes (`{"_": {"is_fruit": True}}`) and an
optional quantifier (`"OP"`). `compile_pattern` checks one pattern and returns its nodes:
`(quantifier, TokenSpec, token_index)`, where the quantifiers `+` and `{n,m}` are expanded
into runs of the four basic ones (`ONE`, `ZERO` for "!", `ZERO_ONE`, `ZERO_PLUS`).
Every mistake raises a coded `InputError` naming the key, the pattern, the token and the
attribute at fault.

With `strict=True` (the Matcher's `validate=True`) value types are checked as spaCy's
pattern schema does (strings for string attributes, booleans for flags...); with
`strict=False` integers are also accepted as string hashes and as flags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from .. import attrs
from ..errors import Errors, InputError
from ..strings import StringStore
from . import predicates as P

ONE, ZERO, ZERO_ONE, ZERO_PLUS = 1, 0, 2, 3

_STRING_ATTRS = (
    "ORTH", "LOWER", "NORM", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "ENT_ID", "ENT_KB_ID",
    "SHAPE", "PREFIX", "SUFFIX",
)  # fmt: skip
_FLAG_ATTRS = (
    "SPACY", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
    "IS_PUNCT", "IS_SPACE", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT",
    "IS_CURRENCY", "IS_STOP", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
)  # fmt: skip

#: attribute ID -> kind of its column values (see plait.matcher.predicates)
ATTR_KINDS: dict[int, str] = {
    **{attrs.IDS[name]: "str" for name in _STRING_ATTRS},
    **{attrs.IDS[name]: "bool" for name in _FLAG_ATTRS},
    attrs.MORPH: "morph",
    attrs.LENGTH: "int",
    attrs.SENT_START: "sent",
    attrs.ENT_IOB: "iob",
}
_ALIASES = {"TEXT": "ORTH", "IS_SENT_START": "SENT_START"}
PATTERN_ATTR_NAMES = tuple(sorted([attrs.NAMES[a] for a in ATTR_KINDS] + list(_ALIASES)))

_SIMPLE_OPS = {
    "1": (ONE,),
    "!": (ZERO,),
    "?": (ZERO_ONE,),
    "*": (ZERO_PLUS,),
    "+": (ONE, ZERO_PLUS),
}
_MIN_MAX_RE = re.compile(r"^\{(\d*)(,?)(\d*)\}$")

# Predicates allowed by spaCy's pattern schema, per kind (strict mode).
_TEXT_PREDICATES = ("REGEX",) + P.SET_PREDICATES + P.FUZZY_PREDICATES
_STRICT_PREDICATES = {
    "str": _TEXT_PREDICATES,
    "morph": _TEXT_PREDICATES,
    "int": ("REGEX",) + P.SET_PREDICATES + tuple(P.COMPARISONS),
    "bool": (),
    "sent": (),
    "iob": (),
}


def resolve_attr(name: object) -> int | None:
    """Return the ID of a pattern attribute given by name (any case, TEXT allowed) or ID."""
    if isinstance(name, bool):
        return None
    if isinstance(name, int):
        return name if name in ATTR_KINDS else None
    if isinstance(name, str):
        upper = _ALIASES.get(name.upper(), name.upper())
        attr = attrs.IDS.get(upper)
        return attr if attr in ATTR_KINDS else None
    return None


@dataclass(frozen=True)
class TokenSpec:
    """What one token must satisfy: tests on attribute values and on extension values."""

    key: Hashable
    attr_tests: tuple[tuple[int, tuple[P.Test, ...]], ...]
    ext_tests: tuple[tuple[str, tuple[P.Test, ...]], ...]
    value_attrs: frozenset[int]  # attributes compared to a plain value


@dataclass
class _Where:
    key: object
    index: int
    token: int = 0
    attr: str = ""

    def fmt(self, template: str, **kw: Any) -> str:
        return template.format(
            key=self.key, index=self.index, token=self.token, attr=self.attr, **kw
        )


def _freeze(value: Any) -> Hashable:
    if isinstance(value, dict):
        return ("dict", tuple(sorted(((str(k), _freeze(v)) for k, v in value.items()), key=repr)))
    if isinstance(value, (list, tuple, set, frozenset)):
        return ("list", tuple(_freeze(v) for v in value))
    return (type(value).__name__, value)


def parse_op(op: object, where: _Where, strict: bool) -> tuple[int, ...]:
    """Expand an OP value into basic quantifiers: "+" -> (ONE, ZERO_PLUS), "{2,3}" -> ..."""
    if isinstance(op, str):
        if op in _SIMPLE_OPS and not (strict and op == "1"):
            return _SIMPLE_OPS[op]
        m = _MIN_MAX_RE.match(op)
        if m:
            lo, comma, hi = m.groups()
            if not comma:
                hi = lo
            if lo or hi:
                n = int(lo or 0)
                if not hi:
                    return (ONE,) * n + (ZERO_PLUS,)
                if n <= int(hi):
                    return (ONE,) * n + (ZERO_ONE,) * (int(hi) - n)
    raise InputError(where.fmt(Errors.E457, op=op))


def compile_pattern(
    pattern: object,
    *,
    key: object,
    index: int,
    strings: StringStore,
    strict: bool,
    fuzzy_compare: Callable[[str, str, int], bool],
) -> list[tuple[int, TokenSpec, int]]:
    """Check one token pattern and return its nodes `(quantifier, spec, token_index)`."""
    where = _Where(key, index)
    if not isinstance(pattern, list):
        raise InputError(where.fmt(Errors.E454, type=type(pattern).__name__))
    if not pattern:
        raise InputError(where.fmt(Errors.E453))
    nodes: list[tuple[int, TokenSpec, int]] = []
    for i, desc in enumerate(pattern):
        where.token = i
        where.attr = ""
        if not isinstance(desc, dict):
            raise InputError(where.fmt(Errors.E455, type=type(desc).__name__))
        quants: tuple[int, ...] = (ONE,)
        for name, value in desc.items():
            if isinstance(name, str) and name.upper() == "OP":
                where.attr = name
                quants = parse_op(value, where, strict)
        spec = _compile_spec(desc, where, strings, strict, fuzzy_compare)
        nodes.extend((q, spec, i) for q in quants)
    if not nodes:
        where.token = 0
        raise InputError(where.fmt(Errors.E453))
    return nodes


def _compile_spec(
    desc: dict, where: _Where, strings: StringStore, strict: bool, fuzzy_compare: Callable
) -> TokenSpec:
    attr_tests: dict[int, list[P.Test]] = {}
    ext_tests: dict[str, list[P.Test]] = {}
    value_attrs: set[int] = set()
    key_items = []
    for name, value in desc.items():
        if isinstance(name, str) and name.upper() == "OP":
            continue
        where.attr = name if isinstance(name, str) else attrs.NAMES.get(name, str(name))
        if name == "_":
            if not isinstance(value, dict):
                raise InputError(where.fmt(Errors.E464, type=type(value).__name__))
            for ext_name, ext_value in value.items():
                where.attr = f"_.{ext_name}"
                if not isinstance(ext_name, str):
                    raise InputError(where.fmt(Errors.E458, value=ext_name, type=type(ext_name).__name__, expected="a str extension name"))  # fmt: skip
                ext_tests.setdefault(ext_name, []).extend(
                    _ext_tests(ext_value, where, strings, strict, fuzzy_compare)
                )
                key_items.append(("_", ext_name, _freeze(ext_value)))
            continue
        attr = resolve_attr(name)
        if attr is None:
            raise InputError(where.fmt(Errors.E456, options=", ".join(PATTERN_ATTR_NAMES)))
        kind = ATTR_KINDS[attr]
        reader = P.ValueReader(kind, strings)
        if isinstance(value, dict):
            tests = _predicate_tests(value, kind, reader, where, strings, strict, fuzzy_compare)
        else:
            tests = [P.equals(reader, _plain_value(value, kind, where, strings, strict))]
            value_attrs.add(attr)
        attr_tests.setdefault(attr, []).extend(tests)
        key_items.append((attr, _freeze(value)))
    return TokenSpec(
        key=tuple(sorted(key_items, key=repr)),
        attr_tests=tuple((a, tuple(t)) for a, t in attr_tests.items()),
        ext_tests=tuple((n, tuple(t)) for n, t in ext_tests.items()),
        value_attrs=frozenset(value_attrs),
    )


def _type_error(where: _Where, value: object, expected: str) -> InputError:
    return InputError(
        where.fmt(Errors.E458, value=value, type=type(value).__name__, expected=expected)
    )


def _plain_value(
    value: object, kind: str, where: _Where, strings: StringStore, strict: bool
) -> object:
    """Check a plain attribute value and return the ID the column holds for it."""
    if kind in ("str", "morph"):
        if isinstance(value, str):
            return strings.add(value) if kind == "str" else value
        if not strict and isinstance(value, int):
            return int(value)
        raise _type_error(where, value, "a str" if strict else "a str or an int hash")
    if kind == "int":
        if isinstance(value, (int, float)) and not (strict and isinstance(value, bool)):
            return value
        raise _type_error(where, value, "a number")
    if kind in ("bool", "sent"):
        if isinstance(value, bool) or (not strict and isinstance(value, int)):
            return int(value)
        raise _type_error(where, value, "True or False")
    # iob
    if isinstance(value, str) and value in P.IOB_STRINGS:
        return P.IOB_STRINGS.index(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 3:
        return value
    raise InputError(where.fmt(Errors.E477, reason=f"{value!r} is not an IOB tag ('B', 'I', 'O', '' or 0-3)"))  # fmt: skip


def _list_arg(
    arg: object, where: _Where, predicate: str, item_types: tuple[type, ...], what: str
) -> list:
    if not isinstance(arg, (list, tuple, set, frozenset)):
        raise _type_error(where, arg, f"a list of {what} for {predicate}")
    items = list(arg)
    for item in items:
        if not isinstance(item, item_types) or (isinstance(item, bool) and bool not in item_types):
            raise _type_error(where, item, f"a list of {what} for {predicate}")
    return items


def _compile_regex(pattern: object, where: _Where) -> re.Pattern:
    if not isinstance(pattern, str):
        raise _type_error(where, pattern, "a str (a regular expression) for REGEX")
    try:
        return re.compile(pattern)
    except re.error as e:
        raise InputError(where.fmt(Errors.E460, value=pattern, reason=str(e))) from e


def _nested(arg: dict, predicate: str, where: _Where) -> tuple[str, list]:
    """`{"REGEX": {"IN": [...]}}` / `{"FUZZY": {"NOT_IN": [...]}}` -> (mode, items)."""
    if len(arg) != 1:
        raise _type_error(where, arg, f"a str or {{'IN'|'NOT_IN': [...]}} for {predicate}")
    ((inner, items),) = arg.items()
    mode = inner.upper() if isinstance(inner, str) else inner
    if mode not in ("IN", "NOT_IN"):
        raise InputError(where.fmt(Errors.E459, predicate=inner, options="IN, NOT_IN"))
    return mode, _list_arg(items, where, f"{predicate}.{mode}", (str,), "str")


def _fuzzy_distance(predicate: str) -> int:
    suffix = predicate[len("FUZZY") :]
    return int(suffix) if suffix else -1


def _predicate_tests(
    value: dict,
    kind: str,
    reader: P.ValueReader,
    where: _Where,
    strings: StringStore,
    strict: bool,
    fuzzy_compare: Callable,
) -> list[P.Test]:
    allowed = _STRICT_PREDICATES[kind] if strict else P.ALL_PREDICATES
    numeric = kind in ("int", "bool", "sent", "iob")
    tests: list[P.Test] = []
    for pred_name, arg in value.items():
        pred = pred_name.upper() if isinstance(pred_name, str) else pred_name
        if pred not in allowed:
            options = ", ".join(allowed) if allowed else "none: give a plain value"
            raise InputError(where.fmt(Errors.E459, predicate=pred_name, options=options))
        if pred == "REGEX":
            if isinstance(arg, dict) and not numeric:
                mode, items = _nested(arg, pred, where)
                tests.append(P.regex_test(reader, [_compile_regex(p, where) for p in items], mode))
            else:
                tests.append(P.regex_test(reader, [_compile_regex(arg, where)], "ONE"))
        elif pred in P.FUZZY_PREDICATES:
            fuzzy = _fuzzy_distance(pred)
            if isinstance(arg, dict):
                mode, items = _nested(arg, pred, where)
                tests.append(P.fuzzy_test(reader, items, mode, fuzzy, fuzzy_compare))
            elif isinstance(arg, str):
                strings.add(arg)
                tests.append(P.fuzzy_test(reader, [arg], "ONE", fuzzy, fuzzy_compare))
            else:
                raise _type_error(where, arg, f"a str or {{'IN'|'NOT_IN': [...]}} for {pred}")
        elif pred in P.SET_PREDICATES:
            if strict:
                types: tuple[type, ...] = (int,) if kind == "int" else (str,)
                what = "int" if kind == "int" else "str"
            else:
                types, what = (str, int, bool), "str or int"
            items = _list_arg(arg, where, pred, types, what)
            tests.append(P.set_test(reader, pred, items))
        else:  # comparison
            if not isinstance(arg, (int, float)) or isinstance(arg, bool):
                raise _type_error(where, arg, f"a number for {pred}")
            tests.append(P.comparison_test(reader, pred, arg))
    return tests


def _ext_tests(
    value: object, where: _Where, strings: StringStore, strict: bool, fuzzy_compare: Callable
) -> list[P.Test]:
    if value is None:
        raise _type_error(where, value, "a value or a dict of predicates")
    if not isinstance(value, dict):
        if isinstance(value, str):
            strings.add(value)
        return [P.ext_equals(value)]
    tests: list[P.Test] = []
    text = P.TEXT_READER
    for pred_name, arg in value.items():
        pred = pred_name.upper() if isinstance(pred_name, str) else pred_name
        if pred not in P.ALL_PREDICATES:
            raise InputError(where.fmt(Errors.E459, predicate=pred_name, options=", ".join(P.ALL_PREDICATES)))  # fmt: skip
        if pred == "REGEX":
            if isinstance(arg, dict):
                mode, items = _nested(arg, pred, where)
                inner = P.regex_test(text, [_compile_regex(p, where) for p in items], mode)
            else:
                inner = P.regex_test(text, [_compile_regex(arg, where)], "ONE")
            tests.append(P.ext_text_test(inner))
        elif pred in P.FUZZY_PREDICATES:
            fuzzy = _fuzzy_distance(pred)
            if isinstance(arg, dict):
                mode, items = _nested(arg, pred, where)
            elif isinstance(arg, str):
                mode, items = "ONE", [arg]
            else:
                raise _type_error(where, arg, f"a str or {{'IN'|'NOT_IN': [...]}} for {pred}")
            tests.append(P.ext_text_test(P.fuzzy_test(text, items, mode, fuzzy, fuzzy_compare)))
        elif pred in P.SET_PREDICATES:
            items = _list_arg(arg, where, pred, (str, int, bool), "str or int")
            tests.append(P.ext_set_test(pred, items))
        else:
            if not isinstance(arg, (int, float)) or isinstance(arg, bool):
                raise _type_error(where, arg, f"a number for {pred}")
            tests.append(P.ext_comparison_test(pred, arg))
    return tests
