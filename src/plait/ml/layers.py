"""Dense layers with numpy forward/backward passes: Linear (+ReLU), Softmax, window encoder.

Token-level data travels as `Ragged`: one (n_tokens, width) float32 array for a whole batch
plus the number of tokens of each doc, so a batch is a few large matrix products.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .model import Backprop, Model
from .rng import get_rng


@dataclass
class Ragged:
    """A batch of per-doc arrays stored as one: `data` (sum of lengths, width) and `lengths`."""

    data: np.ndarray
    lengths: np.ndarray

    def split(self) -> list[np.ndarray]:
        """One array per doc."""
        return np.split(self.data, np.cumsum(self.lengths)[:-1]) if len(self.lengths) else []

    @classmethod
    def join(cls, arrays: list[np.ndarray], width: int) -> Ragged:
        """Stack per-doc arrays into one."""
        lengths = np.asarray([len(a) for a in arrays], dtype=np.int64)
        if not arrays:
            return cls(np.zeros((0, width), dtype=np.float32), lengths)
        return cls(np.concatenate(arrays).astype(np.float32, copy=False), lengths)


def dropout_mask(shape: tuple[int, ...], rate: float) -> np.ndarray | None:
    """A scaled keep-mask for inverted dropout (None when `rate` is 0)."""
    if rate <= 0.0:
        return None
    keep = get_rng().random(shape, dtype=np.float32) >= rate
    return keep.astype(np.float32) / (1.0 - rate)


def glorot(n_in: int, n_out: int) -> np.ndarray:
    """Glorot-uniform initial weights, from plait's seeded generator."""
    limit = np.sqrt(6.0 / (n_in + n_out))
    return get_rng().uniform(-limit, limit, size=(n_in, n_out)).astype(np.float32)


class Linear(Model):
    """`Y = X @ W + b`, optionally followed by ReLU; inverted dropout on the output."""

    name = "linear"

    def __init__(self, nO: int | None = None, nI: int | None = None, *, relu: bool = False,
                 dropout: float = 0.0, zero_init: bool = False, name: str | None = None) -> None:
        super().__init__(name=name, dims={"nO": nO, "nI": nI})
        self.attrs.update(relu=relu, dropout=dropout, zero_init=zero_init)

    def _param_names(self) -> tuple[str, ...]:
        return ("W", "b")

    def _allocated(self) -> bool:
        return "W" in self.params

    def initialize(self, X: Any = None, Y: Any = None) -> Model:
        if X is not None and self.dims.get("nI") is None:
            self.dims["nI"] = int(np.asarray(X).shape[1])
        if "W" in self.params:
            return self
        nI, nO = self.dims["nI"], self.dims["nO"]
        if nI is None or nO is None:
            return self
        if self.attrs["zero_init"]:
            self.add_param("W", np.zeros((nI, nO), dtype=np.float32))
        else:
            self.add_param("W", glorot(nI, nO))
        self.add_param("b", np.zeros((nO,), dtype=np.float32))
        return self

    def forward(self, X: np.ndarray, is_train: bool) -> tuple[np.ndarray, Backprop]:
        W, b = self.params["W"], self.params["b"]
        Y = X @ W
        Y += b
        relu = self.attrs["relu"]
        if relu:
            np.maximum(Y, 0.0, out=Y)
        mask = dropout_mask(Y.shape, self.attrs["dropout"]) if is_train else None
        if mask is not None:
            Y *= mask

        def backprop(dY: np.ndarray) -> np.ndarray:
            if mask is not None:
                dY = dY * mask
            if relu:
                dY = dY * (Y > 0)
            self.grads["W"] += X.T @ dY
            self.grads["b"] += dY.sum(axis=0)
            return dY @ W.T

        return Y, backprop


class Softmax(Model):
    """Class probabilities; its backprop takes d(loss)/d(logits), i.e. `probs - truth`."""

    name = "softmax"

    def __init__(self, nO: int | None = None, nI: int | None = None, *,
                 normalize: bool = True) -> None:
        super().__init__(dims={"nO": nO, "nI": nI})
        self.attrs["normalize"] = normalize
        self.linear = Linear(nO, nI, zero_init=True)
        self.layers = [self.linear]

    def set_dim(self, name: str, value: int) -> None:
        super().set_dim(name, value)
        self.linear.set_dim(name, value)

    def initialize(self, X: Any = None, Y: Any = None) -> Model:
        if Y is not None and self.dims.get("nO") is None:
            self.set_dim("nO", int(np.asarray(Y).shape[1]))
        self.linear.initialize(X)
        self.dims.update(self.linear.dims)
        return self

    def forward(self, X: np.ndarray, is_train: bool) -> tuple[np.ndarray, Backprop]:
        logits, bp_linear = self.linear(X, is_train)
        if not self.attrs["normalize"]:
            return logits, bp_linear
        return softmax(logits), bp_linear


