"""Portuguese: `plait.blank("pt")`. Splits clitic pronouns ("dá-lo", "disse-lhe")."""

from __future__ import annotations

from ...language import BaseDefaults, Language
from ..tokenizer_exceptions import URL_MATCH
from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_SUFFIXES
from .stop_words import STOP_WORDS
from .syntax_iterators import SYNTAX_ITERATORS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class PortugueseDefaults(BaseDefaults):
    """Portuguese language data: exceptions, punctuation rules, number words, stop words."""

    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    url_match = URL_MATCH
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS
    syntax_iterators = SYNTAX_ITERATORS


class Portuguese(Language):
    """A blank Portuguese pipeline: its tokenizer and lexical attributes, no components."""

    lang = "pt"
    Defaults = PortugueseDefaults


__all__ = ["Portuguese"]
