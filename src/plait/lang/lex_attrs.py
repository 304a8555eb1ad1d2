"""Language-independent lexical attribute getters (string -> value).

A language's `Defaults.lex_attr_getters` overrides entries here (e.g. `LIKE_NUM` with number
words); `IS_STOP` is derived from `Defaults.stop_words`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .. import attrs

_URL_RE = re.compile(
    r"^(?:(?:https?|ftp)://|www\d{0,3}\.)\S+$|^[\w.-]+\.(?:com|org|net|edu|gov|io|de|fr|es|it|nl|pt|uk|eu|info|co)(?:/\S*)?$",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$")
_BRACKETS = set("()[]{}<>⟨⟩「」『』【】")
_QUOTES = set("'\"`‘’‚‛“”„‟«»‹›「」『』")
_LEFT_PUNCT = set("([{<‘“„«‹「『【⟨")
_RIGHT_PUNCT = set(")]}>’”»›」』】⟩")


def is_punct(text: str) -> bool:
    """True when every character is Unicode punctuation (P*), and for a few symbols."""
    if not text:
        return False
    for ch in text:
        cat = unicodedata.category(ch)
        if not (cat.startswith("P") or ch in "§%#&*@\\/"):
            return False
    return True


def is_currency(text: str) -> bool:
    return bool(text) and all(unicodedata.category(ch) == "Sc" for ch in text)


def like_num(text: str) -> bool:
    """Digits with optional sign, separators and fractions: 10, -3.5, 1,000, 3/4."""
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        return num.isdigit() and denom.isdigit()
    return False


def word_shape(text: str) -> str:
    """Map characters to X/x/d, keep others, cap runs at 4: "Apple1" -> "Xxxxxd"."""
    if len(text) >= 100:
        return "LONG"
    shape = []
    last = ""
    seq = 0
    for ch in text:
        if ch.isalpha():
            c = "X" if ch.isupper() else "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c == last:
            seq += 1
        else:
            seq = 0
            last = c
        if seq < 4:
            shape.append(c)
    return "".join(shape)


def is_title(text: str) -> bool:
    return text.istitle()


LEX_ATTR_GETTERS: dict[int, Callable[[str], object]] = {
    attrs.LOWER: str.lower,
    attrs.NORM: str.lower,
    attrs.SHAPE: word_shape,
    attrs.PREFIX: lambda s: s[:1],
    attrs.SUFFIX: lambda s: s[-3:],
    attrs.LENGTH: len,
    attrs.IS_ALPHA: str.isalpha,
    attrs.IS_ASCII: lambda s: all(ord(c) < 128 for c in s),
    attrs.IS_DIGIT: str.isdigit,
    attrs.IS_LOWER: str.islower,
    attrs.IS_PUNCT: is_punct,
    attrs.IS_SPACE: lambda s: bool(s) and s.isspace(),
    attrs.IS_TITLE: is_title,
    attrs.IS_UPPER: str.isupper,
    attrs.LIKE_URL: lambda s: bool(_URL_RE.match(s)),
    attrs.LIKE_NUM: like_num,
    attrs.LIKE_EMAIL: lambda s: bool(_EMAIL_RE.match(s)),
    attrs.IS_BRACKET: lambda s: bool(s) and all(c in _BRACKETS for c in s),
    attrs.IS_QUOTE: lambda s: bool(s) and all(c in _QUOTES for c in s),
    attrs.IS_LEFT_PUNCT: lambda s: bool(s) and all(c in _LEFT_PUNCT for c in s),
    attrs.IS_RIGHT_PUNCT: lambda s: bool(s) and all(c in _RIGHT_PUNCT for c in s),
    attrs.IS_CURRENCY: is_currency,
}
