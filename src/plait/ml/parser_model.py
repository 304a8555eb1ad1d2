"""The greedy transition classifier behind `parser` and `ner` (numpy forward and backward).

A state of a transition system is described by `nF` tokens (the stack top, the first
buffer word, their children...; -1 where a slot is empty). The model scores the moves of a
batch of states in three steps, as spaCy's parser does:

1. `tok2vec`: one vector per token of the batch, computed once per batch;
2. `lower` (precomputed): each token's vector times the weights of every slot, also once
   per batch, so a state's hidden layer is the sum of `nF` looked-up rows (+ bias, ReLU);
3. `upper`: a linear layer from the hidden layer to one score per move.

`ParserModel.begin_parse(docs)` does steps 1-2 and returns a `ParserStep` that scores
states (`scores(features)`) step by step; when training, it records each step and
`ParserStep.backprop()` sends all gradients back at once (into the tok2vec too).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..registry import registry
from ..tokens import Doc
from .layers import Ragged
from .model import Model
from .rng import get_rng


class PrecomputableAffine(Model):
    """Per-slot weights `W` (nI, nF * nO), a bias `b` and a learned row `pad` per empty slot."""

    name = "lower"

    def __init__(self, nO: int, nF: int, nI: int | None = None) -> None:
        super().__init__(dims={"nO": nO, "nF": nF, "nI": nI})

    def _param_names(self) -> tuple[str, ...]:
        return ("W", "b", "pad")

    def _allocated(self) -> bool:
        return "W" in self.params

    def initialize(self, X: Any = None, Y: Any = None) -> Model:
        if "W" in self.params or self.dims.get("nI") is None:
            return self
        nI, nF, nO = self.dims["nI"], self.dims["nF"], self.dims["nO"]
        limit = np.sqrt(6.0 / (nI * nF + nO))
        W = get_rng().uniform(-limit, limit, size=(nI, nF * nO)).astype(np.float32)
        self.add_param("W", W)
        self.add_param("b", np.zeros((nO,), dtype=np.float32))
        self.add_param("pad", np.zeros((nF, nO), dtype=np.float32))
        return self


class StateOutput(Model):
    """The output layer: hidden (nI) -> one score per move (nO); starts at zero."""

    name = "upper"

    def __init__(self, nO: int | None, nI: int) -> None:
        super().__init__(dims={"nO": nO, "nI": nI})

    def _param_names(self) -> tuple[str, ...]:
        return ("W", "b")

    def _allocated(self) -> bool:
        return "W" in self.params

    def initialize(self, X: Any = None, Y: Any = None) -> Model:
        if "W" not in self.params and self.dims.get("nO"):
            nI, nO = self.dims["nI"], self.dims["nO"]
            self.add_param("W", np.zeros((nI, nO), dtype=np.float32))
            self.add_param("b", np.zeros((nO,), dtype=np.float32))
        return self


class ParserModel(Model):
    """tok2vec + precomputed state features + output layer, driven by a transition system."""

    name = "parser_model"

    def __init__(self, tok2vec: Model, nF: int, hidden_width: int, nO: int | None = None
                 ) -> None:
        width = tok2vec.get_dim("nO")
        lower = PrecomputableAffine(hidden_width, nF, width)
        upper = StateOutput(nO, hidden_width)
        super().__init__(layers=[tok2vec, lower, upper],
                         dims={"nO": nO, "nF": nF, "nH": hidden_width, "nI": width})
        self.set_ref("tok2vec", tok2vec)
        self.set_ref("lower", lower)
        self.set_ref("upper", upper)
        self.set_ref("output_layer", upper)

    @property
    def tok2vec(self) -> Model:
        """The token-to-vector layer (its own, or a listener)."""
        return self.get_ref("tok2vec")

    def initialize(self, X: Any = None, Y: Any = None) -> Model:
        tok2vec = self.get_ref("tok2vec")
        tok2vec.initialize(X)
        width = tok2vec.get_dim("nO")
        lower = self.get_ref("lower")
        if lower.get_dim("nI") is None:
            lower.set_dim("nI", width)
        lower.initialize()
        self.get_ref("upper").initialize()
        return self

    def forward(self, X: Any, is_train: bool) -> tuple[Any, Any]:
        """Not used directly: a parser model is run state by state (`begin_parse`)."""
        step = self.begin_parse(X, is_train)
        return step, step.backprop

    def begin_parse(self, docs: Sequence[Doc], is_train: bool) -> ParserStep:
        """Run the tok2vec and precompute the per-slot hidden contributions of every token."""
        return ParserStep(self, docs, is_train)


class ParserStep:
    """Scores states of one batch of docs; records the steps for the backward pass."""

    def __init__(self, model: ParserModel, docs: Sequence[Doc], is_train: bool) -> None:
        self.model = model
        self.is_train = is_train
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        nF, nH = lower.get_dim("nF"), lower.get_dim("nO")
        self.nF, self.nH = nF, nH
        tokvecs, self._bp_tok2vec = model.get_ref("tok2vec")(list(docs), is_train)
        self.lengths = [len(v) for v in tokvecs]
        width = model.get_ref("tok2vec").get_dim("nO") or 0
        X = Ragged.join(list(tokvecs), width).data if tokvecs else np.zeros((0, width))
        self.X = X.astype(np.float32, copy=False)
        self.n_tokens = n = len(self.X)
        self.offsets = np.concatenate([[0], np.cumsum(self.lengths)]).astype(np.int64)
        pre = np.empty((n + 1, nF, nH), dtype=np.float32)
        pre[:n] = (self.X @ lower.params["W"]).reshape(n, nF, nH)
        pre[n] = lower.params["pad"]
        self.pre = pre
        self.b_lower = lower.params["b"]
        self.W_upper, self.b_upper = upper.params["W"], upper.params["b"]
        self._slots = np.arange(nF, dtype=np.int64)
        self._idx: list[np.ndarray] = []
        self._hidden: list[np.ndarray] = []
        self._d_scores: list[np.ndarray] = []

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Move scores (n_states, n_moves) for states given by token indices (n_states, nF)."""
        idx = np.where(features < 0, self.n_tokens, features)
        hidden = self.pre[idx, self._slots].sum(axis=1)
        hidden += self.b_lower
        np.maximum(hidden, 0.0, out=hidden)
        scores = hidden @ self.W_upper
        scores += self.b_upper
        if self.is_train:
            self._idx.append(idx)
            self._hidden.append(hidden)
        return scores

    def add_gradient(self, d_scores: np.ndarray) -> None:
        """The gradient of the loss for the scores of the last `scores` call."""
        self._d_scores.append(d_scores.astype(np.float32, copy=False))

    def backprop(self, _: Any = None) -> None:
        """Add the gradients of every recorded step to the weights (and the tok2vec)."""
        if not self._d_scores:
            return
        lower, upper = self.model.get_ref("lower"), self.model.get_ref("upper")
        H = np.concatenate(self._hidden[: len(self._d_scores)])
        dS = np.concatenate(self._d_scores)
        idx = np.concatenate(self._idx[: len(self._d_scores)])
        upper.grads["W"] += H.T @ dS
        upper.grads["b"] += dS.sum(axis=0)
        dH = dS @ self.W_upper.T
        dH *= H > 0
        lower.grads["b"] += dH.sum(axis=0)
        n, nF, nH = self.n_tokens, self.nF, self.nH
        d_pre = scatter_rows((idx * nF + self._slots).ravel(), dH, nF, (n + 1) * nF)
        d_pre = d_pre.reshape(n + 1, nF, nH)
        lower.grads["pad"] += d_pre[n]
        d_flat = d_pre[:n].reshape(n, nF * nH)
        lower.grads["W"] += self.X.T @ d_flat
        dX = d_flat @ lower.params["W"].T
        self._bp_tok2vec(np.split(dX, self.offsets[1:-1]))
        self._idx, self._hidden, self._d_scores = [], [], []


