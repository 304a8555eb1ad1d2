"""Italian: plait.blank("it"), elision, abbreviations, stop words, number words."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
from plait.attrs import ORTH
from plait.lang.it import Italian
from plait.lang.it.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from plait.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from plait.language import get_lang_class
from plait.tokens import Doc


@pytest.fixture(scope="module")
def nlp():
    return plait.blank("it")


def texts(nlp, text):
    return [t.text for t in nlp(text)]


def test_blank_it_is_italian(nlp):
    assert isinstance(nlp, Italian)
    assert nlp.lang == "it"
    assert get_lang_class("it") is Italian


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


@pytest.mark.parametrize("word", ["il", "Gli", "della", "dell'", "che", "è", "sono", "noi"])
def test_function_words_are_stop_words(nlp, word):
    assert nlp.vocab[word].is_stop


@pytest.mark.parametrize("word", ["casa", "governo", "veloce"])
def test_content_words_are_not_stop_words(nlp, word):
    assert not nlp.vocab[word].is_stop


@pytest.mark.parametrize(
    "word", ["tre", "Ventitré", "trentuno", "duemilatrecentoventitré", "cento", "milioni",
             "primo", "terza", "1º", "3,5"]
)
def test_number_words_like_num(nlp, word):
    assert nlp.vocab[word].like_num


@pytest.mark.parametrize("word", ["un", "casa", "vent", "treno"])
def test_other_words_not_like_num(nlp, word):
    assert not nlp.vocab[word].like_num


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aàeèilnoòuùLD0123 .,'’-!?\n", max_size=40))
def test_text_round_trips(nlp, text):
    assert nlp(text).text == text


def test_noun_chunks_from_ud_parse(nlp):
    # "il mio amico parla con la ragazza"
    words = ["il", "mio", "amico", "parla", "con", "la", "ragazza"]
    doc = Doc(nlp.vocab, words=words, heads=[2, 2, 3, 3, 6, 6, 3],
              deps=["det", "det:poss", "nsubj", "ROOT", "case", "det", "obl"],
              pos=["DET", "DET", "NOUN", "VERB", "ADP", "DET", "NOUN"])
    assert [c.text for c in doc.noun_chunks] == ["il mio amico", "la ragazza"]


def test_special_cases_hold_inside_brackets_and_before_commas(nlp):
    for string, tokens in TOKENIZER_EXCEPTIONS.items():
        if string in BASE_EXCEPTIONS:
            continue
        expected = ["(", *(token[ORTH] for token in tokens), ")", ","]
        assert texts(nlp, f"({string}),") == expected, string


def test_tokenizer_rules_survive_bytes_round_trip(nlp):
    text = "Dall'Italia il sig. Rossi, un po' stanco, c'è."
    restored = plait.blank("it").from_bytes(nlp.to_bytes())
    assert texts(restored, text) == texts(nlp, text)
