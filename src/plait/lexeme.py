"""Lexeme: a view of one entry of the vocabulary (a word type, not a token)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import attrs

if TYPE_CHECKING:
    from .vocab import Vocab

# Positions of the fields in a vocab's lexeme record (a list, so lexemes can be edited).
F_LOWER, F_NORM, F_SHAPE, F_PREFIX, F_SUFFIX, F_LENGTH, F_FLAGS = range(7)

FIELD_OF_ATTR: dict[int, int] = {
    attrs.LOWER: F_LOWER,
    attrs.NORM: F_NORM,
    attrs.SHAPE: F_SHAPE,
    attrs.PREFIX: F_PREFIX,
    attrs.SUFFIX: F_SUFFIX,
    attrs.LENGTH: F_LENGTH,
}


def _flag(attr_id: int):
    def get(self: Lexeme) -> bool:
        return bool(self.vocab._lex_record(self.orth)[F_FLAGS] >> attr_id & 1)

    def set_(self: Lexeme, value: bool) -> None:
        self.vocab.set_lex_flag(self.orth, attr_id, bool(value))

    return property(get, set_, doc=f"Lexical flag {attrs.NAMES[attr_id]}.")


def _string_field(field: int):
    def get(self: Lexeme) -> str:
        return self.vocab.strings[self.vocab._lex_record(self.orth)[field]]

    def set_(self: Lexeme, value: str) -> None:
        self.vocab.set_lex_field(self.orth, field, self.vocab.strings.add(value))

    return property(get, set_)


def _hash_field(field: int):
    def get(self: Lexeme) -> int:
        return self.vocab._lex_record(self.orth)[field]

    def set_(self: Lexeme, value: int) -> None:
        self.vocab.set_lex_field(self.orth, field, int(value))

    return property(get, set_)


class Lexeme:
    """A word type in a `Vocab`: its text and lexical attributes, independent of context.

    Created by `vocab[text]`; holds only the vocab and the orth hash. Lexical attributes
    are computed once by the language's getters and can be overwritten
    (`lex.is_stop = True`, `lex.norm_ = "..."`); overwritten ones are saved with the vocab.
    """

    __slots__ = ("orth", "vocab")

    def __init__(self, vocab: Vocab, orth: int) -> None:
        self.vocab = vocab
        self.orth = orth
        vocab._lex_record(orth)  # make sure the record exists

    def __repr__(self) -> str:
        return f"Lexeme({self.orth_!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexeme) and other.vocab is self.vocab and other.orth == self.orth

    def __hash__(self) -> int:
        return self.orth

    @property
    def orth_(self) -> str:
        return self.vocab.strings[self.orth]

    text = orth_

    @property
    def lang(self) -> int:
        return self.vocab.strings.add(self.vocab.lang)

    @property
    def lang_(self) -> str:
        return self.vocab.lang

    lower = _hash_field(F_LOWER)
    lower_ = _string_field(F_LOWER)
    norm = _hash_field(F_NORM)
    norm_ = _string_field(F_NORM)
    shape = _hash_field(F_SHAPE)
    shape_ = _string_field(F_SHAPE)
    prefix = _hash_field(F_PREFIX)
    prefix_ = _string_field(F_PREFIX)
    suffix = _hash_field(F_SUFFIX)
    suffix_ = _string_field(F_SUFFIX)

    @property
    def length(self) -> int:
        return self.vocab._lex_record(self.orth)[F_LENGTH]

    is_alpha = _flag(attrs.IS_ALPHA)
    is_ascii = _flag(attrs.IS_ASCII)
    is_digit = _flag(attrs.IS_DIGIT)
    is_lower = _flag(attrs.IS_LOWER)
    is_punct = _flag(attrs.IS_PUNCT)
    is_space = _flag(attrs.IS_SPACE)
    is_title = _flag(attrs.IS_TITLE)
    is_upper = _flag(attrs.IS_UPPER)
    like_url = _flag(attrs.LIKE_URL)
    like_num = _flag(attrs.LIKE_NUM)
    like_email = _flag(attrs.LIKE_EMAIL)
    is_stop = _flag(attrs.IS_STOP)
    is_bracket = _flag(attrs.IS_BRACKET)
    is_quote = _flag(attrs.IS_QUOTE)
    is_left_punct = _flag(attrs.IS_LEFT_PUNCT)
    is_right_punct = _flag(attrs.IS_RIGHT_PUNCT)
    is_currency = _flag(attrs.IS_CURRENCY)

    def check_flag(self, flag_id: int) -> bool:
        """Return the value of a boolean flag by ID (e.g. `attrs.IS_ALPHA`)."""
        return bool(self.vocab._lex_record(self.orth)[F_FLAGS] >> flag_id & 1)

    # --- vectors -------------------------------------------------------------------------

    @property
    def has_vector(self) -> bool:
        return self.vocab.has_vector(self.orth)

    @property
    def vector(self) -> np.ndarray:
        return self.vocab.get_vector(self.orth)

    @vector.setter
    def vector(self, value: np.ndarray) -> None:
        self.vocab.set_vector(self.orth, value)

    @property
    def vector_norm(self) -> float:
        return float(np.linalg.norm(self.vector)) if self.has_vector else 0.0

    def similarity(self, other) -> float:
        """Cosine similarity of the two vectors (0.0 when either has none)."""
        from .tokens.similarity import cosine

        return cosine(self, other)
