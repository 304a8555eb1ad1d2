"""Dutch lexical attributes: `like_num` knows digits, ordinals ("2e", "1ste") and number words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...attrs import LIKE_NUM
from ..lex_attrs import like_num as base_like_num

# Number words are written as one word ("driehonderdtweeënveertig"): match a sequence of
# morphemes, units joined to tens by "en" or, after a vowel, "ën".
_MORPHEMES_TEXT = (
    "nul één een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
    "twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd duizend"
)
_MORPHEMES = _MORPHEMES_TEXT.split()
_MORPHEME = "|".join(sorted(_MORPHEMES, key=len, reverse=True))
_NUMBER_WORD = re.compile(rf"(?:{_MORPHEME})(?:(?:en|ën)?(?:{_MORPHEME}))*")
_LARGE = {"miljoen", "miljoenen", "miljard", "miljarden", "biljoen", "dozijn", "honderden",
          "duizenden", "tientallen"}
# "een" alone is the article; the numeral is written "één".
_NOT_ALONE = {"een"}
_ORDINAL_WORD = re.compile(
    rf"(?:eerste|derde|achtste|(?:{_NUMBER_WORD.pattern})(?:ste|de))"
)
_ORDINAL_DIGITS = re.compile(r"\d+(?:e|de|ste|ᵉ)")


def like_num(text: str) -> bool:
    """True for numbers in digits, ordinals like "2e", and Dutch number words."""
    if base_like_num(text) or _ORDINAL_DIGITS.fullmatch(text):
        return True
    lower = text.lower()
    if lower in _LARGE:
        return True
    if lower in _NOT_ALONE:
        return False
    return bool(_NUMBER_WORD.fullmatch(lower) or _ORDINAL_WORD.fullmatch(lower))


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num}
