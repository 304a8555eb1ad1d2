"""Tests for textcat and textcat_multilabel."""

import pytest

import plait
from plait.errors import InputError, PipelineError
from plait.ml import Optimizer, fix_random_seed
from plait.training.example import Example

TEXTS = [("I loved this film", {"POS": 1.0, "NEG": 0.0}),
         ("What a great movie", {"POS": 1.0, "NEG": 0.0}),
         ("I hated this film", {"POS": 0.0, "NEG": 1.0}),
         ("What an awful movie", {"POS": 0.0, "NEG": 1.0})]


def fit(nlp, egs, steps=30):
    optimizer = nlp.initialize(lambda: egs, sgd=Optimizer(0.05))
    for _ in range(steps):
        nlp.update(egs, sgd=optimizer)


def test_textcat_fits_and_round_trips(tmp_path):
    fix_random_seed(0)
    nlp = plait.blank("en")
    textcat = nlp.add_pipe("textcat")
    egs = [Example.from_dict(nlp.make_doc(t), {"cats": c}) for t, c in TEXTS]
    fit(nlp, egs)
    assert textcat.labels == ("NEG", "POS")
    for text, cats in TEXTS:
        doc = nlp(text)
        assert max(doc.cats, key=doc.cats.get) == max(cats, key=cats.get)
        assert sum(doc.cats.values()) == pytest.approx(1.0, abs=1e-5)
    scores = nlp.evaluate(egs)
    assert scores["cats_score"] == pytest.approx(1.0)
    assert scores["cats_macro_auc"] == pytest.approx(1.0)
    nlp.to_disk(tmp_path / "p")
    loaded = plait.util.load_model_from_path(tmp_path / "p")
    assert loaded("I loved it").cats == pytest.approx(nlp("I loved it").cats)


def test_textcat_with_tok2vec_reduce_model():
    fix_random_seed(0)
    nlp = plait.blank("en")
    model = {"@architectures": "plait.TextCatReduce.v1", "exclusive_classes": True,
             "tok2vec": {"@architectures": "plait.HashEmbedCNN.v1", "width": 16, "depth": 1,
                         "embed_size": 100}}
    nlp.add_pipe("textcat", config={"model": model})
    egs = [Example.from_dict(nlp.make_doc(t), {"cats": c}) for t, c in TEXTS]
    fit(nlp, egs, steps=40)
    assert nlp.evaluate(egs)["cats_score"] == pytest.approx(1.0)


def test_exclusive_textcat_rejects_two_positive_classes():
    nlp = plait.blank("en")
    nlp.add_pipe("textcat")
    egs = [Example.from_dict(nlp.make_doc("x"), {"cats": {"A": 1.0, "B": 1.0}})]
    optimizer = nlp.initialize(lambda: egs)
    with pytest.raises(InputError, match="E570"):
        nlp.update(egs, sgd=optimizer)


def test_textcat_rejects_unknown_label_and_too_few_labels():
    nlp = plait.blank("en")
    textcat = nlp.add_pipe("textcat")
    with pytest.raises(PipelineError, match="E558"):
        textcat.initialize(lambda: [Example.from_dict(nlp.make_doc("x"), {"cats": {"A": 1}})])
    egs = [Example.from_dict(nlp.make_doc(t), {"cats": c}) for t, c in TEXTS]
    optimizer = nlp.initialize(lambda: egs)
    bad = [Example.from_dict(nlp.make_doc("x"), {"cats": {"OTHER": 1.0, "POS": 0.0}})]
    with pytest.raises(InputError, match="E569"):
        nlp.update(bad, sgd=optimizer)


def test_multilabel_textcat_scores_labels_independently():
    fix_random_seed(0)
    nlp = plait.blank("en")
    nlp.add_pipe("textcat_multilabel")
    data = [("red and round", {"RED": 1.0, "ROUND": 1.0}), ("red and square", {"RED": 1.0,
             "ROUND": 0.0}), ("blue and round", {"RED": 0.0, "ROUND": 1.0}),
            ("blue and square", {"RED": 0.0, "ROUND": 0.0})]
    egs = [Example.from_dict(nlp.make_doc(t), {"cats": c}) for t, c in data]
    fit(nlp, egs, steps=40)
    doc = nlp("red and round")
    assert doc.cats["RED"] > 0.5 and doc.cats["ROUND"] > 0.5
    assert nlp("blue and square").cats["RED"] < 0.5
    assert nlp.evaluate(egs)["cats_macro_f"] == pytest.approx(1.0)
