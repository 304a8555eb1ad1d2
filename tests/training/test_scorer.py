"""Tests for the Scorer and its score functions."""

import pytest

import plait
from plait.training.example import Example
from plait.training.scorer import PRFScore, ROCAUCScore, Scorer


@pytest.fixture
def nlp():
    return plait.blank("en")


def test_token_attr_accuracy_counts_only_annotated_tokens(nlp, make_example):
    eg = make_example(nlp, "a b c", {"tag_": ["X", "Y", "Z"]}, {"tags": ["X", "Q", None]})
    assert Scorer.score_token_attr([eg], "tag")["tag_acc"] == pytest.approx(0.5)


def test_span_scores_per_label(nlp):
    eg = Example.from_dict(nlp.make_doc("Ann met Bob"),
                           {"entities": [(0, 3, "PER"), (8, 11, "PER")]})
    eg.predicted.ents = [eg.predicted.char_span(0, 3, label="PER"),
                         eg.predicted.char_span(4, 7, label="ORG")]
    scores = Scorer.score_spans([eg], "ents")
    assert scores["ents_p"] == pytest.approx(0.5)
    assert scores["ents_r"] == pytest.approx(0.5)
    assert scores["ents_per_type"]["PER"]["r"] == pytest.approx(0.5)


def test_dep_scores(nlp):
    eg = Example.from_dict(nlp.make_doc("Ann saw Bob"),
                           {"heads": [1, 1, 1], "deps": ["nsubj", "ROOT", "obj"]})
    pred = eg.predicted
    eg.predicted = plait.tokens.Doc(nlp.vocab, words=[t.text for t in pred],
                                    heads=[1, 1, 1], deps=["nsubj", "ROOT", "iobj"])
    scores = Scorer.score_deps([eg], "dep")
    assert scores["dep_uas"] == pytest.approx(1.0)
    assert scores["dep_las"] == pytest.approx(2 / 3)


def test_cats_scores_and_auc(nlp):
    egs = []
    for text, gold, pred in [("a", 1.0, 0.9), ("b", 0.0, 0.2), ("c", 1.0, 0.4)]:
        eg = Example.from_dict(nlp.make_doc(text), {"cats": {"POS": gold, "NEG": 1 - gold}})
        eg.predicted.cats = {"POS": pred, "NEG": 1 - pred}
        egs.append(eg)
    scores = Scorer.score_cats(egs, "cats", labels=["POS", "NEG"], multi_label=False)
    assert scores["cats_macro_auc"] == pytest.approx(1.0)
    assert 0 < scores["cats_score"] < 1
    assert scores["cats_f_per_type"]["POS"]["p"] == pytest.approx(1.0)


def test_prf_and_auc_basics():
    prf = PRFScore()
    prf.score_set({1, 2}, {2, 3})
    assert (prf.precision, prf.recall) == (pytest.approx(0.5), pytest.approx(0.5))
    auc = ROCAUCScore()
    for c, g in [(0.1, 0), (0.4, 1), (0.35, 0), (0.8, 1)]:
        auc.score_set(c, g)
    assert auc.score == pytest.approx(1.0)
    empty = ROCAUCScore()
    empty.score_set(0.5, 1)
    assert empty.score is None


def test_tokenization_and_sentence_scores(nlp):
    eg = Example.from_dict(nlp.make_doc("Hi . Bye"), {"sent_starts": [1, -1, 1]})
    eg.predicted[2].is_sent_start = True
    eg.predicted[1].is_sent_start = False
    scores = Scorer().score([eg])
    assert scores["token_acc"] == pytest.approx(1.0)
    sents = Scorer.score_spans([eg], "sents", labeled=False,
                               has_annotation=lambda d: d.has_annotation("SENT_START"))
    assert sents["sents_f"] == pytest.approx(1.0)
