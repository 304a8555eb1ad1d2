"""German: plait.blank("de"), its tokenizer rules, stop words, number words, noun chunks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
from plait.attrs import ORTH
from plait.errors import InputError
from plait.lang.de import German
from plait.lang.de.syntax_iterators import noun_chunks
from plait.lang.de.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from plait.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from plait.language import get_lang_class
from plait.tokens import Doc


@pytest.fixture(scope="module")
def nlp():
    return plait.blank("de")


def texts(nlp, text):
    return [t.text for t in nlp(text)]


def test_blank_de_is_german(nlp):
    assert isinstance(nlp, German)
    assert nlp.lang == "de"
    assert get_lang_class("de") is German


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


@pytest.mark.parametrize("word", ["der", "Die", "und", "nicht", "haben", "würde", "auf", "'s"])
def test_function_words_are_stop_words(nlp, word):
    assert nlp(word)[0].is_stop


@pytest.mark.parametrize("word", ["Haus", "Regierung", "schnell", "Oktober"])
def test_content_words_are_not_stop_words(nlp, word):
    assert not nlp(word)[0].is_stop


@pytest.mark.parametrize(
    "word",
    ["drei", "Zwölf", "dreiundzwanzig", "einhundertdreiundzwanzig", "tausend", "Millionen",
     "erste", "dritten", "einundzwanzigste", "2.000", "3,5", "3."],
)
def test_number_words_like_num(nlp, word):
    assert nlp.vocab[word].like_num


@pytest.mark.parametrize("word", ["ein", "eine", "und", "Haus", "Achtung", "einund", "unter"])
def test_other_words_not_like_num(nlp, word):
    assert not nlp.vocab[word].like_num


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aäbcdeöfßüzAÖÜZ0123456789 .,'’-„“!?()\n", max_size=40))
def test_text_round_trips(nlp, text):
    assert nlp(text).text == text


def test_noun_chunks_follow_ud_parse(nlp):
    # "die drei alten Häuser stehen in Berlin"
    words = ["die", "drei", "alten", "Häuser", "stehen", "in", "Berlin"]
    doc = Doc(nlp.vocab, words=words, heads=[3, 3, 3, 4, 4, 6, 4],
              deps=["det", "nummod", "amod", "nsubj", "ROOT", "case", "obl"],
              pos=["DET", "NUM", "ADJ", "NOUN", "VERB", "ADP", "PROPN"])
    assert [c.text for c in doc.noun_chunks] == ["die drei alten Häuser", "Berlin"]


def test_noun_chunks_without_parse_raise(nlp):
    with pytest.raises(InputError, match="E112"):
        list(noun_chunks(nlp("die Häuser")))


def test_special_cases_hold_inside_brackets_and_before_commas(nlp):
    for string, tokens in TOKENIZER_EXCEPTIONS.items():
        if string in BASE_EXCEPTIONS:
            continue
        expected = ["(", *(token[ORTH] for token in tokens), ")", ","]
        assert texts(nlp, f"({string}),") == expected, string


def test_tokenizer_rules_survive_bytes_round_trip(nlp):
    text = "Am 3. Oktober kam z.B. Dr. Müller auf'm Rad, geht's?"
    restored = plait.blank("de").from_bytes(nlp.to_bytes())
    assert texts(restored, text) == texts(nlp, text)
