"""Spanish rules only: inverted marks, abbreviations, ordinals (shared checks: test_common)."""

import pytest

LANG = "es"


def texts(nlp, text):
    return [t.text for t in nlp(text)]


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
