"""to_array / from_array: shapes, spaCy's value conventions, validation."""

import numpy as np
import pytest

from plait import attrs as A
from plait.errors import InputError
from plait.tokens import Doc


def test_single_attr_is_1d_list_is_2d(parsed):
    assert parsed.to_array("ORTH").shape == (9,)
    assert parsed.to_array(A.ORTH).shape == (9,)
    arr = parsed.to_array(["ORTH", A.TAG, "lemma"])
    assert arr.shape == (9, 3) and arr.dtype == np.uint64
    assert arr[0, 1] == parsed.vocab.strings["NNP"]


def test_head_is_relative_in_twos_complement(parsed):
    heads = parsed.to_array("HEAD")
    assert heads.dtype == np.uint64
    assert heads.view(np.int64).tolist() == [1, 1, 0, -1, -2, 1, 0, -1, -2]


def test_sent_start_and_ent_iob_codes(parsed):
    assert parsed.to_array("SENT_START").view(np.int64).tolist() == [
        1,
        -1,
        -1,
        -1,
        -1,
        1,
        -1,
        -1,
        -1,
    ]
    assert parsed.to_array("ENT_IOB").tolist() == [3, 1, 2, 2, 2, 2, 2, 2, 2]


def test_unknown_sent_start_reads_zero_but_first_token_one(vocab):
    doc = Doc(vocab, words=["a", "b"])
    assert doc.to_array("SENT_START").tolist() == [1, 0]


def test_lexical_attrs_come_from_vocab(vocab):
    doc = Doc(vocab, words=["Hi", "there", "Hi"], spaces=[True, False, False])
    assert doc.to_array("LOWER").tolist() == [
        vocab.strings["hi"],
        vocab.strings["there"],
        vocab.strings["hi"],
    ]
    assert doc.to_array("IS_ALPHA").tolist() == [1, 1, 1]
    assert doc.to_array("LENGTH").tolist() == [2, 5, 2]
    assert doc.to_array("SPACY").tolist() == [1, 0, 0]
    assert doc.to_array("IDX").tolist() == [0, 3, 8]


def test_from_array_round_trip_restores_annotations(parsed, vocab):
    attrs = ["TAG", "POS", "DEP", "HEAD", "LEMMA", "MORPH", "ENT_IOB", "ENT_TYPE"]
    doc = Doc(vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed])
    doc.from_array(attrs, parsed.to_array(attrs))
    assert np.array_equal(
        doc.to_array(attrs + ["SENT_START"]), parsed.to_array(attrs + ["SENT_START"])
    )
    assert [s.text for s in doc.sents] == [s.text for s in parsed.sents]
    assert [e.text for e in doc.ents] == ["New York"]


def test_from_array_single_attr_and_signed_input(vocab):
    doc = Doc(vocab, words=["a", "b", "c"])
    doc.from_array("SENT_START", np.array([1, -1, 1], dtype=np.int64))
    assert [s.text for s in doc.sents] == ["a b", "c"]


def test_from_array_wrong_shape_is_coded_error(parsed):
    with pytest.raises(InputError, match="E068"):
        parsed.from_array(["TAG", "POS"], np.zeros((9, 1), dtype=np.uint64))
    with pytest.raises(InputError, match="E068"):
        parsed.from_array(["TAG"], np.zeros((3, 1), dtype=np.uint64))


@pytest.mark.parametrize(
    "attr,values",
    [("HEAD", [5, 0, 0]), ("HEAD", [0, 0, -3]), ("ENT_IOB", [4, 2, 2]), ("SENT_START", [1, 2, 0])],
)
def test_from_array_out_of_range_values_are_coded_error(vocab, attr, values):
    doc = Doc(vocab, words=["a", "b", "c"])
    with pytest.raises(InputError, match="E069"):
        doc.from_array([attr], np.array(values, dtype=np.int64).reshape(3, 1))


def test_unknown_attribute_is_coded_error(parsed):
    with pytest.raises(InputError, match="E003"):
        parsed.to_array("NOT_AN_ATTR")
