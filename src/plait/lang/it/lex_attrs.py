"""Italian lexical attributes: `like_num` knows digits, ordinals ("1º") and number words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...attrs import LIKE_NUM
from ..number_words import compound_word, make_like_num, stem_word

# Number words are written as one word ("duemilatrecentoventitré"): match them as a sequence
# of morphemes. Tens drop their final vowel before "uno" and "otto" (ventuno, trentotto).
_MORPHEMES_TEXT = (
    "zero uno una un due tre tré quattro cinque sei sette otto nove dieci undici dodici tredici "
    "quattordici quindici sedici diciassette diciotto diciannove venti vent trenta trent "
    "quaranta quarant cinquanta cinquant sessanta sessant settanta settant ottanta ottant "
    "novanta novant cento cent mille mila"
)
_NUMBER_WORD = compound_word(_MORPHEMES_TEXT.split())
_LARGE = {"milione", "milioni", "miliardo", "miliardi", "dozzina", "dozzine", "centinaio",
          "centinaia", "migliaio", "migliaia"}
# Morphemes that are not numbers on their own ("un" is the article, "vent" a fragment).
_NOT_ALONE = {"un", "una", "vent", "trent", "quarant", "cinquant", "sessant", "settant",
              "ottant", "novant", "cent"}
_ORDINAL_STEMS_TEXT = (
    "prim second terz quart quint sest settim ottav non decim undicesim dodicesim "
    "ventesim trentesim centesim millesim"
)
_ORDINAL_WORD = stem_word(_ORDINAL_STEMS_TEXT.split(), "(?:o|a|i|e)")
_ORDINAL_DIGITS = re.compile(r"\d+(?:\.?[ºª°])")

_like_num = make_like_num(
    digit_tests=(_ORDINAL_DIGITS.fullmatch,),
    words=_LARGE,
    not_alone=_NOT_ALONE,
    word_tests=(_NUMBER_WORD.fullmatch, _ORDINAL_WORD.fullmatch),
)


def like_num(text: str) -> bool:
    """True for numbers in digits, ordinals like "1º", and Italian number words."""
    return _like_num(text)


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num}
