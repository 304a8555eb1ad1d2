"""Portuguese: plait.blank("pt"), clitics, abbreviations, stop words, number words."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
from plait.attrs import ORTH
from plait.lang.pt import Portuguese
from plait.lang.pt.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from plait.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from plait.language import get_lang_class
from plait.tokens import Doc


@pytest.fixture(scope="module")
def nlp():
    return plait.blank("pt")


def texts(nlp, text):
    return [t.text for t in nlp(text)]


def test_blank_pt_is_portuguese(nlp):
    assert isinstance(nlp, Portuguese)
    assert nlp.lang == "pt"
    assert get_lang_class("pt") is Portuguese


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ele deu-me o livro.", ["Ele", "deu", "-me", "o", "livro", "."]),
        ("Disse-lhe que não", ["Disse", "-lhe", "que", "não"]),
        ("Fizeram-no ontem", ["Fizeram", "-no", "ontem"]),
        ("Vende-se casa", ["Vende", "-se", "casa"]),
        ("Quero dá-lo", ["Quero", "dá", "-lo"]),
    ],
)
def test_clitic_pronouns_split_off(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Dá-lo-ei amanhã", ["Dá", "-lo", "-ei", "amanhã"]),
        ("Far-se-ia tudo", ["Far", "-se", "-ia", "tudo"]),
        ("dir-te-emos", ["dir", "-te", "-emos"]),
    ],
)
def test_mesoclisis_splits_clitic_and_ending(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize("word", ["guarda-chuva", "segunda-feira", "bem-vindo", "e-mail",
                                  "Coca-Cola", "mal-me-quer"])
def test_other_hyphenated_words_stay_whole(nlp, word):
    assert texts(nlp, word) == [word]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("O Sr. Silva mora no n.º 5.", ["O", "Sr.", "Silva", "mora", "no", "n.º", "5", "."]),
        ("Disse que não, etc.", ["Disse", "que", "não", ",", "etc."]),
        ("a Dra. Costa, pág. 3", ["a", "Dra.", "Costa", ",", "pág.", "3"]),
    ],
)
def test_abbreviations_keep_their_full_stop(nlp, text, expected):
    assert texts(nlp, text) == expected


def test_contractions_stay_whole(nlp):
    assert texts(nlp, "do pai à noite pelo rio") == ["do", "pai", "à", "noite", "pelo", "rio"]


def test_norms_drop_the_clitic_hyphen(nlp):
    assert [t.norm_ for t in nlp("deu-me dá-lo Sr.")] == ["deu", "me", "dá", "o", "senhor"]


@pytest.mark.parametrize("word", ["o", "As", "do", "pelo", "que", "é", "não", "-me", "-lhe"])
def test_function_words_are_stop_words(nlp, word):
    assert nlp.vocab[word].is_stop


@pytest.mark.parametrize("word", ["casa", "governo", "rápido"])
def test_content_words_are_not_stop_words(nlp, word):
    assert not nlp.vocab[word].is_stop


@pytest.mark.parametrize(
    "word", ["três", "Dezasseis", "dezesseis", "duzentos", "mil", "milhões", "primeiro",
             "segunda", "1.º", "2.ª", "3,5"]
)
def test_number_words_like_num(nlp, word):
    assert nlp.vocab[word].like_num


@pytest.mark.parametrize("word", ["um", "uma", "casa", "e", "primo"])
def test_other_words_not_like_num(nlp, word):
    assert not nlp.vocab[word].like_num


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aãáçeéilmnoõsD0123 .,-ºª!?\n", max_size=40))
def test_text_round_trips(nlp, text):
    assert nlp(text).text == text


def test_noun_chunks_from_ud_parse(nlp):
    # "o menino come a maçã vermelha"
    words = ["o", "menino", "come", "a", "maçã", "vermelha"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 2, 4, 2, 4],
              deps=["det", "nsubj", "ROOT", "det", "obj", "amod"],
              pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADJ"])
    assert [c.text for c in doc.noun_chunks] == ["o menino", "a maçã vermelha"]


def test_special_cases_hold_inside_brackets_and_before_commas(nlp):
    for string, tokens in TOKENIZER_EXCEPTIONS.items():
        if string in BASE_EXCEPTIONS:
            continue
        expected = ["(", *(token[ORTH] for token in tokens), ")", ","]
        assert texts(nlp, f"({string}),") == expected, string


def test_tokenizer_rules_survive_bytes_round_trip(nlp):
    text = 'Dá-lo-ei ao Sr. Silva no n.º 5; vende-se guarda-chuva.'
    restored = plait.blank("pt").from_bytes(nlp.to_bytes())
    assert texts(restored, text) == texts(nlp, text)
