"""Tests for plait.tokenizer: the algorithm, special cases, explain, cache, serialization."""

from __future__ import annotations

import pickle
import re

import msgpack
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
from plait.attrs import NORM, ORTH
from plait.errors import FormatError, InputError, InputTypeError, SerializationError
from plait.lang.punctuation import (
    TOKENIZER_INFIXES,
    TOKENIZER_PREFIXES,
    TOKENIZER_SUFFIXES,
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
)
from plait.lang.tokenizer_exceptions import BASE_EXCEPTIONS, URL_MATCH
from plait.registry import registry
from plait.tokenizer import Tokenizer
from plait.vocab import Vocab


@pytest.fixture(scope="module")
def en():
    return plait.blank("en")


@pytest.fixture()
def base_tokenizer():
    return Tokenizer(
        Vocab(),
        rules=BASE_EXCEPTIONS,
        prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES).search,
        suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES).search,
        infix_finditer=compile_infix_regex(TOKENIZER_INFIXES).finditer,
        url_match=URL_MATCH,
    )


def texts(doc) -> list[str]:
    return [t.text for t in doc]


def rebuilt(doc) -> str:
    return "".join(t.text + t.whitespace_ for t in doc)


# --- English examples ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("I don't know.", ["I", "do", "n't", "know", "."]),
        ("We can't, won't and shouldn't.", ["We", "ca", "n't", ",", "wo", "n't", "and", "should", "n't", "."]),
        ("I'm sure you're right, it's John's.", ["I", "'m", "sure", "you", "'re", "right", ",", "it", "'s", "John", "'s", "."]),
        ("They’ll say we’d’ve won.", ["They", "’ll", "say", "we", "’d", "’ve", "won", "."]),
        ("DON'T SHOUT", ["DO", "N'T", "SHOUT"]),
        ("Mr. Smith met Dr. Jones in the U.S. on Jan. 5.", ["Mr.", "Smith", "met", "Dr.", "Jones", "in", "the", "U.S.", "on", "Jan.", "5", "."]),
        ("Use e.g. lists, i.e. sequences.", ["Use", "e.g.", "lists", ",", "i.e.", "sequences", "."]),
        ("Meet at 5pm or 10a.m.", ["Meet", "at", "5", "pm", "or", "10", "a.m."]),
        ("Visit https://www.python.org/doc/ now.", ["Visit", "https://www.python.org/doc/", "now", "."]),
        ("(see www.example.com).", ["(", "see", "www.example.com", ")", "."]),
        ("Mail me@example.org!", ["Mail", "me@example.org", "!"]),
        ("It costs $5.99 or 10€ for 5km.", ["It", "costs", "$", "5.99", "or", "10", "€", "for", "5", "km", "."]),
        ("Wait...what?!", ["Wait", "...", "what", "?", "!"]),
        ("A well-known, state-of-the-art tool", ["A", "well", "-", "known", ",", "state", "-", "of", "-", "the", "-", "art", "tool"]),
        ("pages 3-4 and 10/20", ["pages", "3", "-", "4", "and", "10/20"]),
        ('He said "hello" and \'bye\'.', ["He", "said", '"', "hello", '"', "and", "'", "bye", "'", "."]),
        ("“Curly” quotes", ["“", "Curly", "”", "quotes"]),
        ("Great :) and sad :( ok <3", ["Great", ":)", "and", "sad", ":(", "ok", "<3"]),
        ("end.Start", ["end", ".", "Start"]),
        ("USA. ok", ["USA", ".", "ok"]),
        ("x = os.path.join(a, b)", ["x", "=", "os.path.join(a", ",", "b", ")"]),
    ],
)
def test_english_examples_tokenize_as_expected(en, text, tokens):
    doc = en(text)
    assert texts(doc) == tokens
    assert rebuilt(doc) == text


