"""The BILUO transition system for named entities, with a dynamic oracle.

The state reads the doc left to right; at each word the move is one of `O` (outside),
`B-label` (begin a multi-word entity), `I-label` (inside it), `L-label` (its last word) or
`U-label` (a one-word entity). Moves that would leave an entity unclosed, or change its
label midway, are invalid.

Entities set before the component runs (by an entity ruler, say) are kept, as spaCy keeps
them: words inside a preset entity, and blocked words, are preset; the state steps over
them without asking the model, and no entity of the model may run into them. Words marked
"O" stay free (the model may still find an entity there). No entity crosses a sentence
start set on the doc.

A move's cost counts the gold entities it makes impossible to recover or the false one it
creates; missing gold tags (None) cost nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

OUT, BEGIN, IN, LAST, UNIT = range(5)
MOVE_TYPES = ("O", "B", "I", "L", "U")
N_FEATURES = 6
_PREFIX = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT}


class NerState:
    """Position, the open entity and the moves taken for one doc."""

    __slots__ = ("ent_label", "ent_ok", "ent_start", "free", "i", "n", "offset", "starts",
                 "tags")

    def __init__(self, n: int, offset: int, free: Sequence[bool],
                 starts: Sequence[bool] | None = None) -> None:
        self.n = n
        self.offset = offset
        self.free = free  # False for a preset word
        self.starts = starts  # True where a sentence starts (None: no boundaries)
        self.i = 0
        self.ent_start = -1
        self.ent_label = -1
        self.ent_ok = True  # the open entity still matches a gold entity
        self.tags = [-1] * n  # the move taken at each word (-1: preset)
        self._skip_preset()

    def _skip_preset(self) -> None:
        while self.i < self.n and not self.free[self.i]:
            self.i += 1

    @property
    def is_final(self) -> bool:
        """True when every word has a move (or is preset)."""
        return self.i >= self.n


class NerGold:
    """Gold BILUO tags of a doc as (move type, label index); type -1 where missing."""

    __slots__ = ("labels", "types")

    def __init__(self, types: Sequence[int], labels: Sequence[int]) -> None:
        self.types = list(types)
        self.labels = list(labels)


class BiluoPushDown:
    """Moves, features, validity, costs and effects of the BILUO entity system."""

    n_features = N_FEATURES

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = list(labels)
        n = 1 + 4 * len(self.labels)
        self.move_type = np.zeros(n, dtype=np.int64)
        self.move_label = np.full(n, -1, dtype=np.int64)
        for j in range(len(self.labels)):
            for k, kind in enumerate((BEGIN, IN, LAST, UNIT)):
                self.move_type[1 + 4 * j + k] = kind
                self.move_label[1 + 4 * j + k] = j

    @property
    def n_moves(self) -> int:
        """The number of moves (1 + 4 per label)."""
        return len(self.move_type)

    @property
    def move_names(self) -> list[str]:
        """Names of the moves in output order ("O", "B-ORG", "I-ORG", ...)."""
        names = ["O"]
        for label in self.labels:
            names += [f"{p}-{label}" for p in "BILU"]
        return names

    def gold_from_tags(self, tags: Sequence[str | None], index: dict[str, int],
                       on_unknown: object = None) -> NerGold:
        """Gold moves from BILUO tags; `on_unknown(label)` is called for a label not in
        `index` (its tags then count as missing)."""
        types, labels = [], []
        for tag in tags:
            if tag is None or tag in ("", "-"):
                types.append(-1)
                labels.append(-1)
            elif tag == "O":
                types.append(OUT)
                labels.append(-1)
            else:
                prefix, _, label = tag.partition("-")
                j = index.get(label)
                if j is None:
                    if callable(on_unknown):
                        on_unknown(label)
                    types.append(-1)
                    labels.append(-1)
                    continue
                types.append(_PREFIX[prefix])
                labels.append(j)
        return NerGold(types, labels)

    def features(self, st: NerState, out: list[int]) -> None:
        """Append batch indices of B0 B1 B2, the two words before B0 and the open
        entity's first word (-1 for an empty slot)."""
        i, n, off = st.i, st.n, st.offset
        for k in (i, i + 1, i + 2, i - 1, i - 2):
            out.append(k + off if 0 <= k < n else -1)
        out.append(st.ent_start + off if st.ent_start >= 0 else -1)

    def valid_types(self, st: NerState) -> tuple[list[bool], int]:
        """Whether O, B, I, L, U are allowed, and the label I/L must have (-1: any)."""
        nxt = st.i + 1
        can_continue = nxt < st.n and st.free[nxt] and not (st.starts and st.starts[nxt])
        if st.ent_start >= 0:
            return [False, False, can_continue, True, False], st.ent_label
        return [True, can_continue, False, False, True], -1

    def oracle(self, st: NerState, gold: NerGold) -> tuple[list[int], list[int]]:
        """Per move type: the cost, and the gold label (another label costs one more)."""
        g = gold.types[st.i]
        gl = gold.labels[st.i]
        if g == -1:
            return [0, 0, 0, 0, 0], [-2] * 5
        starts_gold = g in (BEGIN, UNIT)
        if st.ent_start < 0:
            return (
                [int(starts_gold), int(g != BEGIN), 0, 0, int(g != UNIT)],
                [-2, gl if g == BEGIN else -2, -2, -2, gl if g == UNIT else -2],
            )
        if st.ent_ok and gl == st.ent_label:
            return [0, 0, int(g != IN), int(g != LAST), 0], [-2] * 5
        if st.ent_ok:
            return [0, 0, 1, 1, 0], [-2] * 5
        return [0, 0, int(starts_gold), int(starts_gold), 0], [-2] * 5

    def apply(self, st: NerState, move: int, gold: NerGold | None = None) -> None:
        """Apply a move (by index); with `gold`, track whether the open entity is right."""
        kind = int(self.move_type[move])
        label = int(self.move_label[move])
        i = st.i
        st.tags[i] = move
        if gold is not None:
            g, gl = gold.types[i], gold.labels[i]
            known = g != -1
        else:
            g, gl, known = -1, -1, False
        if kind == BEGIN:
            st.ent_start, st.ent_label = i, label
            st.ent_ok = not known or (g == BEGIN and gl == label)
        elif kind == IN:
            st.ent_ok = st.ent_ok and (not known or (g == IN and gl == label))
        elif kind == LAST:
            st.ent_start, st.ent_label, st.ent_ok = -1, -1, True
        st.i = i + 1
        st._skip_preset()

    def spans(self, st: NerState) -> list[tuple[int, int, int]]:
        """The state's entities as (start, end, label index)."""
        out = []
        start = -1
        for i, move in enumerate(st.tags):
            if move < 0:
                continue
            kind = int(self.move_type[move])
            if kind == UNIT:
                out.append((i, i + 1, int(self.move_label[move])))
            elif kind == BEGIN:
                start = i
            elif kind == LAST and start >= 0:
                out.append((start, i + 1, int(self.move_label[move])))
                start = -1
        return out
