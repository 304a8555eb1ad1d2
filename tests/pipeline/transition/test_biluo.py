"""The BILUO entity system: moves, validity, preset words and the oracle's costs."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from plait.pipeline.transition.biluo import (
    BEGIN,
    IN,
    LAST,
    OUT,
    UNIT,
    BiluoPushDown,
    NerState,
)

LABELS = ["LOC", "ORG", "PER"]


def random_tags(rng: random.Random, n: int) -> list[str]:
    tags: list[str] = []
    while len(tags) < n:
        room = n - len(tags)
        length = rng.randint(1, min(room, 4))
        if rng.random() < 0.5:
            tags += ["O"] * length
            continue
        label = rng.choice(LABELS)
        if length == 1:
            tags.append(f"U-{label}")
        else:
            tags += [f"B-{label}"] + [f"I-{label}"] * (length - 2) + [f"L-{label}"]
    return tags


def cheapest(system, state, gold):
    types, req = system.valid_types(state)
    costs, labels = system.oracle(state, gold)
    scored = []
    for move in range(system.n_moves):
        kind, label = int(system.move_type[move]), int(system.move_label[move])
        if not types[kind] or (label >= 0 and req >= 0 and label != req):
            continue
        scored.append((costs[kind] + (labels[kind] >= 0 and label != labels[kind]), move))
    low = min(c for c, _ in scored)
    return [m for c, m in scored if c == low], low


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 15), st.integers(0, 10_000))
def test_zero_cost_moves_rebuild_the_gold_entities(n, seed):
    rng = random.Random(seed)
    tags = random_tags(rng, n)
    system = BiluoPushDown(LABELS)
    index = {label: i for i, label in enumerate(LABELS)}
    gold = system.gold_from_tags(tags, index)
    state = NerState(n, 0, [True] * n)
    while not state.is_final:
        moves, cost = cheapest(system, state, gold)
        assert cost == 0
        system.apply(state, rng.choice(moves), gold)
    expected = []
    for i, tag in enumerate(tags):
        if tag[0] == "U":
            expected.append((i, i + 1, index[tag[2:]]))
        elif tag[0] == "B":
            start = i
        elif tag[0] == "L":
            expected.append((start, i + 1, index[tag[2:]]))
    assert system.spans(state) == expected


def test_move_names_follow_the_labels():
    system = BiluoPushDown(["ORG"])
    assert system.move_names == ["O", "B-ORG", "I-ORG", "L-ORG", "U-ORG"]
    assert system.move_type.tolist() == [OUT, BEGIN, IN, LAST, UNIT]


def test_an_open_entity_must_continue_or_close_with_its_own_label():
    system = BiluoPushDown(LABELS)
    state = NerState(3, 0, [True] * 3)
    system.apply(state, 1 + 4 * 1)  # B-ORG
    types, req = system.valid_types(state)
    assert types == [False, False, True, True, False]
    assert req == 1


def test_no_multiword_entity_at_the_last_word():
    system = BiluoPushDown(LABELS)
    state = NerState(1, 0, [True])
    types, _ = system.valid_types(state)
    assert types[BEGIN] is False and types[UNIT] is True


def test_preset_words_are_skipped_and_stop_an_entity():
    system = BiluoPushDown(LABELS)
    state = NerState(4, 0, [True, True, False, True])
    system.apply(state, 0)  # O at word 0
    types, _ = system.valid_types(state)
    assert types[BEGIN] is False  # word 2 is preset: no entity can run into it
    system.apply(state, 4)  # U-LOC at word 1
    assert state.i == 3  # word 2 skipped
    assert state.tags[2] == -1


def test_missing_gold_costs_nothing():
    system = BiluoPushDown(LABELS)
    gold = system.gold_from_tags([None, "-"], {label: i for i, label in enumerate(LABELS)})
    state = NerState(2, 0, [True, True])
    costs, _labels = system.oracle(state, gold)
    assert costs == [0, 0, 0, 0, 0]


def test_missing_a_gold_entity_costs_one():
    system = BiluoPushDown(LABELS)
    gold = system.gold_from_tags(["U-PER"], {label: i for i, label in enumerate(LABELS)})
    state = NerState(1, 0, [True])
    costs, labels = system.oracle(state, gold)
    assert costs[OUT] == 1
    assert costs[UNIT] == 0 and labels[UNIT] == 2


def test_unknown_gold_labels_are_reported():
    system = BiluoPushDown(LABELS)
    seen = []
    gold = system.gold_from_tags(["U-FOOD"], {}, seen.append)
    assert seen == ["FOOD"]
    assert gold.types == [-1]
