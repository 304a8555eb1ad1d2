"""Spanish lexical attributes: `like_num` knows digits, ordinals ("1.º") and number words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...attrs import LIKE_NUM
from ..number_words import make_like_num, stem_word

# "un"/"una" are left out: alone they are usually the article.
_NUMBER_WORDS_TEXT = """
cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce
quince dieciséis dieciseis diecisiete dieciocho diecinueve veinte veintiuno veintiún
veintiuna veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho
veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento
doscientos doscientas trescientos trescientas cuatrocientos cuatrocientas quinientos
quinientas seiscientos seiscientas setecientos setecientas ochocientos ochocientas
novecientos novecientas mil millón millones millardo millardos billón billones
docena docenas centenar centenares
"""
_NUMBER_WORDS = set(_NUMBER_WORDS_TEXT.split())
_ORDINAL_STEMS_TEXT = (
    "primer primero primera segund tercer tercero tercera cuart quint sext séptim septim "
    "octav noven nonen décim decim undécim duodécim vigésim trigésim centésim milésim"
)
_ORDINAL_WORD = stem_word(_ORDINAL_STEMS_TEXT.split(), "(?:o|a|os|as)?")
# Digits with a (superscript) ordinal indicator: 1.º, 2.ª, 3º, 4ª, 5.°, 1er, 3er.
_ORDINAL_DIGITS = re.compile(r"\d+(?:\.?[ºª°]|\.?(?:er|o|a))")

_like_num = make_like_num(
    digit_tests=(_ORDINAL_DIGITS.fullmatch,),
    words=_NUMBER_WORDS,
    word_tests=(_ORDINAL_WORD.fullmatch,),
)


def like_num(text: str) -> bool:
    """True for numbers in digits, ordinals like "1.º", and Spanish number words."""
    return _like_num(text)


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num}
