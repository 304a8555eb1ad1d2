"""The `parser`: a transition-based dependency parser (heads, labels, sentence boundaries).

The parser runs the arc-eager system (`transition/arc_eager.py`) greedily over each doc with
the classifier of `plait.ml.parser_model`, writes `token.head` and `token.dep`, and the
sentence boundaries the trees imply (so `doc.sents` and English `doc.noun_chunks` work).
Sentence starts set before it runs (by a sentencizer or senter) are kept: each preset
sentence is parsed on its own. Non-projective trees are learned through pseudo-projective
labels, undone after parsing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, InputError
from ..language import Language
from ..ml import parser_model  # noqa: F401  (registers the architecture)
from ..ml.model import Model
from ..registry import registry
from ..tokens import parse as parse_ops
from ..training.nonproj import DELIMITER, deprojectivize
from .tagger import DEFAULT_TOK2VEC, _sample_examples
from .transition.arc_eager import UNKNOWN, ArcEager, ParseGold, ParseState
from .transition.component import TransitionComponent, check_labels

if TYPE_CHECKING:
    from ..tokens import Doc
    from ..training.example import Example
    from ..vocab import Vocab

DEFAULT_PARSER_MODEL = {
    "@architectures": "plait.TransitionBasedParser.v2",
    "state_type": "parser",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": dict(DEFAULT_TOK2VEC),
}
SUBTOK = "subtok"


class DependencyParser(TransitionComponent):
    """Predict a dependency tree per sentence: `token.head`, `token.dep_`, `doc.sents`."""

    state_type = "dependency"

    def __init__(self, vocab: Vocab, model: Model, name: str = "parser", *,
                 moves: Any = None, update_with_oracle_cut_size: int = 100,
                 learn_tokens: bool = False, min_action_freq: int = 30,
                 scorer: Callable | None = None) -> None:
        super().__init__(vocab, model, name, moves=moves, scorer=scorer, root_label="ROOT",
                         update_with_oracle_cut_size=update_with_oracle_cut_size,
                         learn_tokens=learn_tokens, min_action_freq=min_action_freq)

    @property
    def labels(self) -> tuple[str, ...]:
        """The dependency labels: those of arcs, and the label of roots."""
        arcs = list(self.cfg["labels"])
        root = self.cfg.get("root_label") or "ROOT"
        return tuple(arcs + ([root] if root not in arcs else []))

    def make_system(self, labels: Sequence[str]) -> ArcEager:
        """The arc-eager system over the arc labels."""
        return ArcEager(labels)

    # --- states --------------------------------------------------------------------------

    def init_states(self, docs: Sequence[Doc], offsets: np.ndarray, *, train: bool
                    ) -> list[ParseState]:
        """One state per doc; when predicting, one per preset sentence of an unparsed doc."""
        states = []
        for doc, offset in zip(docs, offsets.tolist()):
            n = len(doc)
            if not n:
                continue
            bounds = [(0, n)]
            if not train and "sent_start" in doc._cols and not parse_ops.has_parse(doc):
                bounds = doc._sent_bounds()
            for start, end in bounds:
                states.append(ParseState(end - start, offset + start, start))
        return states

    def gold_for(self, example: Example) -> list[ParseGold]:
        """The (projectivized) gold tree of the example on the predicted tokens."""
        key = example.predicted._orth.tobytes()
        cached = self._gold_cache.get(example.reference)
        if cached is not None and cached[0] == key and cached[1] == self.moves.labels:
            return [cached[2]]
        heads, deps = example.get_aligned_parse(projectivize=True)
        index = {label: i for i, label in enumerate(self.moves.labels)}
        gold_heads, gold_labels = [], []
        for i, (head, dep) in enumerate(zip(heads, deps)):
            if head is None:
                gold_heads.append(UNKNOWN)
                gold_labels.append(-1)
                continue
            gold_heads.append(head)
            if head == i or not dep:
                gold_labels.append(-1)
                continue
            j = index.get(dep)
            if j is None and DELIMITER in dep:
                j = index.get(dep.partition(DELIMITER)[0])
            if j is None:
                if dep != SUBTOK:
                    raise InputError(Errors.E600.format(
                        label=dep, name=self.name, n=len(index), labels=list(index)[:5]))
                j = -1
            gold_labels.append(j)
        gold = ParseGold(gold_heads, gold_labels)
        self._gold_cache[example.reference] = (key, self.moves.labels, gold)
        return [gold]

    # --- annotations ---------------------------------------------------------------------

    def set_annotations(self, docs: Iterable[Doc], states: list[ParseState]) -> None:
        """Write heads, labels and the sentence starts they imply."""
        labels = self.moves.labels
        root = self.cfg.get("root_label") or "ROOT"
        add = self.vocab.strings.add
        pending = iter(states)
        for doc in docs:
            n = len(doc)
            if not n:
                continue
            heads = list(range(n))
            deps = [root] * n
            covered = 0
            while covered < n:
                st = next(pending)
                start = st.start
                for i, (head, label) in enumerate(zip(st.heads, st.labels)):
                    if head >= 0:
                        heads[start + i] = start + head
                        deps[start + i] = labels[label]
                covered += st.n
            if any(DELIMITER in d for d in deps):
                heads, deps = deprojectivize(heads, deps)
            abs_heads = np.asarray(heads, dtype=np.int64)
            doc._writable("head")[:] = abs_heads - np.arange(n, dtype=np.int64)
            doc._writable("dep")[:] = np.asarray([add(d) for d in deps], dtype=np.uint64)
            doc._writable("sent_start")[:] = parse_ops.sent_starts_from_heads(abs_heads)

    # --- initialization ------------------------------------------------------------------

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Language | None = None, labels: Any = None) -> None:
        """Set the labels (given, or all found in the examples' trees), size the model.

        Decorated (lifted) labels rarer than `min_action_freq` fall back to their base
        label. Raises E561/E562 for bad or no examples, E558 when no label is found.
        """
        examples = _sample_examples(get_examples, self.name, required=labels is None)
        root_counts: Counter = Counter()
        if labels is not None:
            found = [x for x in self._labels_from_arg(labels) if x != "ROOT"]
        else:
            arc_counts: Counter = Counter()
            for eg in examples:
                heads, deps = eg.get_aligned_parse(projectivize=True)
                for i, (head, dep) in enumerate(zip(heads, deps)):
                    if head is None or not dep:
                        continue
                    (root_counts if head == i else arc_counts)[dep] += 1
            min_freq = int(self.cfg.get("min_action_freq") or 0)
            found = sorted(
                label for label, count in arc_counts.items()
                if (DELIMITER not in label or count >= min_freq)
                and (label != SUBTOK or self.cfg.get("learn_tokens"))
            )
            found += sorted({label.partition(DELIMITER)[0] for label in arc_counts} - set(found)
                            - {SUBTOK})
        if root_counts:
            self.cfg["root_label"] = root_counts.most_common(1)[0][0]
        self._extend_labels(found)
        self.cfg["labels"].sort()
        self.vocab.strings.add(self.cfg["root_label"])
        check_labels(self)
        self._size_model([eg.predicted for eg in examples[:10]])


def parser_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """`dep_uas`, `dep_las`, `dep_las_per_type` (punctuation ignored, labels compared
    lowercased) and `sents_p/r/f`."""
    from ..training.scorer import Scorer  # only when scoring: loading does not need it

    examples = list(examples)

    def dep_getter(token: Any, attr: str) -> str:
        return str(getattr(token, f"{attr}_")).lower()

    results = Scorer.score_spans(
        examples, "sents", has_annotation=lambda d: d.has_annotation("SENT_START"),
        labeled=False,
    )
    results.pop("sents_per_type", None)
    results.update(Scorer.score_deps(
        examples, "dep", getter=dep_getter, ignore_labels=("p", "punct"), **kwargs))
    return results


@registry.scorers("plait.parser_scorer.v1")
def make_parser_scorer() -> Callable:
    """Scores of a dependency parser (see `parser_score`)."""
    return parser_score


@Language.factory(
    "parser",
    assigns=["token.dep", "token.head", "token.is_sent_start", "doc.sents"],
    default_config={
        "model": DEFAULT_PARSER_MODEL,
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "learn_tokens": False,
        "min_action_freq": 30,
        "scorer": {"@scorers": "plait.parser_scorer.v1"},
    },
    default_score_weights={
        "dep_uas": 0.5, "dep_las": 0.5, "dep_las_per_type": None, "sents_p": None,
        "sents_r": None, "sents_f": 0.0,
    },
)
def make_parser(nlp: Language, name: str, model: Model, moves: Any,
                update_with_oracle_cut_size: int, learn_tokens: bool, min_action_freq: int,
                scorer: Callable | None) -> DependencyParser:
    """Create a `DependencyParser` (factory "parser")."""
    return DependencyParser(nlp.vocab, model, name, moves=moves,
                            update_with_oracle_cut_size=update_with_oracle_cut_size,
                            learn_tokens=learn_tokens, min_action_freq=min_action_freq,
                            scorer=scorer)
