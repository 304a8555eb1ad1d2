"""The `senter`: a trained sentence-boundary tagger (labels "S" start / "I" inside)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..language import Language
from ..ml.model import Model
from ..registry import registry
from .tagger import DEFAULT_TOK2VEC, Tagger

if TYPE_CHECKING:
    from ..tokens import Doc
    from ..training.example import Example

DEFAULT_SENTER_MODEL = {
    "@architectures": "plait.Tagger.v1",
    "nO": None,
    "normalize": False,
    "tok2vec": {**DEFAULT_TOK2VEC, "width": 32, "depth": 2, "embed_size": 2000},
}
LABELS = ("I", "S")


class SentenceRecognizer(Tagger):
    """Predict which tokens start a sentence; writes `token.is_sent_start`."""

    label_attr = "SENT_START"
    what = "sentence boundary"

    def __init__(self, vocab: Any, model: Model, name: str = "senter", *,
                 overwrite: bool = False, scorer: Callable | None = None, **cfg: Any) -> None:
        super().__init__(vocab, model, name, overwrite=overwrite, scorer=scorer, **cfg)

    def gold_labels(self, example: Example) -> list[str | None]:
        """"S" for a reference sentence start, "I" for other tokens, None if unknown."""
        return [None if s is None else LABELS[s] for s in example.get_aligned_sent_starts()]

    def labels_from_examples(self, examples: Sequence[Example]) -> list[str]:
        """Always the two labels "I" and "S"."""
        return list(LABELS)

    def set_annotations(self, docs: Iterable[Doc], batch_tag_ids: list[np.ndarray]) -> None:
        """Write sentence starts (only where unset, unless `overwrite`)."""
        s_index = self.labels.index("S") if "S" in self.labels else 1
        for doc, ids in zip(docs, batch_tag_ids):
            if not len(doc):
                continue
            starts = np.where(np.asarray(ids) == s_index, 1, -1).astype(np.int8)
            starts[0] = 1
            col = doc._writable("sent_start")
            if self.cfg["overwrite"]:
                col[:] = starts
            else:
                np.copyto(col, starts, where=col == 0)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Language | None = None, labels: Sequence[str] | None = None,
                   tag_map: dict[str, str] | None = None) -> None:
        """Size the model for the labels "I" and "S"."""
        super().initialize(get_examples, nlp=nlp, labels=list(LABELS))


def senter_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """`sents_p`, `sents_r`, `sents_f`."""
    from ..training.scorer import Scorer  # only when scoring: loading does not need it

    results = Scorer.score_spans(
        examples, "sents", has_annotation=lambda d: d.has_annotation("SENT_START"),
        labeled=False, **kwargs,
    )
    results.pop("sents_per_type", None)
    return results


@registry.scorers("plait.senter_scorer.v1")
def make_senter_scorer() -> Callable:
    """Scores of a sentence recognizer (see `senter_score`)."""
    return senter_score


@Language.factory(
    "senter",
    assigns=["token.is_sent_start"],
    default_config={
        "model": DEFAULT_SENTER_MODEL,
        "overwrite": False,
        "scorer": {"@scorers": "plait.senter_scorer.v1"},
    },
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_senter(nlp: Language, name: str, model: Model, overwrite: bool,
                scorer: Callable | None) -> SentenceRecognizer:
    """Create a `SentenceRecognizer` (factory "senter")."""
    return SentenceRecognizer(nlp.vocab, model, name, overwrite=overwrite, scorer=scorer)
