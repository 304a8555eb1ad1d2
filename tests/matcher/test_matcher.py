"""Matcher: attributes, predicates, operators, order, greedy filters, callbacks, spans.

Every expected list below was worked out by hand from the pattern and the words.
"""

import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plait.errors import InputError
from plait.matcher import Matcher
from plait.tokens import Doc
from plait.vocab import Vocab


def run(vocab, make_doc, keyed, text, patterns, **call_kw):
    matcher = Matcher(vocab)
    for key, pats in patterns.items():
        matcher.add(key, pats)
    return keyed(matcher(make_doc(text), **call_kw))


# --- attributes ------------------------------------------------------------------------------


def test_lower_sequence_with_optional_punct(vocab, make_doc, keyed):
    pattern = [{"LOWER": "hello"}, {"IS_PUNCT": True, "OP": "?"}, {"LOWER": "world"}]
    found = run(vocab, make_doc, keyed, "Hello , world ! hello World", {"HW": [pattern]})
    assert found == [("HW", 0, 3), ("HW", 4, 6)]


def test_orth_and_text_are_the_same_attribute(vocab, make_doc, keyed):
    pats = {"O": [[{"ORTH": "Apple"}]], "T": [[{"TEXT": "Apple"}]]}
    assert run(vocab, make_doc, keyed, "apple Apple", pats) == [("O", 1, 2), ("T", 1, 2)]


def test_norm_shape_prefix_suffix(vocab, make_doc, keyed):
    text = "Berlin 2024 3.11 Python"
    assert run(vocab, make_doc, keyed, text, {"N": [[{"NORM": "berlin"}]]}) == [("N", 0, 1)]
    assert run(vocab, make_doc, keyed, text, {"S": [[{"SHAPE": "dddd"}]]}) == [("S", 1, 2)]
    assert run(vocab, make_doc, keyed, text, {"S": [[{"SHAPE": "d.dd"}]]}) == [("S", 2, 3)]
    assert run(vocab, make_doc, keyed, text, {"S": [[{"SHAPE": "Xxxxx"}]]}) == [
        ("S", 0, 1),
        ("S", 3, 4),
    ]
    assert run(vocab, make_doc, keyed, text, {"P": [[{"PREFIX": "P"}]]}) == [("P", 3, 4)]
    assert run(vocab, make_doc, keyed, text, {"X": [[{"SUFFIX": "lin"}]]}) == [("X", 0, 1)]


def test_lexical_flags(vocab, make_doc, keyed):
    text = "Hello NASA 42 3.5 , me@example.com https://python.org lower"
    cases = {
        "IS_TITLE": [(0, 1)],
        "IS_UPPER": [(1, 2)],
        "IS_DIGIT": [(2, 3)],
        "LIKE_NUM": [(2, 3), (3, 4)],
        "IS_PUNCT": [(4, 5)],
        "LIKE_EMAIL": [(5, 6)],
        "LIKE_URL": [(6, 7)],
        "IS_LOWER": [(5, 6), (6, 7), (7, 8)],  # the e-mail and URL are lower case too
    }
    for flag, expected in cases.items():
        found = run(vocab, make_doc, keyed, text, {flag: [[{flag: True}]]})
        assert found == [(flag, s, e) for s, e in expected], flag
    not_alpha = run(vocab, make_doc, keyed, text, {"NA": [[{"IS_ALPHA": False}]]})
    assert [(s, e) for _, s, e in not_alpha] == [(2, 3), (3, 4), (4, 5), (5, 6), (6, 7)]
    ascii_ = run(vocab, make_doc, keyed, "naïve plain", {"A": [[{"IS_ASCII": True}]]})
    assert ascii_ == [("A", 1, 2)]


def test_is_stop_follows_lexeme_edits(vocab, make_doc, keyed):
    matcher = Matcher(vocab)
    matcher.add("STOP", [[{"IS_STOP": True}]])
    doc = make_doc("the cat")
    assert matcher(doc) == []
    vocab["the"].is_stop = True
    assert keyed(matcher(make_doc("the cat"))) == [("STOP", 0, 1)]


