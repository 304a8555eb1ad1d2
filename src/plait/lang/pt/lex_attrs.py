"""Portuguese lexical attributes: `like_num` knows digits, ordinals ("1.º") and number words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...attrs import LIKE_NUM, NORM
from ..number_words import make_like_num, stem_word

# "um"/"uma" are left out: alone they are usually the article.
# European and Brazilian spellings both appear (dezasseis / dezesseis, bilião / bilhão).
_NUMBER_WORDS_TEXT = """
zero dois duas três quatro cinco seis sete oito nove dez onze doze treze catorze
quatorze quinze dezasseis dezesseis dezassete dezessete dezoito dezanove dezenove vinte
trinta quarenta cinquenta cinqüenta sessenta setenta oitenta noventa cem cento duzentos
duzentas trezentos trezentas quatrocentos quatrocentas quinhentos quinhentas seiscentos
seiscentas setecentos setecentas oitocentos oitocentas novecentos novecentas mil milhão
milhões milhar milhares bilião biliões bilhão bilhões trilião trilhão dúzia dúzias
centena centenas dezena dezenas
"""
_NUMBER_WORDS = set(_NUMBER_WORDS_TEXT.split())
_ORDINAL_STEMS_TEXT = (
    "primeir segund terceir quart quint sext sétim setim oitav non décim decim vigésim "
    "trigésim centésim milésim"
)
_ORDINAL_WORD = stem_word(_ORDINAL_STEMS_TEXT.split(), "(?:o|a|os|as)")
_ORDINAL_DIGITS = re.compile(r"\d+(?:\.?[ºª°])")

_like_num = make_like_num(
    digit_tests=(_ORDINAL_DIGITS.fullmatch,),
    words=_NUMBER_WORDS,
    word_tests=(_ORDINAL_WORD.fullmatch,),
)


def like_num(text: str) -> bool:
    """True for numbers in digits, ordinals like "1.º", and Portuguese number words."""
    return _like_num(text)


# Clitics split off a verb ("dá-lo", "põe-na") lose their hyphen; the forms the article
# pronoun takes after -r/-s/-z and after a nasal are spelled as the plain pronoun.
_CLITIC_NORMS = {"lo": "o", "la": "a", "los": "os", "las": "as", "no": "o", "na": "a",
                 "nas": "as"}


def norm(text: str) -> str:
    """Lower-case form; split-off clitics without their hyphen ("-lo" -> "o")."""
    lower = text.lower()
    if len(lower) > 1 and lower[0] == "-" and lower[1:].isalpha():
        return _CLITIC_NORMS.get(lower[1:], lower[1:])
    return lower


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num, NORM: norm}
