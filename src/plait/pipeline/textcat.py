"""The `textcat`: one category per doc out of exclusive classes (`doc.cats`).

The default model is a bag-of-words linear classifier over hashed unigrams and bigrams
(fast, no tok2vec); `plait.TextCatReduce.v1` averages a tok2vec instead. Predictions go to
`doc.cats` as label -> probability.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, InputError, PipelineError
from ..language import Language
from ..ml.model import Model
from ..registry import registry
from .tagger import _label_list, _sample_examples
from .trainable_pipe import TrainablePipe

if TYPE_CHECKING:
    from ..tokens import Doc
    from ..training.example import Example
    from ..vocab import Vocab

DEFAULT_TEXTCAT_MODEL = {
    "@architectures": "plait.TextCatBOW.v1",
    "exclusive_classes": True,
    "ngram_size": 2,
    "no_output_layer": False,
    "length": 262144,
    "nO": None,
}


class TextCategorizer(TrainablePipe):
    """Classify whole docs into exclusive classes."""

    multi_label = False

    def __init__(self, vocab: Vocab, model: Model, name: str = "textcat", *,
                 threshold: float = 0.0, scorer: Callable | None = None, **cfg: Any) -> None:
        super().__init__(vocab, model, name, scorer=scorer, threshold=threshold, **cfg)

    def predict(self, docs: Iterable[Doc]) -> np.ndarray:
        """Class probabilities, (n_docs, n_labels)."""
        docs = list(docs)
        if not docs:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        self._require_initialized()
        return self.model.predict(docs)

    def set_annotations(self, docs: Iterable[Doc], scores: np.ndarray) -> None:
        """Set `doc.cats[label]` to each label's probability."""
        labels = self.labels
        for doc, row in zip(docs, scores):
            cats = doc.cats
            for label, value in zip(labels, row.tolist()):
                cats[label] = float(value)

    def _truths(self, examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
        """Gold values (n_examples, n_labels) and a mask of the known ones."""
        labels = self.labels
        index = {label: i for i, label in enumerate(labels)}
        truths = np.zeros((len(examples), len(labels)), dtype=np.float32)
        known = np.zeros_like(truths, dtype=bool)
        for i, eg in enumerate(examples):
            cats = eg.reference.cats
            for label, value in cats.items():
                j = index.get(label)
                if j is None:
                    raise InputError(Errors.E569.format(label=label, name=self.name,
                                                        labels=list(labels)))
                truths[i, j] = float(value)
                known[i, j] = True
            if cats and not self.multi_label:
                positive = [k for k, v in cats.items() if v >= 0.5]
                if len(positive) != 1:
                    raise InputError(Errors.E570.format(name=self.name, n=len(positive),
                                                        cats=cats))
                known[i, :] = True
        return truths, known

    def get_loss(self, examples: Iterable[Example], scores: np.ndarray
                 ) -> tuple[float, np.ndarray]:
        """Cross-entropy (exclusive) or log loss per label (multi-label); unknowns skipped."""
        examples = list(examples)
        truths, known = self._truths(examples)
        d = (scores - truths) * known
        n = max(int(known.any(axis=1).sum()), 1)
        clipped = np.clip(scores, 1e-7, 1.0 - 1e-7)
        if self.multi_label:
            loss = -(truths * np.log(clipped) + (1 - truths) * np.log(1 - clipped)) * known
        else:
            loss = -(truths * np.log(clipped)) * known
        return float(loss.sum()) / n, d / n

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Language | None = None, labels: Sequence[str] | None = None,
                   positive_label: str | None = None) -> None:
        """Labels (given, or the categories in the examples), then size the model."""
        examples = _sample_examples(get_examples, self.name, required=labels is None)
        if labels is not None:
            found = _label_list(labels, self.name)
        else:
            found = sorted({k for eg in examples for k in eg.reference.cats})
        self._extend_labels(found, intern=False)
        if len(self.labels) < (1 if self.multi_label else 2):
            raise PipelineError(Errors.E558.format(name=self.name, what="cats (at least 2)"
                                                   if not self.multi_label else "cats"))
        if positive_label is not None and positive_label not in self.labels:
            raise InputError(Errors.E569.format(label=positive_label, name=self.name,
                                                labels=list(self.labels)))
        self.cfg["positive_label"] = positive_label
        self._set_output_width(len(self.labels))
        self.model.initialize([eg.predicted for eg in examples[:10]] or None)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """`cats_*` scores over this component's labels."""
        if self.scorer is None:
            return {}
        kwargs.setdefault("labels", self.labels)
        kwargs.setdefault("positive_label", self.cfg.get("positive_label"))
        if self.multi_label:
            kwargs.pop("positive_label")
            kwargs.setdefault("threshold", self.cfg.get("threshold", 0.5))
        return super().score(examples, **kwargs)


def textcat_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Scores of an exclusive text classifier (`cats_score` is the macro F)."""
    from ..training.scorer import Scorer  # only when scoring: loading does not need it

    return Scorer.score_cats(examples, "cats", multi_label=False, **kwargs)


@registry.scorers("plait.textcat_scorer.v1")
def make_textcat_scorer() -> Callable:
    """Scores of an exclusive text classifier (see `textcat_score`)."""
    return textcat_score


@Language.factory(
    "textcat",
    assigns=["doc.cats"],
    default_config={
        "threshold": 0.0,
        "model": DEFAULT_TEXTCAT_MODEL,
        "scorer": {"@scorers": "plait.textcat_scorer.v1"},
    },
    default_score_weights={
        "cats_score": 1.0, "cats_score_desc": None, "cats_micro_p": None, "cats_micro_r": None,
        "cats_micro_f": None, "cats_macro_p": None, "cats_macro_r": None, "cats_macro_f": None,
        "cats_macro_auc": None, "cats_f_per_type": None,
    },
)
def make_textcat(nlp: Language, name: str, model: Model, threshold: float,
                 scorer: Callable | None) -> TextCategorizer:
    """Create a `TextCategorizer` (factory "textcat")."""
    return TextCategorizer(nlp.vocab, model, name, threshold=threshold, scorer=scorer)