@pytest.mark.parametrize(
    ("text", "tokens", "spaces"),
    [
        ("a  b", ["a", " ", "b"], [" ", "", ""]),
        ("a   b ", ["a", "  ", "b"], [" ", "", " "]),
        ("  lead", ["  ", "lead"], ["", ""]),
        (" x", [" ", "x"], ["", ""]),
        ("a\n\nb", ["a", "\n\n", "b"], ["", "", ""]),
        ("a \nb", ["a", "\n", "b"], [" ", "", ""]),
        ("a\n b", ["a", "\n ", "b"], ["", "", ""]),
        ("tab\there", ["tab", "\t", "here"], ["", "", ""]),
        ("end  ", ["end", " "], [" ", ""]),
        (" ", [" "], [""]),
        ("\n\n", ["\n\n"], [""]),
    ],
)
def test_whitespace_becomes_token_whitespace_or_space_tokens(en, text, tokens, spaces):
    doc = en(text)
    assert texts(doc) == tokens
    assert [t.whitespace_ for t in doc] == spaces


def test_empty_text_gives_empty_doc(en):
    doc = en("")
    assert len(doc) == 0
    assert doc.text == ""


def test_special_case_norms_reach_the_doc(en):
    doc = en("don't")
    assert [t.norm_ for t in doc] == ["do", "not"]


def test_emoji_sequences_reproduce_the_text(en):
    text = "👍🏽 ok 👨‍👩‍👧 🇩🇪 done"
    doc = en(text)
    assert rebuilt(doc) == text
    assert "ok" in texts(doc)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tokens_always_reproduce_the_text(text):
    nlp = _shared_en()
    doc = nlp(text)
    assert rebuilt(doc) == text
    assert all(t.text for t in doc)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\n\u00a0\u2003ab.,'-:)(\"😀")), max_size=30))
def test_tokens_and_explain_agree_on_whitespace_and_punctuation_heavy_text(text):
    doc = _shared_en()(text)
    assert rebuilt(doc) == text
    assert [t for _, t in _shared_en().tokenizer.explain(text)] == texts(doc)


_EN = []


def _shared_en():
    if not _EN:
        _EN.append(plait.blank("en"))
    return _EN[0]


# --- special cases --------------------------------------------------------------------


def test_add_special_case_splits_and_sets_norm(base_tokenizer):
    base_tokenizer.add_special_case("gimme", [{ORTH: "gim", NORM: "give"}, {ORTH: "me"}])
    doc = base_tokenizer("gimme that")
    assert texts(doc) == ["gim", "me", "that"]
    assert doc[0].norm_ == "give"


def test_special_case_is_found_after_affixes_are_split(base_tokenizer):
    base_tokenizer.add_special_case("gimme", [{ORTH: "gim"}, {ORTH: "me"}])
    assert texts(base_tokenizer('("gimme!")')) == ["(", '"', "gim", "me", "!", '"', ")"]


def test_special_case_with_punctuation_is_merged_back(base_tokenizer):
    base_tokenizer.add_special_case("a.b.", [{ORTH: "a.b."}])
    assert texts(base_tokenizer("x a.b.")) == ["x", "a.b."]
    assert texts(base_tokenizer("ok:)")) == ["ok", ":)"]


def test_special_case_accepts_attribute_names(base_tokenizer):
    base_tokenizer.add_special_case("cannot", [{"ORTH": "can"}, {"ORTH": "not", "NORM": "not"}])
    assert texts(base_tokenizer("cannot")) == ["can", "not"]
    assert base_tokenizer.rules["cannot"] == [{ORTH: "can"}, {ORTH: "not", NORM: "not"}]


@pytest.mark.parametrize(
    ("string", "substrings", "error", "code"),
    [
        ("abc", [{ORTH: "ab"}, {ORTH: "x"}], InputError, "E103"),
        ("abc", [{ORTH: "ab"}], InputError, "E103"),
        ("abc", [], InputError, "E103"),
        ("abc", [{NORM: "abc"}], InputError, "E101"),
        ("abc", [{ORTH: "abc", "TAG": "NN"}], InputError, "E106"),
        ("abc", [{ORTH: 5}], InputError, "E102"),
        ("abc", "abc", InputTypeError, "E100"),
        ("abc", [["abc"]], InputTypeError, "E100"),
        (3, [{ORTH: "3"}], InputTypeError, "E104"),
    ],
)
def test_add_special_case_rejects_bad_input(base_tokenizer, string, substrings, error, code):
    with pytest.raises(error, match=code):
        base_tokenizer.add_special_case(string, substrings)


