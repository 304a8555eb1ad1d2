"""German lexical attributes: `like_num` knows digits, ordinals ("3.") and number words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...attrs import LIKE_NUM, NORM
from ..number_words import alternation, compound_word, make_like_num

# Number words are written as one word ("dreihundertvierundzwanzig"), so they are matched as
# a sequence of number morphemes, optionally joined by "und" ("vier-und-zwanzig").
_MORPHEMES_TEXT = (
    "null eins ein eine zwei zwo drei vier fünf sechs sieben sieb acht neun zehn elf zwölf "
    "sechzehn siebzehn zwanzig dreißig dreissig vierzig fünfzig sechzig siebzig achtzig "
    "neunzig hundert tausend"
)
_MORPHEMES = _MORPHEMES_TEXT.split()
_MORPHEME = alternation(_MORPHEMES)
_NUMBER_WORD = compound_word(_MORPHEMES, joiners=["und"])
_LARGE = {
    "million", "millionen", "milliarde", "milliarden", "billion", "billionen", "dutzend",
    "hunderte", "tausende",
}
# "ein"/"eine" alone are articles, "sieb" is only a morpheme.
_NOT_ALONE = {"ein", "eine", "sieb"}
# Ordinals: number word + "te" (zweite) or "ste" (zwanzigste), four irregular stems,
# then an adjective ending (erster, dritten).
_ORDINAL_WORD = re.compile(
    rf"(?:(?:(?:{_MORPHEME})(?:und)?)*(?:erst|dritt|siebt|acht)|{_NUMBER_WORD.pattern}s?t)e[rsnm]?"
)

_like_num = make_like_num(
    words=_LARGE,
    not_alone=_NOT_ALONE,
    word_tests=(_NUMBER_WORD.fullmatch, _ORDINAL_WORD.fullmatch),
)


def like_num(text: str) -> bool:
    """True for numbers written in digits or as German number words."""
    return _like_num(text)


# Clitic pieces the tokenizer splits off ("geht's", "auf'm") normalise to the full word.
_NORMS = {"'s": "es", "’s": "es", "'m": "dem", "’m": "dem"}


def norm(text: str) -> str:
    """Lower-case form, with split-off clitics spelled out ("'s" -> "es")."""
    lower = text.lower()
    return _NORMS.get(lower, lower)


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num, NORM: norm}