class Sigmoid(Softmax):
    """Independent class probabilities; backprop takes `probs - truth` (log loss)."""

    name = "sigmoid"

    def forward(self, X: np.ndarray, is_train: bool) -> tuple[np.ndarray, Backprop]:
        logits, bp_linear = self.linear(X, is_train)
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0))), bp_linear


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax (numerically stable)."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    np.exp(shifted, out=shifted)
    shifted /= shifted.sum(axis=-1, keepdims=True)
    return shifted


class WindowEncoder(Model):
    """Residual layers that mix each token with `window` neighbours on each side (a CNN).

    Per layer: concatenate [x(i-w) .. x(i+w)] (zeros past the doc's edges), a ReLU layer back
    to the width, and add the input.
    """

    name = "encode"

    def __init__(self, width: int, depth: int, window: int, dropout: float = 0.0) -> None:
        super().__init__(dims={"nO": width, "nI": width})
        self.attrs.update(window=window, depth=depth)
        self.layers = [
            Linear(width, width * (2 * window + 1), relu=True, dropout=dropout, name="cnn")
            for _ in range(depth)
        ]

    def forward(self, X: Ragged, is_train: bool) -> tuple[Ragged, Backprop]:
        window = self.attrs["window"]
        lengths = X.lengths
        data = X.data
        callbacks = []
        for layer in self.layers:
            seq = expand_window(data, lengths, window)
            out, bp = layer(seq, is_train)
            callbacks.append(bp)
            data = data + out

        def backprop(dY: Ragged) -> Ragged:
            d = dY.data
            for bp in reversed(callbacks):
                d = d + contract_window(bp(d), lengths, window)
            return Ragged(d, lengths)

        return Ragged(data, lengths), backprop


def _offsets_mask(lengths: np.ndarray, offset: int) -> tuple[np.ndarray, np.ndarray]:
    """Source and target rows for shifting by `offset` tokens inside each doc."""
    n = int(lengths.sum())
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    pos = np.arange(n) - starts
    length_of = np.repeat(lengths, lengths)
    src_pos = pos + offset
    ok = (src_pos >= 0) & (src_pos < length_of)
    target = np.flatnonzero(ok)
    return target + offset, target


def expand_window(X: np.ndarray, lengths: np.ndarray, window: int) -> np.ndarray:
    """Concatenate each row with its `window` neighbours each side, inside each doc."""
    n, width = X.shape
    out = np.zeros((n, width * (2 * window + 1)), dtype=X.dtype)
    for k, offset in enumerate(range(-window, window + 1)):
        if offset == 0:
            out[:, k * width:(k + 1) * width] = X
            continue
        src, dst = _offsets_mask(lengths, offset)
        out[dst, k * width:(k + 1) * width] = X[src]
    return out


def contract_window(dX: np.ndarray, lengths: np.ndarray, window: int) -> np.ndarray:
    """The backward pass of `expand_window`: sum each row's gradient back to its source."""
    n = dX.shape[0]
    width = dX.shape[1] // (2 * window + 1)
    out = np.zeros((n, width), dtype=dX.dtype)
    for k, offset in enumerate(range(-window, window + 1)):
        part = dX[:, k * width:(k + 1) * width]
        if offset == 0:
            out += part
            continue
        src, dst = _offsets_mask(lengths, offset)
        out[src] += part[dst]  # rows are distinct within one shift: a plain add is exact
    return out


class WithArray(Model):
    """Apply an array layer to a list of per-doc arrays (joined into one, then split)."""

    name = "with_array"

    def __init__(self, layer: Model) -> None:
        super().__init__(layers=[layer])

    def initialize(self, X: Any = None, Y: Any = None) -> Model:
        sample = np.concatenate(X) if X else None
        truth = np.concatenate(Y) if Y else None
        self.layers[0].initialize(sample, truth)
        return self

    def forward(self, X: list[np.ndarray], is_train: bool) -> tuple[list[np.ndarray], Backprop]:
        lengths = np.asarray([len(x) for x in X], dtype=np.int64)
        width = self.layers[0].get_dim("nI") or 0
        joined = Ragged.join(X, width).data
        Y, bp = self.layers[0](joined, is_train)
        splits = np.cumsum(lengths)[:-1]

        def backprop(dY: list[np.ndarray]) -> list[np.ndarray]:
            dX = bp(np.concatenate(dY) if dY else np.zeros((0, Y.shape[1]), np.float32))
            return np.split(dX, splits)

        return np.split(Y, splits) if len(X) else [], backprop


