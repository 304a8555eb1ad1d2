"""Italian rules only: elision, final apostrophes, abbreviations (shared checks: test_common)."""

import pytest

LANG = "it"


def texts(nlp, text):
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("L'amico dell'uomo", ["L'", "amico", "dell'", "uomo"]),
        ("Dall'Italia all'estero", ["Dall'", "Italia", "all'", "estero"]),
        ("un'altra volta, c'è", ["un'", "altra", "volta", ",", "c'", "è"]),
        ("nell’ottobre, quest’anno", ["nell’", "ottobre", ",", "quest’", "anno"]),
        ("senz'altro d'accordo", ["senz'", "altro", "d'", "accordo"]),
    ],
)
def test_elided_words_split_off(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("un po' di pane", ["un", "po'", "di", "pane"]),
        ("Di' la verità", ["Di'", "la", "verità"]),
    ],
)
def test_words_ending_in_apostrophe_stay_whole(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("il sig. Rossi, ecc.", ["il", "sig.", "Rossi", ",", "ecc."]),
        ("la dott.ssa Bianchi", ["la", "dott.ssa", "Bianchi"]),
        ("cfr. pag. 3", ["cfr.", "pag.", "3"]),
        ("la S.p.A. di Milano", ["la", "S.p.A.", "di", "Milano"]),
    ],
)
def test_abbreviations_keep_their_full_stop(nlp, text, expected):
    assert texts(nlp, text) == expected


def test_norms_spell_out_abbreviations(nlp):
    assert [t.norm_ for t in nlp("sig. po'")] == ["signor", "poco"]
