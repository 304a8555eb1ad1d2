"""DependencyMatcher: every REL_OP on a hand-parsed sentence, multi-node patterns, errors.

The sentence, with heads and labels:

    0 The    det   -> 2        4 over  prep -> 3
    1 quick  amod  -> 2        5 the   det  -> 7
    2 fox    nsubj -> 3        6 lazy  amod -> 7
    3 jumped ROOT              7 dog   pobj -> 4
"""

import pytest

from plait.errors import InputError
from plait.matcher import DependencyMatcher

WORDS = ["The", "quick", "fox", "jumped", "over", "the", "lazy", "dog"]
HEADS = [2, 2, 3, 3, 3, 7, 7, 4]
DEPS = ["det", "amod", "nsubj", "ROOT", "prep", "det", "amod", "pobj"]


@pytest.fixture
def doc(make_doc):
    return make_doc(WORDS, heads=HEADS, deps=DEPS)


def anchor(word):
    return {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"ORTH": word}}


def node(op, attrs, left="anchor", name="other"):
    return {"LEFT_ID": left, "REL_OP": op, "RIGHT_ID": name, "RIGHT_ATTRS": attrs}


def matches(vocab, doc, *patterns):
    matcher = DependencyMatcher(vocab)
    matcher.add("P", list(patterns))
    return [tokens for _, tokens in matcher(doc)]


@pytest.mark.parametrize(
    "word,op,attrs,expected",
    [
        ("jumped", ">", {"DEP": "nsubj"}, [[3, 2]]),
        ("fox", "<", {"ORTH": "jumped"}, [[2, 3]]),
        ("jumped", "<", {}, []),  # the root has no head
        ("jumped", ">>", {"ORTH": "dog"}, [[3, 7]]),
        ("dog", "<<", {"ORTH": "jumped"}, [[7, 3]]),
        ("quick", ".", {"ORTH": "fox"}, [[1, 2]]),
        ("fox", ".*", {"DEP": "det"}, [[2, 5]]),
        ("fox", ";", {"ORTH": "quick"}, [[2, 1]]),
        ("dog", ";*", {"DEP": "det"}, [[7, 0], [7, 5]]),
        ("The", "$+", {}, [[0, 1]]),
        ("quick", "$-", {}, [[1, 0]]),
        ("fox", "$+", {}, []),  # the next sibling (over) is not adjacent
        ("fox", "$++", {}, [[2, 4]]),
        ("over", "$--", {}, [[4, 2]]),
        ("jumped", ">+", {}, [[3, 4]]),
        ("fox", ">-", {}, [[2, 1]]),
        ("jumped", ">++", {}, [[3, 4]]),
        ("dog", ">--", {}, [[7, 5], [7, 6]]),
        ("fox", "<+", {}, [[2, 3]]),
        ("over", "<-", {}, [[4, 3]]),
        ("the", "<++", {}, [[5, 7]]),
        ("dog", "<--", {}, [[7, 4]]),
        ("dog", "<++", {}, []),
    ],
)
def test_rel_ops(vocab, doc, word, op, attrs, expected):
    assert matches(vocab, doc, [anchor(word), node(op, attrs)]) == expected


def test_chain_of_three_nodes(vocab, doc):
    pattern = [
        anchor("jumped"),
        node(">", {"DEP": "nsubj"}, name="subject"),
        node(">", {"DEP": "amod"}, left="subject", name="modifier"),
    ]
    assert matches(vocab, doc, pattern) == [[3, 2, 1]]


def test_two_children_of_the_anchor(vocab, doc):
    pattern = [
        anchor("jumped"),
        node(">", {"DEP": "nsubj"}, name="s"),
        node(">", {"DEP": "prep"}, name="p"),
    ]
    assert matches(vocab, doc, pattern) == [[3, 2, 4]]


