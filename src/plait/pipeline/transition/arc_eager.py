"""The arc-eager transition system for dependency parsing, with a dynamic oracle.

A state is a stack, a buffer (the words from `b0` on) and the arcs found so far. Moves:

- SHIFT: push the first buffer word `b` onto the stack;
- REDUCE: pop the stack top `s` (only once it has a head);
- LEFT-label: make `b` the head of `s`, pop `s` (only while `s` has no head);
- RIGHT-label: make `s` the head of `b`, push `b`.

The parse ends when the buffer is empty; words still without a head are roots, so a doc
parses into a forest of projective trees, one per sentence. Non-projective trees are
trained through pseudo-projective lifting (`plait.training.nonproj`): lifted arcs carry
decorated labels ("obj||xcomp") that `deprojectivize` resolves after parsing.

The oracle is dynamic (Goldberg and Nivre, 2012): a move's cost is the number of gold arcs
that it makes unreachable from the current state, so training can follow the model's own
(possibly wrong) moves and still learn the best move from there. Unknown gold heads or
labels (partial annotation) cost nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import numpy as np

SHIFT, REDUCE, LEFT, RIGHT = range(4)
MOVE_TYPES = ("S", "D", "L", "R")
N_FEATURES = 10
UNKNOWN = -2  # a gold head that is not annotated


class ParseState:
    """Stack, buffer position and arcs of one sentence (or doc) being parsed."""

    __slots__ = ("b0", "heads", "in_stack", "labels", "lchild", "n", "offset", "rchild",
                 "stack", "start")

    def __init__(self, n: int, offset: int, start: int = 0) -> None:
        self.n = n
        self.offset = offset  # index of token 0 of this state in the batch's token array
        self.start = start  # index of token 0 of this state in its doc
        self.stack: list[int] = []
        self.b0 = 0
        self.heads = [-1] * n
        self.labels = [-1] * n
        self.lchild = [-1] * n
        self.rchild = [-1] * n
        self.in_stack = [False] * n

    @property
    def is_final(self) -> bool:
        """True when the buffer is empty."""
        return self.b0 >= self.n


class ParseGold:
    """The gold arcs of a state: heads (UNKNOWN when missing; a root is its own head),
    label indices (-1 when unknown) and each word's gold dependents, sorted."""

    __slots__ = ("heads", "kids", "labels")

    def __init__(self, heads: Sequence[int], labels: Sequence[int]) -> None:
        self.heads = list(heads)
        self.labels = list(labels)
        self.kids: list[list[int]] = [[] for _ in heads]
        for child, head in enumerate(self.heads):
            if head >= 0 and head != child:
                self.kids[head].append(child)


class ArcEager:
    """Moves, features, validity, costs and effects of the arc-eager system."""

    n_features = N_FEATURES

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = list(labels)
        n = 2 + 2 * len(self.labels)
        self.move_type = np.zeros(n, dtype=np.int64)
        self.move_label = np.full(n, -1, dtype=np.int64)
        self.move_type[1] = REDUCE
        for j in range(len(self.labels)):
            self.move_type[2 + 2 * j], self.move_label[2 + 2 * j] = LEFT, j
            self.move_type[3 + 2 * j], self.move_label[3 + 2 * j] = RIGHT, j

    @property
    def n_moves(self) -> int:
        """The number of moves (2 + 2 per label)."""
        return len(self.move_type)

    @property
    def move_names(self) -> list[str]:
        """Names of the moves in output order ("S", "D", "L-nsubj", "R-obj", ...)."""
        names = ["S", "D"]
        for label in self.labels:
            names += [f"L-{label}", f"R-{label}"]
        return names

    def features(self, st: ParseState, out: list[int]) -> None:
        """Append the batch indices of the state's tokens (-1 for an empty slot) to `out`.

        Slots: S0 S1 S2 B0 B1 B2, the leftmost and rightmost dependents of S0, the
        rightmost dependent of S1 and the leftmost dependent of B0.
        """
        stack, n, off = st.stack, st.n, st.offset
        depth = len(stack)
        s0 = stack[-1] if depth else -1
        s1 = stack[-2] if depth > 1 else -1
        s2 = stack[-3] if depth > 2 else -1
        b0 = st.b0 if st.b0 < n else -1
        b1 = st.b0 + 1 if st.b0 + 1 < n else -1
        b2 = st.b0 + 2 if st.b0 + 2 < n else -1
        s0l = st.lchild[s0] if s0 >= 0 else -1
        s0r = st.rchild[s0] if s0 >= 0 else -1
        s1r = st.rchild[s1] if s1 >= 0 else -1
        b0l = st.lchild[b0] if b0 >= 0 else -1
        for i in (s0, s1, s2, b0, b1, b2, s0l, s0r, s1r, b0l):
            out.append(i + off if i >= 0 else -1)

    def valid_types(self, st: ParseState) -> tuple[list[bool], int]:
        """Whether SHIFT, REDUCE, LEFT and RIGHT are allowed (and -1: any label is)."""
        has_s = bool(st.stack)
        has_b = st.b0 < st.n
        s_headed = has_s and st.heads[st.stack[-1]] >= 0
        return [has_b, s_headed, has_s and has_b and not s_headed, has_s and has_b], -1

    def oracle(self, st: ParseState, gold: ParseGold) -> tuple[list[int], list[int]]:
        """Per move type: the cost, and the gold label (a move of that type with another
        label costs one more; -2 or -1 when every label costs the same)."""
        gh, kids = gold.heads, gold.kids
        stack, b0 = st.stack, st.b0
        s = stack[-1] if stack else -1
        b = b0 if b0 < st.n else -1
        in_stack, heads = st.in_stack, st.heads
        shift = reduce = left = right = 0
        left_label = right_label = -2
        if b >= 0:
            h = gh[b]
            if 0 <= h < b and in_stack[h]:
                shift += 1
            lost_kids = 0
            for k in kids[b]:
                if k >= b:
                    break
                if in_stack[k] and heads[k] == -1:
                    lost_kids += 1
            shift += lost_kids
            if s >= 0:
                if h == b or h >= 0 and h != s and (h > b or in_stack[h]):
                    right += 1
                elif h == s:
                    right_label = gold.labels[b]
                right += lost_kids
        if s >= 0:
            s_kids = kids[s]
            buffer_kids = len(s_kids) - bisect_left(s_kids, b0) if s_kids else 0
            reduce = buffer_kids
            if b >= 0:
                h = gh[s]
                if h == s or (h >= b0 and h != b):
                    left += 1
                elif h == b:
                    left_label = gold.labels[s]
                left += buffer_kids
        return [shift, reduce, left, right], [-2, -2, left_label, right_label]

    def apply(self, st: ParseState, move: int, gold: ParseGold | None = None) -> None:
        """Apply a move (by index) to the state (`gold` is not needed)."""
        kind = int(self.move_type[move])
        if kind == SHIFT:
            b = st.b0
            st.stack.append(b)
            st.in_stack[b] = True
            st.b0 = b + 1
        elif kind == REDUCE:
            st.in_stack[st.stack.pop()] = False
        elif kind == LEFT:
            s = st.stack.pop()
            st.in_stack[s] = False
            b = st.b0
            st.heads[s] = b
            st.labels[s] = int(self.move_label[move])
            if st.lchild[b] == -1 or s < st.lchild[b]:
                st.lchild[b] = s
        else:
            s = st.stack[-1]
            b = st.b0
            st.heads[b] = s
            st.labels[b] = int(self.move_label[move])
            st.rchild[s] = max(st.rchild[s], b)
            st.stack.append(b)
            st.in_stack[b] = True
            st.b0 = b + 1
