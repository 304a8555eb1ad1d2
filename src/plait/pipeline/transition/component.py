"""TransitionComponent: the greedy, batched parsing loop shared by `parser` and `ner`.

All states of a batch advance together: at each step the features of the unfinished states
are gathered into one array, the model scores them in one matrix product, the best valid
move of each state is applied. When training, the dynamic oracle gives each move a cost;
the loss of a state is minus the log of the probability the model gives to the moves of
least cost (among the valid ones), and the parser follows its own best move, so it learns
to recover from its mistakes.

A subclass says which system it runs (`make_system`), how a doc becomes states
(`init_states`), how an example gives gold (`gold_for`), and how states become annotations
(`set_annotations`).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ...errors import ConfigError, Errors, FormatError, InputTypeError, PipelineError
from ...ml.parser_model import ParserModel, ParserStep
from ..trainable_pipe import TrainablePipe, dropout, validate_examples

if TYPE_CHECKING:
    from ...ml.model import Model
    from ...ml.optimizers import Optimizer
    from ...tokens import Doc
    from ...training.example import Example
    from ...vocab import Vocab


class TransitionComponent(TrainablePipe):
    """A trainable pipe that predicts by a sequence of moves of a transition system."""

    state_type = "parser"

    def __init__(self, vocab: Vocab, model: Model, name: str, *, moves: Any = None,
                 scorer: Callable | None = None, **cfg: Any) -> None:
        if not isinstance(model, ParserModel):
            raise ConfigError(Errors.E603.format(name=name, model=type(model).__name__))
        super().__init__(vocab, model, name, scorer=scorer, **cfg)
        self._system: Any = None
        self._system_labels: tuple[str, ...] | None = None
        # the gold moves of each reference doc, kept while the doc lives
        self._gold_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        if moves is not None:
            self.cfg["labels"] = self._labels_from_arg(moves)

    # --- hooks for subclasses ------------------------------------------------------------

    def make_system(self, labels: Sequence[str]) -> Any:
        """The transition system for these labels."""
        raise NotImplementedError

    def move_labels(self) -> list[str]:
        """The labels the moves are built from."""
        return list(self.cfg["labels"])

    def init_states(self, docs: Sequence[Doc], offsets: np.ndarray, *, train: bool) -> list:
        """Fresh states for a batch (`offsets[i]`: the batch index of doc i's first token)."""
        raise NotImplementedError

    def gold_for(self, example: Example) -> list:
        """The gold of each state `init_states` makes for the example's predicted doc."""
        raise NotImplementedError

    # --- the system ----------------------------------------------------------------------

    @property
    def moves(self) -> Any:
        """The transition system (rebuilt when the labels change)."""
        labels = tuple(self.move_labels())
        if self._system is None or self._system_labels != labels:
            self._system = self.make_system(labels)
            self._system_labels = labels
        return self._system

    @property
    def move_names(self) -> list[str]:
        """The names of the moves, in the model's output order."""
        return self.moves.move_names

    # --- running -------------------------------------------------------------------------

    def predict(self, docs: Iterable[Doc]) -> list:
        """Parse a batch: the final state(s) of each doc (nothing is written to the docs)."""
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return self.init_states(docs, np.zeros(len(docs) + 1, np.int64), train=False)
        self._require_initialized()
        step = self.model.begin_parse(docs, False)
        states = self.init_states(docs, step.offsets, train=False)
        self._run(step, states)
        return states

    def _run(self, step: ParserStep, states: list, golds: list | None = None) -> float:
        """Advance every state to the end; with `golds`, record the loss gradient."""
        system = self.moves
        move_type, move_label = system.move_type, system.move_label
        n_features = system.n_features
        label_free = move_label[None, :] < 0
        loss = 0.0
        scale = 1.0 / max(len(states), 1)
        active = [k for k, st in enumerate(states) if not st.is_final]
        while active:
            feats: list[int] = []
            valid_types, required = [], []
            for k in active:
                st = states[k]
                system.features(st, feats)
                types, req = system.valid_types(st)
                valid_types.append(types)
                required.append(req)
            F = np.asarray(feats, dtype=np.int64).reshape(len(active), n_features)
            scores = step.scores(F)
            req = np.asarray(required, dtype=np.int64)[:, None]
            valid = np.asarray(valid_types, dtype=bool)[:, move_type]
            valid &= label_free | (req < 0) | (move_label[None, :] == req)
            masked = np.where(valid, scores, -np.inf)
            best = masked.argmax(axis=1)
            if golds is not None:
                loss += self._add_gradient(step, states, golds, active, masked, valid, scale)
            apply = system.apply
            for k, move in zip(active, best.tolist()):
                apply(states[k], move, golds[k] if golds is not None else None)
            active = [k for k in active if not states[k].is_final]
        return loss

    def _add_gradient(self, step: ParserStep, states: list, golds: list, active: list[int],
                      masked: np.ndarray, valid: np.ndarray, scale: float) -> float:
        system = self.moves
        move_type, move_label = system.move_type, system.move_label
        costs_list, labels_list = [], []
        for k in active:
            costs, gold_labels = system.oracle(states[k], golds[k])
            costs_list.append(costs)
            labels_list.append(gold_labels)
        C = np.asarray(costs_list, dtype=np.float32)[:, move_type]
        GL = np.asarray(labels_list, dtype=np.int64)[:, move_type]
        C += (GL >= 0) & (move_label[None, :] != GL)
        C[~valid] = np.inf
        is_gold = C <= C.min(axis=1, keepdims=True)
        shifted = masked - masked.max(axis=1, keepdims=True)
        probs = np.exp(shifted)
        probs /= probs.sum(axis=1, keepdims=True)
        gold_probs = np.where(is_gold, probs, 0.0)
        z = gold_probs.sum(axis=1, keepdims=True)
        d_scores = (probs - gold_probs / np.maximum(z, 1e-30)) * scale
        step.add_gradient(d_scores)
        return float(-np.log(np.maximum(z, 1e-30)).sum() * scale)

    # --- training ------------------------------------------------------------------------

    def update(self, examples: Iterable[Example], *, drop: float = 0.0,
               sgd: Optimizer | None = None, losses: dict[str, float] | None = None
               ) -> dict[str, float]:
        """Learn from a batch: parse each predicted doc following the model's own moves,
        with the oracle's costs as the target; add the loss to `losses[self.name]`."""
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = validate_examples(examples, f"{type(self).__name__}.update")
        self._require_initialized()
        examples = [eg for eg in examples if len(eg.predicted)]
        if not examples:
            return losses
        golds = [g for eg in examples for g in self.gold_for(eg)]
        docs = [eg.predicted for eg in examples]
        with dropout(self.model, drop):
            step = self.model.begin_parse(docs, True)
        states = self.init_states(docs, step.offsets, train=True)
        loss = self._run(step, states, golds)
        step.backprop()
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def get_loss(self, examples: Iterable[Example], scores: Any) -> tuple[float, Any]:
        """Not used: the loss is computed state by state inside `update`."""
        raise NotImplementedError

    # --- labels and initialization -------------------------------------------------------

    def _labels_from_arg(self, labels: Any) -> list[str]:
        """Labels given to `initialize`: a list of str, or the dict `label_data` gives."""
        if isinstance(labels, dict):
            found: set[str] = set()
            for value in labels.values():
                if isinstance(value, (dict, list, tuple)):
                    found.update(value)
            labels = sorted(found)
        if isinstance(labels, str) or not isinstance(labels, (list, tuple)) or not all(
            isinstance(x, str) and x for x in labels
        ):
            raise InputTypeError(Errors.E602.format(name=self.name, value=labels))
        return list(labels)

    def _size_model(self, sample_docs: list[Doc]) -> None:
        """Give the output layer one row per move and allocate the weights."""
        self._set_output_width(self.moves.n_moves)
        self.model.initialize(sample_docs or None)

    def _after_cfg_loaded(self) -> None:
        super()._after_cfg_loaded()
        self.model.get_ref("upper").set_dim("nO", self.moves.n_moves)
        self.model.set_dim("nO", self.moves.n_moves)

    def _set_model(self, source: Any) -> None:
        super()._set_model(source)
        n_out = self.model.get_ref("upper").get_dim("nO")
        if n_out != self.moves.n_moves:
            raise FormatError(Errors.E604.format(
                name=self.name, n_moves=self.moves.n_moves, n_out=n_out))


def check_labels(component: TransitionComponent) -> None:
    """Raise E558 when the component has no labels to predict."""
    if not component.cfg["labels"]:
        raise PipelineError(Errors.E558.format(name=component.name, what=component.state_type))
