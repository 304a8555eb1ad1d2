"""Dutch lexical attributes: `like_num` knows digits, ordinals ("2e", "1ste") and number words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...attrs import LIKE_NUM
from ..number_words import compound_word, make_like_num

# Number words are written as one word ("driehonderdtweeënveertig"): match a sequence of
# morphemes, units joined to tens by "en" or, after a vowel, "ën".
_MORPHEMES_TEXT = (
    "nul één een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
    "twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd duizend"
)
_NUMBER_WORD = compound_word(_MORPHEMES_TEXT.split(), joiners=["en", "ën"])
_LARGE = {"miljoen", "miljoenen", "miljard", "miljarden", "biljoen", "dozijn", "honderden",
          "duizenden", "tientallen"}
# "een" alone is the article; the numeral is written "één".
_NOT_ALONE = {"een"}
_ORDINAL_WORD = re.compile(
    rf"(?:eerste|derde|achtste|(?:{_NUMBER_WORD.pattern})(?:ste|de))"
)
_ORDINAL_DIGITS = re.compile(r"\d+(?:e|de|ste|ᵉ)")

_like_num = make_like_num(
    digit_tests=(_ORDINAL_DIGITS.fullmatch,),
    words=_LARGE,
    not_alone=_NOT_ALONE,
    word_tests=(_NUMBER_WORD.fullmatch, _ORDINAL_WORD.fullmatch),
)


def like_num(text: str) -> bool:
    """True for numbers in digits, ordinals like "2e", and Dutch number words."""
    return _like_num(text)


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num}