def test_unrelated_nodes_may_take_the_same_token(vocab, doc):
    pattern = [anchor("jumped"), node(">", {}, name="a"), node(">", {}, name="b")]
    assert matches(vocab, doc, pattern) == [[3, 2, 2], [3, 2, 4], [3, 4, 2], [3, 4, 4]]


def test_one_tree_per_sentence(vocab, make_doc):
    doc = make_doc(
        "She ran . He fell .",
        heads=[1, 1, 1, 4, 4, 4],
        deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
    )
    pattern = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"DEP": "ROOT"}},
        node(">", {"DEP": "nsubj"}, left="verb"),
    ]
    assert matches(vocab, doc, pattern) == [[1, 0], [4, 3]]
    # "." (immediately precedes) stays within a sentence's tree
    assert matches(vocab, doc, [anchor("."), node(".", {})]) == []


def test_keys_callbacks_len_remove(vocab, doc):
    calls = []
    matcher = DependencyMatcher(vocab)
    matcher.add("SUBJ", [[anchor("jumped"), node(">", {"DEP": "nsubj"})]], on_match=lambda m, d, i, ms: calls.append(i))  # fmt: skip
    matcher.add("OBJ", [[anchor("over"), node(">", {"DEP": "pobj"})]])
    assert len(matcher) == 2 and "SUBJ" in matcher and "X" not in matcher
    found = matcher(doc)
    assert found == [(vocab.strings["SUBJ"], [3, 2]), (vocab.strings["OBJ"], [4, 7])]
    assert calls == [0]
    on_match, patterns = matcher.get("OBJ")
    assert on_match is None and patterns[0][0] == anchor("over")
    matcher.remove("SUBJ")
    assert matcher(doc) == [(vocab.strings["OBJ"], [4, 7])]
    with pytest.raises(InputError, match=r"\[E461\]"):
        matcher.remove("SUBJ")


def test_span_is_matched_as_its_own_doc(vocab, doc):
    matcher = DependencyMatcher(vocab)
    matcher.add("P", [[anchor("the"), node("<", {"ORTH": "dog"})]])
    assert matcher(doc[4:8]) == [(vocab.strings["P"], [1, 3])]


@pytest.mark.parametrize(
    "pattern,code,fragment",
    [
        ([anchor("a"), "b"], "E469", "Node 1"),
        ([{"RIGHT_ATTRS": {}}], "E470", "RIGHT_ID"),
        (
            [anchor("a"), {"RIGHT_ID": "b", "RIGHT_ATTRS": {}, "LEFT_ID": "anchor"}],
            "E470",
            "REL_OP",
        ),
        ([dict(anchor("a"), LEFT_ID="x", REL_OP=">")], "E471", "first node"),
        ([anchor("a"), node(">", {}, name="anchor")], "E472", "'anchor'"),
        ([anchor("a"), node(">", {}, left="nobody")], "E473", "'nobody'"),
        ([anchor("a"), node("<>", {})], "E474", "'<>'"),
        ([anchor("a"), node(">", {"ORTH": "b", "OP": "+"})], "E475", "'+'"),
        ([dict(anchor("a"), COMMENT="x")], "E476", "COMMENT"),
        ([anchor("a"), node(">", {"LOWR": "b"})], "E456", "'LOWR'"),
        ([], "E453", "empty"),
    ],
)
def test_malformed_patterns(vocab, pattern, code, fragment):
    matcher = DependencyMatcher(vocab)
    with pytest.raises(InputError) as err:
        matcher.add("BAD", [pattern])
    message = str(err.value)
    assert f"[{code}]" in message and fragment in message
    assert len(matcher) == 0 and len(matcher._matcher) == 0


def test_pickle_round_trip(vocab, doc):
    import pickle

    matcher = DependencyMatcher(vocab)
    matcher.add("SUBJ", [[anchor("jumped"), node(">", {"DEP": "nsubj"})]])
    copy = pickle.loads(pickle.dumps(matcher))
    assert len(copy) == 1 and "SUBJ" in copy
    assert copy(doc) == [(vocab.strings["SUBJ"], [3, 2])]
