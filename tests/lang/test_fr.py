"""French: plait.blank("fr"), elision, inversions, abbreviations, stop words, number words."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
from plait.attrs import ORTH
from plait.lang.fr import French
from plait.lang.fr.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from plait.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from plait.language import get_lang_class
from plait.tokens import Doc


@pytest.fixture(scope="module")
def nlp():
    return plait.blank("fr")


def texts(nlp, text):
    return [t.text for t in nlp(text)]


def test_blank_fr_is_french(nlp):
    assert isinstance(nlp, French)
    assert nlp.lang == "fr"
    assert get_lang_class("fr") is French


@pytest.mark.parametrize(
    "text,expected",
    [
        ("L'homme qu'il a vu", ["L'", "homme", "qu'", "il", "a", "vu"]),
        ("l’été d’abord", ["l’", "été", "d’", "abord"]),
        ("J'aime", ["J'", "aime"]),
        ("jusqu'à lorsqu'il puisqu'on", ["jusqu'", "à", "lorsqu'", "il", "puisqu'", "on"]),
        ("s'il n'est", ["s'", "il", "n'", "est"]),
    ],
)
def test_elided_words_split_off(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize(
    "word", ["aujourd'hui", "quelqu'un", "presqu'île", "prud'homme", "aujourd’hui"]
)
def test_words_with_inner_apostrophe_stay_whole(nlp, word):
    assert texts(nlp, word) == [word]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("A-t-il mangé ?", ["A", "-t-il", "mangé", "?"]),
        ("dit-elle.", ["dit", "-elle", "."]),
        ("Qu'est-ce que c'est ?", ["Qu'", "est", "-ce", "que", "c'", "est", "?"]),
        ("Donne-le-moi !", ["Donne", "-le", "-moi", "!"]),
        ("Y a-t-on pensé", ["Y", "a", "-t-on", "pensé"]),
    ],
)
def test_inverted_pronouns_split_off(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize(
    "word", ["peut-être", "arc-en-ciel", "vingt-trois", "rendez-vous", "c'est-à-dire",
             "celui-ci", "Saint-Étienne"]
)
def test_other_hyphenated_words_stay_whole(nlp, word):
    assert texts(nlp, word) == [word]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("M. Dupont, c.-à-d. ici", ["M.", "Dupont", ",", "c.-à-d.", "ici"]),
        ("p. 3 etc.", ["p.", "3", "etc."]),
        ("en 52 av. J.-C.", ["en", "52", "av.", "J.-C."]),
    ],
)
def test_abbreviations_keep_their_full_stop(nlp, text, expected):
    assert texts(nlp, text) == expected


def test_guillemets_split(nlp):
    assert texts(nlp, "« Bonjour », dit-il") == ["«", "Bonjour", "»", ",", "dit", "-il"]


def test_no_break_spaces_before_punctuation_are_kept_apart(nlp):
    text = "«\u00a0Oui\u00a0», dit-il. Quoi\u202f?"
    doc = nlp(text)
    assert doc.text == text
    words = [t.text for t in doc if not t.is_space]
    assert words == ["«", "Oui", "»", ",", "dit", "-il", ".", "Quoi", "?"]


def test_norms_spell_out_elision_and_inversion(nlp):
    doc = nlp("qu'il a-t-il j’ai M.")
    assert [t.norm_ for t in doc] == ["que", "il", "a", "il", "je", "ai", "monsieur"]


@pytest.mark.parametrize("word", ["le", "La", "l'", "l’", "et", "être", "qu'", "-il", "-t-elle"])
def test_function_words_are_stop_words(nlp, word):
    assert nlp.vocab[word].is_stop


@pytest.mark.parametrize("word", ["maison", "gouvernement", "rapide"])
def test_content_words_are_not_stop_words(nlp, word):
    assert not nlp.vocab[word].is_stop


@pytest.mark.parametrize(
    "word", ["trois", "Dix-sept", "quatre-vingt-dix", "vingt-et-un", "mille", "millions",
             "premier", "deuxième", "1er", "2e", "XXe", "3,5"]
)
def test_number_words_like_num(nlp, word):
    assert nlp.vocab[word].like_num


@pytest.mark.parametrize("word", ["un", "une", "maison", "et", "vingt-maison", "-"])
def test_other_words_not_like_num(nlp, word):
    assert not nlp.vocab[word].like_num


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aàcdéèêlnqtsuL0123 .,'’-«»!?;:\u00a0\n", max_size=40))
def test_text_round_trips(nlp, text):
    assert nlp(text).text == text


def test_noun_chunks_include_following_adjectives(nlp):
    # "le chat noir mange une souris"
    words = ["le", "chat", "noir", "mange", "une", "souris"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 3, 1, 3, 5, 3],
              deps=["det", "nsubj", "amod", "ROOT", "det", "obj"],
              pos=["DET", "NOUN", "ADJ", "VERB", "DET", "NOUN"])
    assert [c.text for c in doc.noun_chunks] == ["le chat noir", "une souris"]


def test_special_cases_hold_inside_brackets_and_before_commas(nlp):
    for string, tokens in TOKENIZER_EXCEPTIONS.items():
        if string in BASE_EXCEPTIONS:
            continue
        expected = ["(", *(token[ORTH] for token in tokens), ")", ","]
        assert texts(nlp, f"({string}),") == expected, string


def test_tokenizer_rules_survive_bytes_round_trip(nlp):
    text = "L'homme a-t-il vu M. Dupont aujourd'hui ? Donne-le-moi."
    restored = plait.blank("fr").from_bytes(nlp.to_bytes())
    assert texts(restored, text) == texts(nlp, text)
