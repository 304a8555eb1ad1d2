"""The shared token-to-vector layer (`tok2vec`) and the listener that reads it.

`HashEmbedCNN` (the default) = hashed embeddings of NORM/PREFIX/SUFFIX/SHAPE (plus, with
static vectors, each token's word vector projected to `width`), a ReLU layer mixing them to
`width`, then `depth` residual window layers (a small CNN). Its output is one
(n_tokens, width) float32 array per doc. A `Tok2VecListener` stands in for a tok2vec inside
another component's model: during training it receives the upstream tok2vec component's
output and passes gradients back to it; when predicting it reads `doc.tensor`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..errors import Errors, PipelineError
from ..registry import registry
from ..tokens import Doc
from .features import HashEmbed
from .layers import ConcatRagged, Linear, Ragged, RaggedToList, StaticVectors, WindowEncoder
from .model import Backprop, Chain, Model

SUBWORD_ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE")


class RaggedLinear(Model):
    """Apply a Linear layer to the data of a `Ragged` batch."""

    name = "mix"

    def __init__(self, nO: int, nI: int, *, dropout: float = 0.0) -> None:
        super().__init__(layers=[Linear(nO, nI, relu=True, dropout=dropout)],
                         dims={"nO": nO, "nI": nI})

    def forward(self, X: Ragged, is_train: bool) -> tuple[Ragged, Backprop]:
        Y, bp = self.layers[0](X.data, is_train)

        def backprop(dY: Ragged) -> Ragged:
            return Ragged(bp(dY.data), X.lengths)

        return Ragged(Y, X.lengths), backprop


def build_tok2vec(embed: Model, encode: Model) -> Model:
    """Chain an embedding layer (docs -> Ragged) and an encoder (Ragged -> Ragged)."""
    width = encode.get_dim("nO")
    model = Chain(name="tok2vec", layers=[embed, encode, RaggedToList()], dims={"nO": width})
    return model


@registry.architectures("plait.MultiHashEmbed.v1")
def multi_hash_embed(
    width: int, attrs: list[str], rows: list[int], include_static_vectors: bool = False,
    seed: int = 0,
) -> Model:
    """Hashed embeddings of the given attributes, mixed to `width` by a ReLU layer.

    With `include_static_vectors`, each token's vector from `doc.vocab.vectors` (zeros when it
    has none), projected to `width` by a trainable matrix, is mixed in too.
    """
    embed: Model = HashEmbed(width, attrs, rows, seed=seed)
    n_inputs = len(attrs)
    if include_static_vectors:
        embed = ConcatRagged(name="embed_concat", layers=[embed, StaticVectors(width)])
        n_inputs += 1
    mix = RaggedLinear(width, width * n_inputs)
    return Chain(name="embed_mix", layers=[embed, mix], dims={"nO": width})


@registry.architectures("plait.MaxoutWindowEncoder.v1")
def window_encoder(width: int, window_size: int = 1, maxout_pieces: int = 3,
                   depth: int = 4) -> Model:
    """`depth` residual ReLU layers over a window of `window_size` tokens each side.

    `maxout_pieces` is accepted for spaCy configs and not used (the layers are ReLU).
    """
    return WindowEncoder(width, depth, window_size)


@registry.architectures("plait.Tok2Vec.v1")
def tok2vec(embed: Model, encode: Model) -> Model:
    """A tok2vec from an `embed` layer (docs -> vectors) and an `encode` layer (context)."""
    return build_tok2vec(embed, encode)


@registry.architectures("plait.HashEmbedCNN.v1")
def hash_embed_cnn(
    width: int = 96, depth: int = 4, embed_size: int = 2000, window_size: int = 1,
    maxout_pieces: int = 3, subword_features: bool = True,
    pretrained_vectors: bool | None = None,
) -> Model:
    """The default tok2vec: hashed NORM (+PREFIX, SUFFIX, SHAPE) embeddings and a CNN.

    `pretrained_vectors=True` also feeds each token's static vector (see MultiHashEmbed).
    """
    attrs = list(SUBWORD_ATTRS) if subword_features else ["NORM"]
    rows = [embed_size] + [max(embed_size // 2, 1)] * (len(attrs) - 1)
    embed = multi_hash_embed(width, attrs, rows, include_static_vectors=bool(pretrained_vectors))
    return build_tok2vec(
        embed, window_encoder(width, window_size, depth=depth)
    )


def batch_id(docs: Sequence[Doc]) -> tuple:
    """An identity for a batch of docs (the same objects, the same lengths)."""
    return tuple((id(doc), len(doc)) for doc in docs)


class Tok2VecListener(Model):
    """Stands in for an upstream tok2vec component inside another component's model."""

    name = "tok2vec_listener"

    def __init__(self, upstream_name: str, width: int) -> None:
        super().__init__(dims={"nO": width})
        self.upstream_name = upstream_name
        self._batch: tuple | None = None
        self._outputs: list[np.ndarray] | None = None
        self._backprop: Callable | None = None
        self.owner: str = "?"

    def receive(self, batch: tuple, outputs: list[np.ndarray], backprop: Callable) -> None:
        """Store the upstream tok2vec's output (and backward callback) for this batch."""
        self._batch = batch
        self._outputs = outputs
        self._backprop = backprop

    def forward(self, docs: Sequence[Doc], is_train: bool) -> tuple[list[np.ndarray], Backprop]:
        if self._outputs is not None and self._batch == batch_id(docs):
            outputs, backprop = self._outputs, self._backprop
            if is_train:
                self._batch = self._outputs = self._backprop = None
            return outputs, backprop or _no_backprop
        if is_train:
            raise PipelineError(
                Errors.E565.format(name=self.owner, upstream=self.upstream_name)
            )
        width = self.get_dim("nO")
        outputs = []
        for doc in docs:
            tensor = doc.tensor
            if len(doc) and (tensor.ndim != 2 or tensor.shape != (len(doc), width)):
                raise PipelineError(
                    Errors.E565.format(name=self.owner, upstream=self.upstream_name)
                )
            outputs.append(np.asarray(tensor, dtype=np.float32).reshape(len(doc), width))
        return outputs, _no_backprop

    def sample_output(self, X: Sequence[Doc]) -> list[np.ndarray]:
        """Zeros of the listener's width (the upstream tok2vec may not be ready yet)."""
        width = self.get_dim("nO") or 0
        return [np.zeros((len(doc), width), dtype=np.float32) for doc in X]

    def __deepcopy__(self, memo: dict) -> Tok2VecListener:
        clone = Tok2VecListener(self.upstream_name, self.get_dim("nO") or 0)
        clone.owner = self.owner
        return clone


def _no_backprop(dY: Any) -> Any:
    return dY


@registry.architectures("plait.Tok2VecListener.v1")
def tok2vec_listener(width: int, upstream: str = "*") -> Model:
    """A listener on the tok2vec component named `upstream` ("*": the first one before it)."""
    return Tok2VecListener(upstream, width)
