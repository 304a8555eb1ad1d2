"""Spanish: `plait.blank("es")`. Keeps abbreviations ("Sr.", "EE.UU.") and splits "¿" and "¡"."""

from __future__ import annotations

from ...language import BaseDefaults, Language
from ..tokenizer_exceptions import URL_MATCH
from .lex_attrs import LEX_ATTRS
from .stop_words import STOP_WORDS
from .syntax_iterators import SYNTAX_ITERATORS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class SpanishDefaults(BaseDefaults):
    """Spanish language data: exceptions, punctuation rules, number words, stop words."""

    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    url_match = URL_MATCH
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS
    syntax_iterators = SYNTAX_ITERATORS


class Spanish(Language):
    """A blank Spanish pipeline: the Spanish tokenizer and lexical attributes, no components."""

    lang = "es"
    Defaults = SpanishDefaults


__all__ = ["Spanish"]
