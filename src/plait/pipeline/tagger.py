"""The `tagger`: one fine-grained tag per token (`Token.tag_`), with a tag-to-POS map.

The model gives a probability per label and token; the best label is written to the TAG
column. When the training data has POS too, `initialize` learns each tag's most frequent
POS (`cfg["tag_map"]`) and the tagger fills `Token.pos_` where no POS is set yet, so a rule
lemmatizer can follow it directly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, InputError, InputTypeError, PipelineError
from ..language import Language
from ..ml.model import Model
from ..registry import registry
from .trainable_pipe import TrainablePipe, validate_examples

if TYPE_CHECKING:
    from ..tokens import Doc
    from ..training.example import Example
    from ..vocab import Vocab

DEFAULT_TOK2VEC = {
    "@architectures": "plait.HashEmbedCNN.v1",
    "pretrained_vectors": None,
    "width": 96,
    "depth": 4,
    "embed_size": 2000,
    "window_size": 1,
    "maxout_pieces": 3,
    "subword_features": True,
}
DEFAULT_TAGGER_MODEL = {
    "@architectures": "plait.Tagger.v1",
    "nO": None,
    "normalize": False,
    "tok2vec": dict(DEFAULT_TOK2VEC),
}


class Tagger(TrainablePipe):
    """Predict a label per token; subclasses choose what the labels mean."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "tagger", *,
                 overwrite: bool = False, scorer: Callable | None = None,
                 neg_prefix: str = "!", label_smoothing: float = 0.0, **cfg: Any) -> None:
        super().__init__(vocab, model, name, scorer=scorer, overwrite=overwrite,
                         neg_prefix=neg_prefix, label_smoothing=label_smoothing, **cfg)
        self.cfg.setdefault("tag_map", {})

    # --- what the labels mean: override in subclasses ----------------------------------

    label_attr = "TAG"
    what = "tag"

    def gold_labels(self, example: Example) -> list[str | None]:
        """The reference label of each predicted token (None where missing)."""
        return example.get_aligned("TAG", as_string=True)

    def unknown_is_missing(self) -> bool:
        """Whether a reference label the model does not know counts as missing."""
        return False

    def labels_from_examples(self, examples: Sequence[Example]) -> list[str]:
        """The labels found in the training data (sorted)."""
        found: set[str] = set()
        for eg in examples:
            found.update(t for t in self.gold_labels(eg) if t)
        return sorted(found)

    # --- running ----------------------------------------------------------------------

    def predict(self, docs: Iterable[Doc]) -> list[np.ndarray]:
        """The best label index of every token, one int array per doc."""
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [np.zeros(len(doc), dtype=np.int64) for doc in docs]
        self._require_initialized()
        scores = self.model.predict(docs)
        return [s.argmax(axis=1) if len(s) else np.zeros(0, np.int64) for s in scores]

    def set_annotations(self, docs: Iterable[Doc], batch_tag_ids: list[np.ndarray]) -> None:
        """Write the predicted tags (and POS from the tag map, where POS is unset)."""
        hashes = self._label_hashes()
        tag_map = self.cfg.get("tag_map") or {}
        pos_hashes = {self.vocab.strings.add(t): self.vocab.strings.add(p)
                      for t, p in tag_map.items()}
        overwrite = self.cfg["overwrite"]
        for doc, ids in zip(docs, batch_tag_ids):
            if not len(doc):
                continue
            values = hashes[np.asarray(ids, dtype=np.int64)]
            col = doc._writable("tag")
            if overwrite:
                col[:] = values
            else:
                np.copyto(col, values, where=col == 0)
            if pos_hashes:
                pos = doc._writable("pos")
                mapped = np.asarray([pos_hashes.get(int(h), 0) for h in col.tolist()],
                                    dtype=np.uint64)
                np.copyto(pos, mapped, where=pos == 0)

    def _label_hashes(self) -> np.ndarray:
        add = self.vocab.strings.add
        return np.asarray([add(label) for label in self.labels] or [0], dtype=np.uint64)

    # --- training ---------------------------------------------------------------------

    def get_loss(self, examples: Iterable[Example], scores: list[np.ndarray]
                 ) -> tuple[float, list[np.ndarray]]:
        """Cross-entropy of the gold labels; missing labels add nothing."""
        index = {label: i for i, label in enumerate(self.labels)}
        smoothing = float(self.cfg.get("label_smoothing") or 0.0)
        n_labels = max(len(index), 1)
        grads = []
        loss = 0.0
        n_known = 0
        for eg, probs in zip(examples, scores):
            d = probs.copy()
            known = np.zeros(len(probs), dtype=bool)
            for i, label in enumerate(self.gold_labels(eg)):
                if label is None or label == "":
                    continue
                j = index.get(label)
                if j is None:
                    if self.unknown_is_missing():
                        continue
                    raise InputError(Errors.E582.format(
                        label=label, name=self.name, n=len(index), labels=list(index)[:5]))
                known[i] = True
                if smoothing:
                    d[i] -= smoothing / n_labels
                    d[i, j] -= 1.0 - smoothing
                else:
                    d[i, j] -= 1.0
                loss -= float(np.log(max(probs[i, j], 1e-12)))
            d[~known] = 0.0
            n_known += int(known.sum())
            grads.append(d)
        scale = 1.0 / max(n_known, 1)
        return loss * scale, [g * scale for g in grads]

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Language | None = None, labels: Sequence[str] | None = None,
                   tag_map: dict[str, str] | None = None) -> None:
        """Set the labels (given, or all found in the examples), learn the tag map, size
        the model. Raises E561 for a bad `get_examples`, E562 for no examples, E558 for
        no labels."""
        examples = _sample_examples(get_examples, self.name, required=labels is None)
        if labels is not None:
            found = _label_list(labels, self.name)
        else:
            found = self.labels_from_examples(examples)
        self._extend_labels(found)
        if not self.labels:
            raise PipelineError(Errors.E558.format(name=self.name, what=self.what))
        if tag_map is not None:
            self.cfg["tag_map"] = dict(tag_map)
        elif self.label_attr == "TAG":
            self.cfg["tag_map"] = _learn_tag_map(examples)
        self._set_output_width(len(self.labels))
        docs = [eg.predicted for eg in examples[:10]]
        self.model.initialize(docs or None)


