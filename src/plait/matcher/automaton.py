"""The Matcher's state machine: compiled patterns run over per-token bitmasks.

The Matcher evaluates every distinct token description ("spec") of its patterns once per
token and packs the results into one integer per token: bit `s` is set when the token
satisfies spec `s`. A compiled pattern is a sequence of nodes `(quantifier, spec bit)`;
this module runs all patterns over those integers.

The semantics and the order of the results are spaCy's: at each token, a new partial
match ("state") is started for every pattern; each state either takes the token and
moves on, or waits on an optional node, or dies; a match is reported at the moment its
state completes, states being visited in the order they were created (states forked
while crossing optional nodes go after the others). Matches are therefore in the order
they complete, not sorted by start. Two shortcuts keep this fast without changing the
result: a state is only started at a token one of the pattern's first nodes can take
(any other would die at once), and a pattern without optional nodes is checked up to its
end before its state is started.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from .patterns import ONE, ZERO, ZERO_ONE, ZERO_PLUS

# A match as the state machine reports it: (match_id, start, end, alignment or None),
# where the alignment gives, for each matched token, the index of the token description
# in the pattern that took it.
RawMatch = tuple[int, int, int, "tuple[int, ...] | None"]


class CompiledPattern:
    """One pattern of one key, as nodes over spec bits."""

    __slots__ = (
        "bits",
        "first_neg",
        "first_pos",
        "fixed",
        "last",
        "match_id",
        "nodes",
        "quants",
        "token_idx",
    )

    def __init__(
        self, match_id: int, quants: Sequence[int], bits: Sequence[int], token_idx: Sequence[int]
    ) -> None:
        self.match_id = match_id
        self.quants = tuple(quants)
        self.bits = tuple(bits)
        self.token_idx = tuple(token_idx)
        self.last = len(self.quants) - 1
        # (quantifier, spec bit, token index, is last) per node, for the state machine
        self.nodes = tuple(
            (q, bit, i, k == self.last)
            for k, (q, bit, i) in enumerate(zip(self.quants, self.bits, self.token_idx))
        )
        self.fixed = all(q in (ONE, ZERO) for q in self.quants)
        # The nodes a new state can take its first token with: the leading optional nodes
        # and the first required one.
        pos = neg = 0
        for q, bit in zip(self.quants, self.bits):
            if q == ZERO:
                neg |= bit
            else:
                pos |= bit
            if q in (ONE, ZERO):
                break
        self.first_pos = pos
        self.first_neg = neg

    def takes_first(self, bits: int) -> bool:
        """Can a state of this pattern start at a token with these bits?"""
        if bits & self.first_pos:
            return True
        return bool(self.first_neg) and not (bits & self.first_neg)

    def fits_at(self, bits: list[int], start: int, n: int) -> bool:
        """For a pattern without optional nodes: does it match from `start` on?"""
        end = start + self.last + 1
        if end > n:
            return False
        for k in range(1, self.last + 1):
            hit = bits[start + k] & self.bits[k]
            if (not hit) if self.quants[k] == ONE else hit:
                return False
        return True


class StartIndex(dict):
    """Token bits -> the patterns a state may start with at such a token (memoized)."""

    def __init__(self, patterns: list[CompiledPattern]) -> None:
        super().__init__()
        self.patterns = patterns

    def __missing__(self, bits: int) -> tuple[CompiledPattern, ...]:
        found = tuple(p for p in self.patterns if p.takes_first(bits))
        if len(self) < 100_000:
            self[bits] = found
        return found


def find_matches(index: StartIndex, bits: list[int], with_alignments: bool) -> list[RawMatch]:
    """Run every pattern over the token bits; return the matches in spaCy's order.

    A state is `(nodes, node index, length, start, alignment so far or None, match_id)`.
    At each token, every state looks at its node: a required node (ONE; ZERO is "!",
    which takes a token that does *not* match) takes the token or the state dies; an
    optional node ("?" ZERO_ONE, "*" ZERO_PLUS) that matches forks a state that took the
    token, and the state also tries the next node with the same token. A state that
    completes reports a match. Forked states go after the others, and new states (one per
    pattern that can start at the token) after those: the order of the states, and so of
    the matches, is spaCy's. Duplicates and empty matches are left to the caller.
    """
    n = len(bits)
    starting = list(map(index.__getitem__, bits))
    positions = list(compress(range(n), starting))
    out: list[RawMatch] = []
    if not positions:
        return out
    emit = out.append
    align = with_alignments
    empty_path = () if align else None
    states: list[tuple] = []
    positions.append(n)  # sentinel
    next_pos = 0
    t = positions[0]
    while t < n:
        if positions[next_pos] == t:
            for p in starting[t]:
                if p.fixed and not p.fits_at(bits, t, n):
                    continue
                states.append((p.nodes, 0, 0, t, empty_path, p.match_id))
            next_pos += 1
        if states:
            b = bits[t]
            kept: list[tuple] = []
            forked: list[tuple] = []
            for nodes, k, length, start, path, match_id in states:
                while True:
                    q, bit, token_idx, final = nodes[k]
                    hit = b & bit
                    if q <= ONE:  # ONE or ZERO
                        if (not hit) if q == ZERO else hit:
                            took = path + (token_idx,) if align else None
                            if final:
                                emit((match_id, start, start + length + 1, took))
                            else:
                                kept.append((nodes, k + 1, length + 1, start, took, match_id))
                        break
                    if hit:
                        took = path + (token_idx,) if align else None
                        if final:
                            if length:
                                emit((match_id, start, start + length, path))
                            if q == ZERO_PLUS:
                                kept.append((nodes, k, length + 1, start, took, match_id))
                            else:
                                emit((match_id, start, start + length + 1, took))
                            break
                        nxt = k if q == ZERO_PLUS else k + 1
                        forked.append((nodes, nxt, length + 1, start, took, match_id))
                    elif final:
                        if length:
                            emit((match_id, start, start + length, path))
                        break
                    k += 1
            if forked:
                kept.extend(forked)
            states = kept
            t += 1
        else:
            t = positions[next_pos]
    _finish(states, out)
    return out


def _finish(states: list[tuple], out: list[RawMatch]) -> None:
    """At the end of the doc: states waiting only on optional nodes are matches."""
    for nodes, k, length, start, path, match_id in states:
        while nodes[k][0] >= ZERO_ONE:  # "?" or "*"
            if nodes[k][3]:
                if length:
                    out.append((match_id, start, start + length, path))
                break
            k += 1
