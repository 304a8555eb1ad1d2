"""Hashed token features: token attributes (NORM, PREFIX, SUFFIX, SHAPE, ...) -> table rows.

Each attribute value (a 64-bit string hash) is mixed with a per-attribute seed and reduced
modulo the table size, twice with different seeds, so two words share both rows only rarely.
`HashEmbed` sums the rows of each attribute's table and concatenates the attributes; the
neighbours of a token come in through the window encoder that follows it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import attrs as A
from ..tokens import Doc
from .layers import Ragged, dropout_mask
from .model import Backprop, Model
from .rng import get_rng

_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)
N_HASHES = 2


def mix64(values: np.ndarray, seed: int) -> np.ndarray:
    """A 64-bit finalizer hash of `values` xor `seed` (uint64 arithmetic wraps)."""
    h = values ^ np.uint64(seed)
    h ^= h >> _S33
    h *= _M1
    h ^= h >> _S33
    h *= _M2
    h ^= h >> _S33
    return h


def scatter_add(target: np.ndarray, rows: np.ndarray, values: np.ndarray) -> None:
    """`target[rows] += values` with repeated rows summed (faster than `np.add.at`)."""
    if not len(rows):
        return
    order = np.argsort(rows, kind="stable")
    sorted_rows = rows[order]
    uniq, starts = np.unique(sorted_rows, return_index=True)
    target[uniq] += np.add.reduceat(values[order], starts, axis=0)


def attr_values(docs: Sequence[Doc], attr_ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """(n_tokens, n_attrs) uint64 attribute values of a batch, and each doc's length."""
    lengths = np.asarray([len(doc) for doc in docs], dtype=np.int64)
    n = int(lengths.sum())
    out = np.zeros((n, len(attr_ids)), dtype=np.uint64)
    if n == 0:
        return out, lengths
    vocab = docs[0].vocab
    orths = np.concatenate([doc._orth for doc in docs])
    for j, attr_id in enumerate(attr_ids):
        if attr_id == A.ORTH:
            out[:, j] = orths
            continue
        values = vocab.lex_attr_array(orths, attr_id)
        if attr_id == A.NORM and any("norm" in doc._cols for doc in docs):
            token_norms = np.concatenate([doc._column("norm") for doc in docs])
            values = np.where(token_norms != 0, token_norms, values)
        out[:, j] = values
    return out, lengths


def hash_rows(values: np.ndarray, n_rows: Sequence[int], seed: int) -> np.ndarray:
    """Table rows (n_tokens, n_attrs, N_HASHES) int64 for attribute values."""
    n, n_attrs = values.shape
    rows = np.empty((n, n_attrs, N_HASHES), dtype=np.int64)
    for j in range(n_attrs):
        for k in range(N_HASHES):
            h = mix64(values[:, j].copy(), seed * 7919 + j * 31 + k + 1)
            rows[:, j, k] = (h % np.uint64(n_rows[j])).astype(np.int64)
    return rows


class HashEmbed(Model):
    """Docs -> Ragged (n_tokens, width * n_attrs): summed hashed rows per attribute."""

    name = "embed"

    def __init__(self, width: int, attrs: Sequence[str], rows: Sequence[int], *,
                 seed: int = 0, dropout: float = 0.0) -> None:
        if len(attrs) != len(rows):
            from ..errors import ConfigError, Errors

            raise ConfigError(
                Errors.E568.format(name="tok2vec", what="len(rows)", got=len(rows),
                                   expected=len(attrs))
            )
        super().__init__(dims={"nO": width * len(attrs), "width": width})
        self.attrs.update(
            attr_names=list(attrs), attr_ids=[A.intify_attr(a) for a in attrs],
            rows=[int(r) for r in rows], seed=seed, dropout=dropout,
        )

    def _param_names(self) -> tuple[str, ...]:
        return tuple(f"E_{name}" for name in self.attrs["attr_names"])

    def _allocated(self) -> bool:
        return all(key in self.params for key in self._param_names())

    def initialize(self, X: object = None, Y: object = None) -> Model:
        width = self.dims["width"]
        for name, n_rows in zip(self.attrs["attr_names"], self.attrs["rows"]):
            if f"E_{name}" not in self.params:
                table = get_rng().uniform(-0.1, 0.1, size=(n_rows, width)).astype(np.float32)
                self.add_param(f"E_{name}", table)
        return self

    def forward(self, docs: Sequence[Doc], is_train: bool) -> tuple[Ragged, Backprop]:
        values, lengths = attr_values(docs, self.attrs["attr_ids"])
        rows = hash_rows(values, self.attrs["rows"], self.attrs["seed"])
        width = self.dims["width"]
        names = self.attrs["attr_names"]
        out = np.empty((len(values), width * len(names)), dtype=np.float32)
        for j, name in enumerate(names):
            table = self.params[f"E_{name}"]
            block = table[rows[:, j, 0]]
            for k in range(1, N_HASHES):
                block += table[rows[:, j, k]]
            out[:, j * width:(j + 1) * width] = block
        mask = dropout_mask(out.shape, self.attrs["dropout"]) if is_train else None
        if mask is not None:
            out *= mask

        def backprop(dY: Ragged) -> list:
            d = dY.data if mask is None else dY.data * mask
            for j, name in enumerate(names):
                grad = self.grads[f"E_{name}"]
                part = d[:, j * width:(j + 1) * width]
                for k in range(N_HASHES):
                    scatter_add(grad, rows[:, j, k], part)
            return []

        return Ragged(out, lengths), backprop
