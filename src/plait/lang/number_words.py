"""Building blocks for a language's `like_num`: number words, compounds and ordinals.

Each language keeps its own word lists and patterns; these helpers hold the logic they
share. `make_like_num` assembles the getter: digits (the language-independent
`lex_attrs.like_num`) and the language's digit ordinals ("2e", "1.º") on the text as
written, then its number words on the lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from .lex_attrs import like_num as like_digits

WordTest = Callable[[str], object]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first ("sechzehn|sechs|...")."""
    return "|".join(sorted(words, key=len, reverse=True))


def compound_word(morphemes: Iterable[str], joiners: Iterable[str] = ()) -> re.Pattern[str]:
    """A pattern for number words written as one word from `morphemes`.

    `joiners` may stand between two morphemes: German "und" in "vierundzwanzig", Dutch
    "en"/"ën" in "tweeënveertig".
    """
    morpheme = alternation(morphemes)
    joiner = "|".join(joiners)
    link = f"(?:{joiner})?" if joiner else ""
    return re.compile(rf"(?:{morpheme})(?:{link}(?:{morpheme}))*")


def stem_word(stems: Iterable[str], endings: str) -> re.Pattern[str]:
    """A pattern for words made of one of `stems` and an ending matching `endings`."""
    return re.compile(rf"(?:{alternation(stems)}){endings}")


def hyphenated(words: Collection[str], joiners: Collection[str] = ()) -> WordTest:
    """A test for numbers hyphenated from `words` ("twenty-one", "vingt-et-un").

    Parts found in `joiners` ("et") are skipped; a word without hyphens is one part.
    """

    def test(lower: str) -> bool:
        parts = [part for part in lower.split("-") if part not in joiners]
        return bool(parts) and all(part in words for part in parts)

    return test


def make_like_num(
    *,
    digit_tests: Iterable[WordTest] = (),
    words: Collection[str] = frozenset(),
    not_alone: Collection[str] = frozenset(),
    word_tests: Iterable[WordTest] = (),
) -> Callable[[str], bool]:
    """Build a `like_num` getter from a language's number data.

    True for digits (10, 1,000, 3/4) and text passing one of `digit_tests` (applied to the
    text as written); else, on the lower-cased text: true for `words`, false for
    `not_alone` (words that are numbers only inside a compound, or articles such as "un"),
    else whether one of `word_tests` passes (e.g. `compound_word(...).fullmatch`).
    """
    digit_tests = tuple(digit_tests)
    word_tests = tuple(word_tests)

    def like_num(text: str) -> bool:
        if like_digits(text) or any(test(text) for test in digit_tests):
            return True
        lower = text.lower()
        if lower in words:
            return True
        if lower in not_alone:
            return False
        return any(test(lower) for test in word_tests)

    return like_num


__all__ = ["alternation", "compound_word", "hyphenated", "make_like_num", "stem_word"]
