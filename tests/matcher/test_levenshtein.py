"""Edit distance behind FUZZY."""

import pytest

from plait.matcher.levenshtein import levenshtein, levenshtein_compare


@pytest.mark.parametrize(
    "a,b,distance",
    [
        ("", "", 0),
        ("abc", "", 3),
        ("kitten", "sitting", 3),
        ("colour", "color", 1),
        ("ab", "ba", 2),
    ],
)
def test_levenshtein(a, b, distance):
    assert levenshtein(a, b) == distance
    assert levenshtein(b, a) == distance


def test_bounded_levenshtein_stops_at_the_bound():
    assert levenshtein("kitten", "sitting", 1) == 2
    assert levenshtein("abcdef", "a", 2) == 3
    assert levenshtein("kitten", "sitting", 3) == 3


def test_compare_allowance():
    # explicit number of edits
    assert levenshtein_compare("colr", "colour", 2)
    assert not levenshtein_compare("colr", "colour", 1)
    # default: max(2, round(0.3 * len(pattern)))
    assert levenshtein_compare("ab", "ba")  # a transposition is two edits
    assert levenshtein_compare("definately", "definitely")  # allowance 3
    assert not levenshtein_compare("dfntly", "definitely")  # 4 edits
    assert not levenshtein_compare("abcd", "wxyz")
