"""PhraseMatcher: attributes, overlapping phrases, keys, callbacks, large term lists."""

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plait.errors import InputError, LookupFailed
from plait.matcher import PhraseMatcher
from plait.tokens import Doc
from plait.vocab import Vocab


def test_orth_is_the_default_and_case_sensitive(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab)
    matcher.add("CITY", [make_doc("New York"), make_doc("Berlin")])
    doc = make_doc("I left new york for New York and Berlin")
    assert keyed(matcher(doc)) == [("CITY", 5, 7), ("CITY", 8, 9)]


def test_lower_attr(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("CITY", [make_doc("new york")])
    doc = make_doc("NEW YORK or New York")
    assert keyed(matcher(doc)) == [("CITY", 0, 2), ("CITY", 3, 5)]


def test_norm_and_shape_attrs(vocab, make_doc, keyed):
    norm = PhraseMatcher(vocab, attr="NORM")
    norm.add("N", [make_doc("hello world")])
    assert keyed(norm(make_doc("Hello World !"))) == [("N", 0, 2)]
    shape = PhraseMatcher(vocab, attr="SHAPE")
    shape.add("TIME", [make_doc("12 : 30")])  # shape "dd : dd"
    assert keyed(shape(make_doc("at 09 : 45 or 9 : 45"))) == [("TIME", 1, 4)]


def test_tag_pos_lemma_attrs(vocab, make_doc, keyed):
    doc = make_doc(
        "the cats sat",
        tags=["DT", "NNS", "VBD"],
        pos=["DET", "NOUN", "VERB"],
        lemmas=["the", "cat", "sit"],
    )
    pattern = make_doc("a dog", tags=["DT", "NN"], pos=["DET", "NOUN"], lemmas=["a", "cat"])
    tag = PhraseMatcher(vocab, attr="TAG")
    tag.add("T", [pattern])
    assert tag(doc) == []  # NNS != NN
    pos = PhraseMatcher(vocab, attr="POS")
    pos.add("P", [pattern])
    assert keyed(pos(doc)) == [("P", 0, 2)]
    lemma = PhraseMatcher(vocab, attr="LEMMA")
    lemma.add("L", [make_doc("cat sit", lemmas=["cat", "sit"])])
    assert keyed(lemma(doc)) == [("L", 1, 3)]


def test_overlapping_and_nested_phrases_sorted_by_start_then_end(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab)
    matcher.add("P", [make_doc("York"), make_doc("New York City"), make_doc("New York")])
    doc = make_doc("I love New York City")
    assert keyed(matcher(doc)) == [("P", 2, 4), ("P", 2, 5), ("P", 3, 4)]


def test_same_phrase_under_two_keys(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab)
    matcher.add("A", [make_doc("red wine")])
    matcher.add("B", [make_doc("red wine"), make_doc("wine")])
    assert keyed(matcher(make_doc("red wine"))) == [("A", 0, 2), ("B", 0, 2), ("B", 1, 2)]


def test_len_contains_remove(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab)
    matcher.add("A", [make_doc("red wine"), make_doc("red")])
    matcher.add("B", [make_doc("red wine")])
    assert len(matcher) == 2 and "A" in matcher and "C" not in matcher
    matcher.remove("A")
    assert len(matcher) == 1 and "A" not in matcher
    assert keyed(matcher(make_doc("red wine"))) == [("B", 0, 2)]
    matcher.remove("B")
    assert matcher(make_doc("red wine")) == []
    assert matcher._root == {}  # the trie was pruned
    with pytest.raises(LookupFailed, match=r"\[E467\]"):
        matcher.remove("B")
    with pytest.raises(KeyError):
        matcher.remove("B")


def test_on_match_and_old_add_signature(vocab, make_doc):
    calls = []
    matcher = PhraseMatcher(vocab)
    matcher.add("X", lambda m, d, i, ms: calls.append((i, len(ms))), make_doc("x"), make_doc("y"))
    matcher.add("Z", [make_doc("z")])
    assert len(matcher(make_doc("x z y"))) == 3
    assert calls == [(0, 3), (2, 3)]


def test_as_spans_and_span_input_use_doc_offsets(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab)
    matcher.add("W", [make_doc("red wine")])
    doc = make_doc("no red wine here red wine")
    assert [(s.start, s.end, s.label_) for s in matcher(doc, as_spans=True)] == [
        (1, 3, "W"),
        (4, 6, "W"),
    ]
    assert keyed(matcher(doc[3:6])) == [("W", 4, 6)]  # offsets in the doc, as spaCy does
    assert matcher(doc[2:5]) == []  # a phrase cut by the span's edge


def test_empty_doc_and_empty_patterns(vocab, make_doc):
    matcher = PhraseMatcher(vocab)
    matcher.add("E", [Doc(vocab, words=[])])
    assert len(matcher) == 1
    assert matcher(Doc(vocab, words=[])) == []
    assert matcher(make_doc("a b")) == []


def test_hash_sequences_as_patterns(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("H", [[vocab.strings.add("red"), vocab.strings.add("wine")]])
    assert keyed(matcher(make_doc("Red Wine"))) == [("H", 0, 2)]


def test_errors(vocab, make_doc):
    with pytest.raises(InputError, match=r"\[E465\]"):
        PhraseMatcher(vocab, attr="BOGUS")
    matcher = PhraseMatcher(vocab)
    with pytest.raises(InputError, match=r"\[E466\]"):
        matcher.add("A", make_doc("a single doc"))
    tagged = PhraseMatcher(vocab, attr="TAG")
    with pytest.raises(InputError, match=r"\[E468\]"):
        tagged.add("A", [make_doc("untagged")])
    with pytest.raises(InputError, match=r"\[E462\]"):
        matcher("not a doc")


def test_pickle_round_trip(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("W", [make_doc("red wine")])
    copy = pickle.loads(pickle.dumps(matcher))
    doc = Doc(copy.vocab, words=["Red", "wine"])
    assert [(copy.vocab.strings[m], s, e) for m, s, e in copy(doc)] == [("W", 0, 2)]


def test_large_term_list(vocab, make_doc, keyed):
    # 100,000 phrases "tN tN+1" (N < 100,000) and a few of three words
    strings = vocab.strings
    terms = [[strings.add(f"t{i}"), strings.add(f"t{i + 1}")] for i in range(100_000)]
    matcher = PhraseMatcher(vocab)
    matcher.add("PAIR", terms)
    matcher.add("TRIPLE", [make_doc("t5 t6 t7"), make_doc("t99999 t100000 t3")])
    doc = make_doc("t5 t6 t7 x t99999 t100000 t3 t100000 t100001")
    found = keyed(matcher(doc))
    assert found == [
        ("PAIR", 0, 2),
        ("TRIPLE", 0, 3),
        ("PAIR", 1, 3),
        ("PAIR", 4, 6),
        ("TRIPLE", 4, 7),
    ]


def test_phrases_added_later_match_words_seen_before(vocab, make_doc, keyed):
    # The LOWER memo maps each word to its code; a value coded later must not stay unmatched.
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("A", [make_doc("red wine")])
    doc = make_doc("White wine and red wine")
    assert keyed(matcher(doc)) == [("A", 3, 5)]
    matcher.add("B", [make_doc("white")])
    assert keyed(matcher(doc)) == [("B", 0, 1), ("A", 3, 5)]


def test_lexeme_edits_are_followed_by_the_memo(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab, attr="NORM")
    matcher.add("N", [make_doc("colour")])
    doc = make_doc("color colour")
    assert keyed(matcher(doc)) == [("N", 1, 2)]
    vocab["color"].norm_ = "colour"
    assert keyed(matcher(doc)) == [("N", 0, 1), ("N", 1, 2)]


def test_duplicate_phrases_then_remove_leave_an_empty_trie(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab)
    matcher.add("A", [make_doc("a b"), make_doc("a b"), make_doc("a")])
    matcher.add("A", [make_doc("a b")])
    assert keyed(matcher(make_doc("a b"))) == [("A", 0, 1), ("A", 0, 2)]
    matcher.remove("A")
    assert matcher._root == {} and matcher(make_doc("a b")) == []
    matcher.add("C", [make_doc("b")])  # codes survive removal; matching still works
    assert keyed(matcher(make_doc("a b"))) == [("C", 1, 2)]


def test_values_outside_every_phrase_end_a_walk(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab)
    matcher.add("P", [make_doc("a b c"), make_doc("b")])
    # "x" has no code: the walk from "a" stops there, and so does the doc's last token
    doc = make_doc("a b x a b c a b")
    assert keyed(matcher(doc)) == [("P", 1, 2), ("P", 3, 6), ("P", 4, 5), ("P", 7, 8)]
    assert keyed(matcher(doc[3:5])) == [("P", 4, 5)]


def test_phrase_under_two_keys_keeps_the_other_key_after_remove(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab)
    matcher.add("A", [make_doc("red wine"), make_doc("wine")])
    matcher.add("B", [make_doc("red wine")])
    matcher.add("C", [make_doc("wine")])
    doc = make_doc("red wine")
    assert keyed(matcher(doc)) == [("A", 0, 2), ("B", 0, 2), ("A", 1, 2), ("C", 1, 2)]
    matcher.remove("A")
    assert keyed(matcher(doc)) == [("B", 0, 2), ("C", 1, 2)]
    matcher.add("A", [make_doc("red wine")])  # added again: after B, the key still there
    assert keyed(matcher(doc)) == [("B", 0, 2), ("A", 0, 2), ("C", 1, 2)]


def test_longer_phrase_added_below_a_phrase_end_of_another_phrase(vocab, make_doc, keyed):
    # "a b" and "c b" end in leaves of the same key; extending one must leave the other alone
    matcher = PhraseMatcher(vocab)
    matcher.add("K", [make_doc("a b"), make_doc("c b")])
    matcher.add("L", [make_doc("a b d")])
    doc = make_doc("a b d c b d")
    assert keyed(matcher(doc)) == [("K", 0, 2), ("L", 0, 3), ("K", 3, 5)]
    matcher.remove("K")
    assert keyed(matcher(doc)) == [("L", 0, 3)]
    matcher.remove("L")
    assert matcher._root == {} and matcher(doc) == []


def test_span_matches_start_at_the_span_edge(vocab, make_doc, keyed):
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("W", [make_doc("red"), make_doc("red wine")])
    doc = make_doc("x Red wine y red")
    assert keyed(matcher(doc[1:3])) == [("W", 1, 2), ("W", 1, 3)]
    assert keyed(matcher(doc[4:5])) == [("W", 4, 5)]
    assert keyed(matcher(doc[1:2], as_spans=False)) == [("W", 1, 2)]


WORDS = ["a", "b", "c", "A", "B"]
phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(
    rules=st.lists(st.lists(phrase, min_size=1, max_size=6), min_size=1, max_size=3),
    words=st.lists(st.sampled_from(WORDS), max_size=12),
    attr=st.sampled_from(["ORTH", "LOWER"]),
    removed=st.integers(min_value=-1, max_value=2),
    span_start=st.integers(min_value=0, max_value=12),
)
def test_matches_equal_a_brute_force_search(rules, words, attr, removed, span_start):
    vocab = Vocab()
    matcher = PhraseMatcher(vocab, attr=attr)
    norm = str.lower if attr == "LOWER" else str
    keys = [f"K{i}" for i in range(len(rules))]
    for key, phrases in zip(keys, rules):
        matcher.add(key, [Doc(vocab, words=p) for p in phrases])
    if 0 <= removed < len(keys):
        matcher.remove(keys[removed])
    live = {k: {tuple(map(norm, p)) for p in ps} for i, (k, ps) in enumerate(zip(keys, rules))
            if i != removed}
    doc = Doc(vocab, words=words)
    span_start = min(span_start, len(words))
    for start, end in ((0, len(words)), (span_start, len(words))):
        values = [norm(w) for w in words]
        expected = [
            (k, s, e)
            for s in range(start, end)
            for e in range(s + 1, end + 1)
            for k in keys
            if k in live and tuple(values[s:e]) in live[k]
        ]
        found = matcher(doc[start:end]) if start else matcher(doc)
        assert [(vocab.strings[m], s, e) for m, s, e in found] == expected
