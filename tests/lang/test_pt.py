"""Portuguese rules only: clitics, mesoclisis, abbreviations (shared checks: test_common)."""

import pytest

LANG = "pt"


def texts(nlp, text):
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ele deu-me o livro.", ["Ele", "deu", "-me", "o", "livro", "."]),
        ("Disse-lhe que não", ["Disse", "-lhe", "que", "não"]),
        ("Fizeram-no ontem", ["Fizeram", "-no", "ontem"]),
        ("Vende-se casa", ["Vende", "-se", "casa"]),
        ("Quero dá-lo", ["Quero", "dá", "-lo"]),
    ],
)
def test_clitic_pronouns_split_off(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Dá-lo-ei amanhã", ["Dá", "-lo", "-ei", "amanhã"]),
        ("Far-se-ia tudo", ["Far", "-se", "-ia", "tudo"]),
        ("dir-te-emos", ["dir", "-te", "-emos"]),
    ],
)
def test_mesoclisis_splits_clitic_and_ending(nlp, text, expected):
    assert texts(nlp, text) == expected


@pytest.mark.parametrize("word", ["guarda-chuva", "segunda-feira", "bem-vindo", "e-mail",
                                  "Coca-Cola", "mal-me-quer"])
def test_other_hyphenated_words_stay_whole(nlp, word):
    assert texts(nlp, word) == [word]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("O Sr. Silva mora no n.º 5.", ["O", "Sr.", "Silva", "mora", "no", "n.º", "5", "."]),
        ("Disse que não, etc.", ["Disse", "que", "não", ",", "etc."]),
        ("a Dra. Costa, pág. 3", ["a", "Dra.", "Costa", ",", "pág.", "3"]),
    ],
)
def test_abbreviations_keep_their_full_stop(nlp, text, expected):
    assert texts(nlp, text) == expected


def test_contractions_stay_whole(nlp):
    assert texts(nlp, "do pai à noite pelo rio") == ["do", "pai", "à", "noite", "pelo", "rio"]


def test_norms_drop_the_clitic_hyphen(nlp):
    assert [t.norm_ for t in nlp("deu-me dá-lo Sr.")] == ["deu", "me", "dá", "o", "senhor"]
