"""The `ner` component: training, preset entities, saving, scores and errors."""

import warnings

import numpy as np
import pytest

import plait
from plait.errors import InputError, InputTypeError, PipelineError
from plait.ml import fix_random_seed
from plait.pipeline.ner import EntityRecognizer
from plait.tokens import Span
from plait.training.example import Example

SMALL = {"model": {"hidden_width": 32,
                   "tok2vec": {"width": 32, "depth": 2, "embed_size": 500}}}
TRAIN = [
    ("Alice works at Acme Corp in Paris", [(0, 5, "PER"), (15, 24, "ORG"), (28, 33, "LOC")]),
    ("Bob visited London", [(0, 3, "PER"), (12, 18, "LOC")]),
    ("The New York Times hired Carol", [(4, 18, "ORG"), (25, 30, "PER")]),
    ("Nothing to see here", []),
]


def make_examples(nlp, data=TRAIN):
    return [Example.from_dict(nlp.make_doc(text), {"entities": ents}) for text, ents in data]


def train_ner(seed=0, n_iter=40, data=TRAIN):
    fix_random_seed(seed)
    nlp = plait.blank("en")
    nlp.add_pipe("ner", config=SMALL)
    examples = make_examples(nlp, data)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(n_iter):
        nlp.update(examples, sgd=optimizer)
    return nlp, examples


@pytest.fixture(scope="module")
def trained():
    return train_ner()


