"""English lexical attributes: `like_num` that knows number words and ordinals."""

from __future__ import annotations

from collections.abc import Callable

from ...attrs import LIKE_NUM
from ..char_classes import split_chars
from ..number_words import hyphenated, make_like_num

_CARDINALS = frozenset(
    split_chars(
        """
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
eighty ninety hundred thousand million billion trillion quadrillion quintillion
"""
    )
)
_ORDINALS = frozenset(
    split_chars(
        """
zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth
millionth billionth trillionth
"""
    )
)
_ORDINAL_ENDINGS = {"1": "st", "2": "nd", "3": "rd"}


def _is_digit_ordinal(text: str) -> bool:
    """'1st', '22nd', '13th', '101st': digits with the ending English gives them."""
    digits, ending = text[:-2], text[-2:].lower()
    if not digits.isdigit():
        return False
    if len(digits) >= 2 and digits[-2] == "1":
        return ending == "th"
    return ending == _ORDINAL_ENDINGS.get(digits[-1], "th")


_NUMBER_WORDS = _CARDINALS | _ORDINALS
_like_num = make_like_num(
    digit_tests=(lambda text: len(text) > 2 and _is_digit_ordinal(text),),
    words=_NUMBER_WORDS,
    word_tests=(hyphenated(_NUMBER_WORDS),),
)


def like_num(text: str) -> bool:
    """True for '10', '1,000', '3/4', 'twenty', 'twenty-one', 'third', '21st'."""
    return _like_num(text)


LEX_ATTRS: dict[int, Callable[[str], object]] = {LIKE_NUM: like_num}

__all__ = ["LEX_ATTRS", "like_num"]
