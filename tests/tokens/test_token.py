"""Token views: text, lexical flags, settable annotations, the parse tree, sentences."""

import pickle

import pytest

from plait import attrs as A
from plait.errors import InputError, InputTypeError, OutOfRange
from plait.tokens import Doc, MorphAnalysis


def test_text_attributes(parsed):
    token = parsed[3]
    assert (token.text, token.orth_, token.whitespace_, token.text_with_ws) == (
        "big",
        "big",
        "",
        "big",
    )
    assert token.i == 3 and token.idx == 12 and token.doc is parsed
    assert len(token) == 3 and str(token) == "big" and repr(token) == "big"
    assert token.orth == parsed.vocab.strings["big"]
    assert token.lang_ == "en"


def test_lexical_attributes_come_from_the_vocab(vocab):
    doc = Doc(vocab, words=["Hello", "42", ",", "the", "x@y.com", "(", "$"])
    hello, num, comma, the, email, paren, dollar = doc
    assert hello.is_alpha and hello.is_title and not hello.is_lower and hello.is_ascii
    assert hello.lower_ == "hello" and hello.shape_ == "Xxxxx"
    assert hello.prefix_ == "H" and hello.suffix_ == "llo"
    assert num.is_digit and num.like_num and comma.is_punct
    assert email.like_email and paren.is_bracket and paren.is_left_punct
    assert dollar.is_currency
    assert hello.check_flag(A.IS_ALPHA) and not hello.check_flag(A.IS_DIGIT)
    assert hello.lex.orth_ == "Hello"
    vocab["the"].is_stop = True
    assert the.is_stop


def test_norm_is_settable_per_token(vocab):
    doc = Doc(vocab, words=["Gonna", "Gonna"])
    doc[0].norm_ = "going to"
    assert doc[0].norm_ == "going to" and doc[1].norm_ == "gonna"
    assert doc[0].norm == vocab.strings["going to"]


def test_annotation_setters(vocab):
    doc = Doc(vocab, words=["dogs", "bark"])
    token = doc[0]
    token.tag_ = "NNS"
    token.pos_ = "NOUN"
    token.lemma_ = "dog"
    token.dep_ = "nsubj"
    token.ent_type_ = "ANIMAL"
    assert (token.tag_, token.pos_, token.lemma_, token.dep_) == ("NNS", "NOUN", "dog", "nsubj")
    assert token.tag == vocab.strings["NNS"] and token.pos == vocab.strings["NOUN"]
    assert token.ent_type_ == "ANIMAL"
    assert doc[1].tag_ == "" and doc.has_annotation("TAG")


def test_pos_setter_rejects_non_ud_tag(vocab):
    doc = Doc(vocab, words=["a"])
    with pytest.raises(InputError, match="E057"):
        doc[0].pos_ = "NN"


def test_morph_from_str_dict_and_analysis(vocab):
    doc = Doc(vocab, words=["a", "b", "c"])
    doc[0].morph = "Person=3|Number=Sing"
    doc[1].set_morph({"Number": "Plur", "Case": "Nom"})
    doc[2].morph = doc[0].morph
    assert str(doc[0].morph) == "Number=Sing|Person=3"
    assert doc[1].morph.to_dict() == {"Case": "Nom", "Number": "Plur"}
    assert doc[2].morph == "Person=3|Number=Sing"
    assert doc[0].morph.get("Number") == ["Sing"] and doc[0].morph.get("Tense") == []
    assert isinstance(doc[0].morph, MorphAnalysis)


def test_empty_morph_counts_as_annotation(vocab):
    doc = Doc(vocab, words=["a", "b"])
    assert not doc.has_annotation("MORPH")
    doc[0].morph = ""
    assert str(doc[0].morph) == "" and doc.has_annotation("MORPH") and doc[0].has_morph()


def test_head_children_and_edges(parsed):
    is_ = parsed[2]
    assert parsed[0].head.i == 1 and is_.head == is_
    assert [t.text for t in is_.children] == ["York", "big", "."]
    assert [t.text for t in is_.lefts] == ["York"] and is_.n_lefts == 1
    assert [t.text for t in is_.rights] == ["big", "."] and is_.n_rights == 2
    assert [t.i for t in is_.subtree] == [0, 1, 2, 3, 4]
    assert (is_.left_edge.i, is_.right_edge.i) == (0, 4)
    assert [t.i for t in parsed[0].ancestors] == [1, 2]
    assert is_.is_ancestor(parsed[0]) and not parsed[0].is_ancestor(is_)


def test_setting_head_updates_tree_and_sentences(parsed):
    parsed[5].head = parsed[2]
    parsed[6].head = parsed[2]
    assert parsed[5].head.i == 2
    assert [t.i for t in parsed[2].subtree] == list(range(len(parsed)))
    assert [s.text for s in parsed.sents] == [parsed.text]


def test_head_from_other_doc_is_coded_error(parsed, vocab):
    other = Doc(vocab, words=["x"])
    with pytest.raises(InputError, match="E085"):
        parsed[0].head = other[0]


def test_conjuncts(vocab):
    doc = Doc(
        vocab,
        words=["cats", "and", "dogs", "and", "birds"],
        heads=[0, 2, 0, 4, 2],
        deps=["ROOT", "cc", "conj", "cc", "conj"],
    )
    assert [t.text for t in doc[0].conjuncts] == ["dogs", "birds"]
    assert [t.text for t in doc[4].conjuncts] == ["cats", "dogs"]
    assert doc[1].conjuncts == ()


def test_entity_attributes(parsed):
    assert [t.ent_iob_ for t in parsed[:3]] == ["B", "I", "O"]
    assert [t.ent_iob for t in parsed[:3]] == [3, 1, 2]
    assert parsed[0].ent_type_ == "GPE" and parsed[2].ent_type_ == ""


def test_sentence_attributes(parsed):
    assert parsed[0].is_sent_start and parsed[4].is_sent_end and not parsed[3].is_sent_end
    assert parsed[6].sent.text == "It is old."
    parsed[3].is_sent_start = True
    assert parsed[3].is_sent_start is True
    parsed[3].is_sent_start = None
    assert parsed[3].is_sent_start is None
    with pytest.raises(InputError, match="E084"):
        parsed[3].is_sent_start = "yes"


def test_nbor_and_its_edges(parsed):
    assert parsed[0].nbor().text == "York" and parsed[2].nbor(-1).text == "York"
    with pytest.raises(OutOfRange, match="E083"):
        parsed[0].nbor(-1)
    with pytest.raises(IndexError):
        parsed[-1].nbor()


def test_equality_and_hash_follow_doc_and_index(parsed):
    assert parsed[1] == parsed[1] and parsed[1] != parsed[2]
    assert len({parsed[1], parsed[1], parsed[2]}) == 2
    copy = parsed.copy()
    assert copy[1] != parsed[1]


def test_pickling_a_token_is_coded_error(parsed):
    with pytest.raises(InputTypeError, match="E075"):
        pickle.dumps(parsed[0])