class RaggedToList(Model):
    """Turn a `Ragged` batch into a list of per-doc arrays (and back for gradients)."""

    name = "ragged2list"

    def forward(self, X: Ragged, is_train: bool) -> tuple[list[np.ndarray], Backprop]:
        lengths = X.lengths

        def backprop(dY: list[np.ndarray]) -> Ragged:
            width = X.data.shape[1]
            return Ragged.join(dY, width) if dY else Ragged(X.data * 0, lengths)

        return X.split(), backprop


class MeanPool(Model):
    """Average each doc's token vectors: list of (n_i, width) -> (n_docs, width)."""

    name = "mean_pool"

    def forward(self, X: list[np.ndarray], is_train: bool) -> tuple[np.ndarray, Backprop]:
        width = X[0].shape[1] if X else 0
        out = np.zeros((len(X), width), dtype=np.float32)
        counts = []
        for i, x in enumerate(X):
            counts.append(max(len(x), 1))
            if len(x):
                out[i] = x.mean(axis=0)

        def backprop(dY: np.ndarray) -> list[np.ndarray]:
            return [
                np.repeat(dY[i:i + 1] / counts[i], len(x), axis=0) for i, x in enumerate(X)
            ]

        return out, backprop


class StaticVectors(Model):
    """Docs -> Ragged (n_tokens, nO): each token's vector from `doc.vocab.vectors`, projected.

    The table is looked up by ORTH (zeros for words without a vector) and multiplied by a
    trainable (nV, nO) matrix `W`; the vectors themselves are not trained. `nV` (the table's
    width) is read from the vocab at `initialize` (E009 when the vocab has no vectors).
    """

    name = "static_vectors"

    def __init__(self, nO: int, *, dropout: float = 0.0) -> None:
        super().__init__(dims={"nO": nO, "nV": None})
        self.attrs["dropout"] = dropout

    def _param_names(self) -> tuple[str, ...]:
        return ("W",)

    def _allocated(self) -> bool:
        return "W" in self.params

    def initialize(self, X: Any = None, Y: Any = None) -> Model:
        if "W" in self.params or not X:
            return self
        vectors = X[0].vocab.vectors
        if not vectors.width or not len(vectors):
            from ..errors import ConfigError, Errors

            raise ConfigError(Errors.E009.format(shape=vectors.shape))
        self.dims["nV"] = vectors.width
        self.add_param("W", glorot(vectors.width, self.dims["nO"]))
        return self

    def lookup(self, docs: Any) -> np.ndarray:
        """The (n_tokens, nV) static vectors of a batch (zeros for words without one)."""
        n_v = self.dims["nV"]
        n = sum(len(doc) for doc in docs)
        if not n:
            return np.zeros((0, n_v), dtype=np.float32)
        vectors = docs[0].vocab.vectors
        if vectors.width != n_v:
            from ..errors import Errors, PipelineError

            raise PipelineError(Errors.E011.format(got=vectors.width, expected=n_v))
        key2row = vectors.key2row
        orths = np.concatenate([doc._orth for doc in docs]).tolist()
        rows = np.fromiter((key2row.get(k, -1) for k in orths), dtype=np.int64, count=n)
        found = rows >= 0
        out = np.zeros((n, n_v), dtype=np.float32)
        out[found] = vectors.data[rows[found]]
        return out

    def forward(self, docs: Any, is_train: bool) -> tuple[Ragged, Backprop]:
        if "W" not in self.params:
            self.initialize(docs)
        V = self.lookup(docs)
        W = self.params["W"]
        Y = V @ W
        mask = dropout_mask(Y.shape, self.attrs["dropout"]) if is_train else None
        if mask is not None:
            Y *= mask
        lengths = np.asarray([len(doc) for doc in docs], dtype=np.int64)

        def backprop(dY: Ragged) -> list:
            d = dY.data if mask is None else dY.data * mask
            self.grads["W"] += V.T @ d
            return []

        return Ragged(Y, lengths), backprop


class ConcatRagged(Model):
    """Run each layer on the same input and concatenate their Ragged outputs column-wise."""

    name = "concat"

    def forward(self, X: Any, is_train: bool) -> tuple[Ragged, Backprop]:
        outputs, callbacks = [], []
        for layer in self.layers:
            out, bp = layer(X, is_train)
            outputs.append(out)
            callbacks.append(bp)
        widths = [out.data.shape[1] for out in outputs]
        lengths = outputs[0].lengths

        def backprop(dY: Ragged) -> Any:
            start, dX = 0, None
            for bp, width in zip(callbacks, widths):
                dX = bp(Ragged(dY.data[:, start:start + width], lengths))
                start += width
            return dX

        return Ragged(np.hstack([out.data for out in outputs]), lengths), backprop
