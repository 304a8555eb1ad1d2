"""Dutch rules only: apostrophe forms, abbreviations, ordinals (shared checks: test_common)."""

import pytest

LANG = "nl"


def texts(nlp, text):
    return [t.text for t in nlp(text)]


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
