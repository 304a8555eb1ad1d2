"""The `textcat_multilabel`: independent yes/no categories per doc (`doc.cats`)."""

from __future__ import annotations

from collections.abc import Callable

from ..language import Language
from ..ml.model import Model
from .textcat import DEFAULT_TEXTCAT_MODEL, TextCategorizer

DEFAULT_MULTI_TEXTCAT_MODEL = {**DEFAULT_TEXTCAT_MODEL, "exclusive_classes": False}


class MultiLabel_TextCategorizer(TextCategorizer):
    """Classify docs into any number of categories (each scored on its own)."""

    multi_label = True


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
