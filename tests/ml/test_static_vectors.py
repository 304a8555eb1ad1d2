"""Tests for static vectors as tok2vec features: gradients, lookups, errors, learning."""

import numpy as np
import pytest
from gradcheck import numeric_grad

import plait
from plait.errors import ConfigError, PipelineError
from plait.ml import Optimizer, fix_random_seed
from plait.ml.layers import Ragged, StaticVectors
from plait.ml.tok2vec import hash_embed_cnn, multi_hash_embed
from plait.training.example import Example


@pytest.fixture
def nlp():
    nlp = plait.blank("en")
    rng = np.random.default_rng(0)
    for word in ("cats", "like", "fish", "dogs"):
        nlp.vocab.set_vector(word, rng.normal(size=5).astype(np.float32))
    return nlp


def test_static_vectors_look_up_rows_and_give_zeros_for_words_without_vector(nlp):
    layer = StaticVectors(4).initialize([nlp("cats")])
    docs = [nlp("cats like"), nlp("zebras fish")]
    V = layer.lookup(docs)
    assert V.shape == (4, 5)
    assert np.array_equal(V[0], nlp.vocab.get_vector("cats"))
    assert np.array_equal(V[3], nlp.vocab.get_vector("fish"))
    assert not V[2].any()  # "zebras" has no vector
    out, _ = layer(docs)
    assert out.lengths.tolist() == [2, 2]
    assert np.allclose(out.data, V @ layer.params["W"])


def test_static_vectors_projection_gradient_matches_numeric(nlp):
    fix_random_seed(3)
    layer = StaticVectors(3).initialize([nlp("cats")])
    docs = [nlp("cats like fish"), nlp("dogs zebras")]
    out, bp = layer.begin_update(docs)
    bp(Ragged(out.data.copy(), out.lengths))

    def loss():
        return 0.5 * float((layer.predict(docs).data ** 2).sum())

    assert np.allclose(layer.grads["W"], numeric_grad(loss, layer.params["W"]), atol=2e-2)


def test_embed_with_static_vectors_backprop_matches_numeric_gradient(nlp):
    fix_random_seed(4)
    embed = multi_hash_embed(3, ["NORM"], [11], include_static_vectors=True)
    docs = [nlp("cats like fish"), nlp("dogs zebras")]
    embed.initialize(docs)
    out, bp = embed.begin_update(docs)
    bp(Ragged(out.data.copy(), out.lengths))

    def loss():
        return 0.5 * float((embed.predict(docs).data ** 2).sum())

    layers = {model.name: model for model in embed.walk()}
    for layer_name, param in (("static_vectors", "W"), ("embed", "E_NORM"), ("linear", "W")):
        layer = layers[layer_name]
        num = numeric_grad(loss, layer.params[param])
        assert np.allclose(layer.grads[param], num, atol=2e-2), (layer_name, param)


def test_include_static_vectors_without_vectors_is_a_coded_error_at_initialize():
    nlp = plait.blank("en")
    model = hash_embed_cnn(width=8, depth=1, embed_size=50, pretrained_vectors=True)
    with pytest.raises(ConfigError, match="E009"):
        model.initialize([nlp("no vectors here")])


def test_vectors_of_another_width_at_predict_time_is_a_coded_error(nlp):
    layer = StaticVectors(4).initialize([nlp("cats")])
    other = plait.blank("en")
    other.vocab.set_vector("cats", np.ones(7, dtype=np.float32))
    with pytest.raises(PipelineError, match="E011"):
        layer.predict([other("cats")])


def test_tok2vec_without_static_vectors_keeps_its_parameter_names(nlp):
    names = set(hash_embed_cnn(width=8, depth=1, embed_size=50).initialize(
        [nlp("cats")]).to_arrays())
    with_vectors = set(hash_embed_cnn(width=8, depth=1, embed_size=50, pretrained_vectors=True)
                       .initialize([nlp("cats")]).to_arrays())
    assert not any("static_vectors" in name for name in names)
    assert any(name.endswith("static_vectors.W") for name in with_vectors)


CLASSES = ("A", "B", "C")


def _vector_task(seed=0, n_words=150, width=8):
    """Words of random letters whose class is encoded (only) in their vector."""
    rng = np.random.default_rng(seed)
    letters = np.array(list("bcdfghjklmnpqrstvwxz"))
    nlp = plait.blank("en")
    words, labels = [], []
    while len(words) < n_words:
        word = "".join(rng.choice(letters, size=7))
        if word in words:
            continue
        label = int(rng.integers(len(CLASSES)))
        vector = rng.normal(scale=0.3, size=width).astype(np.float32)
        vector[label] += 2.0
        nlp.vocab.set_vector(word, vector)
        words.append(word)
        labels.append(CLASSES[label])

    def docs(indices):
        out = []
        for start in range(0, len(indices) - 3, 4):
            chunk = indices[start:start + 4]
            doc = plait.tokens.Doc(nlp.vocab, words=[words[i] for i in chunk])
            out.append(Example.from_dict(doc, {"tags": [labels[i] for i in chunk]}))
        return out

    half = n_words // 2
    return nlp, docs(list(range(half))), docs(list(range(half, n_words)))


def _train(nlp, train, static):
    config = {"model": {"tok2vec": {"width": 16, "depth": 1, "embed_size": 100,
                                    "pretrained_vectors": static}}}
    nlp.add_pipe("tagger", config=config)
    optimizer = nlp.initialize(lambda: train, sgd=Optimizer(0.01))
    for _ in range(30):
        nlp.update(train, sgd=optimizer)
    return nlp


def _accuracy(nlp, examples):
    right = total = 0
    for eg in examples:
        doc = nlp(eg.reference.text)
        right += sum(t.tag_ == g.tag_ for t, g in zip(doc, eg.reference))
        total += len(doc)
    return right / total


def test_tagger_with_static_vectors_tags_unseen_words_by_their_vectors(tmp_path):
    fix_random_seed(0)
    nlp, train, test = _vector_task()
    _train(nlp, train, static=True)
    assert _accuracy(nlp, test) >= 0.85  # the test words were never seen in training
    fix_random_seed(0)
    blind, train, test = _vector_task()
    _train(blind, train, static=None)
    assert _accuracy(blind, test) < 0.7  # without vectors the words' form says nothing

    nlp.to_disk(tmp_path / "p")
    loaded = plait.load(tmp_path / "p")
    data = loaded.vocab.vectors.data
    assert isinstance(data, np.memmap) or isinstance(data.base, np.memmap)
    text = test[0].reference.text
    assert [t.tag_ for t in loaded(text)] == [t.tag_ for t in nlp(text)]
