"""Dutch: plait.blank("nl"), apostrophe forms, abbreviations, stop words, number words."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
from plait.attrs import ORTH
from plait.lang.nl import Dutch
from plait.lang.nl.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from plait.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from plait.language import get_lang_class
from plait.tokens import Doc


@pytest.fixture(scope="module")
def nlp():
    return plait.blank("nl")


def texts(nlp, text):
    return [t.text for t in nlp(text)]


def test_blank_nl_is_dutch(nlp):
    assert isinstance(nlp, Dutch)
    assert nlp.lang == "nl"
    assert get_lang_class("nl") is Dutch


@pytest.mark.parametrize(
    "text,expected",
    [
        ("'s Morgens gaat 't goed.", ["'s", "Morgens", "gaat", "'t", "goed", "."]),
        ("Da's mooi, zo'n ding.", ["Da's", "mooi", ",", "zo'n", "ding", "."]),
        ("m'n fiets en z'n auto", ["m'n", "fiets", "en", "z'n", "auto"]),
        ("naar 's-Hertogenbosch", ["naar", "'s-Hertogenbosch"]),
        ("’t is ’n feest", ["’t", "is", "’n", "feest"]),
    ],
)
def test_apostrophe_forms_stay_whole(nlp, text, expected):
    assert texts(nlp, text) == expected


def test_plural_apostrophe_s_is_part_of_the_word(nlp):
    assert texts(nlp, "Auto's en foto's, baby's.") == ["Auto's", "en", "foto's", ",",
                                                       "baby's", "."]


def test_hyphenated_compounds_stay_whole(nlp):
    assert texts(nlp, "e-mail uit Noord-Holland") == ["e-mail", "uit", "Noord-Holland"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("bijv. m.a.w. d.w.z. enz.", ["bijv.", "m.a.w.", "d.w.z.", "enz."]),
        ("Van 1 t/m 5", ["Van", "1", "t/m", "5"]),
        ("dhr. Jansen, blz. 4", ["dhr.", "Jansen", ",", "blz.", "4"]),
    ],
)
def test_abbreviations_stay_whole(nlp, text, expected):
    assert texts(nlp, text) == expected


def test_norms_spell_out_reduced_forms(nlp):
    assert [t.norm_ for t in nlp("'t m'n bijv.")] == ["het", "mijn", "bijvoorbeeld"]


def test_ordinal_digits_stay_whole(nlp):
    assert texts(nlp, "de 2e keer") == ["de", "2e", "keer"]


@pytest.mark.parametrize("word", ["de", "Het", "'t", "en", "niet", "zijn", "werd", "zo'n"])
def test_function_words_are_stop_words(nlp, word):
    assert nlp.vocab[word].is_stop


@pytest.mark.parametrize("word", ["huis", "regering", "snel"])
def test_content_words_are_not_stop_words(nlp, word):
    assert not nlp.vocab[word].is_stop


@pytest.mark.parametrize(
    "word", ["drie", "Twaalf", "eenentwintig", "tweeënveertig", "driehonderd", "één",
             "miljoen", "derde", "twintigste", "2e", "1ste", "3,5"]
)
def test_number_words_like_num(nlp, word):
    assert nlp.vocab[word].like_num


@pytest.mark.parametrize("word", ["een", "huis", "en", "achter"])
def test_other_words_not_like_num(nlp, word):
    assert not nlp.vocab[word].like_num


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aeëijnostzD0123 .,'’-!?/\n", max_size=40))
def test_text_round_trips(nlp, text):
    assert nlp(text).text == text


def test_noun_chunks_handle_conjuncts(nlp):
    # "appels en peren smaken"
    words = ["appels", "en", "peren", "smaken"]
    doc = Doc(nlp.vocab, words=words, heads=[3, 2, 0, 3],
              deps=["nsubj", "cc", "conj", "ROOT"], pos=["NOUN", "CCONJ", "NOUN", "VERB"])
    assert [c.text for c in doc.noun_chunks] == ["appels", "peren"]


def test_special_cases_hold_inside_brackets_and_before_commas(nlp):
    for string, tokens in TOKENIZER_EXCEPTIONS.items():
        if string in BASE_EXCEPTIONS:
            continue
        expected = ["(", *(token[ORTH] for token in tokens), ")", ","]
        assert texts(nlp, f"({string}),") == expected, string


def test_tokenizer_rules_survive_bytes_round_trip(nlp):
    text = "'s Morgens zijn z'n auto's bijv. in Noord-Holland, t/m 5."
    restored = plait.blank("nl").from_bytes(nlp.to_bytes())
    assert texts(restored, text) == texts(nlp, text)