def ents(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_ner_fits_small_training_data(trained):
    nlp, _ = trained
    for text, expected in TRAIN:
        assert ents(nlp(text)) == expected


def test_ner_marks_every_other_token_outside(trained):
    nlp, _ = trained
    doc = nlp("Nothing to see here")
    assert [t.ent_iob_ for t in doc] == ["O"] * 4


def test_ner_scores_per_label(trained):
    nlp, examples = trained
    scores = nlp.evaluate(examples)
    assert scores["ents_f"] == 1.0
    assert set(scores["ents_per_type"]) == {"LOC", "ORG", "PER"}


def test_ner_keeps_entities_set_by_a_ruler(trained):
    nlp, _ = trained
    doc = nlp.make_doc("Bob visited London")
    doc.ents = [Span(doc, 2, 3, label="CITY")]
    doc.set_ents([Span(doc, 2, 3, label="CITY")], default="missing")
    nlp.get_pipe("ner")(doc)
    assert ents(doc) == [(0, 3, "PER"), (12, 18, "CITY")]


def test_ner_never_predicts_on_blocked_tokens(trained):
    nlp, _ = trained
    doc = nlp.make_doc("Bob visited London")
    doc.set_ents([], blocked=[Span(doc, 0, 1)], default="missing")
    nlp.get_pipe("ner")(doc)
    assert ents(doc) == [(12, 18, "LOC")]


def test_ner_may_predict_on_tokens_marked_outside(trained):
    nlp, _ = trained
    doc = nlp.make_doc("Bob visited London")
    doc.set_ents([], outside=[Span(doc, 2, 3)], default="missing")
    nlp.get_pipe("ner")(doc)
    assert ents(doc) == [(0, 3, "PER"), (12, 18, "LOC")]


def test_ner_entities_do_not_cross_preset_sentence_starts(trained):
    nlp, _ = trained
    doc = nlp.make_doc("The New York Times hired Carol")
    doc[2].is_sent_start = True
    nlp.get_pipe("ner")(doc)
    assert all(not (e.start < 2 < e.end) for e in doc.ents)


def test_ner_after_entity_ruler_in_pipeline():
    nlp, _ = train_ner(n_iter=30)
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns([{"label": "GPE", "pattern": "Paris"}])
    doc = nlp("Alice works at Acme Corp in Paris")
    assert ents(doc) == [(0, 5, "PER"), (15, 24, "ORG"), (28, 33, "GPE")]


def test_ner_round_trips_through_disk_and_bytes(trained, tmp_path):
    nlp, _ = trained
    nlp.to_disk(tmp_path / "model")
    loaded = plait.load(tmp_path / "model")
    fresh = plait.blank("en")
    fresh.add_pipe("ner", config=SMALL).from_bytes(nlp.get_pipe("ner").to_bytes())
    for text, _ in TRAIN:
        assert ents(loaded(text)) == ents(nlp(text))
        assert ents(fresh(text)) == ents(nlp(text))
    assert loaded.get_pipe("ner").labels == ("LOC", "ORG", "PER")


def test_same_seed_gives_identical_weights():
    a, _ = train_ner(seed=5, n_iter=3)
    b, _ = train_ner(seed=5, n_iter=3)
    wa = a.get_pipe("ner").model.to_arrays()
    wb = b.get_pipe("ner").model.to_arrays()
    assert all(np.array_equal(wa[k], wb[k]) for k in wa)


def test_ner_learns_from_partial_annotation():
    nlp = plait.blank("en")
    nlp.add_pipe("ner", config=SMALL)
    doc = nlp.make_doc("Bob visited London")
    examples = [Example.from_dict(doc, {"entities": ["U-PER", "-", "-"]})]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(20):
        nlp.update(examples, sgd=optimizer)
    assert ents(nlp("Bob visited London"))[0] == (0, 3, "PER")


def test_ner_pipe_handles_empty_docs(trained):
    nlp, _ = trained
    docs = list(nlp.pipe(["", "Bob visited London"]))
    assert docs[0].ents == () and len(docs[1].ents) == 2


def test_ner_move_names_and_labels():
    nlp = plait.blank("en")
    ner = nlp.add_pipe("ner", config=SMALL)
    assert ner.add_label("ORG") == 1
    assert ner.add_label("ORG") == 0
    assert ner.move_names == ["O", "B-ORG", "I-ORG", "L-ORG", "U-ORG"]


# --- errors -------------------------------------------------------------------------------


def test_update_rejects_an_unknown_entity_label(trained):
    nlp, _ = trained
    eg = Example.from_dict(nlp.make_doc("Eat pizza"), {"entities": [(4, 9, "FOOD")]})
    with pytest.raises(InputError, match="E601"):
        nlp.get_pipe("ner").update([eg])


def test_misaligned_entities_warn_and_count_as_missing(trained):
    nlp, _ = trained
    eg = Example.from_dict(nlp.make_doc("Bob visited London"),
                           {"words": ["Bob", "visited", "Lon", "don"],
                            "spaces": [True, True, False, False],
                            "entities": ["U-PER", "O", "B-LOC", "L-LOC"]})
    eg2 = Example(nlp.make_doc("Bob visited London"), eg.reference)
    eg2.reference.set_ents([Span(eg2.reference, 0, 1, label="PER"),
                            Span(eg2.reference, 2, 3, label="LOC")])
    with pytest.warns(UserWarning, match="W110"):
        nlp.get_pipe("ner").update([eg2])


def test_initialize_without_entities_has_no_labels():
    nlp = plait.blank("en")
    nlp.add_pipe("ner", config=SMALL)
    examples = make_examples(nlp, [("Nothing to see here", [])])
    with pytest.raises(PipelineError, match="E558"):
        nlp.initialize(lambda: examples)


def test_initialize_rejects_bad_labels():
    nlp = plait.blank("en")
    ner = nlp.add_pipe("ner", config=SMALL)
    with pytest.raises(InputTypeError, match="E602"):
        ner.initialize(lambda: make_examples(nlp), labels=[1, 2])


def test_initialize_accepts_label_data_of_another_ner(trained):
    _nlp, _ = trained
    other = plait.blank("en")
    ner = other.add_pipe("ner", config=SMALL)
    ner.initialize(lambda: make_examples(other), labels={"1": {"PER": 1, "ORG": 2}})
    assert ner.labels == ("ORG", "PER")


def test_update_rejects_non_examples(trained):
    nlp, _ = trained
    with pytest.raises(InputTypeError, match="E557"):
        nlp.get_pipe("ner").update(["Bob visited London"])


def test_ner_class_is_exported():
    from plait.pipeline import EntityRecognizer as Exported

    assert Exported is EntityRecognizer


def test_no_warning_for_aligned_entities(trained):
    nlp, examples = trained
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nlp.get_pipe("ner").update(examples[:1])
