"""Italian: `plait.blank("it")`. Splits elided articles and prepositions ("dell'anno")."""

from __future__ import annotations

from ...language import BaseDefaults, Language
from ..tokenizer_exceptions import URL_MATCH
from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_PREFIXES
from .stop_words import STOP_WORDS
from .syntax_iterators import SYNTAX_ITERATORS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class ItalianDefaults(BaseDefaults):
    """Italian language data: exceptions, punctuation rules, number words, stop words."""

    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    url_match = URL_MATCH
    prefixes = TOKENIZER_PREFIXES
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS
    syntax_iterators = SYNTAX_ITERATORS


class Italian(Language):
    """A blank Italian pipeline: the Italian tokenizer and lexical attributes, no components."""

    lang = "it"
    Defaults = ItalianDefaults


__all__ = ["Italian"]
