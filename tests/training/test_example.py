"""Tests for Example, alignment and entity tag schemes."""

import pytest

import plait
from plait.errors import InputError, InputTypeError
from plait.training.alignment import Alignment
from plait.training.example import Example
from plait.training.iob_utils import (
    biluo_tags_to_offsets,
    biluo_to_iob,
    iob_to_biluo,
    offsets_to_biluo_tags,
    tags_to_entities,
)


@pytest.fixture
def nlp():
    return plait.blank("en")


def test_alignment_maps_split_and_merged_tokens_both_ways():
    align = Alignment.from_strings(["I", "can't", "go"], ["I", "ca", "n't", "go"])
    assert align.x2y.lengths.tolist() == [1, 2, 1]
    assert align.x2y[1].tolist() == [1, 2]
    assert align.y2x.lengths.tolist() == [1, 1, 1, 1]
    assert align.y2x[2].tolist() == [1]


def test_alignment_rejects_different_texts():
    with pytest.raises(InputError, match="E551"):
        Alignment.from_strings(["a", "b"], ["a", "c"])


def test_from_dict_with_other_tokenization_aligns_tags(nlp):
    doc = nlp.make_doc("I can't go")
    eg = Example.from_dict(doc, {"words": ["I", "ca", "n't", "go"],
                                 "tags": ["PRP", "MD", "RB", "VB"]})
    if len(doc) == 4:  # the tokenizer split "can't" itself
        assert eg.get_aligned("TAG", as_string=True) == ["PRP", "MD", "RB", "VB"]
    else:
        assert eg.get_aligned("TAG", as_string=True) == ["PRP", None, "VB"]
    assert eg.reference.text == doc.text


def test_get_aligned_parse_and_ner(nlp):
    doc = nlp.make_doc("Ann saw New York")
    eg = Example.from_dict(doc, {"heads": [1, 1, 3, 1], "deps": ["nsubj", "ROOT", "compound",
                                                                  "obj"],
                                 "entities": [(0, 3, "PERSON"), (8, 16, "GPE")]})
    heads, deps = eg.get_aligned_parse()
    assert heads == [1, 1, 3, 1]
    assert deps == ["nsubj", "ROOT", "compound", "obj"]
    assert eg.get_aligned_ner() == ["U-PERSON", "O", "B-GPE", "L-GPE"]


def test_biluo_entities_with_missing_tags(nlp):
    doc = nlp.make_doc("Ann saw Bob")
    eg = Example.from_dict(doc, {"entities": ["U-PERSON", "-", "U-PERSON"]})
    assert eg.get_aligned_ner() == ["U-PERSON", None, "U-PERSON"]


def test_from_dict_rejects_misaligned_entities(nlp):
    doc = nlp.make_doc("Ann saw Bob")
    with pytest.raises(InputError, match="E554"):
        Example.from_dict(doc, {"entities": [(1, 5, "PERSON")]})


def test_from_dict_rejects_overlapping_entities(nlp):
    doc = nlp.make_doc("New York City")
    with pytest.raises(InputError, match="E555"):
        Example.from_dict(doc, {"entities": [(0, 8, "GPE"), (4, 13, "GPE")]})


def test_from_dict_rejects_unknown_keys_and_wrong_lengths(nlp):
    doc = nlp.make_doc("a b")
    with pytest.raises(InputError, match="E552"):
        Example.from_dict(doc, {"tagz": ["X", "Y"]})
    with pytest.raises(InputError, match="E553"):
        Example.from_dict(doc, {"tags": ["X"]})


def test_example_rejects_non_docs(nlp):
    with pytest.raises(InputTypeError, match="E550"):
        Example("text", nlp.make_doc("text"))


def test_sent_starts_and_cats(nlp):
    doc = nlp.make_doc("Hi . Bye")
    eg = Example.from_dict(doc, {"sent_starts": [1, -1, 1], "cats": {"A": 1.0}})
    assert eg.get_aligned_sent_starts() == [1, 0, 1]
    assert eg.reference.cats == {"A": 1.0}
    assert len(eg.split_sents()) == 2


def test_iob_biluo_conversions_round_trip(nlp):
    iob = ["B-PER", "I-PER", "O", "B-LOC"]
    biluo = iob_to_biluo(iob)
    assert biluo == ["B-PER", "L-PER", "O", "U-LOC"]
    assert biluo_to_iob(biluo) == iob
    assert tags_to_entities(biluo) == [("PER", 0, 1), ("LOC", 3, 3)]
    doc = nlp.make_doc("Ann Lee in Rome")
    offsets = biluo_tags_to_offsets(doc, biluo)
    assert offsets == [(0, 7, "PER"), (11, 15, "LOC")]
    assert offsets_to_biluo_tags(doc, offsets) == biluo


def test_bad_biluo_sequences_raise_coded_errors():
    with pytest.raises(InputError, match="E556"):
        tags_to_entities(["I-PER", "L-PER"])
    with pytest.raises(InputError, match="E556"):
        tags_to_entities(["B-PER", "O"])
