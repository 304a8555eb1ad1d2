"""The builders of tokenizer exception tables (plait.lang.exception_builders)."""

from plait.attrs import NORM, ORTH
from plait.lang.exception_builders import (
    APOSTROPHES,
    abbreviation_exceptions,
    apostrophe_forms,
    single_token_exceptions,
)
from plait.lang.tokenizer_exceptions import update_exc


def test_apostrophe_forms_give_straight_and_typographic_spellings():
    assert apostrophe_forms("po'") == ["po'", "po’"]
    assert apostrophe_forms("abc") == ["abc", "abc"]
    assert APOSTROPHES == ("'", "’")


def test_abbreviations_get_a_capitalised_form_unless_listed():
    table = abbreviation_exceptions({"z.B.": "zum Beispiel", "usw.": "und so weiter",
                                     "Nr.": "Nummer", "s.o.": "siehe oben",
                                     "S.o.": "Sonderfall"})
    assert table["z.B."] == [{ORTH: "z.B.", NORM: "zum Beispiel"}]
    assert table["Z.B."] == [{ORTH: "Z.B.", NORM: "zum Beispiel"}]
    assert table["Usw."] == [{ORTH: "Usw.", NORM: "und so weiter"}]
    assert table["S.o."] == [{ORTH: "S.o.", NORM: "Sonderfall"}]  # listed itself: kept
    assert set(table) == {"z.B.", "Z.B.", "usw.", "Usw.", "Nr.", "s.o.", "S.o."}


def test_single_token_exceptions_set_norm_only_when_given():
    table = single_token_exceptions(
        {"rendez-vous": None, "po'": "poco"}, lambda word: [word, word.upper()]
    )
    assert table["rendez-vous"] == [{ORTH: "rendez-vous"}]
    assert table["RENDEZ-VOUS"] == [{ORTH: "RENDEZ-VOUS"}]
    assert table["PO'"] == [{ORTH: "PO'", NORM: "poco"}]


def test_built_tables_pass_exception_validation():
    table = update_exc(
        abbreviation_exceptions({"etc.": "et cetera"}),
        single_token_exceptions({"'t": "het"}, apostrophe_forms),
    )
    assert set(table) == {"etc.", "Etc.", "'t", "’t"}