def test_tag_pos_lemma_dep(vocab, make_doc, keyed):
    doc = make_doc(
        "I saw the cats",
        tags=["PRP", "VBD", "DT", "NNS"],
        pos=["PRON", "VERB", "DET", "NOUN"],
        lemmas=["I", "see", "the", "cat"],
        deps=["nsubj", "ROOT", "det", "dobj"],
        heads=[1, 1, 3, 1],
    )
    matcher = Matcher(vocab)
    matcher.add("SEE", [[{"LEMMA": "see"}, {"POS": "DET", "OP": "?"}, {"TAG": "NNS"}]])
    matcher.add("SUBJ", [[{"DEP": "nsubj"}]])
    assert keyed(matcher(doc)) == [("SUBJ", 0, 1), ("SEE", 1, 4)]


def test_morph_value_and_set_predicates(vocab, make_doc, keyed):
    doc = make_doc(
        "I saw the cats",
        morphs=[
            "Case=Nom|Number=Sing|Person=1|PronType=Prs",
            "Tense=Past|VerbForm=Fin",
            "Definite=Def|PronType=Art",
            "Number=Plur",
        ],
    )

    def find(spec):
        matcher = Matcher(vocab)
        matcher.add("M", [[{"MORPH": spec}]])
        return [(s, e) for _, s, e in matcher(doc)]

    assert find("Tense=Past|VerbForm=Fin") == [(1, 2)]
    assert find("VerbForm=Fin|Tense=Past") == [(1, 2)]  # feature order does not matter
    assert find({"IS_SUPERSET": ["Number=Plur"]}) == [(3, 4)]
    assert find({"IS_SUBSET": ["Number=Plur", "Number=Sing"]}) == [(3, 4)]
    assert find({"INTERSECTS": ["Number=Sing", "Number=Plur"]}) == [(0, 1), (3, 4)]
    assert find({"IN": ["Number=Plur", "PronType=Art|Definite=Def"]}) == [(2, 3), (3, 4)]


def test_entity_type_and_iob(vocab, make_doc, keyed):
    doc = make_doc("Acme Corp hired me", ents=["B-ORG", "I-ORG", "O", "O"])

    def find(spec):
        matcher = Matcher(vocab)
        matcher.add("E", [[spec]])
        return [(s, e) for _, s, e in matcher(doc)]

    assert find({"ENT_TYPE": "ORG", "OP": "+"}) == [(0, 1), (0, 2), (1, 2)]
    assert find({"ENT_IOB": "B"}) == [(0, 1)]
    assert find({"ENT_IOB": "I"}) == [(1, 2)]
    assert find({"ENT_IOB": "O"}) == [(2, 3), (3, 4)]


def test_entity_kb_id(vocab, make_doc, keyed):
    from plait.tokens import Span

    doc = make_doc("Douglas Adams wrote books")
    doc.ents = [Span(doc, 0, 2, label="PERSON", kb_id="Q42")]
    found = run_on(vocab, doc, keyed, {"KB": [[{"ENT_KB_ID": "Q42", "OP": "+"}]]})
    assert found == [("KB", 0, 1), ("KB", 0, 2), ("KB", 1, 2)]


def run_on(vocab, doc, keyed, patterns, **call_kw):
    matcher = Matcher(vocab)
    for key, pats in patterns.items():
        matcher.add(key, pats)
    return keyed(matcher(doc, **call_kw))


def test_sent_start_and_spacy(vocab, make_doc, keyed):
    doc = make_doc("A b . C d", sent_starts=[True, False, False, True, False])
    assert run_on(vocab, doc, keyed, {"S": [[{"IS_SENT_START": True}]]}) == [
        ("S", 0, 1),
        ("S", 3, 4),
    ]
    assert run_on(vocab, doc, keyed, {"S": [[{"SENT_START": True}]]}) == [("S", 0, 1), ("S", 3, 4)]
    doc = Doc(vocab, words=["Hello", ",", "world"], spaces=[False, True, False])
    assert run_on(vocab, doc, keyed, {"W": [[{"SPACY": True}]]}) == [("W", 1, 2)]


# --- predicates ------------------------------------------------------------------------------


def test_in_and_not_in(vocab, make_doc, keyed):
    text = "Hello big world"
    assert run(vocab, make_doc, keyed, text, {"I": [[{"LOWER": {"IN": ["hello", "world"]}}]]}) == [
        ("I", 0, 1),
        ("I", 2, 3),
    ]
    assert run(
        vocab, make_doc, keyed, text, {"N": [[{"LOWER": {"NOT_IN": ["hello", "world"]}}]]}
    ) == [("N", 1, 2)]


