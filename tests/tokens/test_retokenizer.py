"""doc.retokenize(): merges and splits, and the annotations they keep consistent."""

import pytest

from plait.errors import InputError
from plait.tokens import Doc, Token


def test_merge_takes_root_annotations_and_joins_lemmas(parsed):
    with parsed.retokenize() as retokenizer:
        retokenizer.merge(parsed[0:2])
    assert [t.text for t in parsed][:3] == ["New York", "is", "big"]
    merged = parsed[0]
    assert (merged.tag_, merged.dep_, merged.lemma_) == ("NNP", "nsubj", "new york")
    assert merged.head.text == "is" and [t.i for t in parsed[1].children] == [0, 2, 3]
    assert [e.text for e in parsed.ents] == ["New York"]
    assert [s.text for s in parsed.sents] == ["New York is big.", "It is old."]
    assert parsed.text == "New York is big. It is old."
    assert [t.idx for t in parsed][:2] == [0, 9]


def test_merges_apply_at_block_end_with_original_indices(vocab):
    doc = Doc(vocab, words=list("abcdef"))
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
        retokenizer.merge(doc[3:5], attrs={"LEMMA": "de", "POS": "NOUN", "TAG": "NN"})
        assert len(doc) == 6
    assert [t.text for t in doc] == ["a b", "c", "d e", "f"]
    assert (doc[2].lemma_, doc[2].pos_, doc[2].tag_) == ("de", "NOUN", "NN")


def test_merge_keeps_trailing_whitespace_of_last_token(vocab):
    doc = Doc(vocab, words=["a", "b", "c"], spaces=[True, False, True])
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert doc[0].text == "a b" and doc[0].whitespace_ == "" and doc.text == "a bc "


def test_overlapping_merges_are_coded_error(vocab):
    doc = Doc(vocab, words=list("abcd"))
    with pytest.raises(InputError, match="E079"), doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
        retokenizer.merge(doc[1:3])
    assert len(doc) == 4  # nothing applied


def test_merging_an_empty_span_or_foreign_span_is_coded_error(vocab):
    doc = Doc(vocab, words=list("ab"))
    other = Doc(vocab, words=list("ab"))
    with doc.retokenize() as retokenizer:
        with pytest.raises(InputError, match="E082"):
            retokenizer.merge(doc[1:1])
        with pytest.raises(InputError, match="E082"):
            retokenizer.merge(other[0:2])


def test_merge_with_extension_attrs(vocab, clean_extensions):
    Token.set_extension("kind", default=None)
    doc = Doc(vocab, words=list("abc"))
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:3], attrs={"_": {"kind": "pair"}})
    assert doc[1]._.kind == "pair" and doc[0]._.kind is None


def test_merge_remaps_span_groups(vocab):
    doc = Doc(vocab, words=list("abcde"))
    doc.spans["g"] = [doc[3:5], doc[1:3], doc[0:1]]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:3])
    assert [(s.start, s.end, s.text) for s in doc.spans["g"]] == [
        (2, 4, "d e"),
        (1, 2, "b c"),
        (0, 1, "a"),
    ]


def test_split_sets_heads_attrs_and_keeps_entity(vocab):
    doc = Doc(
        vocab,
        words=["NewYork", "is", "big"],
        heads=[1, 1, 1],
        deps=["nsubj", "ROOT", "acomp"],
        ents=["B-GPE", "O", "O"],
    )
    with doc.retokenize() as retokenizer:
        retokenizer.split(
            doc[0],
            ["New", "York"],
            heads=[(doc[0], 1), doc[1]],
            attrs={"POS": ["PROPN", "PROPN"], "DEP": ["compound", "nsubj"]},
        )
    assert [t.text for t in doc] == ["New", "York", "is", "big"]
    assert doc.text == "NewYork is big "
    assert [t.whitespace_ for t in doc] == ["", " ", " ", " "]
    assert [t.head.i for t in doc] == [1, 2, 2, 2]
    assert [t.dep_ for t in doc] == ["compound", "nsubj", "ROOT", "acomp"]
    assert [t.pos_ for t in doc][:2] == ["PROPN", "PROPN"]
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(0, 2, "GPE")]
    assert [s.text for s in doc.sents] == ["NewYork is big"]


def test_split_children_follow_the_new_root(vocab):
    doc = Doc(vocab, words=["big", "NewYork"], heads=[1, 1], deps=["amod", "ROOT"])
    with doc.retokenize() as retokenizer:
        retokenizer.split(doc[1], ["New", "York"], heads=[1, 1])
    assert [t.head.i for t in doc] == [2, 2, 2]


def test_split_text_must_match_token(vocab):
    doc = Doc(vocab, words=["NewYork"])
    with doc.retokenize() as retokenizer, pytest.raises(InputError, match="E080"):
        retokenizer.split(doc[0], ["New", "Yrk"], heads=[0, 0])


def test_split_lengths_must_match(vocab):
    doc = Doc(vocab, words=["NewYork"])
    with doc.retokenize() as retokenizer:
        with pytest.raises(InputError, match="E081"):
            retokenizer.split(doc[0], ["New", "York"], heads=[0])
        with pytest.raises(InputError, match="E081"):
            retokenizer.split(doc[0], ["New", "York"], heads=[0, 0], attrs={"POS": ["X"]})


def test_split_bad_head_is_coded_error(vocab):
    doc = Doc(vocab, words=["NewYork"])
    with doc.retokenize() as retokenizer, pytest.raises(InputError, match="E091"):
        retokenizer.split(doc[0], ["New", "York"], heads=[0, "York"])


def test_split_and_merge_of_same_token_is_coded_error(vocab):
    doc = Doc(vocab, words=["ab", "c"])
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
        with pytest.raises(InputError, match="E092"):
            retokenizer.split(doc[0], ["a", "b"], heads=[0, 0])


def test_merge_and_split_in_one_block(vocab):
    doc = Doc(vocab, words=["a", "b", "cd"], spaces=[True, True, False])
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
        retokenizer.split(doc[2], ["c", "d"], heads=[0, 0], attrs={"LEMMA": ["c", "d"]})
    assert [t.text for t in doc] == ["a b", "c", "d"]
    assert [t.lemma_ for t in doc] == ["", "c", "d"]
    assert doc.text == "a b cd"


def test_exception_in_block_applies_nothing(vocab):
    doc = Doc(vocab, words=list("abc"))
    with pytest.raises(RuntimeError), doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
        raise RuntimeError("stop")
    assert len(doc) == 3
