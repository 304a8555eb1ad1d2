"""Dutch: `plait.blank("nl")`. Keeps "auto's", "'s", "'t" and hyphenated compounds whole."""

from __future__ import annotations

from ...language import BaseDefaults, Language
from ..tokenizer_exceptions import URL_MATCH
from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_SUFFIXES
from .stop_words import STOP_WORDS
from .syntax_iterators import SYNTAX_ITERATORS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class DutchDefaults(BaseDefaults):
    """Dutch language data: exceptions, punctuation rules, number words, stop words."""

    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    url_match = URL_MATCH
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS
    syntax_iterators = SYNTAX_ITERATORS


class Dutch(Language):
    """A blank Dutch pipeline: the Dutch tokenizer and lexical attributes, no components."""

    lang = "nl"
    Defaults = DutchDefaults


__all__ = ["Dutch"]
