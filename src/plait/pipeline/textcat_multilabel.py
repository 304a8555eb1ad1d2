"""The `textcat_multilabel`: independent yes/no categories per doc (`doc.cats`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..language import Language
from ..ml.model import Model
from ..registry import registry
from .textcat import DEFAULT_TEXTCAT_MODEL, TextCategorizer

if TYPE_CHECKING:
    from ..training.example import Example

DEFAULT_MULTI_TEXTCAT_MODEL = {**DEFAULT_TEXTCAT_MODEL, "exclusive_classes": False}


class MultiLabel_TextCategorizer(TextCategorizer):
    """Classify docs into any number of categories (each scored on its own)."""

    multi_label = True


def textcat_multilabel_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Scores of a multi-label text classifier."""
    from ..training.scorer import Scorer  # only when scoring: loading does not need it

    return Scorer.score_cats(examples, "cats", multi_label=True, **kwargs)


@registry.scorers("plait.textcat_multilabel_scorer.v1")
def make_textcat_multilabel_scorer() -> Callable:
    """Scores of a multi-label text classifier (see `textcat_multilabel_score`)."""
    return textcat_multilabel_score


@Language.factory(
    "textcat_multilabel",
    assigns=["doc.cats"],
    default_config={
        "threshold": 0.5,
        "model": DEFAULT_MULTI_TEXTCAT_MODEL,
        "scorer": {"@scorers": "plait.textcat_multilabel_scorer.v1"},
    },
    default_score_weights={
        "cats_score": 1.0, "cats_score_desc": None, "cats_micro_p": None, "cats_micro_r": None,
        "cats_micro_f": None, "cats_macro_p": None, "cats_macro_r": None, "cats_macro_f": None,
        "cats_macro_auc": None, "cats_f_per_type": None,
    },
)
def make_multilabel_textcat(nlp: Language, name: str, model: Model, threshold: float,
                            scorer: Callable | None) -> MultiLabel_TextCategorizer:
    """Create a `MultiLabel_TextCategorizer` (factory "textcat_multilabel")."""
    return MultiLabel_TextCategorizer(nlp.vocab, model, name, threshold=threshold,
                                      scorer=scorer)
