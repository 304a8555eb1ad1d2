"""German: `plait.blank("de")`. Hyphenated compounds and ordinals ("3.") stay whole."""

from __future__ import annotations

from ...language import BaseDefaults, Language
from ..tokenizer_exceptions import URL_MATCH
from .lex_attrs import LEX_ATTRS
from .punctuation import ORDINAL_MATCH, TOKENIZER_INFIXES
from .stop_words import STOP_WORDS
from .syntax_iterators import SYNTAX_ITERATORS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class GermanDefaults(BaseDefaults):
    """German language data: exceptions, punctuation rules, number words, stop words."""

    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    url_match = URL_MATCH
    infixes = TOKENIZER_INFIXES
    token_match = ORDINAL_MATCH
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS
    syntax_iterators = SYNTAX_ITERATORS


class German(Language):
    """A blank German pipeline: the German tokenizer and lexical attributes, no components."""

    lang = "de"
    Defaults = GermanDefaults


__all__ = ["German"]