def test_regex(vocab, make_doc, keyed):
    text = "Hello world Foo zap"
    assert run(vocab, make_doc, keyed, text, {"R": [[{"TEXT": {"REGEX": "^[A-Z]"}}]]}) == [
        ("R", 0, 1),
        ("R", 2, 3),
    ]
    assert run(vocab, make_doc, keyed, text, {"R": [[{"LOWER": {"REGEX": "^f"}}]]}) == [("R", 2, 3)]
    any_of = {"R": [[{"TEXT": {"REGEX": {"IN": ["^w", "p$"]}}}]]}
    assert run(vocab, make_doc, keyed, text, any_of) == [("R", 1, 2), ("R", 3, 4)]
    none_of = {"R": [[{"TEXT": {"REGEX": {"NOT_IN": ["^w", "p$"]}}}]]}
    assert run(vocab, make_doc, keyed, text, none_of) == [("R", 0, 1), ("R", 2, 3)]


def test_fuzzy(vocab, make_doc, keyed):
    text = "the color colour colr coloured"
    # FUZZY1: at most one edit
    assert run(vocab, make_doc, keyed, text, {"F": [[{"LOWER": {"FUZZY1": "colour"}}]]}) == [
        ("F", 1, 2),
        ("F", 2, 3),
    ]
    # FUZZY: max(2, 30% of len("colour")) = 2 edits
    found = run(vocab, make_doc, keyed, text, {"F": [[{"LOWER": {"FUZZY": "colour"}}]]})
    assert [(s, e) for _, s, e in found] == [(1, 2), (2, 3), (3, 4), (4, 5)]
    found = run(
        vocab, make_doc, keyed, text, {"F": [[{"LOWER": {"FUZZY1": {"IN": ["colour", "tha"]}}}]]}
    )
    assert [(s, e) for _, s, e in found] == [(0, 1), (1, 2), (2, 3)]
    found = run(
        vocab, make_doc, keyed, text, {"F": [[{"LOWER": {"FUZZY1": {"NOT_IN": ["colour"]}}}]]}
    )
    assert [(s, e) for _, s, e in found] == [(0, 1), (3, 4), (4, 5)]


def test_custom_fuzzy_compare(vocab, make_doc, keyed):
    matcher = Matcher(vocab, fuzzy_compare=lambda text, pattern, fuzzy: text[:3] == pattern[:3])
    matcher.add("F", [[{"LOWER": {"FUZZY": "colony"}}]])
    found = keyed(matcher(make_doc("the color colour colr coloured")))
    assert [(s, e) for _, s, e in found] == [(1, 2), (2, 3), (3, 4), (4, 5)]


def test_length_value_and_comparisons(vocab, make_doc, keyed):
    text = "a bb ccc dddd eeeee"
    cases = {
        3: [(2, 3)],
        "ge4": [(3, 4), (4, 5)],
        "range": [(2, 3), (3, 4)],
        "in": [(0, 1), (1, 2)],
        "ne": [(0, 1), (1, 2), (3, 4), (4, 5)],
    }
    specs = {
        3: {"LENGTH": 3},
        "ge4": {"LENGTH": {">=": 4}},
        "range": {"LENGTH": {">": 2, "<": 5}},
        "in": {"LENGTH": {"IN": [1, 2]}},
        "ne": {"LENGTH": {"!=": 3}},
    }
    for name, spec in specs.items():
        found = run(vocab, make_doc, keyed, text, {"L": [[spec]]})
        assert [(s, e) for _, s, e in found] == cases[name], name


def test_several_attributes_in_one_token(vocab, make_doc, keyed):
    found = run(
        vocab, make_doc, keyed, "Apple apple APPLE", {"A": [[{"LOWER": "apple", "IS_TITLE": True}]]}
    )
    assert found == [("A", 0, 1)]


def test_unvalidated_patterns_accept_hashes_and_ints(vocab, make_doc, keyed):
    matcher = Matcher(vocab, validate=False)
    matcher.add("H", [[{"ORTH": vocab.strings.add("hello")}, {"IS_ALPHA": 1}]])
    assert keyed(matcher(make_doc("hello world ."))) == [("H", 0, 2)]


# --- extension attributes --------------------------------------------------------------------


@pytest.fixture
def fruit_ext():
    from plait.tokens import Token

    Token.set_extension("fruit", default=None, force=True)
    Token.set_extension("weight", default=0, force=True)
    yield
    Token.remove_extension("fruit")
    Token.remove_extension("weight")


