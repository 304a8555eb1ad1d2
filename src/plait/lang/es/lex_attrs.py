"""Spanish lexical attributes: `like_num` knows digits, ordinals ("1.º") and number words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...attrs import LIKE_NUM
from ..lex_attrs import like_num as base_like_num

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
_ORDINAL_STEMS = _ORDINAL_STEMS_TEXT.split()
_ORDINAL_WORD = re.compile(rf"(?:{'|'.join(_ORDINAL_STEMS)})(?:o|a|os|as)?")
# Digits with a (superscript) ordinal indicator: 1.º, 2.ª, 3º, 4ª, 5.°, 1er, 3er.
_ORDINAL_DIGITS = re.compile(r"\d+(?:\.?[ºª°]|\.?(?:er|o|a))")


def like_num(text: str) -> bool:
    """True for numbers in digits, ordinals like "1.º", and Spanish number words."""
    if base_like_num(text) or _ORDINAL_DIGITS.fullmatch(text):
        return True
    lower = text.lower()
    return lower in _NUMBER_WORDS or bool(_ORDINAL_WORD.fullmatch(lower))


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num}
