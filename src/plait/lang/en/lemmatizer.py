"""The English lemmatizer: rule mode by default, knowing which forms are already base forms."""

from __future__ import annotations

from typing import Any

from ...pipeline.lemmatizer import Lemmatizer
from ...tokens import Token
from . import English


class EnglishLemmatizer(Lemmatizer):
    """`Lemmatizer` that leaves uninflected English forms alone (singular nouns, infinitives...)."""

    def is_base_form(self, token: Token) -> bool:
        """True for forms whose morphology says they are not inflected."""
        pos = token.pos_
        feats = token.morph.to_dict()
        verb_form = feats.get("VerbForm")
        degree = feats.get("Degree")
        if pos == "NOUN" and feats.get("Number") == "Sing":
            return True
        if pos == "VERB" and verb_form == "Fin" and feats.get("Tense") == "Pres":
            # present tense without person/number marking ("walk", not "walks")
            return feats.get("Number") is None
        return verb_form in ("Inf", "None") or degree == "Pos"


@English.factory(
    "lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False},
    default_score_weights={"lemma_acc": 1.0},
)
def make_english_lemmatizer(
    nlp: Any, model: Any, name: str, mode: str, overwrite: bool
) -> EnglishLemmatizer:
    """Create an `EnglishLemmatizer` (factory "lemmatizer" on English pipelines)."""
    return EnglishLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)
