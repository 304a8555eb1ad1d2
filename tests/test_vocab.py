"""Vocab: the numpy lookup tables behind `lex_attr_array` (and so `Doc.to_array`)."""

import numpy as np
import pytest

from plait import attrs
from plait.errors import LookupFailed
from plait.tokens import Doc
from plait.vocab import Vocab


def test_lex_attr_array_matches_the_lexemes_and_grows_with_new_words():
    vocab = Vocab()
    first = Doc(vocab, words=["Apple", "pie", "Apple"])
    assert first.to_array("LOWER").tolist() == [vocab.strings[w] for w in ("apple", "pie", "apple")]
    second = Doc(vocab, words=["PIE", "Cake", "apple"])  # two words the table lacks
    lower = vocab.lex_attr_array(second._orth, attrs.LOWER)
    assert lower.tolist() == [vocab.strings[w] for w in ("pie", "cake", "apple")]
    assert vocab.lex_attr_array(first._orth, attrs.IS_TITLE).tolist() == [1, 0, 1]
    assert vocab.lex_attr_array(second._orth, attrs.LENGTH).tolist() == [3, 4, 5]


def test_lex_attr_array_follows_lexeme_edits():
    vocab = Vocab()
    doc = Doc(vocab, words=["colour", "color"])
    assert doc.to_array("IS_STOP").tolist() == [0, 0]
    vocab["color"].is_stop = True
    vocab["colour"].norm_ = "color"
    assert doc.to_array("IS_STOP").tolist() == [0, 1]
    assert doc.to_array("NORM").tolist() == [vocab.strings["color"]] * 2


def test_lex_attr_array_follows_loaded_lexemes():
    source = Vocab()
    source["word"].is_stop = True
    target = Vocab()
    doc = Doc(target, words=["word"])
    assert doc.to_array("IS_STOP").tolist() == [0]
    target.from_bytes(source.to_bytes())
    assert doc.to_array("IS_STOP").tolist() == [1]


def test_lex_attr_array_edge_cases():
    vocab = Vocab()
    assert vocab.lex_attr_array(np.zeros(0, dtype=np.uint64), attrs.LOWER).tolist() == []
    orths = Doc(vocab, words=["x"])._orth
    with pytest.raises(LookupFailed, match=r"\[E003\]"):
        vocab.lex_attr_array(orths, attrs.TAG)
    with pytest.raises(LookupFailed, match=r"\[E002\]"):  # a hash the strings do not know
        vocab.lex_attr_array(np.asarray([12345], dtype=np.uint64), attrs.LOWER)