def test_extension_values_and_predicates(vocab, make_doc, keyed, fruit_ext):
    doc = make_doc("apple pear stone plum")
    for i, (kind, weight) in enumerate([("pome", 150), ("pome", 180), (None, 900), ("drupe", 60)]):
        doc[i]._.fruit = kind
        doc[i]._.weight = weight
    assert run_on(vocab, doc, keyed, {"E": [[{"_": {"fruit": "pome"}}]]}) == [
        ("E", 0, 1),
        ("E", 1, 2),
    ]
    found = run_on(vocab, doc, keyed, {"E": [[{"_": {"fruit": {"IN": ["drupe", "berry"]}}}]]})
    assert found == [("E", 3, 4)]
    found = run_on(vocab, doc, keyed, {"E": [[{"_": {"weight": {">=": 150, "<": 500}}}]]})
    assert found == [("E", 0, 1), ("E", 1, 2)]
    found = run_on(vocab, doc, keyed, {"E": [[{"_": {"fruit": {"REGEX": "^p"}}, "LENGTH": 4}]]})
    assert found == [("E", 1, 2)]


# --- operators -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "op,expected",
    [
        ("+", [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]),
        ("*", [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]),
        ("?", [(0, 1), (1, 2), (2, 3)]),
        ("{2}", [(0, 2), (1, 3)]),
        ("{2,}", [(0, 2), (0, 3), (1, 3)]),
        ("{,2}", [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)]),
        ("{1,2}", [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)]),
        ("{3}", [(0, 3)]),
        ("{4}", []),
    ],
)
def test_quantifiers_on_a_run_of_three(vocab, make_doc, keyed, op, expected):
    found = run(vocab, make_doc, keyed, "a a a", {"Q": [[{"ORTH": "a", "OP": op}]]})
    assert [(s, e) for _, s, e in found] == expected


def test_optional_last_token(vocab, make_doc, keyed):
    pattern = [{"ORTH": "a"}, {"ORTH": "b", "OP": "?"}]
    found = run(vocab, make_doc, keyed, "a b a", {"Q": [pattern]})
    assert [(s, e) for _, s, e in found] == [(0, 1), (0, 2), (2, 3)]


def test_star_in_the_middle(vocab, make_doc, keyed):
    pattern = [{"ORTH": "a"}, {"ORTH": "b", "OP": "*"}, {"ORTH": "c"}]
    found = run(vocab, make_doc, keyed, "a b b c a c", {"Q": [pattern]})
    assert [(s, e) for _, s, e in found] == [(0, 4), (4, 6)]


def test_negation_takes_one_token_that_does_not_match(vocab, make_doc, keyed):
    after = [{"ORTH": "a"}, {"ORTH": "b", "OP": "!"}]
    found = run(vocab, make_doc, keyed, "a b a c a", {"N": [after]})
    assert [(s, e) for _, s, e in found] == [(2, 4)]
    before = [{"ORTH": "a", "OP": "!"}, {"ORTH": "b"}]
    found = run(vocab, make_doc, keyed, "a b c b", {"N": [before]})
    assert [(s, e) for _, s, e in found] == [(2, 4)]


def test_empty_token_description_matches_any_token(vocab, make_doc, keyed):
    pattern = [{"ORTH": "a"}, {}, {"ORTH": "c"}]
    found = run(vocab, make_doc, keyed, "a b c a c", {"W": [pattern]})
    assert [(s, e) for _, s, e in found] == [(0, 3)]


# --- results: order, repeats, greedy, alignments ----------------------------------------------


def test_matches_come_in_completion_order(vocab, make_doc, keyed):
    pats = {
        "P1": [[{"ORTH": "B"}, {"ORTH": "B"}]],
        "P2": [[{"ORTH": "A"}, {"ORTH": "B"}, {"ORTH": "B"}, {"ORTH": "B"}]],
    }
    assert run(vocab, make_doc, keyed, "A B B B", pats) == [
        ("P1", 1, 3),
        ("P2", 0, 4),
        ("P1", 2, 4),
    ]


def test_same_match_from_two_patterns_is_reported_once(vocab, make_doc, keyed):
    pats = {"K": [[{"LOWER": "a"}], [{"ORTH": "a"}]]}
    assert run(vocab, make_doc, keyed, "a", pats) == [("K", 0, 1)]


