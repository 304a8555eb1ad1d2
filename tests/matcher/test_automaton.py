"""The state machine alone: patterns over per-token bitmasks (no Doc needed).

Tokens are letters; a token description is a set of letters (bit 1 << i for the i-th
distinct set), so `bits_of("aab")` gives one bitmask per token.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plait.matcher.automaton import CompiledPattern, StartIndex, find_matches
from plait.matcher.patterns import _Where, parse_op


def compile_(descriptions, match_id=1):
    """descriptions: [(letters, op)] -> (CompiledPattern, {letters: bit})."""
    spec_bits = {}
    quants, bits, token_idx = [], [], []
    for i, (letters, op) in enumerate(descriptions):
        bit = spec_bits.setdefault(letters, 1 << len(spec_bits))
        for q in parse_op(op, _Where("K", 0), strict=True) if op else (1,):
            quants.append(q)
            bits.append(bit)
            token_idx.append(i)
    return CompiledPattern(match_id, quants, bits, token_idx), spec_bits


def run(descriptions, text, with_alignments=False):
    pattern, spec_bits = compile_(descriptions)
    bits = [sum(bit for letters, bit in spec_bits.items() if ch in letters) for ch in text]
    found = find_matches(StartIndex([pattern]), bits, with_alignments)
    return [m[1:3] if not with_alignments else (m[1], m[2], list(m[3])) for m in found]


def test_plus_reports_every_span_in_completion_order():
    assert run([("a", "+")], "aaa") == [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]


def test_optional_then_required():
    assert run([("a", "?"), ("b", None)], "abb") == [(0, 2), (1, 2), (2, 3)]


def test_negation_takes_a_token_that_does_not_match():
    assert run([("a", None), ("b", "!")], "abac") == [(2, 4)]


def test_pattern_without_optional_nodes_is_checked_to_its_end():
    assert run([("a", None), ("b", None), ("c", None)], "abcabd") == [(0, 3)]


def test_match_at_end_of_doc_waiting_on_optional_nodes():
    assert run([("a", None), ("b", "*")], "ab") == [(0, 1), (0, 2)]


def test_repeats_are_left_to_the_caller():
    # two optional nodes can take the same single token
    assert run([("a", "?"), ("a", "?")], "a") == [(0, 1), (0, 1)]


def test_alignments_name_the_description_that_took_each_token():
    assert run([("a", None), ("b", "+"), ("c", None)], "abbc", with_alignments=True) == [
        (0, 4, [0, 1, 1, 2])
    ]


_OPS = [None, "?", "*", "+", "!", "{2}", "{1,2}", "{,2}", "{2,}"]
_REGEX_OPS = {None: "", "?": "?", "*": "*", "+": "+", "{2}": "{2}", "{1,2}": "{1,2}", "{,2}": "{0,2}", "{2,}": "{2,}"}  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    descriptions=st.lists(
        st.tuples(st.sampled_from(["a", "b", "ab", "bc"]), st.sampled_from(_OPS)),
        min_size=1,
        max_size=4,
    ),
    text=st.text(alphabet="abc", max_size=9),
)
def test_matches_are_the_spans_the_pattern_fully_matches(descriptions, text):
    regex = "".join(
        f"[^{letters}]" if op == "!" else f"[{letters}]{_REGEX_OPS[op]}"
        for letters, op in descriptions
    )
    expected = {
        (s, e)
        for s in range(len(text))
        for e in range(s + 1, len(text) + 1)
        if re.fullmatch(regex, text[s:e])
    }
    found = [m for m in run(descriptions, text) if m[1] > m[0]]
    assert set(found) == expected
