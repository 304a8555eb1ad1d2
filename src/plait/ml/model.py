"""Model: a layer with named numpy parameters, a forward pass and a backward pass.

A model's `begin_update(X)` returns the output and a `backprop(dY) -> dX` callback that adds
the parameter gradients into `model.grads`; `finish_update(optimizer)` applies them. Layers
nest (`model.layers`), named sub-models are reachable with `get_ref`, and every parameter of
a model tree has a stable dotted name (`"tok2vec.embed.NORM.E"`), which is how weights are
saved (`to_arrays` / `from_arrays`). Parameters are allocated by `initialize`, lazily, so a
model can be created before the labels (and so its output width) are known.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from ..errors import Errors, FormatError

Backprop = Callable[[Any], Any]
_ids = itertools.count(1)


class Gradients(dict):
    """A model's gradients by parameter name; each is a zeroed array made on first use.

    Loaded (inference-only) models never touch them, so loading allocates no gradients.
    """

    def __init__(self, params: dict[str, np.ndarray]) -> None:
        super().__init__()
        self.params = params

    def __missing__(self, name: str) -> np.ndarray:
        grad = np.zeros_like(self.params[name])
        self[name] = grad
        return grad


class Model:
    """A layer: parameters, dimensions, sub-layers and a forward/backward pass."""

    name = "model"

    def __init__(self, name: str | None = None, layers: list[Model] | None = None,
                 dims: dict[str, int | None] | None = None,
                 refs: dict[str, Model] | None = None, attrs: dict[str, Any] | None = None
                 ) -> None:
        self.id = next(_ids)
        if name is not None:
            self.name = name
        self.layers: list[Model] = list(layers or [])
        self.dims: dict[str, int | None] = dict(dims or {})
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = Gradients(self.params)
        self.refs: dict[str, Model] = dict(refs or {})
        self.attrs: dict[str, Any] = dict(attrs or {})

    # --- running ---------------------------------------------------------------------

    def forward(self, X: Any, is_train: bool) -> tuple[Any, Backprop]:
        """Compute the output of `X`; return it and the backward callback."""
        raise NotImplementedError

    def __call__(self, X: Any, is_train: bool = False) -> tuple[Any, Backprop]:
        return self.forward(X, is_train)

    def predict(self, X: Any) -> Any:
        """The output of `X` (no dropout, no gradients)."""
        return self.forward(X, False)[0]

    def sample_output(self, X: Any) -> Any:
        """The output used to infer the next layer's shapes while initializing."""
        return self.predict(X)

    def begin_update(self, X: Any) -> tuple[Any, Backprop]:
        """The output of `X` and a callback `backprop(dY) -> dX` that stores gradients."""
        return self.forward(X, True)

    def initialize(self, X: Any = None, Y: Any = None) -> Model:
        """Allocate parameters (dimensions may be inferred from sample input/output)."""
        for layer in self.layers:
            layer.initialize(X, None)
        return self

    # --- parameters ------------------------------------------------------------------

    def add_param(self, name: str, value: np.ndarray) -> None:
        """Add (or replace) a parameter; its gradient is zeroed (made on first use)."""
        self.params[name] = value
        self.grads.pop(name, None)

    def inc_grad(self, name: str, value: np.ndarray) -> None:
        """Add to the gradient of a parameter."""
        self.grads[name] += value

    def get_dim(self, name: str) -> int | None:
        """A dimension (None when not yet known)."""
        return self.dims.get(name)

    def set_dim(self, name: str, value: int) -> None:
        """Set a dimension."""
        self.dims[name] = value

    def has_dim(self, name: str) -> bool:
        """True when the dimension is known."""
        return self.dims.get(name) is not None

    @property
    def is_initialized(self) -> bool:
        """True when every layer that needs parameters has them."""
        return all(m._allocated() for m in self.walk())

    def _allocated(self) -> bool:
        return True

    # --- structure -------------------------------------------------------------------

    def walk(self) -> Iterator[Model]:
        """This model and every layer under it, depth-first, each once."""
        seen: set[int] = set()
        stack = [self]
        while stack:
            model = stack.pop()
            if model.id in seen:
                continue
            seen.add(model.id)
            yield model
            stack.extend(reversed(model.layers))

    def get_ref(self, name: str) -> Model:
        """A named sub-model (`model.get_ref("tok2vec")`)."""
        return self.refs[name]

    def has_ref(self, name: str) -> bool:
        """True when a sub-model of that name is set."""
        return name in self.refs

    def set_ref(self, name: str, value: Model) -> None:
        """Name a sub-model."""
        self.refs[name] = value

    def replace_node(self, old: Model, new: Model) -> bool:
        """Replace a sub-model everywhere in the tree (layers and refs); True if found."""
        found = False
        for model in list(self.walk()):
            for i, layer in enumerate(model.layers):
                if layer is old:
                    model.layers[i] = new
                    found = True
            for key, ref in model.refs.items():
                if ref is old:
                    model.refs[key] = new
                    found = True
        return found

    def named_layers(self, prefix: str = "") -> Iterator[tuple[str, Model]]:
        """(dotted path, model) of this model and each layer, paths built from names."""
        yield prefix, self
        counts: dict[str, int] = {}
        for layer in self.layers:
            n = counts.get(layer.name, 0)
            counts[layer.name] = n + 1
            local = layer.name if n == 0 else f"{layer.name}{n}"
            yield from layer.named_layers(f"{prefix}.{local}" if prefix else local)

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Every parameter of the tree, by dotted name (`"tok2vec.embed.NORM.E"`)."""
        out: dict[str, np.ndarray] = {}
        for path, model in self.named_layers(self.name):
            for key, value in model.params.items():
                out[f"{path}.{key}"] = value
            for key, value in model.dims.items():
                if value is not None:
                    out[f"{path}.dim:{key}"] = np.asarray(value, dtype=np.int64)
        return out

    def from_arrays(self, arrays: dict[str, np.ndarray], *, where: str = "<model>") -> Model:
        """Set every parameter from `to_arrays` output; the names must match this model."""
        expected: set[str] = set()
        for path, model in self.named_layers(self.name):
            prefix = f"{path}."
            for key, value in arrays.items():
                if not key.startswith(prefix):
                    continue
                local = key[len(prefix):]
                if "." in local:
                    continue
                expected.add(key)
                if local.startswith("dim:"):
                    model.dims[local[4:]] = int(value)
                else:
                    model.add_param(local, value)
            for key in model._param_names():
                if key not in model.params:
                    raise FormatError(
                        Errors.E564.format(name=where, reason=f"parameter {path}.{key} missing")
                    )
        extra = set(arrays) - expected
        if extra:
            raise FormatError(
                Errors.E564.format(name=where, reason=f"unknown parameters {sorted(extra)[:5]}")
            )
        return self

    def _param_names(self) -> tuple[str, ...]:
        """Names of the parameters this layer must have once initialized."""
        return ()

    def finish_update(self, optimizer: Callable) -> None:
        """Apply the stored gradients with `optimizer(key, param, grad)` and zero them."""
        for model in self.walk():
            for key, param in model.params.items():
                grad = model.grads[key]
                optimizer((model.id, key), param, grad)
                grad.fill(0.0)

    def copy(self) -> Model:
        """A deep copy with new ids (parameters copied)."""
        import copy

        memo: dict[int, Any] = {}
        clone = copy.deepcopy(self, memo)
        for model in clone.walk():
            model.id = next(_ids)
        return clone

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} dims={self.dims}>"


class Chain(Model):
    """Layers applied one after the other."""

    name = "chain"

    def forward(self, X: Any, is_train: bool) -> tuple[Any, Backprop]:
        callbacks = []
        for layer in self.layers:
            X, bp = layer(X, is_train)
            callbacks.append(bp)

        def backprop(dY: Any) -> Any:
            for bp in reversed(callbacks):
                dY = bp(dY)
            return dY

        return X, backprop

    def initialize(self, X: Any = None, Y: Any = None) -> Model:
        for i, layer in enumerate(self.layers):
            layer.initialize(X, Y if i == len(self.layers) - 1 else None)
            if X is not None:
                X = layer.sample_output(X)
        return self


def chain(*layers: Model, name: str = "chain") -> Chain:
    """Compose layers: the output of each is the input of the next."""
    return Chain(name=name, layers=list(layers))
