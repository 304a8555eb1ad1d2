"""The arc-eager system: moves, validity and the dynamic oracle's costs."""

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from plait.pipeline.transition.arc_eager import (
    LEFT,
    REDUCE,
    RIGHT,
    SHIFT,
    UNKNOWN,
    ArcEager,
    ParseGold,
    ParseState,
)

LABELS = ["a", "b", "c"]


def random_projective_forest(rng: random.Random, n: int) -> list[int]:
    """Heads of a random projective forest (a root is its own head)."""
    heads = [0] * n

    def build(lo: int, hi: int, parent: int | None) -> None:
        if lo >= hi:
            return
        root = rng.randrange(lo, hi)
        heads[root] = root if parent is None else parent
        build(lo, root, root)
        build(root + 1, hi, root)

    start = 0
    while start < n:
        end = rng.randint(start + 1, n)
        build(start, end, None)
        start = end
    return heads


def best_moves(system: ArcEager, state: ParseState, gold: ParseGold) -> list[int]:
    types, _ = system.valid_types(state)
    costs, labels = system.oracle(state, gold)
    out = []
    for move in range(system.n_moves):
        kind = int(system.move_type[move])
        if not types[kind]:
            continue
        cost = costs[kind] + (labels[kind] >= 0 and system.move_label[move] != labels[kind])
        out.append((cost, move))
    low = min(c for c, _ in out)
    return [m for c, m in out if c == low], low


def parse_with_oracle(system, gold, n, rng=None):
    state = ParseState(n, 0)
    while not state.is_final:
        moves, cost = best_moves(system, state, gold)
        assert cost == 0
        system.apply(state, moves[0] if rng is None else rng.choice(moves))
    return [h if h >= 0 else i for i, h in enumerate(state.heads)], state.labels


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 14), st.integers(0, 10_000))
def test_zero_cost_moves_rebuild_any_projective_forest(n, seed):
    rng = random.Random(seed)
    heads = random_projective_forest(rng, n)
    labels = [rng.randrange(len(LABELS)) if h != i else -1 for i, h in enumerate(heads)]
    system = ArcEager(LABELS)
    found_heads, found_labels = parse_with_oracle(system, ParseGold(heads, labels), n, rng)
    assert found_heads == heads
    assert [lab if h != i else -1 for i, (h, lab) in enumerate(zip(heads, found_labels))] \
        == labels


def test_moves_are_named_and_typed_per_label():
    system = ArcEager(["det", "nsubj"])
    assert system.move_names == ["S", "D", "L-det", "R-det", "L-nsubj", "R-nsubj"]
    assert system.n_moves == 6
    assert system.move_type.tolist() == [SHIFT, REDUCE, LEFT, RIGHT, LEFT, RIGHT]


def test_reduce_needs_a_head_and_left_arc_needs_none():
    system = ArcEager(LABELS)
    state = ParseState(3, 0)
    assert system.valid_types(state)[0] == [True, False, False, False]
    system.apply(state, 0)  # SHIFT
    assert system.valid_types(state)[0] == [True, False, True, True]
    system.apply(state, 3)  # RIGHT-a: token 1 gets head 0
    assert system.valid_types(state)[0] == [True, True, False, True]


def test_attaching_a_gold_root_costs_the_lost_arcs():
    system = ArcEager(LABELS)
    gold = ParseGold([0, 0], [-1, 0])
    state = ParseState(2, 0)
    system.apply(state, 0)  # SHIFT token 0
    costs, labels = system.oracle(state, gold)
    assert costs[LEFT] == 2  # token 0 is a root, and its dependent 1 would be lost
    assert costs[RIGHT] == 0 and labels[RIGHT] == 0


def test_unknown_heads_cost_nothing():
    system = ArcEager(LABELS)
    gold = ParseGold([UNKNOWN, UNKNOWN, UNKNOWN], [-1, -1, -1])
    state = ParseState(3, 0)
    system.apply(state, 0)
    costs, labels = system.oracle(state, gold)
    assert costs == [0, 0, 0, 0]
    assert all(lab < 0 for lab in labels)


def test_dynamic_oracle_recovers_after_a_wrong_move():
    # gold: 0 <- 1 -> 2; shifting 1 over 0 loses the arc 1 -> 0, not the arc 1 -> 2
    system = ArcEager(LABELS)
    gold = ParseGold([1, 1, 1], [0, -1, 1])
    state = ParseState(3, 0)
    system.apply(state, 0)  # SHIFT 0
    system.apply(state, 0)  # SHIFT 1: loses the arc 1 -> 0
    heads, _ = parse_with_oracle_from(system, state, gold)
    assert heads[2] == 1  # the rest of the tree is still found


def parse_with_oracle_from(system, state, gold):
    while not state.is_final:
        moves, _ = best_moves(system, state, gold)
        system.apply(state, moves[0])
    return state.heads, state.labels


def test_features_give_batch_indices_and_minus_one_for_empty_slots():
    system = ArcEager(LABELS)
    state = ParseState(4, 10)
    out: list[int] = []
    system.features(state, out)
    assert len(out) == system.n_features
    assert out[3] == 10 and out[4] == 11 and out[5] == 12  # B0 B1 B2
    assert out[0] == -1  # empty stack
    assert np.all(np.asarray(out) >= -1)
