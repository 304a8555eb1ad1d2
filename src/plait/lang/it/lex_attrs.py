"""Italian lexical attributes: `like_num` knows digits, ordinals ("1º") and number words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...attrs import LIKE_NUM
from ..lex_attrs import like_num as base_like_num

# Number words are written as one word ("duemilatrecentoventitré"): match them as a sequence
# of morphemes. Tens drop their final vowel before "uno" and "otto" (ventuno, trentotto).
_MORPHEMES_TEXT = (
    "zero uno una un due tre tré quattro cinque sei sette otto nove dieci undici dodici tredici "
    "quattordici quindici sedici diciassette diciotto diciannove venti vent trenta trent "
    "quaranta quarant cinquanta cinquant sessanta sessant settanta settant ottanta ottant "
    "novanta novant cento cent mille mila"
)
_MORPHEMES = _MORPHEMES_TEXT.split()
_MORPHEME = "|".join(sorted(_MORPHEMES, key=len, reverse=True))
_NUMBER_WORD = re.compile(rf"(?:{_MORPHEME})+")
_LARGE = {"milione", "milioni", "miliardo", "miliardi", "dozzina", "dozzine", "centinaio",
          "centinaia", "migliaio", "migliaia"}
# Morphemes that are not numbers on their own ("un" is the article, "vent" a fragment).
_NOT_ALONE = {"un", "una", "vent", "trent", "quarant", "cinquant", "sessant", "settant",
              "ottant", "novant", "cent"}
_ORDINAL_STEMS_TEXT = (
    "prim second terz quart quint sest settim ottav non decim undicesim dodicesim "
    "ventesim trentesim centesim millesim"
)
_ORDINAL_STEMS = _ORDINAL_STEMS_TEXT.split()
_ORDINAL_WORD = re.compile(rf"(?:{'|'.join(_ORDINAL_STEMS)})(?:o|a|i|e)")
_ORDINAL_DIGITS = re.compile(r"\d+(?:\.?[ºª°])")


def like_num(text: str) -> bool:
    """True for numbers in digits, ordinals like "1º", and Italian number words."""
    if base_like_num(text) or _ORDINAL_DIGITS.fullmatch(text):
        return True
    lower = text.lower()
    if lower in _LARGE:
        return True
    if lower in _NOT_ALONE:
        return False
    return bool(_NUMBER_WORD.fullmatch(lower) or _ORDINAL_WORD.fullmatch(lower))


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num}
