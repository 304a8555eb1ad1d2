"""German rules only: abbreviations, ordinals, clitics, quotes (shared checks: test_common)."""

import pytest

from plait.errors import InputError
from plait.lang.de.syntax_iterators import noun_chunks

LANG = "de"


def texts(nlp, text):
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Das ist z.B. gut.", ["Das", "ist", "z.B.", "gut", "."]),
        ("Z.B. hier, usw.", ["Z.B.", "hier", ",", "usw."]),
        ("Nr. 5 bzw. ca. 20", ["Nr.", "5", "bzw.", "ca.", "20"]),
        ("Dr. Müller, d.h. Prof. Dipl.-Ing. Meier", ["Dr.", "Müller", ",", "d.h.", "Prof.",
                                                    "Dipl.-Ing.", "Meier"]),
    ],
)
def test_abbreviations_keep_their_full_stop(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Am 3. Oktober", ["Am", "3.", "Oktober"]),
        ("der 21. Juni", ["der", "21.", "Juni"]),
        ("am 3.10.1990 war", ["am", "3.10.1990", "war"]),
        ("im Jahr 1990.", ["im", "Jahr", "1990", "."]),
        ("Das kostet 3,50 €.", ["Das", "kostet", "3,50", "€", "."]),
        ("(3.) am 3., z. B.", ["(", "3.", ")", "am", "3.", ",", "z.", "B."]),
    ],
)
def test_short_ordinals_keep_full_stop_and_years_lose_it(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Geht's gut?", ["Geht", "'s", "gut", "?"]),
        ("auf'm Land", ["auf", "'m", "Land"]),
        ("Unter’m Strich", ["Unter", "’m", "Strich"]),
        ("So 'ne Sache", ["So", "'ne", "Sache"]),
    ],
)
def test_clitics_split_and_spell_out(nlp, text, expected):
    doc = nlp(text)
    assert [t.text for t in doc] == expected
    norms = {t.text: t.norm_ for t in doc}
    for clitic, full in [("'s", "es"), ("'m", "dem"), ("’m", "dem"), ("'ne", "eine")]:
        if clitic in norms:
            assert norms[clitic] == full


def test_hyphenated_compounds_stay_whole(nlp):
    assert texts(nlp, "E-Mail aus Baden-Württemberg, Ein- und Ausgang") == [
        "E-Mail", "aus", "Baden-Württemberg", ",", "Ein-", "und", "Ausgang"]


def test_german_quotes_split(nlp):
    assert texts(nlp, "„Hallo“, sagte er.") == ["„", "Hallo", "“", ",", "sagte", "er", "."]


def test_abbreviation_norm_is_full_form(nlp):
    doc = nlp("z.B. usw. Nr.")
    assert [t.norm_ for t in doc] == ["zum Beispiel", "und so weiter", "Nummer"]


def test_noun_chunks_without_parse_raise(nlp):
    with pytest.raises(InputError, match="E112"):
        list(noun_chunks(nlp("die Häuser")))
