"""Dependency-tree reading over a Doc's head column: children, subtrees, sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .doc import Doc


def abs_heads(doc: Doc) -> np.ndarray:
    """The absolute head index of every token (int64; a root is its own head)."""
    n = len(doc._orth)
    rel = doc._cols.get("head")
    base = np.arange(n, dtype=np.int64)
    return base if rel is None else base + rel


def has_parse(doc: Doc) -> bool:
    """True when the doc has dependency labels or non-trivial heads."""
    for name in ("dep", "head"):
        col = doc._cols.get(name)
        if col is not None and col.any():
            return True
    return False


def tree_roots(heads: np.ndarray) -> np.ndarray:
    """The root of each token's tree, by pointer jumping (cycles end at an arbitrary member)."""
    root = heads.copy()
    for _ in range(64):
        nxt = root[root]
        if np.array_equal(nxt, root):
            break
        root = nxt
    return root


def sent_starts_from_heads(heads: np.ndarray) -> np.ndarray:
    """Sentence starts (int8, 1 or -1) implied by a parse: each tree's leftmost token starts one."""
    n = len(heads)
    out = np.full(n, -1, dtype=np.int8)
    if n == 0:
        return out
    root = tree_roots(heads)
    first = np.full(n, n, dtype=np.int64)
    idx = np.arange(n, dtype=np.int64)
    np.minimum.at(first, root, idx)
    out[first[root] == idx] = 1
    return out


def children_of(heads: np.ndarray, i: int) -> np.ndarray:
    """Indices of the tokens whose head is `i` (not `i` itself), in order."""
    found = np.flatnonzero(heads == i)
    return found[found != i]


def subtree_mask(heads: np.ndarray, i: int) -> np.ndarray:
    """Boolean mask of `i` and all its descendants."""
    mask = np.zeros(len(heads), dtype=bool)
    mask[i] = True
    while True:
        grown = mask | mask[heads]
        if np.array_equal(grown, mask):
            return mask
        mask = grown


def ancestors_of(heads: np.ndarray, i: int) -> list[int]:
    """The heads above `i`, nearest first (stops at a root or on a cycle)."""
    out: list[int] = []
    seen = {i}
    cur = i
    while True:
        nxt = int(heads[cur])
        if nxt in seen:
            return out
        out.append(nxt)
        seen.add(nxt)
        cur = nxt
