"""Tests for the tagger, senter and morphologizer: fit, predict, save/load, errors."""

import numpy as np
import pytest

import plait
from plait.errors import InputError, InputTypeError, PipelineError
from plait.ml import Optimizer, fix_random_seed
from plait.training.example import Example

SMALL = {"model": {"tok2vec": {"width": 24, "depth": 1, "embed_size": 200}}}
DATA = [
    ("I like green eggs", ["PRP", "VBP", "JJ", "NNS"], ["PRON", "VERB", "ADJ", "NOUN"]),
    ("Eat blue ham", ["VB", "JJ", "NN"], ["VERB", "ADJ", "NOUN"]),
    ("They eat red apples", ["PRP", "VBP", "JJ", "NNS"], ["PRON", "VERB", "ADJ", "NOUN"]),
]


def examples(nlp, **extra):
    return [Example.from_dict(nlp.make_doc(t), {"tags": tags, "pos": pos, **extra})
            for t, tags, pos in DATA]


def fit(nlp, egs, steps=40):
    optimizer = nlp.initialize(lambda: egs, sgd=Optimizer(0.01))
    for _ in range(steps):
        losses = nlp.update(egs, sgd=optimizer)
    return losses


def test_tagger_fits_small_data_and_sets_pos_from_tag_map():
    fix_random_seed(0)
    nlp = plait.blank("en")
    tagger = nlp.add_pipe("tagger", config=SMALL)
    egs = examples(nlp)
    losses = fit(nlp, egs)
    assert losses["tagger"] < 0.1
    assert set(tagger.labels) == {"PRP", "VBP", "JJ", "NNS", "VB", "NN"}
    for text, tags, pos in DATA:
        doc = nlp(text)
        assert [t.tag_ for t in doc] == tags
        assert [t.pos_ for t in doc] == pos
    assert nlp.evaluate(egs)["tag_acc"] == pytest.approx(1.0)


def test_tagger_disk_and_bytes_round_trip_predict_the_same(tmp_path):
    fix_random_seed(0)
    nlp = plait.blank("en")
    nlp.add_pipe("tagger", config=SMALL)
    fit(nlp, examples(nlp), steps=10)
    nlp.to_disk(tmp_path / "p")
    loaded = plait.util.load_model_from_path(tmp_path / "p")
    text = "They like blue eggs"
    assert [t.tag_ for t in loaded(text)] == [t.tag_ for t in nlp(text)]
    again = plait.blank("en")
    again.add_pipe("tagger", config=SMALL).from_bytes(nlp.get_pipe("tagger").to_bytes())
    assert [t.tag_ for t in again(text)] == [t.tag_ for t in nlp(text)]
    weights = loaded.get_pipe("tagger").model.to_arrays()
    assert any(isinstance(w, np.memmap) for w in weights.values())  # memory-mapped on load


def test_training_twice_with_the_same_seed_gives_identical_bytes():
    def run():
        fix_random_seed(3)
        nlp = plait.blank("en")
        nlp.add_pipe("tagger", config=SMALL)
        fit(nlp, examples(nlp), steps=5)
        return nlp.get_pipe("tagger").to_bytes()

    assert run() == run()


def test_unknown_label_in_training_data_is_a_coded_error():
    nlp = plait.blank("en")
    nlp.add_pipe("tagger", config=SMALL)
    egs = examples(nlp)
    optimizer = nlp.initialize(lambda: egs[:1])
    with pytest.raises(InputError, match="E582"):
        nlp.update(egs[1:2], sgd=optimizer)


def test_initialize_errors_are_coded():
    nlp = plait.blank("en")
    tagger = nlp.add_pipe("tagger", config=SMALL)
    with pytest.raises(PipelineError, match="E562"):
        tagger.initialize(list)
    with pytest.raises(InputTypeError, match="E561"):
        tagger.initialize([1, 2])
    with pytest.raises(PipelineError, match="E560"):
        tagger.update(examples(nlp))
    with pytest.raises(InputTypeError, match="E557"):
        tagger.initialize(lambda: ["not an example"])
    egs = [Example.from_dict(nlp.make_doc("no tags"), {})]
    with pytest.raises(PipelineError, match="E558"):
        tagger.initialize(lambda: egs)


def test_add_label_rules():
    nlp = plait.blank("en")
    tagger = nlp.add_pipe("tagger", config=SMALL)
    assert tagger.add_label("X") == 1 and tagger.add_label("X") == 0
    with pytest.raises(InputTypeError, match="E559"):
        tagger.add_label("")
    tagger.initialize(None, labels=["X", "Y"])
    with pytest.raises(PipelineError, match="E563"):
        tagger.add_label("Z")


def test_senter_learns_sentence_starts():
    fix_random_seed(0)
    nlp = plait.blank("en")
    nlp.add_pipe("senter", config=SMALL)
    texts = ["Hi there . Bye now .", "Good day . See you ."]
    starts = [[1, -1, -1, 1, -1, -1]] * 2
    egs = [Example.from_dict(nlp.make_doc(t), {"sent_starts": s}) for t, s in zip(texts, starts)]
    fit(nlp, egs, steps=40)
    doc = nlp("Hi there . See you .")
    assert [t.is_sent_start for t in doc] == [True, False, False, True, False, False]
    assert nlp.evaluate(egs)["sents_f"] == pytest.approx(1.0)


def test_morphologizer_predicts_pos_and_features():
    fix_random_seed(0)
    nlp = plait.blank("en")
    morph = nlp.add_pipe("morphologizer", config=SMALL)
    texts = [("I saw dogs", ["PRON", "VERB", "NOUN"], ["Case=Nom", "Tense=Past", "Number=Plur"]),
             ("A cat ran", ["DET", "NOUN", "VERB"], ["", "Number=Sing", "Tense=Past"])]
    egs = [Example.from_dict(nlp.make_doc(t), {"pos": p, "morphs": m}) for t, p, m in texts]
    fit(nlp, egs, steps=40)
    assert "Number=Plur|POS=NOUN" in morph.labels
    doc = nlp("I saw dogs")
    assert [t.pos_ for t in doc] == ["PRON", "VERB", "NOUN"]
    assert str(doc[2].morph) == "Number=Plur"
    scores = nlp.evaluate(egs)
    assert scores["pos_acc"] == pytest.approx(1.0) and scores["morph_acc"] == pytest.approx(1.0)
