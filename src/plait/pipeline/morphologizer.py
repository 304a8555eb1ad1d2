"""The `morphologizer`: coarse POS and morphological features per token.

Each label joins the features and the POS, like spaCy's: "Number=Sing|POS=NOUN". Labels
are learned from the training data; a combination not seen at `initialize` is treated as
missing during training.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..language import Language
from ..ml.model import Model
from ..registry import registry
from ..tokens.morphanalysis import morph_key, normalize_features
from .tagger import DEFAULT_TAGGER_MODEL, Tagger

if TYPE_CHECKING:
    from ..tokens import Doc
    from ..training.example import Example

POS_FIELD = "POS"


def join_label(morph: str, pos: str) -> str:
    """The label of a (morph, pos) pair: features with "POS=..." added, sorted."""
    parts = [p for p in (morph or "").split("|") if p and p != "_"]
    if pos:
        parts.append(f"{POS_FIELD}={pos}")
    return normalize_features("|".join(parts)) if parts else ""


def split_label(label: str) -> tuple[str, str]:
    """(morph, pos) of a label."""
    feats, pos = [], ""
    for part in label.split("|"):
        if part.startswith(f"{POS_FIELD}="):
            pos = part[len(POS_FIELD) + 1:]
        elif part:
            feats.append(part)
    return "|".join(feats), pos


class Morphologizer(Tagger):
    """Predict `Token.pos_` and `Token.morph` together."""

    label_attr = "MORPH"
    what = "POS or morphological"

    def __init__(self, vocab: Any, model: Model, name: str = "morphologizer", *,
                 overwrite: bool = True, extend: bool = False, scorer: Callable | None = None,
                 label_smoothing: float = 0.0, **cfg: Any) -> None:
        super().__init__(vocab, model, name, overwrite=overwrite, scorer=scorer,
                         extend=extend, label_smoothing=label_smoothing, **cfg)

    def gold_labels(self, example: Example) -> list[str | None]:
        """The joined morph+POS label of each predicted token (None when both missing)."""
        morphs = example.get_aligned("MORPH", as_string=True)
        pos = example.get_aligned("POS", as_string=True)
        out: list[str | None] = []
        for m, p in zip(morphs, pos):
            m = "" if m in (None, "_") else m
            p = p or ""
            out.append(join_label(m, p) or None if (m or p) else None)
        return out

    def unknown_is_missing(self) -> bool:
        return True

    def set_annotations(self, docs: Iterable[Doc], batch_tag_ids: list[np.ndarray]) -> None:
        """Write POS and morphological features (all, unless `overwrite` is off)."""
        add = self.vocab.strings.add
        split = [split_label(label) for label in self.labels]
        morph_hashes = np.asarray(
            [morph_key(self.vocab, m) for m, _ in split] or [0], dtype=np.uint64
        )
        pos_hashes = np.asarray([add(p) if p else 0 for _, p in split] or [0], dtype=np.uint64)
        overwrite = self.cfg["overwrite"]
        for doc, ids in zip(docs, batch_tag_ids):
            if not len(doc):
                continue
            ids = np.asarray(ids, dtype=np.int64)
            for name, values in (("morph", morph_hashes[ids]), ("pos", pos_hashes[ids])):
                col = doc._writable(name)
                if overwrite:
                    col[:] = values
                else:
                    np.copyto(col, values, where=col == 0)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Language | None = None, labels: Sequence[str] | None = None,
                   tag_map: dict[str, str] | None = None) -> None:
        """Labels from the data (or `labels`), then size the model."""
        super().initialize(get_examples, nlp=nlp, labels=labels, tag_map={})


def morphologizer_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """`pos_acc`, `morph_acc` and `morph_per_feat`."""
    from ..training.scorer import Scorer  # only when scoring: loading does not need it

    def morph(token: Any, attr: str) -> str:
        return str(token.morph)

    examples = list(examples)
    results = Scorer.score_token_attr(examples, "pos", **kwargs)
    results.update(Scorer.score_token_attr(examples, "morph", getter=morph, **kwargs))
    results.update(Scorer.score_token_attr_per_feat(examples, "morph", getter=morph, **kwargs))
    return results


@registry.scorers("plait.morphologizer_scorer.v1")
def make_morphologizer_scorer() -> Callable:
    """Scores of a morphologizer (see `morphologizer_score`)."""
    return morphologizer_score


@Language.factory(
    "morphologizer",
    assigns=["token.morph", "token.pos"],
    default_config={
        "model": DEFAULT_TAGGER_MODEL,
        "overwrite": True,
        "extend": False,
        "scorer": {"@scorers": "plait.morphologizer_scorer.v1"},
        "label_smoothing": 0.0,
    },
    default_score_weights={"pos_acc": 0.5, "morph_acc": 0.5, "morph_per_feat": None},
)
def make_morphologizer(nlp: Language, name: str, model: Model, overwrite: bool, extend: bool,
                       scorer: Callable | None, label_smoothing: float) -> Morphologizer:
    """Create a `Morphologizer` (factory "morphologizer")."""
    return Morphologizer(nlp.vocab, model, name, overwrite=overwrite, extend=extend,
                         scorer=scorer, label_smoothing=label_smoothing)