def test_rules_setter_validates_and_replaces(base_tokenizer):
    base_tokenizer.rules = {"xy": [{ORTH: "x"}, {ORTH: "y"}]}
    assert texts(base_tokenizer("xy :)")) == ["x", "y", ":", ")"]
    with pytest.raises(InputError, match="E103"):
        base_tokenizer.rules = {"xy": [{ORTH: "x"}]}


# --- cache ------------------------------------------------------------------------------


def test_cache_is_invalidated_when_rules_change(base_tokenizer):
    assert texts(base_tokenizer("hello hello")) == ["hello", "hello"]
    base_tokenizer.add_special_case("hello", [{ORTH: "hel"}, {ORTH: "lo"}])
    assert texts(base_tokenizer("hello")) == ["hel", "lo"]


def test_cache_is_invalidated_when_affix_rules_change(base_tokenizer):
    assert texts(base_tokenizer("x#y")) == ["x#y"]
    base_tokenizer.infix_finditer = re.compile("#").finditer
    assert texts(base_tokenizer("x#y")) == ["x", "#", "y"]
    base_tokenizer.suffix_search = re.compile("y$").search
    assert texts(base_tokenizer("zy")) == ["z", "y"]
    base_tokenizer.prefix_search = None
    base_tokenizer.suffix_search = None
    assert texts(base_tokenizer("(zy)")) == ["(zy)"]


def test_token_match_keeps_a_string_whole(base_tokenizer):
    base_tokenizer.token_match = re.compile(r"^\(\w+\)$").match
    assert texts(base_tokenizer("(abc) (a-b)")) == ["(abc)", "(", "a", "-", "b", ")"]


def test_url_match_is_checked_after_punctuation(base_tokenizer):
    assert texts(base_tokenizer("<http://a.org/x-y>")) == ["<", "http://a.org/x-y", ">"]
    base_tokenizer.url_match = None
    assert "http://a.org/x-y" not in texts(base_tokenizer("<http://a.org/x-y>"))


def test_setting_a_non_callable_is_a_coded_error(base_tokenizer):
    with pytest.raises(InputTypeError, match="E107"):
        base_tokenizer.prefix_search = "^a"


def test_non_string_input_is_a_coded_error(base_tokenizer):
    with pytest.raises(InputTypeError, match="E108"):
        base_tokenizer(b"bytes")
    with pytest.raises(InputTypeError, match="E108"):
        base_tokenizer.explain(None)


# --- explain --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I don't like (U.S.) e.g. http://x.org/a-b, cost $5, well-known... :) 5pm ",
        "  weird\tspacing\n\nhere  ",
        "\"Quoted,\" she said—then left!",
    ],
)
def test_explain_lists_the_same_tokens_as_the_tokenizer(en, text):
    explained = en.tokenizer.explain(text)
    assert [t for _, t in explained] == texts(en(text))


def test_explain_names_the_rules(en):
    explained = en.tokenizer.explain('("don\'t" https://a.org)')
    assert explained == [
        ("PREFIX", "("), ("PREFIX", '"'), ("SPECIAL-1", "do"), ("SPECIAL-2", "n't"),
        ("SUFFIX", '"'), ("URL_MATCH", "https://a.org"), ("SUFFIX", ")"),
    ]  # fmt: skip
    infixes = en.tokenizer.explain("well-known")
    assert infixes == [("TOKEN", "well"), ("INFIX", "-"), ("TOKEN", "known")]


# --- pipe, registry ---------------------------------------------------------------------


def test_pipe_yields_one_doc_per_text(en):
    docs = list(en.tokenizer.pipe(["a b", "c", ""], batch_size=2))
    assert [texts(d) for d in docs] == [["a", "b"], ["c"], []]


def test_registered_tokenizer_builds_from_the_language_defaults(en):
    make = registry.tokenizers.get("plait.Tokenizer.v1")()
    tok = make(en)
    assert isinstance(tok, Tokenizer)
    assert texts(tok("can't")) == ["ca", "n't"]


# --- serialization ------------------------------------------------------------------------


