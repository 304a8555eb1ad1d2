"""Vectors, similarity and the user hooks that override them."""

import numpy as np
import pytest

from plait.errors import PlaitWarning
from plait.tokens import Doc


@pytest.fixture
def vec_vocab(vocab):
    vocab.set_vector("cat", np.array([1.0, 0.0, 0.0]))
    vocab.set_vector("dog", np.array([0.8, 0.6, 0.0]))
    vocab.set_vector("car", np.array([0.0, 0.0, 1.0]))
    return vocab


def test_token_vectors_and_similarity(vec_vocab):
    doc = Doc(vec_vocab, words=["cat", "dog", "car", "zzz"])
    cat, dog, car, zzz = doc
    assert cat.has_vector and not zzz.has_vector
    assert zzz.vector.tolist() == [0.0, 0.0, 0.0]
    assert cat.similarity(dog) == pytest.approx(0.8)
    assert cat.similarity(car) == pytest.approx(0.0)
    assert cat.vector_norm == pytest.approx(1.0)
    assert cat.similarity(cat.lex) == pytest.approx(1.0)


def test_doc_and_span_vectors_are_means(vec_vocab):
    doc = Doc(vec_vocab, words=["cat", "dog", "zzz"])
    assert np.allclose(doc.vector, (np.array([1.0, 0, 0]) + np.array([0.8, 0.6, 0])) / 3)
    assert np.allclose(doc[0:2].vector, [0.9, 0.3, 0.0])
    assert doc.has_vector and not doc[2:3].has_vector
    assert doc[0:2].similarity(doc) == pytest.approx(1.0)
    assert doc.similarity(doc[0:1]) > 0.9


def test_no_vector_gives_zero_and_coded_warning(vocab):
    doc = Doc(vocab, words=["a", "b"])
    with pytest.warns(PlaitWarning, match="W010"):
        assert doc[0].similarity(doc[1]) == 0.0
    with pytest.warns(PlaitWarning, match="W010"):
        assert doc.similarity(doc) == 0.0
    assert doc.vector.shape == (0,) and doc.vector_norm == 0.0


def test_user_hooks_override_builtins(vec_vocab):
    doc = Doc(vec_vocab, words=["cat", "dog"])
    doc.user_hooks.update(
        {
            "vector": lambda d: np.ones(2),
            "has_vector": lambda d: True,
            "vector_norm": lambda d: 7.0,
            "similarity": lambda a, b: 0.5,
        }
    )
    doc.user_span_hooks.update(
        {
            "vector": lambda s: np.zeros(2),
            "similarity": lambda a, b: 0.25,
            "root": lambda s: s[-1],
            "has_vector": lambda s: False,
            "vector_norm": lambda s: 3.0,
        }
    )
    doc.user_token_hooks.update(
        {
            "vector": lambda t: np.full(2, 2.0),
            "similarity": lambda a, b: 0.1,
            "has_vector": lambda t: False,
            "vector_norm": lambda t: 9.0,
        }
    )
    assert doc.vector.tolist() == [1.0, 1.0] and doc.has_vector and doc.vector_norm == 7.0
    assert doc.similarity(doc) == 0.5
    span = doc[0:2]
    assert span.vector.tolist() == [0.0, 0.0] and span.similarity(doc) == 0.25
    assert span.root.i == 1 and not span.has_vector and span.vector_norm == 3.0
    assert doc[0].vector.tolist() == [2.0, 2.0] and doc[0].similarity(doc[1]) == 0.1
    assert not doc[0].has_vector and doc[0].vector_norm == 9.0
