"""French lexical attributes: `like_num` knows digits, ordinals ("1er", "2e") and number words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...attrs import LIKE_NUM, NORM
from ..number_words import hyphenated, make_like_num

_NUMBER_WORDS_TEXT = """
zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
seize vingt vingts trente quarante cinquante soixante septante octante huitante nonante cent
cents mille million millions milliard milliards billion billions douzaine douzaines centaine
centaines millier milliers
"""
_NUMBER_WORDS = set(_NUMBER_WORDS_TEXT.split())
_ORDINAL_WORDS_TEXT = """
premier première premiers premières second seconde deuxième troisième quatrième cinquième
sixième septième huitième neuvième dixième onzième douzième treizième quatorzième quinzième
seizième vingtième trentième quarantième cinquantième soixantième centième millième
"""
# "un"/"une" alone are usually the article; inside "vingt-et-un" they count.
_ARTICLES = {"un", "une"}
_ORDINAL_WORDS = set(_ORDINAL_WORDS_TEXT.split())
# Digits with an ordinal ending: 1er, 1re, 1ère, 2e, 2ème, 2nd, 3ᵉ, XXe.
_ORDINAL_DIGITS = re.compile(r"(?:\d+|[IVXLCDM]+)(?:er|re|ère|e|ème|è|nd|nde|ᵉ|ᵉʳ)")

# Compound numbers are hyphenated: "dix-sept", "quatre-vingt-onze", "vingt-et-un".
_like_num = make_like_num(
    digit_tests=(_ORDINAL_DIGITS.fullmatch,),
    words=_ORDINAL_WORDS,
    not_alone=_ARTICLES,
    word_tests=(hyphenated(_NUMBER_WORDS, joiners={"et"}),),
)


def like_num(text: str) -> bool:
    """True for numbers in digits, ordinals like "2e", and number words ("quatre-vingt-dix")."""
    return _like_num(text)


# Elided words spelled out; "l'" stays as it is (le or la).
_ELIDED_NORMS = {
    "c'": "ce", "d'": "de", "j'": "je", "m'": "me", "n'": "ne", "s'": "se", "t'": "te",
    "qu'": "que", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque",
    "quoiqu'": "quoique",
}


def norm(text: str) -> str:
    """Lower-case form; elided words and inverted pronouns spelled out ("-t-il" -> "il")."""
    lower = text.lower().replace("’", "'")
    if lower in _ELIDED_NORMS:
        return _ELIDED_NORMS[lower]
    if lower.startswith("-t-") and lower[3:].isalpha():
        return lower[3:]
    if lower.startswith("-") and lower[1:].isalpha():
        return lower[1:]
    return lower


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num, NORM: norm}