def scatter_rows(targets: np.ndarray, values: np.ndarray, repeat: int, n_rows: int
                 ) -> np.ndarray:
    """Sum `values[k // repeat]` into row `targets[k]` of a zero (n_rows, width) array.

    Sorting the targets and summing runs with `np.add.reduceat` is much faster than
    `np.add.at` for the many repeated rows of a batch of parser states.
    """
    out = np.zeros((n_rows, values.shape[1]), dtype=np.float32)
    if not len(targets):
        return out
    order = np.argsort(targets, kind="stable")
    ordered = targets[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    out[ordered[starts]] = np.add.reduceat(values[order // repeat], starts, axis=0)
    return out


@registry.architectures("plait.TransitionBasedParser.v2")
def build_transition_model(
    tok2vec: Model, state_type: str = "parser", extra_state_tokens: bool = False,
    hidden_width: int = 64, maxout_pieces: int = 2, use_upper: bool = True,
    nO: int | None = None,
) -> ParserModel:
    """A greedy transition classifier: state tokens' vectors -> ReLU hidden -> move scores.

    `state_type` ("parser" or "ner") picks the number of state tokens; `maxout_pieces`,
    `extra_state_tokens` and `use_upper` are accepted for spaCy configs (the hidden layer
    is ReLU and the output layer is always used).
    """
    from ..errors import ConfigError, Errors
    from ..pipeline.transition import N_FEATURES

    if state_type not in N_FEATURES:
        raise ConfigError(Errors.E605.format(
            value=state_type, name="model", key="state_type",
            reason=f"use one of {sorted(N_FEATURES)}"))
    return ParserModel(tok2vec, N_FEATURES[state_type], hidden_width, nO)
