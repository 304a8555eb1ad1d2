"""Tests for the tok2vec component, listeners and replace_listeners."""

import numpy as np
import pytest

import plait
from plait.errors import PipelineError
from plait.ml import Optimizer, fix_random_seed
from plait.ml.tok2vec import Tok2VecListener
from plait.training.example import Example

T2V = {"model": {"width": 24, "depth": 1, "embed_size": 200}}
LISTENING = {"model": {"tok2vec": {"@architectures": "plait.Tok2VecListener.v1", "width": 24,
                                   "upstream": "*"}}}
DATA = [("I like green eggs", ["PRP", "VBP", "JJ", "NNS"]), ("Eat blue ham", ["VB", "JJ", "NN"])]


def build():
    fix_random_seed(0)
    nlp = plait.blank("en")
    nlp.add_pipe("tok2vec", config=T2V)
    nlp.add_pipe("tagger", config=LISTENING)
    egs = [Example.from_dict(nlp.make_doc(t), {"tags": tags}) for t, tags in DATA]
    return nlp, egs


def test_listener_trains_through_shared_tok2vec():
    nlp, egs = build()
    optimizer = nlp.initialize(lambda: egs, sgd=Optimizer(0.01))
    tok2vec = nlp.get_pipe("tok2vec")
    assert tok2vec.listening_components == ["tagger"]
    before = tok2vec.model.to_arrays()
    before = {k: np.array(v) for k, v in before.items()}
    for _ in range(40):
        nlp.update(egs, sgd=optimizer)
    after = tok2vec.model.to_arrays()
    assert any(not np.array_equal(before[k], after[k]) for k in before)
    for text, tags in DATA:
        doc = nlp(text)
        assert [t.tag_ for t in doc] == tags
        assert doc.tensor.shape == (len(doc), 24)


def test_listener_without_upstream_output_is_a_coded_error():
    nlp, egs = build()
    nlp.initialize(lambda: egs)
    tagger = nlp.get_pipe("tagger")
    with pytest.raises(PipelineError, match="E565"):
        tagger.predict([nlp.make_doc("no tok2vec ran")])


def test_replace_listeners_gives_the_component_its_own_copy(tmp_path):
    nlp, egs = build()
    optimizer = nlp.initialize(lambda: egs, sgd=Optimizer(0.01))
    for _ in range(20):
        nlp.update(egs, sgd=optimizer)
    expected = [t.tag_ for t in nlp("I like blue ham")]
    nlp.replace_listeners("tok2vec", "tagger", ["model.tok2vec"])
    tagger = nlp.get_pipe("tagger")
    assert not any(isinstance(m, Tok2VecListener) for m in tagger.model.walk())
    assert nlp.get_pipe("tok2vec").listening_components == []
    assert nlp.config["components"]["tagger"]["model"]["tok2vec"]["@architectures"] == \
        "plait.HashEmbedCNN.v1"
    nlp.remove_pipe("tok2vec")
    assert [t.tag_ for t in nlp("I like blue ham")] == expected
    nlp.to_disk(tmp_path / "p")
    loaded = plait.util.load_model_from_path(tmp_path / "p")
    assert [t.tag_ for t in loaded("I like blue ham")] == expected


def test_replace_listeners_errors_are_coded():
    nlp, egs = build()
    nlp.initialize(lambda: egs)
    with pytest.raises(PipelineError, match="E566"):
        nlp.replace_listeners("tok2vec", "tagger", ["model.tok2vec", "model.other"])
    with pytest.raises(PipelineError, match="E566"):
        nlp.replace_listeners("tagger", "tok2vec", ["model"])