@pytest.mark.parametrize(
    "greedy,expected", [("FIRST", [(0, 2), (2, 5)]), ("LONGEST", [(2, 5), (0, 2)])]
)
def test_greedy_filters(vocab, make_doc, keyed, greedy, expected):
    matcher = Matcher(vocab)
    matcher.add("G", [[{"ORTH": "a"}, {"ORTH": "b", "OP": "+"}]], greedy=greedy)
    found = keyed(matcher(make_doc("a b a b b")))
    assert [(s, e) for _, s, e in found] == expected


def test_greedy_keys_come_after_unfiltered_ones(vocab, make_doc, keyed):
    matcher = Matcher(vocab)
    matcher.add("G", [[{"ORTH": "a", "OP": "+"}]], greedy="LONGEST")
    matcher.add("B", [[{"ORTH": "b"}]])
    assert keyed(matcher(make_doc("a a b"))) == [("B", 2, 3), ("G", 0, 2)]


def test_alignments(vocab, make_doc, keyed):
    matcher = Matcher(vocab)
    matcher.add("A", [[{"ORTH": "a"}, {"ORTH": "b", "OP": "+"}, {"ORTH": "c"}]])
    assert keyed(matcher(make_doc("a b b c"), with_alignments=True)) == [("A", 0, 4, [0, 1, 1, 2])]


def test_alignments_of_two_stars_follow_the_first_path_found(vocab, make_doc, keyed):
    matcher = Matcher(vocab)
    matcher.add("A", [[{"ORTH": "a", "OP": "*"}, {"ORTH": "a", "OP": "*"}]])
    found = keyed(matcher(make_doc("a a"), with_alignments=True))
    assert found == [("A", 0, 1, [1]), ("A", 0, 2, [1, 1]), ("A", 1, 2, [1])]


def test_on_match_is_called_for_each_match(vocab, make_doc):
    calls = []

    def on_match(matcher, doc, i, matches):
        calls.append((matcher, doc, i, list(matches)))

    matcher = Matcher(vocab)
    matcher.add("X", [[{"ORTH": "x"}]], on_match=on_match)
    doc = make_doc("x y x")
    matches = matcher(doc)
    x = vocab.strings["X"]
    assert matches == [(x, 0, 1), (x, 2, 3)]
    assert [(c[0], c[1], c[2]) for c in calls] == [(matcher, doc, 0), (matcher, doc, 1)]
    assert calls[0][3] == matches


def test_as_spans_and_span_input(vocab, make_doc, keyed):
    matcher = Matcher(vocab)
    matcher.add("B", [[{"ORTH": "b"}]])
    doc = make_doc("x a b c b")
    spans = matcher(doc, as_spans=True)
    assert [(s.start, s.end, s.label_, s.text) for s in spans] == [
        (2, 3, "B", "b"),
        (4, 5, "B", "b"),
    ]
    span = doc[1:4]
    assert keyed(matcher(span)) == [("B", 1, 2)]  # offsets within the span
    [found] = matcher(span, as_spans=True)
    assert (found.start, found.end, found.text) == (2, 3, "b")  # a span of the doc


def test_empty_doc_and_empty_matcher(vocab, make_doc):
    matcher = Matcher(vocab)
    assert matcher(make_doc("a b")) == []
    matcher.add("A", [[{"ORTH": "a"}]])
    assert matcher(Doc(vocab, words=[])) == []


def test_missing_annotation_is_an_error_unless_allowed(vocab, make_doc):
    matcher = Matcher(vocab)
    matcher.add("T", [[{"TAG": "NN"}]])
    doc = make_doc("dogs bark")
    with pytest.raises(InputError) as err:
        matcher(doc)
    assert "[E463]" in str(err.value) and "TAG" in str(err.value)
    assert matcher(doc, allow_missing=True) == []


def test_wrong_doclike_type(vocab):
    matcher = Matcher(vocab)
    matcher.add("A", [[{"ORTH": "a"}]])
    with pytest.raises(InputError, match=r"\[E462\]"):
        matcher("a b c")


# --- rules -----------------------------------------------------------------------------------