def test_to_bytes_round_trip_keeps_rules_and_settings(base_tokenizer):
    base_tokenizer.add_special_case("gimme", [{ORTH: "gim", NORM: "give"}, {ORTH: "me"}])
    base_tokenizer.token_match = re.compile(r"^#\w+$", re.IGNORECASE).match
    data = base_tokenizer.to_bytes()
    loaded = Tokenizer(Vocab()).from_bytes(data)
    text = "gimme #tag (http://a.org/x) well-known x... 'quoted'"
    assert texts(loaded(text)) == texts(base_tokenizer(text))
    assert loaded.rules == base_tokenizer.rules
    assert loaded.token_match.__self__.flags & re.IGNORECASE
    assert loaded(text)[0].norm_ == "give"


def test_to_disk_round_trip(tmp_path, en):
    en.tokenizer.to_disk(tmp_path / "tokenizer")
    loaded = Tokenizer(Vocab()).from_disk(tmp_path / "tokenizer")
    text = "I can't visit www.python.org (today)."
    assert texts(loaded(text)) == texts(en(text))


def test_serialized_tokenizer_holds_no_pickle(base_tokenizer):
    data = base_tokenizer.to_bytes()
    parts = msgpack.unpackb(data, raw=False)
    assert set(parts) == {
        "prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match",
        "exceptions", "faster_heuristics",
    }  # fmt: skip
    for blob in parts.values():
        assert not blob.startswith(b"\x80")  # a pickle's PROTO opcode
        msgpack.unpackb(blob, raw=False, strict_map_key=False)
    assert b"pickle" not in data


def test_exclude_leaves_parts_unchanged(base_tokenizer):
    base_tokenizer.add_special_case("gimme", [{ORTH: "gim"}, {ORTH: "me"}])
    data = base_tokenizer.to_bytes(exclude=["exceptions"])
    loaded = Tokenizer(Vocab()).from_bytes(data)
    assert loaded.rules == {}
    assert texts(loaded("(x)")) == ["(", "x", ")"]
    assert Tokenizer(Vocab()).from_bytes(base_tokenizer.to_bytes(), exclude=["exceptions"]).rules == {}


def test_plain_function_setting_cannot_be_saved(base_tokenizer):
    base_tokenizer.token_match = lambda s: False
    with pytest.raises(SerializationError, match="E111"):
        base_tokenizer.to_bytes()
    assert base_tokenizer.to_bytes(exclude=["token_match"])


@pytest.mark.parametrize(
    "data",
    [
        b"not msgpack \xc1",
        msgpack.packb({"exceptions": msgpack.packb([1, 2])}),
        msgpack.packb({"exceptions": msgpack.packb({"ab": [["a"]]})}),
        msgpack.packb({"prefix_search": msgpack.packb({"pattern": 3})}),
        msgpack.packb({"prefix_search": msgpack.packb({"pattern": "(", "flags": 0, "method": "search"})}),
        msgpack.packb({"prefix_search": msgpack.packb({"pattern": "a", "flags": 0, "method": "sub"})}),
    ],
)
def test_from_bytes_rejects_damaged_data(data):
    with pytest.raises(FormatError, match="E1(09|10)"):
        Tokenizer(Vocab()).from_bytes(data)


def test_from_disk_of_missing_file_is_a_coded_error(tmp_path):
    with pytest.raises(FormatError, match="E008"):
        Tokenizer(Vocab()).from_disk(tmp_path / "nope")


def test_pickle_goes_through_to_bytes(base_tokenizer):
    base_tokenizer.add_special_case("gimme", [{ORTH: "gim"}, {ORTH: "me"}])
    loaded = pickle.loads(pickle.dumps(base_tokenizer))
    assert texts(loaded("gimme (x)")) == ["gim", "me", "(", "x", ")"]


@pytest.mark.spacy
@pytest.mark.parametrize(
    "text",
    [
        "Hello, world! (see https://python.org/x).",
        "It's 10km away; cost: $5.99 -- isn't it?",
        'He said "no"... then: \'yes\'.',
        "A.B.C. e.g. U.S. USA. a.b state-of-the-art 3-4 x/y 10+20",
        "  odd\n\nspacing \t here  ",
    ],
)
def test_agrees_with_spacy_on_ordinary_text(en, text):
    spacy = pytest.importorskip("spacy")
    peer = spacy.blank("en")
    assert [(t.text, t.whitespace_) for t in en(text)] == [
        (t.text, t.whitespace_) for t in peer(text)
    ]


