"""Token attribute IDs, as used by `Doc.to_array`, `Doc.from_array`, DocBin and matchers.

Names are spaCy's (`ORTH`, `LOWER`, `TAG`, ...); users may pass either the name (any case)
or the integer ID. Boolean lexical flags come first (their IDs are bit positions in a
lexeme's flag field), then the other attributes.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import Errors, InputError

# Boolean lexical flags (bit positions in a lexeme's flags field).
IS_ALPHA = 1
IS_ASCII = 2
IS_DIGIT = 3
IS_LOWER = 4
IS_PUNCT = 5
IS_SPACE = 6
IS_TITLE = 7
IS_UPPER = 8
LIKE_URL = 9
LIKE_NUM = 10
LIKE_EMAIL = 11
IS_STOP = 12
IS_BRACKET = 13
IS_QUOTE = 14
IS_LEFT_PUNCT = 15
IS_RIGHT_PUNCT = 16
IS_CURRENCY = 17

# Other attributes.
ID = 64
ORTH = 65
LOWER = 66
NORM = 67
SHAPE = 68
PREFIX = 69
SUFFIX = 70
LENGTH = 71
LEMMA = 72
POS = 73
TAG = 74
DEP = 75
ENT_IOB = 76
ENT_TYPE = 77
HEAD = 78
SENT_START = 79
SPACY = 80
LANG = 81
MORPH = 82
ENT_ID = 83
IDX = 84
ENT_KB_ID = 85

FLAG_IDS: tuple[int, ...] = tuple(range(IS_ALPHA, IS_CURRENCY + 1))

NAMES: dict[int, str] = {
    value: name
    for name, value in list(globals().items())
    if name.isupper() and isinstance(value, int) and not name.startswith("_")
}
IDS: dict[str, int] = {name: value for value, name in NAMES.items()}
# spaCy accepts TEXT as an alias of ORTH in patterns and arrays.
IDS["TEXT"] = ORTH


def intify_attr(name: str | int) -> int:
    """Return the integer ID of an attribute given by name (any case) or ID."""
    if isinstance(name, int) and not isinstance(name, bool):
        if name in NAMES:
            return name
    elif isinstance(name, str):
        key = name.upper()
        if key in IDS:
            return IDS[key]
    raise InputError(Errors.E003.format(name=name))


def intify_attrs(names: Iterable[str | int]) -> list[int]:
    """Return the integer IDs of several attributes."""
    return [intify_attr(n) for n in names]
