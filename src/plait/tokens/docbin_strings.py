"""The string table of a DocBin chunk: hash columns in, (strings, index columns) out.

A chunk stores each string column as indices into one sorted table of the strings its
hashes stand for. Mapping a million hashes to table positions is the costly step of
writing a DocBin; `table_positions` does it with a vectorized open-addressing hash table
(a few numpy gathers over the column) instead of a binary search per token.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from ..errors import Errors, LookupFailed

if TYPE_CHECKING:
    from ..strings import StringStore

INDEX_DTYPES = ("|u1", "<u2", "<u4")
# Fibonacci hashing: spreads keys that are not well mixed (small symbol IDs) over the slots
_MIX = np.uint64(0x9E3779B97F4A7C15)
# map_strings guesses the string table from every _STRIDE-th value of each column
_STRIDE = 16


def index_dtype(n_strings: int) -> np.dtype:
    """The smallest unsigned dtype that can index a table of `n_strings` strings."""
    for descr in INDEX_DTYPES:
        if n_strings <= np.iinfo(np.dtype(descr)).max + 1:
            return np.dtype(descr)
    return np.dtype("<u8")


def table_positions(keys: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The position in `keys` (unique uint64) of each of `values` (all must be in `keys`)."""
    out = find_positions(keys, values)
    if len(out) and out.min() < 0:  # a value not in keys: a caller bug, never silent
        raise ValueError("table_positions: a value is not among the keys")
    return out


def find_positions(keys: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The position in `keys` (unique uint64) of each of `values`, -1 where it is absent.

    Builds an open-addressing table (linear probing, at most 1/4 full) over `keys`, then
    looks every value up at once; each probe round only revisits the values that missed.
    """
    m = len(keys)
    bits = max(4, (4 * m - 1).bit_length())
    size = 1 << bits
    shift = np.uint64(64 - bits)
    wrap = size - 1
    slot_keys = np.zeros(size, dtype=np.uint64)
    slot_pos = np.full(size, -1, dtype=np.int64)
    with np.errstate(over="ignore"):
        slots = ((keys * _MIX) >> shift).astype(np.int64)
        pending = np.arange(m, dtype=np.int64)
        while len(pending):
            s = slots[pending]
            free = slot_pos[s] < 0
            slot_pos[s[free]] = pending[free]  # of keys sharing a free slot, one wins
            won = slot_pos[s] == pending
            slot_keys[s[won]] = keys[pending[won]]
            pending = pending[~won]
            slots[pending] = (slots[pending] + 1) & wrap
        where = ((values * _MIX) >> shift).astype(np.int64)
    out = slot_pos[where]
    miss = np.flatnonzero((slot_keys[where] != values) & (out >= 0))
    while len(miss):
        s = (where[miss] + 1) & wrap
        where[miss] = s
        out[miss] = slot_pos[s]
        miss = miss[(slot_keys[s] != values[miss]) & (out[miss] >= 0)]
    return out


def map_strings(
    columns: dict[str, np.ndarray], string_columns: Iterable[str], stores: list[StringStore]
) -> tuple[list[str], dict[str, np.ndarray]]:
    """Replace hash columns by indices into one sorted table of their strings ("" first).

    Raises LookupFailed E002 for a hash none of `stores` knows.
    """
    names = [name for name in string_columns if name in columns]
    table, positions = _positions(
        [np.ascontiguousarray(columns[name], dtype=np.uint64) for name in names])
    strings = []
    first = stores[0]._map if stores else {}
    for h in table.tolist():
        text = first.get(h)
        if text is None:
            text = next((s._map[h] for s in stores[1:] if h in s._map), None)
            if text is None:
                if h == 0:
                    text = ""
                else:
                    raise LookupFailed(Errors.E002.format(key=h))
        strings.append(text)
    dtype = index_dtype(len(table))
    out = dict(columns)
    for name, pos in zip(names, positions):
        out[name] = pos.astype(dtype)
    return strings, out


def _positions(cols: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """(sorted unique values of `cols` and 0, each column's positions in them).

    Rather than a full `np.unique` of every column, guesses the table from every
    `_STRIDE`-th value, looks all values up, then adds the few values the guess missed
    (rare words, rare labels) and moves the positions found to the final table.
    """
    guess = np.unique(np.concatenate([np.zeros(1, dtype=np.uint64),
                                      *[col[::_STRIDE] for col in cols]]))
    found = [find_positions(guess, col) for col in cols]
    missed = [col[pos < 0] for col, pos in zip(cols, found)]
    if not any(len(m) for m in missed):
        return guess, found
    table = np.union1d(guess, np.concatenate(missed))
    moved = np.searchsorted(table, guess)
    out = []
    for col, pos, miss in zip(cols, found, missed):
        if len(miss):
            new = moved[pos]
            new[pos < 0] = np.searchsorted(table, miss)
            out.append(new)
        else:
            out.append(moved[pos])
    return table, out
