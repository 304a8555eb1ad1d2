"""TrainablePipe: the base class of components with a model learned from examples.

A subclass defines `predict(docs) -> scores`, `set_annotations(docs, scores)`,
`get_loss(examples, scores) -> (loss, d_scores)` and `initialize(get_examples, nlp=,
labels=)`; the base class gives `__call__`, `pipe`, `update`, `add_label`, `labels`, `score`,
optimizers, parameter swapping and serialization. Saved data is two parts: `cfg` (JSON:
labels and settings) and `model` (the weights: a `plait.persist` file of float32 arrays,
memory-mapped copy-on-write when loaded from disk).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .. import serialize
from ..errors import Errors, FormatError, InputTypeError, PipelineError, PlaitError
from ..ml.model import Model

if TYPE_CHECKING:
    from ..language import Language
    from ..ml.optimizers import Optimizer
    from ..tokens import Doc
    from ..training.example import Example
    from ..vocab import Vocab


class TrainablePipe:
    """A pipeline component with a model, trained with `update` and saved as arrays."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "trainable_pipe", *,
                 scorer: Callable | None = None, **cfg: Any) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.scorer = scorer
        self.cfg: dict[str, Any] = {"labels": [], **cfg}

    # --- running -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one doc and return it."""
        self.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Annotate a stream of docs in batches of `batch_size`."""
        batch: list[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                self.set_annotations(batch, self.predict(batch))
                yield from batch
                batch = []
        if batch:
            self.set_annotations(batch, self.predict(batch))
            yield from batch

    def predict(self, docs: Iterable[Doc]) -> Any:
        """Scores for a batch of docs, without modifying them."""
        raise NotImplementedError

    def set_annotations(self, docs: Iterable[Doc], scores: Any) -> None:
        """Write the predictions `scores` into the docs."""
        raise NotImplementedError

    # --- training ------------------------------------------------------------------------

    def get_loss(self, examples: Iterable[Example], scores: Any) -> tuple[float, Any]:
        """The loss and its gradient with respect to `scores`."""
        raise NotImplementedError

    def update(self, examples: Iterable[Example], *, drop: float = 0.0,
               sgd: Optimizer | None = None, losses: dict[str, float] | None = None
               ) -> dict[str, float]:
        """Learn from a batch of examples; add this component's loss to `losses`."""
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = validate_examples(examples, f"{type(self).__name__}.update")
        self._require_initialized()
        if not examples:
            return losses
        docs = [eg.predicted for eg in examples]
        with dropout(self.model, drop):
            scores, backprop = self.model.begin_update(docs)
        loss, d_scores = self.get_loss(examples, scores)
        backprop(d_scores)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += float(loss)
        return losses

    def finish_update(self, sgd: Optimizer) -> None:
        """Apply the accumulated gradients with the optimizer."""
        self.model.finish_update(sgd)

    def create_optimizer(self) -> Optimizer:
        """A new default optimizer (Adam) for training this component alone."""
        from ..ml.optimizers import Optimizer  # not needed to load or run a pipeline

        return Optimizer()

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Language | None = None, labels: Any = None) -> None:
        """Set the labels (given, or read from the examples) and allocate the model."""
        raise NotImplementedError

    def _require_initialized(self) -> None:
        if not self.model.is_initialized:
            raise PipelineError(Errors.E560.format(name=self.name))

    # --- labels --------------------------------------------------------------------------

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels the component predicts, in order."""
        return tuple(self.cfg["labels"])

    @property
    def label_data(self) -> Any:
        """The labels, in the form `initialize(labels=...)` accepts."""
        return list(self.labels)

    def add_label(self, label: str) -> int:
        """Add a label; return 1 if it was new, 0 if known. Must precede initialization."""
        if not isinstance(label, str) or not label:
            raise InputTypeError(
                Errors.E559.format(value=label, type=type(label).__name__, name=self.name)
            )
        if label in self.cfg["labels"]:
            return 0
        if self.model.is_initialized and self._output_is_sized():
            raise PipelineError(
                Errors.E563.format(label=label, name=self.name, labels=list(self.labels))
            )
        self.cfg["labels"].append(label)
        self.vocab.strings.add(label)
        return 1

    def _extend_labels(self, labels: Iterable[str], *, intern: bool = True) -> None:
        """Append the labels not known yet (to the string store too, when `intern`)."""
        for label in labels:
            if label not in self.cfg["labels"]:
                self.cfg["labels"].append(label)
                if intern:
                    self.vocab.strings.add(label)

    def _output_is_sized(self) -> bool:
        if not self.model.has_ref("output_layer"):
            return False
        return self.model.get_ref("output_layer").has_dim("nO")

    def _set_output_width(self, n: int) -> None:
        """Size the output layer for `n` labels (dropping its weights if the size changes)."""
        output = self.model.get_ref("output_layer")
        if output.get_dim("nO") != n:
            for layer in output.walk():
                layer.params.clear()
                layer.grads.clear()
        output.set_dim("nO", n)
        self.model.set_dim("nO", n)

    # --- scoring -------------------------------------------------------------------------

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Score the component's predictions (in `example.predicted`) against the references."""
        if self.scorer is None:
            return {}
        return self.scorer(validate_examples(examples, f"{type(self).__name__}.score"), **kwargs)

    # --- parameters ----------------------------------------------------------------------

    @contextmanager
    def use_params(self, params: dict) -> Iterator[None]:
        """Temporarily use other parameter values (an optimizer's averages)."""
        with use_params(self.model, params):
            yield

    # --- serialization -------------------------------------------------------------------

    def _cfg_bytes(self) -> bytes:
        return json.dumps(self.cfg, sort_keys=True).encode("utf8")

    def _set_cfg(self, data: bytes, where: object) -> None:
        try:
            cfg = json.loads(data)
            if not isinstance(cfg, dict) or not isinstance(cfg.get("labels", []), (list, dict)):
                raise ValueError("expected a JSON object with a 'labels' list")  # noqa: TRY004
        except (ValueError, UnicodeDecodeError) as e:
            raise FormatError(Errors.E564.format(name=self.name, reason=f"{where}: {e}")) from e
        self.cfg.update(cfg)
        self._after_cfg_loaded()

    def _after_cfg_loaded(self) -> None:
        """Hook: adjust the model to the loaded settings (e.g. the number of labels)."""
        labels = self.cfg.get("labels")
        if isinstance(labels, list):
            self.vocab.strings.add_many([str(label) for label in labels])

    def _model_bytes(self) -> bytes:
        from ..persist import dump

        buf = io.BytesIO()
        dump(self.model.to_arrays(), buf, compress=False)
        return buf.getvalue()

    def _set_model(self, source: bytes | Path) -> None:
        from ..persist import load

        try:
            if isinstance(source, Path):
                arrays = load(source, mmap_mode="c")
            else:
                arrays = load(io.BytesIO(source))
        except PlaitError as e:
            raise FormatError(Errors.E564.format(name=self.name, reason=e)) from e
        if not isinstance(arrays, dict) or not all(
            isinstance(v, np.ndarray) for v in arrays.values()
        ):
            raise FormatError(Errors.E564.format(name=self.name, reason="not a map of arrays"))
        self.model.from_arrays(arrays, where=self.name)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize settings and weights."""
        exclude = serialize.check_exclude(exclude, ["cfg", "model", "vocab"])
        return serialize.to_bytes({"cfg": self._cfg_bytes, "model": self._model_bytes}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> TrainablePipe:
        """Load settings and weights from `to_bytes` output."""
        exclude = serialize.check_exclude(exclude, ["cfg", "model", "vocab"])
        serialize.from_bytes(
            bytes_data,
            {"cfg": lambda b: self._set_cfg(b, "<bytes>"), "model": self._set_model},
            exclude,
        )
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write `path/cfg` (JSON) and `path/model` (arrays in plait's safe format)."""
        exclude = serialize.check_exclude(exclude, ["cfg", "model", "vocab"])
        serialize.to_disk(
            path,
            {
                "cfg": lambda p: serialize.write_bytes(p, self._cfg_bytes()),
                "model": lambda p: _dump_arrays(self.model.to_arrays(), p),
            },
            exclude,
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TrainablePipe:
        """Read what `to_disk` wrote; the weights are memory-mapped (copy-on-write)."""
        exclude = serialize.check_exclude(exclude, ["cfg", "model", "vocab"])
        serialize.from_disk(
            path,
            {"cfg": lambda p: self._set_cfg(_read(p, self.name), p), "model": self._set_model},
            exclude,
        )
        return self


def _dump_arrays(arrays: dict[str, np.ndarray], path: Path) -> None:
    from ..persist import dump

    dump(arrays, path, compress=False)


def _read(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise FormatError(Errors.E564.format(name=name, reason=e)) from e


def validate_examples(examples: Any, method: str) -> list[Example]:
    """Check that `examples` is an iterable of Example objects; return them as a list."""
    from ..training.example import Example

    if isinstance(examples, (str, bytes)) or not isinstance(examples, Iterable):
        raise InputTypeError(Errors.E557.format(name=method, type=type(examples).__name__))
    examples = list(examples)
    for eg in examples:
        if not isinstance(eg, Example):
            raise InputTypeError(Errors.E557.format(name=method, type=type(eg).__name__))
    return examples


@contextmanager
def dropout(model: Model, rate: float) -> Iterator[None]:
    """Temporarily set the dropout rate of every layer that has one."""
    saved = []
    for layer in model.walk():
        if "dropout" in layer.attrs:
            saved.append((layer, layer.attrs["dropout"]))
            layer.attrs["dropout"] = rate
    try:
        yield
    finally:
        for layer, value in saved:
            layer.attrs["dropout"] = value


@contextmanager
def use_params(model: Model, params: dict) -> Iterator[None]:
    """Swap in parameter values keyed by `(layer id, name)` (an optimizer's averages)."""
    swapped = []
    for layer in model.walk():
        for key, value in layer.params.items():
            new = params.get((layer.id, key))
            if new is not None:
                swapped.append((layer, key, value))
                layer.params[key] = new
    try:
        yield
    finally:
        for layer, key, value in swapped:
            layer.params[key] = value
