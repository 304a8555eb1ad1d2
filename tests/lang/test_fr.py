"""French rules only: elision, inversions, abbreviations, norms (shared checks: test_common)."""

import pytest

LANG = "fr"


def texts(nlp, text):
    return [t.text for t in nlp(text)]


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
