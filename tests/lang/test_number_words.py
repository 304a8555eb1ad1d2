"""The shared building blocks of the languages' `like_num` (plait.lang.number_words)."""

import re

from hypothesis import given
from hypothesis import strategies as st

from plait.lang.number_words import (
    alternation,
    compound_word,
    hyphenated,
    make_like_num,
    stem_word,
)


def test_alternation_puts_longer_words_first():
    assert alternation(["six", "sixteen", "ten"]) == "sixteen|six|ten"
    assert re.match(alternation(["six", "sixteen"]), "sixteen").group() == "sixteen"


def test_compound_word_chains_morphemes_with_optional_joiners():
    pattern = compound_word(["vier", "zwanzig", "hundert"], joiners=["und"])
    for word in ["vier", "vierundzwanzig", "hundertvierundzwanzig", "zwanzighundert"]:
        assert pattern.fullmatch(word), word
    for word in ["und", "vierund", "undvier", "fünf"]:
        assert not pattern.fullmatch(word), word


def test_compound_word_without_joiners_only_concatenates():
    pattern = compound_word(["venti", "tre"])
    assert pattern.fullmatch("ventitre")
    assert not pattern.fullmatch("venti e tre")


def test_stem_word_needs_a_stem_and_an_ending():
    pattern = stem_word(["prim", "second"], "(?:o|a)")
    assert pattern.fullmatch("primo") and pattern.fullmatch("seconda")
    assert not pattern.fullmatch("prim") and not pattern.fullmatch("terzo")


def test_hyphenated_skips_joiners_and_needs_every_part_known():
    test = hyphenated({"vingt", "un", "deux"}, joiners={"et"})
    assert test("vingt-et-un") and test("vingt-deux") and test("vingt")
    assert not test("et") and not test("vingt-maison") and not test("-")


def test_make_like_num_applies_digits_words_not_alone_then_word_tests():
    ordinal_digits = re.compile(r"\d+e")
    like_num = make_like_num(
        digit_tests=(ordinal_digits.fullmatch,),
        words={"million"},
        not_alone={"un"},
        word_tests=(compound_word(["un", "deux"]).fullmatch,),
    )
    assert like_num("1,000") and like_num("3/4") and like_num("-2")
    assert like_num("2e") and not like_num("2E")  # digit tests see the text as written
    assert like_num("Million")  # words are compared lower-cased
    assert not like_num("un") and not like_num("Un")  # not_alone wins over word_tests
    assert like_num("undeux") and like_num("Deux")
    assert not like_num("maison") and not like_num("")


@given(st.integers(min_value=0))
def test_make_like_num_accepts_any_digits(number):
    assert make_like_num()(str(number))
