"""The components' registered scorers: found by name, scoring with the Scorer loaded late."""

from __future__ import annotations

import importlib

import pytest

import plait
from plait.pipeline import SCORER_MODULES
from plait.registry import registry
from plait.training.example import Example


@pytest.fixture
def nlp():
    return plait.blank("en")


def test_every_builtin_scorer_is_found_by_name_in_a_fresh_process(fresh_python):
    # only `import plait`: the registry imports the component module that registers each
    # name, and none of them imports the Scorer until it scores
    probe = (
        "import sys, plait\n"
        "from plait.registry import registry\n"
        f"names = {sorted(SCORER_MODULES)!r}\n"
        "funcs = [registry.scorers.get(n)() for n in names]\n"
        "print(all(callable(f) for f in funcs), 'plait.training.scorer' in sys.modules)\n"
    )
    assert fresh_python(probe).split() == ["True", "False"]


@pytest.mark.parametrize("name", sorted(SCORER_MODULES))
def test_scorer_is_registered_by_the_module_the_registry_names(name):
    made = registry.scorers.get(name)()
    assert made.__module__ == importlib.import_module(SCORER_MODULES[name]).__name__


def test_tagger_scorer_gives_tag_accuracy(nlp, make_example):
    score = registry.scorers.get("plait.tagger_scorer.v1")()
    eg = make_example(nlp, "a b c", {"tag_": ["X", "Y", "Z"]}, {"tags": ["X", "Q", None]})
    assert score([eg])["tag_acc"] == pytest.approx(0.5)


def test_morphologizer_scorer_gives_pos_and_morph_accuracy(nlp, make_example):
    score = registry.scorers.get("plait.morphologizer_scorer.v1")()
    eg = make_example(nlp, "a b", {"pos_": ["NOUN", "VERB"], "morph": ["Number=Sing", "Tense=Past"]},
                {"pos": ["NOUN", "NOUN"], "morphs": ["Number=Sing", "Tense=Pres"]})
    scores = score([eg])
    assert scores["pos_acc"] == pytest.approx(0.5)
    assert scores["morph_acc"] == pytest.approx(0.5)
    assert scores["morph_per_feat"]["Number"]["f"] == pytest.approx(1.0)


def test_senter_scorer_gives_sentence_boundaries_without_per_type(nlp):
    score = registry.scorers.get("plait.senter_scorer.v1")()
    eg = Example.from_dict(nlp.make_doc("a b c d"), {"sent_starts": [1, 0, 1, 0]})
    for token, start in zip(eg.predicted, [True, False, True, False]):
        token.is_sent_start = start
    scores = score([eg])
    assert scores["sents_f"] == pytest.approx(1.0)
    assert "sents_per_type" not in scores


@pytest.mark.parametrize(("name", "pos_f"), [
    # exclusive: the highest score is the prediction, even under 0.5
    ("plait.textcat_scorer.v1", 1.0),
    # multi-label: each category needs 0.5 on its own
    ("plait.textcat_multilabel_scorer.v1", 0.0),
])
def test_textcat_scorers_score_categories(nlp, name, pos_f):
    score = registry.scorers.get(name)()
    eg = Example.from_dict(nlp.make_doc("good"), {"cats": {"POS": 1.0, "NEG": 0.0}})
    eg.predicted.cats = {"POS": 0.4, "NEG": 0.3}
    scores = score([eg], labels=["POS", "NEG"])
    assert scores["cats_f_per_type"]["POS"]["f"] == pytest.approx(pos_f)
