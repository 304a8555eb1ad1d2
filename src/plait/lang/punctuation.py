"""The shared prefix, suffix and infix rules, and the functions that compile them.

Each rule list holds regex pieces, one alternative each. `compile_prefix_regex` anchors every
piece at the start of a string, `compile_suffix_regex` at its end, and `compile_infix_regex`
leaves them free; the tokenizer uses `.search` of the first two and `.finditer` of the third.
Order matters: at a given position the first piece that matches wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    CURRENCY,
    HYPHENS,
    LIST_CURRENCY,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    PUNCT,
    UNITS,
)
from .unicode_classes import WORD_NOT_ALPHA

# "The character before / after is a letter": the same test as `(?<=[{ALPHA}])` and
# `(?=[{ALPHA}])`, spelled as a word character that is neither a digit, "_" nor a number
# like "²". ALPHA lists 1,600 characters; this is a tenth as long, and the infix regex,
# which tests for letters five times, compiles about three times faster at startup.
LETTER_BEFORE = rf"(?<=[^\W\d_])(?<![{WORD_NOT_ALPHA}])"
LETTER_AFTER = rf"(?=[^\W\d_])(?![{WORD_NOT_ALPHA}])"

# Split off the front of a word: section/percent/equals signs, dashes, a plus sign that
# does not start a number, punctuation, quotes, currency symbols and icons.
TOKENIZER_PREFIXES: list[str] = (
    ["§", "%", "=", "—", "–", r"\+(?![0-9])"]
    + LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_CURRENCY
    + LIST_ICONS
)

# Split off the end of a word. The full stop is only split when it cannot be part of an
# abbreviation: after a digit, a lower-case letter, a closing quote or certain symbols,
# or after two capitals ("USA."), never after a single capital ("J.").
TOKENIZER_SUFFIXES: list[str] = (
    LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_ICONS
    + ["'s", "'S", "’s", "’S", "—", "–"]
    + [
        r"(?<=[0-9])\+",
        r"(?<=°[FfCcKk])\.",
        rf"(?<=[0-9])(?:{CURRENCY})",
        rf"(?<=[0-9])(?:{UNITS})",
        rf"(?<=[0-9{ALPHA_LOWER}%²\-\+|{CONCAT_QUOTES}{PUNCT}])\.",
        rf"(?<=[{ALPHA_UPPER}][{ALPHA_UPPER}])\.",
    ]
)

# Split inside a word: ellipses, icons, arithmetic between digits, a full stop between a
# lower-case letter and a capital ("end.Start"), commas and hyphens between letters, and
# colons, slashes, comparison signs before a letter.
TOKENIZER_INFIXES: list[str] = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        r"(?<=[0-9])[+\-\*^](?=[0-9-])",
        rf"(?<=[{ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{ALPHA_UPPER}{CONCAT_QUOTES}])",
        rf"{LETTER_BEFORE},{LETTER_AFTER}",
        rf"(?:(?<=[0-9])|{LETTER_BEFORE})(?:{HYPHENS}){LETTER_AFTER}",
        rf"(?:(?<=[0-9])|{LETTER_BEFORE})[:<>=/]{LETTER_AFTER}",
    ]
)


def prefix_pattern(entries: Iterable[str]) -> str:
    """The one regex pattern `compile_prefix_regex` compiles from prefix pieces."""
    return "|".join(f"^(?:{piece})" for piece in entries if piece.strip())


def suffix_pattern(entries: Iterable[str]) -> str:
    """The one regex pattern `compile_suffix_regex` compiles from suffix pieces."""
    return "|".join(f"(?:{piece})$" for piece in entries if piece.strip())


def infix_pattern(entries: Iterable[str]) -> str:
    """The one regex pattern `compile_infix_regex` compiles from infix pieces."""
    return "|".join(f"(?:{piece})" for piece in entries if piece.strip())


def compile_prefix_regex(entries: Iterable[str]) -> re.Pattern[str]:
    """Compile prefix pieces into one regex whose `.search` finds a prefix at position 0."""
    return re.compile(prefix_pattern(entries))


def compile_suffix_regex(entries: Iterable[str]) -> re.Pattern[str]:
    """Compile suffix pieces into one regex whose `.search` finds the longest suffix."""
    return re.compile(suffix_pattern(entries))


def compile_infix_regex(entries: Iterable[str]) -> re.Pattern[str]:
    """Compile infix pieces into one regex to use with `.finditer`."""
    return re.compile(infix_pattern(entries))


__all__ = [
    "ALPHA",
    "ALPHA_LOWER",
    "ALPHA_UPPER",
    "PUNCT",
    "TOKENIZER_INFIXES",
    "TOKENIZER_PREFIXES",
    "TOKENIZER_SUFFIXES",
    "compile_infix_regex",
    "compile_prefix_regex",
    "compile_suffix_regex",
]
