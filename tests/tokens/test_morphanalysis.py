"""MorphAnalysis: normalization, reading, bad input."""

import pytest

from plait.errors import InputError, InputTypeError
from plait.tokens import MorphAnalysis
from plait.tokens.morphanalysis import normalize_features


def test_features_are_sorted_and_values_merged():
    assert normalize_features("Tense=Past|Number=Sing") == "Number=Sing|Tense=Past"
    assert normalize_features({"Number": ["Sing", "Plur"]}) == "Number=Plur,Sing"
    assert normalize_features("_") == "" and normalize_features("") == ""


@pytest.mark.parametrize("bad", ["Number", "=Sing", "Number=", "A=b||C=d"])
def test_bad_feature_is_coded_error(bad):
    with pytest.raises(InputError, match="E078"):
        normalize_features(bad)


def test_bad_type_is_coded_error():
    with pytest.raises(InputTypeError, match="E090"):
        normalize_features(3)


def test_reading_an_analysis(vocab):
    m = MorphAnalysis(vocab, "Person=3|Number=Sing,Plur")
    assert str(m) == "Number=Plur,Sing|Person=3"
    assert list(m) == ["Number=Plur", "Number=Sing", "Person=3"]
    assert "Person=3" in m and len(m) == 2
    assert m.get("Number") == ["Plur", "Sing"]
    assert m.to_dict() == {"Number": "Plur,Sing", "Person": "3"}
    assert MorphAnalysis.from_id(vocab, m.key) == m
    assert m == {"Person": "3", "Number": "Plur,Sing"} and m != "Person=1"
