"""English: `English` and its language data (`EnglishDefaults`)."""

from __future__ import annotations

from ...language import BaseDefaults, Language
from ..tokenizer_exceptions import URL_MATCH
from .lex_attrs import LEX_ATTRS
from .stop_words import STOP_WORDS
from .syntax_iterators import SYNTAX_ITERATORS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class EnglishDefaults(BaseDefaults):
    """English language data: contractions and abbreviations, stop words, number words."""

    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    url_match = URL_MATCH
    lex_attr_getters = LEX_ATTRS
    syntax_iterators = SYNTAX_ITERATORS
    stop_words = STOP_WORDS


class English(Language):
    """The English pipeline class: `plait.blank("en")` is `English()`."""

    lang = "en"
    Defaults = EnglishDefaults


__all__ = ["English"]
