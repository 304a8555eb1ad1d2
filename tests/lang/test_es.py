"""Spanish: plait.blank("es"), inverted marks, abbreviations, stop words, number words."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
from plait.attrs import ORTH
from plait.lang.es import Spanish
from plait.lang.es.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from plait.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from plait.language import get_lang_class
from plait.tokens import Doc


@pytest.fixture(scope="module")
def nlp():
    return plait.blank("es")


def texts(nlp, text):
    return [t.text for t in nlp(text)]


def test_blank_es_is_spanish(nlp):
    assert isinstance(nlp, Spanish)
    assert nlp.lang == "es"
    assert get_lang_class("es") is Spanish


@pytest.mark.parametrize(
    "text,expected",
    [
        ("¿Qué hora es?", ["¿", "Qué", "hora", "es", "?"]),
        ("¡Hola!", ["¡", "Hola", "!"]),
        ("¿¡En serio!?", ["¿", "¡", "En", "serio", "!", "?"]),
    ],
)
def test_inverted_marks_split(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sr. García vive en EE.UU.", ["Sr.", "García", "vive", "en", "EE.UU."]),
        ("la pág. 3, etc.", ["la", "pág.", "3", ",", "etc."]),
        ("Ud. y la Sra. Pérez", ["Ud.", "y", "la", "Sra.", "Pérez"]),
        ("en el 50 a.C. aprox.", ["en", "el", "50", "a.C.", "aprox."]),
    ],
)
def test_abbreviations_keep_their_full_stop(nlp, text, expected):
    assert texts(nlp, text) == expected


def test_ordinal_indicators_stay_on_the_number(nlp):
    assert texts(nlp, "El 1.º de mayo, la 2.ª vez, el 3º") == [
        "El", "1.º", "de", "mayo", ",", "la", "2.ª", "vez", ",", "el", "3º"]


def test_contractions_stay_whole(nlp):
    assert texts(nlp, "del coche al lado") == ["del", "coche", "al", "lado"]


def test_abbreviation_norm_is_full_form(nlp):
    assert [t.norm_ for t in nlp("Sr. pág.")] == ["señor", "página"]


@pytest.mark.parametrize("word", ["el", "La", "de", "que", "y", "está", "nosotros", "del"])
def test_function_words_are_stop_words(nlp, word):
    assert nlp.vocab[word].is_stop


@pytest.mark.parametrize("word", ["casa", "gobierno", "rápido"])
def test_content_words_are_not_stop_words(nlp, word):
    assert not nlp.vocab[word].is_stop


@pytest.mark.parametrize(
    "word", ["tres", "Veintitrés", "dieciséis", "doscientos", "mil", "millones", "primero",
             "Tercera", "1.º", "2.ª", "3,5"]
)
def test_number_words_like_num(nlp, word):
    assert nlp.vocab[word].like_num


@pytest.mark.parametrize("word", ["un", "una", "casa", "y", "primor"])
def test_other_words_not_like_num(nlp, word):
    assert not nlp.vocab[word].like_num


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aáeéñoóuúSE0123 .,¿?¡!ºª-\n", max_size=40))
def test_text_round_trips(nlp, text):
    assert nlp(text).text == text


def test_noun_chunks_stop_before_prepositional_modifier(nlp):
    # "la casa blanca de Juan"
    words = ["la", "casa", "blanca", "de", "Juan"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 4, 1],
              deps=["det", "ROOT", "amod", "case", "nmod"],
              pos=["DET", "NOUN", "ADJ", "ADP", "PROPN"])
    assert [c.text for c in doc.noun_chunks] == ["la casa blanca", "Juan"]


def test_special_cases_hold_inside_brackets_and_before_commas(nlp):
    for string, tokens in TOKENIZER_EXCEPTIONS.items():
        if string in BASE_EXCEPTIONS:
            continue
        expected = ["(", *(token[ORTH] for token in tokens), ")", ","]
        assert texts(nlp, f"({string}),") == expected, string


def test_tokenizer_rules_survive_bytes_round_trip(nlp):
    text = '¿Vive el Sr. García en EE.UU. desde el 1.º de mayo?'
    restored = plait.blank("es").from_bytes(nlp.to_bytes())
    assert texts(restored, text) == texts(nlp, text)