def test_len_contains_get_remove(vocab, make_doc, keyed):
    matcher = Matcher(vocab)
    cb = lambda *args: None
    matcher.add("A", [[{"ORTH": "a"}]], on_match=cb)
    matcher.add("A", [[{"ORTH": "b"}]])
    matcher.add("C", [[{"ORTH": "c"}]])
    assert len(matcher) == 2
    assert "A" in matcher and vocab.strings["A"] in matcher and "Z" not in matcher
    assert matcher.get("A") == (None, [[{"ORTH": "a"}], [{"ORTH": "b"}]])  # on_match replaced
    assert matcher.get("Z", "none") == "none"
    assert keyed(matcher(make_doc("a b c"))) == [("A", 0, 1), ("A", 1, 2), ("C", 2, 3)]
    matcher.remove("A")
    assert len(matcher) == 1 and "A" not in matcher
    assert keyed(matcher(make_doc("a b c"))) == [("C", 2, 3)]
    with pytest.raises(InputError, match=r"\[E461\]"):
        matcher.remove("A")


def test_failed_add_changes_nothing(vocab, make_doc):
    matcher = Matcher(vocab)
    with pytest.raises(InputError):
        matcher.add("A", [[{"ORTH": "a"}], [{"BOGUS": "b"}]])
    assert len(matcher) == 0 and matcher(make_doc("a")) == []


def test_many_rules_beyond_64_token_descriptions(vocab, make_doc, keyed):
    matcher = Matcher(vocab)
    for i in range(200):
        matcher.add(f"K{i}", [[{"LOWER": f"w{i}"}, {"IS_PUNCT": True, "OP": "?"}]])
    found = keyed(matcher(make_doc("W0 w50 , w199 x")))
    assert found == [("K0", 0, 1), ("K50", 1, 2), ("K50", 1, 3), ("K199", 3, 4)]


def test_pickle_round_trip(vocab, make_doc, keyed):
    matcher = Matcher(vocab)
    matcher.add("G", [[{"LOWER": "a", "OP": "+"}]], greedy="LONGEST")
    matcher.add("R", [[{"TEXT": {"REGEX": "^b"}}]])
    copy = pickle.loads(pickle.dumps(matcher))
    doc = Doc(copy.vocab, words=["a", "A", "b"])
    assert [(copy.vocab.strings[m], s, e) for m, s, e in copy(doc)] == [("R", 2, 3), ("G", 0, 2)]


# --- property: the set of matches is every span the pattern fully matches ---------------------

_OPS = [None, "?", "*", "+", "!", "{2}", "{1,2}", "{,2}", "{2,}"]
_REGEX_OPS = {None: "", "?": "?", "*": "*", "+": "+", "{2}": "{2}", "{1,2}": "{1,2}", "{,2}": "{0,2}", "{2,}": "{2,}"}  # fmt: skip

token_descriptions = st.builds(
    lambda kind, letter, pair, op: (kind, letter, pair, op),
    st.sampled_from(["orth", "in", "any"]),
    st.sampled_from("abc"),
    st.lists(st.sampled_from("abc"), min_size=1, max_size=2, unique=True),
    st.sampled_from(_OPS),
)


def _as_pattern_and_regex(descriptions):
    pattern, regex = [], ""
    for kind, letter, pair, op in descriptions:
        spec = {"orth": {"ORTH": letter}, "in": {"ORTH": {"IN": pair}}, "any": {}}[kind]
        chars = {"orth": letter, "in": "".join(pair), "any": "abcd"}[kind]
        if op == "!":
            token_re = f"[^{chars}]" if kind != "any" else "(?!)"
        else:
            token_re = f"(?:[{chars}]){_REGEX_OPS[op]}"
        regex += token_re
        pattern.append(dict(spec, OP=op) if op else spec)
    return pattern, regex


@settings(max_examples=150, deadline=None)
@given(
    descriptions=st.lists(token_descriptions, min_size=1, max_size=4),
    words=st.lists(st.sampled_from("abcd"), max_size=8),
)
def test_matches_are_all_fully_matching_spans(descriptions, words):
    pattern, regex = _as_pattern_and_regex(descriptions)
    vocab = Vocab()
    matcher = Matcher(vocab)
    matcher.add("P", [pattern])
    found = matcher(Doc(vocab, words=words))
    text = "".join(words)
    expected = {
        (s, e)
        for s in range(len(words))
        for e in range(s + 1, len(words) + 1)
        if re.fullmatch(regex, text[s:e])
    }
    assert sorted((s, e) for _, s, e in found) == sorted(expected)
    assert len(found) == len(expected)  # each span once
