"""The `ner`: a transition-based named entity recognizer (BILUO moves).

The recognizer runs the BILUO system (`transition/biluo.py`) greedily over each doc with
the classifier of `plait.ml.parser_model` and writes `doc.ents`. Entities, "O" words and
blocked words set on a doc before it runs (by an entity ruler, or `doc.set_ents`) are
kept as they are, and no predicted entity overlaps them; words only marked "O" may still
become part of an entity (as in spaCy).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, InputError, Warnings
from ..language import Language
from ..ml import parser_model  # noqa: F401  (registers the architecture)
from ..ml.model import Model
from ..registry import registry
from ..tokens.arrays import IOB_B, IOB_I, IOB_O, MISSING
from .tagger import DEFAULT_TOK2VEC, _sample_examples
from .transition.biluo import BiluoPushDown, NerGold, NerState
from .transition.component import TransitionComponent, check_labels

if TYPE_CHECKING:
    from ..tokens import Doc
    from ..training.example import Example
    from ..vocab import Vocab

DEFAULT_NER_MODEL = {
    "@architectures": "plait.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": dict(DEFAULT_TOK2VEC),
}


class EntityRecognizer(TransitionComponent):
    """Predict named entities (`doc.ents`), keeping entities set before it runs."""

    state_type = "entity"

    def __init__(self, vocab: Vocab, model: Model, name: str = "ner", *,
                 moves: Any = None, update_with_oracle_cut_size: int = 100,
                 incorrect_spans_key: str | None = None,
                 scorer: Callable | None = None) -> None:
        super().__init__(vocab, model, name, moves=moves, scorer=scorer,
                         update_with_oracle_cut_size=update_with_oracle_cut_size,
                         incorrect_spans_key=incorrect_spans_key)

    def make_system(self, labels: Sequence[str]) -> BiluoPushDown:
        """The BILUO system over the entity labels."""
        return BiluoPushDown(labels)

    # --- states --------------------------------------------------------------------------

    def init_states(self, docs: Sequence[Doc], offsets: np.ndarray, *, train: bool
                    ) -> list[NerState]:
        """One state per doc; words of preset entities and blocked words are not predicted."""
        states = []
        for doc, offset in zip(docs, offsets.tolist()):
            iob = doc._cols.get("ent_iob")
            if iob is None:
                free = [True] * len(doc)
            else:
                free = ((iob == MISSING) | (iob == IOB_O)).tolist()
            sent_start = doc._cols.get("sent_start")
            starts = None if sent_start is None else (sent_start == 1).tolist()
            states.append(NerState(len(doc), offset, free, starts))
        return states

    def gold_for(self, example: Example) -> list[NerGold]:
        """The gold BILUO moves on the predicted tokens (misaligned entities: missing)."""
        key = example.predicted._orth.tobytes()
        cached = self._gold_cache.get(example.reference)
        if cached is not None and cached[0] == key and cached[1] == self.moves.labels:
            return [cached[2]]
        tags = example.get_aligned_ner()
        n_ref = len(example.reference.ents)
        n_found = sum(1 for t in tags if t is not None and t[:2] in ("B-", "U-"))
        if n_found < n_ref:
            warnings.warn(Warnings.W110.format(
                n=n_ref - n_found, total=n_ref, name=self.name,
                example=example.reference.text[:60]), stacklevel=3)
        index = {label: i for i, label in enumerate(self.moves.labels)}

        def unknown(label: str) -> None:
            raise InputError(Errors.E601.format(
                label=label, name=self.name, n=len(index), labels=list(index)[:5]))

        gold = self.moves.gold_from_tags(tags, index, unknown)
        self._gold_cache[example.reference] = (key, self.moves.labels, gold)
        return [gold]

    # --- annotations ---------------------------------------------------------------------

    def set_annotations(self, docs: Iterable[Doc], states: list[NerState]) -> None:
        """Write the predicted entities; preset words are left as they were."""
        system = self.moves
        hashes = [self.vocab.strings.add(label) for label in system.labels]
        for doc, st in zip(docs, states):
            n = len(doc)
            if not n:
                continue
            free = np.asarray(st.free, dtype=bool)
            iob = doc._writable("ent_iob")
            etype = doc._writable("ent_type")
            iob[free] = IOB_O
            etype[free] = 0
            for name in ("ent_kb_id", "ent_id"):
                col = doc._cols.get(name)
                if col is not None:
                    col[free] = 0
            for start, end, label in system.spans(st):
                iob[start] = IOB_B
                iob[start + 1:end] = IOB_I
                etype[start:end] = hashes[label]

    # --- initialization ------------------------------------------------------------------

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Language | None = None, labels: Any = None) -> None:
        """Set the labels (given, or all entity labels of the references), size the model.

        Raises E561/E562 for bad or no examples, E558 when no label is found.
        """
        examples = _sample_examples(get_examples, self.name, required=labels is None)
        if labels is not None:
            found = self._labels_from_arg(labels)
        else:
            found = sorted({ent.label_ for eg in examples for ent in eg.reference.ents})
        self._extend_labels(found)
        self.cfg["labels"].sort()
        check_labels(self)
        self._size_model([eg.predicted for eg in examples[:10]])


def ner_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """`ents_p`, `ents_r`, `ents_f` and `ents_per_type` (P/R/F per label)."""
    from ..training.scorer import Scorer  # only when scoring: loading does not need it

    return Scorer.score_spans(
        examples, "ents", has_annotation=lambda d: d.has_annotation("ENT_IOB"), **kwargs)


@registry.scorers("plait.ner_scorer.v1")
def make_ner_scorer() -> Callable:
    """Scores of an entity recognizer (see `ner_score`)."""
    return ner_score


@Language.factory(
    "ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "model": DEFAULT_NER_MODEL,
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "incorrect_spans_key": None,
        "scorer": {"@scorers": "plait.ner_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_ner(nlp: Language, name: str, model: Model, moves: Any,
             update_with_oracle_cut_size: int, incorrect_spans_key: str | None,
             scorer: Callable | None) -> EntityRecognizer:
    """Create an `EntityRecognizer` (factory "ner")."""
    return EntityRecognizer(nlp.vocab, model, name, moves=moves,
                            update_with_oracle_cut_size=update_with_oracle_cut_size,
                            incorrect_spans_key=incorrect_spans_key, scorer=scorer)

