"""Tests for plait.ml: layers' gradients, hashed features, tok2vec, optimizer, seeding."""

import numpy as np
import pytest
from gradcheck import numeric_grad

import plait
from plait.errors import ConfigError, FormatError
from plait.ml import Optimizer, fix_random_seed
from plait.ml.architectures import build_tagger_model
from plait.ml.features import attr_values, hash_rows, scatter_add
from plait.ml.layers import Linear, Ragged, WindowEncoder, contract_window, expand_window
from plait.ml.tok2vec import hash_embed_cnn


@pytest.fixture
def nlp():
    return plait.blank("en")


def test_linear_relu_backprop_matches_numeric_gradient():
    fix_random_seed(1)
    layer = Linear(3, 4, relu=True).initialize()
    X = np.random.default_rng(0).normal(size=(5, 4)).astype(np.float32)
    target = np.random.default_rng(1).normal(size=(5, 3)).astype(np.float32)
    Y, bp = layer.begin_update(X)
    dX = bp(Y - target)

    def loss():
        out = layer.predict(X)
        return 0.5 * float(((out - target) ** 2).sum())

    num_W = numeric_grad(loss, layer.params["W"])
    assert np.allclose(layer.grads["W"], num_W, atol=2e-2)
    num_X = numeric_grad(loss, X)
    assert np.allclose(dX, num_X, atol=2e-2)


def test_window_encoder_backprop_matches_numeric_gradient():
    fix_random_seed(2)
    enc = WindowEncoder(width=3, depth=1, window=1).initialize()
    lengths = np.asarray([2, 3])
    X = np.random.default_rng(3).normal(size=(5, 3)).astype(np.float32)
    out, bp = enc.begin_update(Ragged(X, lengths))
    d = bp(Ragged(out.data.copy(), lengths)).data

    def loss():
        return 0.5 * float((enc.predict(Ragged(X, lengths)).data ** 2).sum())

    assert np.allclose(d, numeric_grad(loss, X), atol=2e-2)


def test_expand_window_stays_inside_each_doc():
    X = np.arange(5, dtype=np.float32).reshape(5, 1) + 1
    out = expand_window(X, np.asarray([2, 3]), 1)
    assert out[:, 0].tolist() == [0, 1, 0, 3, 4]  # left neighbour, none at doc starts
    assert out[:, 2].tolist() == [2, 0, 4, 5, 0]
    back = contract_window(np.ones_like(out), np.asarray([2, 3]), 1)
    assert back[:, 0].tolist() == [2, 2, 2, 3, 2]


def test_scatter_add_sums_repeated_rows():
    target = np.zeros((4, 2), dtype=np.float32)
    scatter_add(target, np.asarray([1, 3, 1]), np.ones((3, 2), dtype=np.float32))
    assert target[:, 0].tolist() == [0, 2, 0, 1]


def test_hashed_features_are_stable_and_in_range(nlp):
    docs = [nlp("The cat sat."), nlp("The dog")]
    values, lengths = attr_values(docs, [plait.attrs.NORM, plait.attrs.SHAPE])
    assert lengths.tolist() == [4, 2]
    rows = hash_rows(values, [50, 7], seed=0)
    assert rows.shape == (6, 2, 2)
    assert rows[:, 0].max() < 50 and rows[:, 1].max() < 7
    assert (rows[0] == rows[4]).all()  # "The" hashes the same in both docs
    assert (hash_rows(values, [50, 7], seed=0) == rows).all()


def test_tok2vec_gives_one_vector_per_token(nlp):
    fix_random_seed(0)
    model = hash_embed_cnn(width=16, depth=2, embed_size=100).initialize()
    docs = [nlp("A short text"), nlp(""), nlp("x")]
    out = model.predict(docs)
    assert [o.shape for o in out] == [(3, 16), (0, 16), (1, 16)]


def test_same_seed_gives_identical_weights(nlp):
    def build(seed):
        fix_random_seed(seed)
        model = build_tagger_model(hash_embed_cnn(width=8, depth=1, embed_size=50))
        model.get_ref("output_layer").set_dim("nO", 3)
        return model.initialize([nlp("hi there")]).to_arrays()

    a, b, c = build(7), build(7), build(8)
    assert a.keys() == b.keys()
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert any(not np.array_equal(a[k], c[k]) for k in a if a[k].ndim == 2)


def test_from_arrays_rejects_missing_or_unknown_parameters(nlp):
    fix_random_seed(0)
    model = build_tagger_model(hash_embed_cnn(width=8, depth=1, embed_size=50))
    model.get_ref("output_layer").set_dim("nO", 2)
    arrays = model.initialize([nlp("x")]).to_arrays()
    other = build_tagger_model(hash_embed_cnn(width=8, depth=1, embed_size=50))
    with pytest.raises(FormatError, match="E564"):
        other.from_arrays({**arrays, "tagger_model.bogus.W": np.zeros(1)})
    missing = {k: v for k, v in arrays.items() if not k.endswith("E_NORM")}
    with pytest.raises(FormatError, match="E564"):
        build_tagger_model(hash_embed_cnn(width=8, depth=1, embed_size=50)).from_arrays(missing)


def test_optimizer_moves_parameter_against_gradient_and_keeps_averages():
    opt = Optimizer(0.1)
    param = np.ones(3, dtype=np.float32)
    opt(("x", "W"), param, np.asarray([1.0, -1.0, 0.0], dtype=np.float32))
    assert param[0] < 1.0 < param[1]
    assert ("x", "W") in opt.averages


def test_optimizer_rejects_bad_settings():
    with pytest.raises(ConfigError, match="E567"):
        Optimizer(0.1, beta1=1.5)


def test_gradients_are_zeroed_arrays_made_on_first_use():
    layer = Linear(3, 2)
    layer.initialize()
    assert dict(layer.grads) == {}  # a loaded model allocates no gradients
    assert np.array_equal(layer.grads["W"], np.zeros((2, 3), dtype=np.float32))
    layer.grads["b"] += 1.0
    layer.add_param("b", np.zeros(3, dtype=np.float32))
    assert np.array_equal(layer.grads["b"], np.zeros(3, dtype=np.float32))
    with pytest.raises(KeyError):
        layer.grads["nope"]