def test_faster_heuristics_off_also_merges_specials_found_inside_infixed_words(base_tokenizer):
    base_tokenizer.add_special_case("ab", [{ORTH: "a"}, {ORTH: "b"}])
    assert texts(base_tokenizer("ab-cd")) == ["ab", "-", "cd"]
    base_tokenizer.faster_heuristics = False
    assert texts(base_tokenizer("ab-cd")) == ["a", "b", "-", "cd"]
    loaded = Tokenizer(Vocab()).from_bytes(base_tokenizer.to_bytes())
    assert loaded.faster_heuristics is False
    assert texts(loaded("ab-cd")) == ["a", "b", "-", "cd"]


def test_repeated_chunks_are_served_from_the_cache(base_tokenizer):
    first = base_tokenizer("(hello) (hello)")
    assert "(hello)" in base_tokenizer._cache
    assert texts(first) == ["(", "hello", ")", "(", "hello", ")"]


@pytest.mark.parametrize("text", ["\x00a\x1fb", "a\u200bb c\u0301", "\r\n", "\u2028x\u3000y", "😀" * 3])
def test_control_and_format_characters_keep_the_text(en, text):
    doc = en(text)
    assert rebuilt(doc) == text
    assert [t for _, t in en.tokenizer.explain(text)] == texts(doc)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("  ab.,'-:)(")), max_size=25))
def test_space_only_fast_path_matches_the_general_path(text):
    # Texts with no whitespace but " " take the split(" ") fast path; appending a newline
    # sends the same text through the general run-by-run path.
    doc = _shared_en()(text)
    slow = _shared_en()(text + "\n")
    assert [(t.text, t.whitespace_) for t in slow][: len(doc)] == [
        (t.text, t.whitespace_) for t in doc
    ] or text.endswith(" ")
    assert rebuilt(doc) == text


# --- deferred defaults and regexes compiled on first use (issue 12) ---------------------------


def test_default_tokenizer_is_built_on_first_use_and_tokenizes_the_same():
    nlp = plait.blank("en")
    assert nlp.tokenizer._build is not None  # nothing validated or compiled yet
    text = "Hello, world! (see https://python.org/x). It's U.S.-based."
    tokens = texts(nlp(text))
    assert nlp.tokenizer._build is None
    assert tokens == texts(plait.blank("en").tokenizer(text))
    assert "don't" in plait.blank("en").tokenizer.rules


def test_bad_default_exceptions_raise_their_coded_error_on_first_use():
    from plait.tokenizer import Tokenizer

    tokenizer = Tokenizer.deferred(Vocab(), lambda: {"rules": {"ab": [{ORTH: "a"}]}})
    with pytest.raises(InputError, match="E103"):
        tokenizer("ab")


def test_loading_default_regexes_compiles_them_on_first_use():
    saved = plait.blank("en").tokenizer.to_bytes()
    tokenizer = plait.blank("en").tokenizer.from_bytes(saved)
    assert set(tokenizer._pending) == {"prefix_search", "suffix_search", "infix_finditer"}
    assert texts(tokenizer("(e.g. 10km-ish)")) == texts(plait.blank("en")("(e.g. 10km-ish)"))
    assert tokenizer._pending == {}
    assert tokenizer.to_bytes() == saved


def test_loading_a_changed_regex_compiles_and_checks_it_at_once():
    tokenizer = plait.blank("en").tokenizer
    tokenizer.prefix_search = re.compile(r"^\$").search
    loaded = plait.blank("en").tokenizer.from_bytes(tokenizer.to_bytes())
    assert "prefix_search" not in loaded._pending
    data = msgpack.packb({"prefix_search": msgpack.packb(
        {"pattern": "^(?:(", "flags": int(re.UNICODE), "method": "search"})})
    with pytest.raises(FormatError, match="E110"):
        plait.blank("en").tokenizer.from_bytes(data)


def test_partial_load_keeps_the_other_default_settings():
    saved = Tokenizer(Vocab(), rules={"ab": [{ORTH: "a"}, {ORTH: "b"}]}).to_bytes()
    tokenizer = plait.blank("en").tokenizer.from_bytes(saved, exclude=["prefix_search"])
    assert texts(tokenizer("(ab")) == ["(", "a", "b"]
