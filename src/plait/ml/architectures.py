"""Registered model architectures of the tagger family and the text classifiers."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import attrs as A
from ..registry import registry
from ..tokens import Doc
from .features import mix64, scatter_add
from .layers import MeanPool, Sigmoid, Softmax, WithArray, softmax
from .model import Backprop, Chain, Model


@registry.architectures("plait.Tagger.v1")
def build_tagger_model(tok2vec: Model, nO: int | None = None, normalize: bool = False) -> Model:
    """A tok2vec followed by a softmax over the labels, per token."""
    width = tok2vec.get_dim("nO")
    output = Softmax(nO, width)
    model = Chain(name="tagger_model", layers=[tok2vec, WithArray(output)], dims={"nO": nO})
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", output)
    return model


@registry.architectures("plait.TextCatReduce.v1")
def build_reduce_text_classifier(
    tok2vec: Model, exclusive_classes: bool, use_reduce_mean: bool = True,
    use_reduce_first: bool = False, use_reduce_last: bool = False, use_reduce_max: bool = False,
    nO: int | None = None,
) -> Model:
    """A tok2vec, the mean of its vectors per doc, then softmax (exclusive) or sigmoid."""
    width = tok2vec.get_dim("nO")
    output = Softmax(nO, width) if exclusive_classes else Sigmoid(nO, width)
    model = Chain(name="textcat_model", layers=[tok2vec, MeanPool(), output], dims={"nO": nO})
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", output)
    model.attrs["multi_label"] = not exclusive_classes
    return model


class BagOfWords(Model):
    """A sparse linear model over hashed n-grams of lowercased words (docs -> probabilities)."""

    name = "bow"

    def __init__(self, nO: int | None, ngram_size: int, length: int, exclusive: bool) -> None:
        super().__init__(dims={"nO": nO, "length": length})
        self.attrs.update(ngram_size=ngram_size, exclusive=exclusive)

    def _param_names(self) -> tuple[str, ...]:
        return ("W", "b")

    def _allocated(self) -> bool:
        return "W" in self.params

    def initialize(self, X: object = None, Y: object = None) -> Model:
        if Y is not None and self.dims.get("nO") is None:
            self.dims["nO"] = int(np.asarray(Y).shape[1])
        if "W" not in self.params and self.dims.get("nO"):
            nO, length = self.dims["nO"], self.dims["length"]
            self.add_param("W", np.zeros((length, nO), dtype=np.float32))
            self.add_param("b", np.zeros((nO,), dtype=np.float32))
        return self

    def _keys(self, docs: Sequence[Doc]) -> tuple[np.ndarray, np.ndarray]:
        """Table rows of every n-gram of each doc, and the doc each one belongs to."""
        rows, owners = [], []
        length = np.uint64(self.dims["length"])
        for i, doc in enumerate(docs):
            if not len(doc):
                continue
            lower = doc.vocab.lex_attr_array(doc._orth, A.LOWER)
            keys = [mix64(lower.copy(), 1)]
            for n in range(2, self.attrs["ngram_size"] + 1):
                if len(lower) >= n:
                    gram = mix64(lower[: len(lower) - n + 1].copy(), n)
                    for k in range(1, n):
                        gram = mix64(gram ^ lower[k: len(lower) - n + 1 + k], n)
                    keys.append(gram)
            joined = np.concatenate(keys)
            rows.append((joined % length).astype(np.int64))
            owners.append(np.full(len(joined), i, dtype=np.int64))
        if not rows:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.concatenate(rows), np.concatenate(owners)

    def forward(self, docs: Sequence[Doc], is_train: bool) -> tuple[np.ndarray, Backprop]:
        W, b = self.params["W"], self.params["b"]
        rows, owners = self._keys(docs)
        logits = np.zeros((len(docs), W.shape[1]), dtype=np.float32)
        np.add.at(logits, owners, W[rows])
        logits += b
        if self.attrs["exclusive"]:
            probs = softmax(logits)
        else:
            probs = 1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))

        def backprop(dY: np.ndarray) -> list:
            scatter_add(self.grads["W"], rows, dY[owners])
            self.grads["b"] += dY.sum(axis=0)
            return []

        return probs, backprop


@registry.architectures("plait.TextCatBOW.v1")
def build_bow_text_classifier(
    exclusive_classes: bool, ngram_size: int = 1, no_output_layer: bool = False,
    length: int = 262144, nO: int | None = None,
) -> Model:
    """A bag-of-words (hashed unigrams..n-grams) linear classifier: fast, no tok2vec."""
    model = BagOfWords(nO, ngram_size, length, exclusive_classes)
    model.set_ref("output_layer", model)
    model.attrs["multi_label"] = not exclusive_classes
    return model
