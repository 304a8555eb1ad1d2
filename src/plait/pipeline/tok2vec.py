"""The `tok2vec` component: a token-to-vector layer shared by the components after it.

It writes its output to `doc.tensor` and hands it to every listener (a
`plait.Tok2VecListener.v1` layer inside a later component's model). While training, each
listener sends its gradient back; the tok2vec sums them and applies them in
`finish_update`, so one backward pass serves every listener. `nlp.replace_listeners` gives
a component its own copy of the tok2vec instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

from ..language import Language
from ..ml.model import Model
from ..ml.tok2vec import Tok2VecListener, batch_id
from .tagger import DEFAULT_TOK2VEC, _sample_examples
from .trainable_pipe import TrainablePipe, dropout, validate_examples

if TYPE_CHECKING:
    from ..ml.optimizers import Optimizer
    from ..tokens import Doc
    from ..training.example import Example
    from ..vocab import Vocab


class Tok2Vec(TrainablePipe):
    """Compute token vectors once per batch for the listening components."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "tok2vec") -> None:
        super().__init__(vocab, model, name)
        self.listener_map: dict[str, list[Tok2VecListener]] = {}
        self._pending: list[tuple[Callable, list[np.ndarray]]] = []

    @property
    def listeners(self) -> list[Tok2VecListener]:
        """Every listener connected to this tok2vec."""
        return [m for ms in self.listener_map.values() for m in ms]

    @property
    def listening_components(self) -> list[str]:
        """Names of the components that listen to this tok2vec."""
        return list(self.listener_map)

    def add_listener(self, listener: Tok2VecListener, component_name: str) -> None:
        """Connect a listener (inside the component `component_name`)."""
        found = self.listener_map.setdefault(component_name, [])
        if listener not in found:
            found.append(listener)
        listener.owner = component_name

    def remove_listener(self, listener: Tok2VecListener, component_name: str) -> bool:
        """Disconnect a listener; True if it was connected."""
        found = self.listener_map.get(component_name, [])
        if listener in found:
            found.remove(listener)
            if not found:
                del self.listener_map[component_name]
            return True
        return False

    def find_listeners(self, component: Any) -> None:
        """Connect the listeners inside `component` that name this tok2vec (or "*")."""
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            return
        for node in model.walk():
            if isinstance(node, Tok2VecListener) and node.upstream_name in ("*", self.name):
                self.add_listener(node, component.name)

    # --- running ------------------------------------------------------------------------

    def predict(self, docs: Iterable[Doc]) -> list[np.ndarray]:
        """Token vectors, (n_tokens, width) per doc."""
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            width = self.model.get_dim("nO") or 0
            return [np.zeros((len(doc), width), dtype=np.float32) for doc in docs]
        self._require_initialized()
        return self.model.predict(docs)

    def set_annotations(self, docs: Iterable[Doc], tokvecses: list[np.ndarray]) -> None:
        """Set `doc.tensor` and pass the vectors to the listeners."""
        docs = list(docs)
        for doc, tokvecs in zip(docs, tokvecses):
            doc.tensor = tokvecs
        batch = batch_id(docs)
        for listener in self.listeners:
            listener.receive(batch, tokvecses, _ignore_gradient)

    # --- training -----------------------------------------------------------------------

    def update(self, examples: Iterable[Example], *, drop: float = 0.0,
               sgd: Optimizer | None = None, losses: dict[str, float] | None = None
               ) -> dict[str, float]:
        """Compute vectors for the batch and hand them to the listeners with a callback
        that collects their gradients (applied in `finish_update`)."""
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = validate_examples(examples, "Tok2Vec.update")
        self._require_initialized()
        docs = [eg.predicted for eg in examples]
        with dropout(self.model, drop):
            tokvecs, backprop = self.model.begin_update(docs)
        pending = [np.zeros_like(t) for t in tokvecs]
        self._pending.append((backprop, pending))

        def accumulate_gradient(d_tokvecs: list[np.ndarray]) -> list[np.ndarray]:
            for total, d in zip(pending, d_tokvecs):
                total += d
                losses[self.name] += float((d**2).sum())
            if sgd is not None:
                self.finish_update(sgd)
            return d_tokvecs

        batch = batch_id(docs)
        for listener in self.listeners:
            listener.receive(batch, tokvecs, accumulate_gradient)
        return losses

    def finish_update(self, sgd: Optimizer) -> None:
        """Run the backward pass once with the listeners' summed gradients, then update."""
        pending, self._pending = self._pending, []
        for backprop, d_tokvecs in pending:
            backprop(d_tokvecs)
        self.model.finish_update(sgd)

    def get_loss(self, examples: Iterable[Example], scores: Any) -> tuple[float, Any]:
        """The tok2vec has no loss of its own (its listeners have)."""
        return 0.0, None

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Language | None = None) -> None:
        """Allocate the model's weights."""
        examples = _sample_examples(get_examples, self.name)
        self.model.initialize([eg.predicted for eg in examples[:10]])

    def add_label(self, label: str) -> int:
        """A tok2vec has no labels."""
        raise NotImplementedError


def _ignore_gradient(d: Any) -> Any:
    return d


@Language.factory(
    "tok2vec",
    assigns=["doc.tensor"],
    default_config={"model": dict(DEFAULT_TOK2VEC)},
)
def make_tok2vec(nlp: Language, name: str, model: Model) -> Tok2Vec:
    """Create a `Tok2Vec` (factory "tok2vec")."""
    return Tok2Vec(nlp.vocab, model, name)