def _sample_examples(get_examples: Any, name: str, required: bool = True) -> list[Example]:
    """Call `get_examples` and check the result (E561; E562 when `required` and empty)."""
    if get_examples is None and not required:
        return []
    if not callable(get_examples):
        raise InputTypeError(Errors.E561.format(name=name, value=get_examples))
    examples = validate_examples(get_examples(), f"{name}.initialize")
    if not examples and required:
        raise PipelineError(Errors.E562.format(name=name))
    return examples


def _label_list(labels: Any, name: str) -> list[str]:
    """The `labels` given to `initialize`, as a list (E583 unless non-empty strings)."""
    if isinstance(labels, str) or not all(isinstance(x, str) and x for x in labels):
        raise InputTypeError(Errors.E583.format(
            name=name, key="labels", expected="a list of str", value=labels))
    return list(labels)


def _learn_tag_map(examples: Sequence[Example]) -> dict[str, str]:
    """Each tag's most frequent POS in the references (empty when they have no POS)."""
    counts: dict[str, Counter] = {}
    for eg in examples:
        for token in eg.reference:
            if token.tag_ and token.pos_:
                counts.setdefault(token.tag_, Counter())[token.pos_] += 1
    return {tag: c.most_common(1)[0][0] for tag, c in sorted(counts.items())}


def tagger_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """`tag_acc`."""
    from ..training.scorer import Scorer  # only when scoring: loading does not need it

    return Scorer.score_token_attr(examples, "tag", **kwargs)


@registry.scorers("plait.tagger_scorer.v1")
def make_tagger_scorer() -> Callable:
    """Scores of a tagger (see `tagger_score`)."""
    return tagger_score


@Language.factory(
    "tagger",
    assigns=["token.tag", "token.pos"],
    default_config={
        "model": DEFAULT_TAGGER_MODEL,
        "overwrite": False,
        "scorer": {"@scorers": "plait.tagger_scorer.v1"},
        "neg_prefix": "!",
        "label_smoothing": 0.0,
    },
    default_score_weights={"tag_acc": 1.0},
)
def make_tagger(nlp: Language, name: str, model: Model, overwrite: bool, scorer: Callable | None,
                neg_prefix: str, label_smoothing: float) -> Tagger:
    """Create a `Tagger` (factory "tagger")."""
    return Tagger(nlp.vocab, model, name, overwrite=overwrite, scorer=scorer,
                  neg_prefix=neg_prefix, label_smoothing=label_smoothing)

