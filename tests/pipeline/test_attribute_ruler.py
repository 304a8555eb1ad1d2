import pytest

from plait.errors import InputError, InputTypeError
from plait.pipeline import AttributeRuler
from plait.tokens import Doc


def test_attribute_ruler_sets_attributes_on_matched_token(nlp):
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}]], {"POS": "DET", "LEMMA": "the", "TAG": "DT"})
    ruler.add([[{"LOWER": "big"}, {"LOWER": "cats"}]], {"LEMMA": "cat", "NORM": "cats!"}, index=-1)
    doc = nlp("The big cats")
    assert [(t.pos_, t.tag_, t.lemma_) for t in doc] == [("DET", "DT", "the"), ("", "", ""),
                                                       ("", "", "cat")]
    assert doc[2].norm_ == "cats!"


def test_attribute_ruler_later_rules_win(nlp):
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "run"}]], {"POS": "VERB"})
    ruler.add([[{"LOWER": "run"}]], {"POS": "NOUN"})
    assert nlp("run")[0].pos_ == "NOUN"


def test_attribute_ruler_merges_morph_features(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "cats"}]], {"MORPH": "Number=Plur"})
    ruler.add([[{"LOWER": "cats"}]], {"Case": "Nom"})
    doc = ruler(nlp.make_doc("cats"))
    assert doc[0].morph.to_dict() == {"Case": "Nom", "Number": "Plur"}


def test_attribute_ruler_sets_extension_attributes(nlp):
    from plait.tokens import Token

    Token.set_extension("ar_flag", default=False, force=True)
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "x"}]], {"_": {"ar_flag": True}})
    assert ruler(nlp.make_doc("x y"))[0]._.ar_flag is True


def test_attribute_ruler_tag_map_and_morph_rules(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.load_from_tag_map({"NNS": {"POS": "NOUN", "Number": "Plur"}})
    ruler.load_from_morph_rules({"PRP": {"I": {"LEMMA": "I", "Person": "1"}}})
    doc = Doc(nlp.vocab, words=["I", "cats"], tags=["PRP", "NNS"])
    ruler(doc)
    assert doc[1].pos_ == "NOUN" and doc[1].morph.to_dict() == {"Number": "Plur"}
    assert doc[0].lemma_ == "I" and doc[0].morph.to_dict() == {"Person": "1"}


def test_attribute_ruler_add_patterns_and_initialize(nlp):
    ruler = AttributeRuler(nlp.vocab)
    entry = {"patterns": [[{"ORTH": "a"}]], "attrs": {"LEMMA": "A"}, "index": 0}
    ruler.add_patterns([entry])
    assert ruler.patterns == [entry]
    ruler.initialize(list, patterns=[], tag_map={"X": {"POS": "X"}})
    assert len(ruler) == 1


@pytest.mark.parametrize(
    ("attrs", "code", "exc"),
    [
        ("LEMMA", "E487", InputTypeError),
        ({"ORTH": "x"}, "E488", InputError),
        ({"POS": "NOUNISH"}, "E491", InputError),
        ({"LEMMA": 3}, "E491", InputTypeError),
        ({"_": 3}, "E491", InputTypeError),
    ],
)
def test_attribute_ruler_rejects_bad_attrs(nlp, attrs, code, exc):
    with pytest.raises(exc, match=code):
        AttributeRuler(nlp.vocab).add([[{"ORTH": "a"}]], attrs)


def test_attribute_ruler_rejects_bad_pattern_entries(nlp):
    with pytest.raises(InputError, match="E490"):
        AttributeRuler(nlp.vocab).add_patterns([{"attrs": {}}])


def test_attribute_ruler_index_outside_match_is_a_coded_error(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"ORTH": "a"}]], {"LEMMA": "A"}, index=2)
    with pytest.raises(InputError, match="E489"):
        ruler(nlp.make_doc("a"))


def test_attribute_ruler_disk_and_bytes_round_trip(nlp, disk_round_trip):
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}]], {"POS": "DET", "Definite": "Def"})
    loaded = disk_round_trip(nlp)
    assert loaded.get_pipe("attribute_ruler").patterns == ruler.patterns
    assert str(loaded("the")[0].morph) == "Definite=Def"
    other = AttributeRuler(nlp.vocab).from_bytes(ruler.to_bytes())
    assert other.patterns == ruler.patterns
