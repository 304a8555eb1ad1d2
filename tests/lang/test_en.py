"""Tests for plait.lang.en: English special cases, lexical attributes and noun chunks."""

from __future__ import annotations

import pytest

import plait
from plait.attrs import NORM, ORTH
from plait.errors import InputError
from plait.lang.en import English
from plait.lang.en.lex_attrs import like_num
from plait.lang.en.syntax_iterators import noun_chunks
from plait.lang.en.tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from plait.language import get_lang_class
from plait.tokens import Doc


@pytest.fixture(scope="module")
def nlp():
    return plait.blank("en")


def test_blank_en_is_english(nlp):
    assert isinstance(nlp, English)
    assert get_lang_class("en") is English
    assert nlp.lang == "en"


def test_every_exception_spells_its_key():
    for string, tokens in TOKENIZER_EXCEPTIONS.items():
        assert "".join(t[ORTH] for t in tokens) == string
        assert set().union(*tokens) <= {ORTH, NORM}


@pytest.mark.parametrize(
    "text",
    ["don't", "Don't", "DON'T", "don’t", "dont", "can't", "Can’t", "won't", "isn't", "I'm",
     "i'm", "I’m", "you're", "They'll", "we've", "he'd", "I'd've", "couldn't've", "could've"],
)
def test_contraction_variants_split_in_two_or_more(nlp, text):
    doc = nlp(text)
    assert len(doc) >= 2
    assert "".join(t.text for t in doc) == text


@pytest.mark.parametrize(
    ("text", "norms"),
    [
        ("don't", ["do", "not"]),
        ("can't", ["can", "not"]),
        ("won't", ["will", "not"]),
        ("I'm", ["i", "am"]),
        ("they'll", ["they", "will"]),
        ("you've", ["you", "have"]),
        ("gonna", ["going", "to"]),
        ("let's", ["let", "us"]),
    ],
)
def test_contractions_carry_norms(nlp, text, norms):
    assert [t.norm_ for t in nlp(text)] == norms


def test_norm_of_nt_is_not_everywhere(nlp):
    doc = nlp("It isn't, wasn’t and DIDN'T!")
    assert [t.norm_ for t in doc if t.lower_ in ("n't", "n’t")] == ["not", "not", "not"]


@pytest.mark.parametrize(
    "abbr", ["Mr.", "Mrs.", "Dr.", "Prof.", "St.", "Jr.", "e.g.", "i.e.", "vs.", "a.m.", "p.m.",
             "Jan.", "Feb.", "Sept.", "Dec.", "U.S.", "U.K.", "Inc.", "Ltd.", "Ph.D.", "Calif."],
)
def test_abbreviations_keep_their_full_stop(nlp, abbr):
    doc = nlp(f"see {abbr} here")
    assert [t.text for t in doc] == ["see", abbr, "here"]


def test_sentence_final_full_stop_is_split(nlp):
    assert [t.text for t in nlp("It ends here.")] == ["It", "ends", "here", "."]


def test_times_split_number_and_period(nlp):
    assert [t.text for t in nlp("at 5pm, 11a.m. or 12PM")][:5] == ["at", "5", "pm", ",", "11"]


@pytest.mark.parametrize("emoticon", [":)", ":-)", ":(", ";)", ":D", "<3", ":P", "^_^", "-_-"])
def test_emoticons_stay_whole(nlp, emoticon):
    assert [t.text for t in nlp(f"nice {emoticon} day")] == ["nice", emoticon, "day"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("twenty", True), ("Twenty", True), ("one", True), ("hundred", True), ("million", True),
     ("twenty-one", True), ("third", True), ("twentieth", True), ("21st", True), ("2nd", True),
     ("13th", True), ("11st", False), ("10", True), ("1,000", True), ("3.5", True),
     ("3/4", True), ("cat", False), ("", False), ("-", False), ("first-class", False)],
)
def test_like_num_knows_number_words(word, expected):
    assert like_num(word) is expected


def test_lexical_attributes_through_the_pipeline(nlp):
    doc = nlp("The twenty cats didn't sleep")
    by_text = {t.text: t for t in doc}
    assert by_text["twenty"].like_num
    assert not by_text["cats"].like_num
    assert by_text["The"].is_stop
    assert by_text["n't"].is_stop
    assert not by_text["cats"].is_stop
    assert by_text["n't"].norm_ == "not"


def parsed(nlp, rows):
    words, heads, deps, pos = zip(*rows)
    return Doc(nlp.vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos))


def test_noun_chunks_over_a_parse(nlp):
    # "The big dog chased a cat and a mouse into the garden"
    doc = parsed(nlp, [
        ("The", 2, "det", "DET"), ("big", 2, "amod", "ADJ"), ("dog", 3, "nsubj", "NOUN"),
        ("chased", 3, "ROOT", "VERB"), ("a", 5, "det", "DET"), ("cat", 3, "dobj", "NOUN"),
        ("and", 5, "cc", "CCONJ"), ("a", 8, "det", "DET"), ("mouse", 5, "conj", "NOUN"),
        ("into", 3, "prep", "ADP"), ("the", 11, "det", "DET"), ("garden", 9, "pobj", "NOUN"),
    ])  # fmt: skip
    chunks = [(doc[s:e].text, label) for s, e, label in noun_chunks(doc)]
    assert chunks == [("The big dog", "NP"), ("a cat", "NP"), ("a mouse", "NP"),
                      ("the garden", "NP")]
    assert [c.text for c in doc.noun_chunks] == [c for c, _ in chunks]


def test_noun_chunks_skip_nouns_outside_argument_roles(nlp):
    doc = parsed(nlp, [
        ("Apple", 1, "compound", "PROPN"), ("stock", 2, "nsubj", "NOUN"),
        ("rose", 2, "ROOT", "VERB"),
    ])  # fmt: skip
    assert [doc[s:e].text for s, e, _ in noun_chunks(doc)] == ["Apple stock"]


def test_noun_chunks_without_parse_is_a_coded_error(nlp):
    with pytest.raises(InputError, match="E112"):
        list(noun_chunks(nlp("no parse here")))
