"""Scorer: evaluation of predicted docs against reference docs (spaCy's score names).

Static methods score one kind of annotation over a list of Examples: tokenization
(`token_acc`, `token_p/r/f`), token attributes (`tag_acc`, `pos_acc`, `morph_acc`,
`morph_per_feat`), spans (`ents_p/r/f`, `ents_per_type`, `sents_p/r/f`), dependencies
(`dep_uas`, `dep_las`, `dep_las_per_type`) and categories (`cats_score`, macro/micro P/R/F,
`cats_macro_auc`, per-label F and AUC). `Scorer(nlp).score(examples)` runs each component's
own `score` method.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, InputError

if TYPE_CHECKING:
    from ..language import Language
    from .example import Example

MISSING_VALUES = frozenset({0, None, ""})


class PRFScore:
    """Counts of true/false positives and false negatives, and P/R/F from them."""

    def __init__(self, *, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp, self.fp, self.fn = tp, fp, fn

    def __len__(self) -> int:
        return self.tp + self.fp + self.fn

    def __iadd__(self, other: PRFScore) -> PRFScore:  # noqa: PYI034
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def __add__(self, other: PRFScore) -> PRFScore:
        return PRFScore(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)

    def score_set(self, cand: set, gold: set) -> None:
        """Add the counts of one candidate set against one gold set."""
        self.tp += len(cand & gold)
        self.fp += len(cand - gold)
        self.fn += len(gold - cand)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp + 1e-100)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn + 1e-100)

    @property
    def fscore(self) -> float:
        p, r = self.precision, self.recall
        return 2 * ((p * r) / (p + r + 1e-100))

    def to_dict(self) -> dict[str, float]:
        """`{"p": ..., "r": ..., "f": ...}`."""
        return {"p": self.precision, "r": self.recall, "f": self.fscore}


class ROCAUCScore:
    """The area under the ROC curve of scores against binary gold labels."""

    def __init__(self) -> None:
        self.golds: list[int] = []
        self.cands: list[float] = []

    def score_set(self, cand: float, gold: bool | float) -> None:
        """Add one prediction score and its gold label."""
        self.cands.append(float(cand))
        self.golds.append(int(gold >= 0.5) if isinstance(gold, float) else int(bool(gold)))

    @property
    def score(self) -> float | None:
        """The AUC, or None when the gold labels are all of one class."""
        golds = np.asarray(self.golds)
        n_pos = int(golds.sum())
        n_neg = len(golds) - n_pos
        if n_pos == 0 or n_neg == 0:
            return None
        cands = np.asarray(self.cands)
        order = np.argsort(cands, kind="mergesort")
        ranks = np.empty(len(cands), dtype=np.float64)
        sorted_c = cands[order]
        i = 0
        while i < len(sorted_c):  # average ranks of ties
            j = i
            while j + 1 < len(sorted_c) and sorted_c[j + 1] == sorted_c[i]:
                j += 1
            ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
            i = j + 1
        return float((ranks[golds == 1].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


class Scorer:
    """Score a pipeline's predictions: each component scores what it annotates."""

    def __init__(self, nlp: Language | None = None, default_lang: str = "xx",
                 default_pipeline: Iterable[str] = (), **cfg: Any) -> None:
        self.nlp = nlp
        self.cfg = cfg

    def score(self, examples: Iterable[Example], *, per_component: bool = False
              ) -> dict[str, Any]:
        """All scores: tokenization, then each component's `score` (keyed by name if asked)."""
        examples = list(examples)
        scores: dict[str, Any] = {}
        token = self.score_tokenization(examples)
        if per_component:
            scores["tokenizer"] = token
        else:
            scores.update(token)
        if self.nlp is not None:
            for name, component in self.nlp.pipeline:
                if hasattr(component, "score"):
                    result = component.score(examples, **self.cfg)
                    if per_component:
                        scores[name] = result
                    else:
                        scores.update(result)
        return scores

    @staticmethod
    def score_tokenization(examples: Iterable[Example], **cfg: Any) -> dict[str, Any]:
        """`token_acc` (share of reference tokens predicted exactly) and token P/R/F."""
        acc = PRFScore()
        prf = PRFScore()
        for eg in examples:
            x, y = eg.predicted, eg.reference
            if y.has_unknown_spaces:
                continue
            align = eg.alignment
            one_to_one = int(np.sum((align.x2y.lengths == 1) & _is_one_to_one(align)))
            acc.tp += one_to_one
            acc.fn += len(y) - one_to_one
            x_spans = _token_spans(x)
            y_spans = _token_spans(y)
            prf.score_set(x_spans, y_spans)
        return {
            "token_acc": acc.recall if len(acc) else None,
            "token_p": prf.precision if len(prf) else None,
            "token_r": prf.recall if len(prf) else None,
            "token_f": prf.fscore if len(prf) else None,
        }

    @staticmethod
    def score_token_attr(examples: Iterable[Example], attr: str, *,
                         getter: Callable[[Any, str], Any] = getattr,
                         missing_values: Iterable[Any] = MISSING_VALUES, **cfg: Any
                         ) -> dict[str, Any]:
        """`{attr}_acc`: share of reference tokens (with a value) whose value is predicted."""
        missing = set(missing_values)
        score = PRFScore()
        for eg in examples:
            gold = {
                (t.i, getter(t, attr)) for t in eg.reference if getter(t, attr) not in missing
            }
            if not gold:
                continue
            gold_i = {i for i, _ in gold}
            x2y = eg.alignment.x2y
            pred = set()
            for t in eg.predicted:
                if x2y.lengths[t.i] == 1:
                    yi = int(x2y[t.i][0])
                    if yi in gold_i:
                        pred.add((yi, getter(t, attr)))
            score.score_set(pred, gold)
        return {f"{attr}_acc": score.fscore if len(score) else None}

    @staticmethod
    def score_token_attr_per_feat(examples: Iterable[Example], attr: str, *,
                                  getter: Callable[[Any, str], Any] = getattr,
                                  missing_values: Iterable[Any] = MISSING_VALUES, **cfg: Any
                                  ) -> dict[str, Any]:
        """`{attr}_per_feat`: P/R/F of each feature of a "Feat=Val|..." attribute (morph)."""
        missing = set(missing_values)
        per_feat: dict[str, PRFScore] = {}
        for eg in examples:
            gold: dict[str, set] = {}
            pred: dict[str, set] = {}
            gold_i = set()
            for t in eg.reference:
                value = str(getter(t, attr))
                if value in missing or getter(t, attr) in missing:
                    continue
                gold_i.add(t.i)
                for feat in value.split("|"):
                    field = feat.partition("=")[0]
                    gold.setdefault(field, set()).add((t.i, feat))
            x2y = eg.alignment.x2y
            for t in eg.predicted:
                if x2y.lengths[t.i] != 1:
                    continue
                yi = int(x2y[t.i][0])
                if yi not in gold_i:
                    continue
                value = str(getter(t, attr))
                if not value or value == "_":
                    continue
                for feat in value.split("|"):
                    field = feat.partition("=")[0]
                    pred.setdefault(field, set()).add((yi, feat))
            for field in set(gold) | set(pred):
                per_feat.setdefault(field, PRFScore()).score_set(
                    pred.get(field, set()), gold.get(field, set())
                )
        result = {k: v.to_dict() for k, v in sorted(per_feat.items())}
        return {f"{attr}_per_feat": result or None}

    @staticmethod
    def score_spans(examples: Iterable[Example], attr: str, *,
                    getter: Callable[[Any, str], Any] = getattr,
                    has_annotation: Callable[[Any], bool] | None = None, labeled: bool = True,
                    allow_overlap: bool = False, **cfg: Any) -> dict[str, Any]:
        """`{attr}_p/r/f` and `{attr}_per_type` of spans (ents, sents, span groups)."""
        score = PRFScore()
        per_type: dict[str, PRFScore] = {}
        for eg in examples:
            y = eg.reference
            if has_annotation is not None and not has_annotation(y):
                continue
            gold_spans = list(getter(y, attr))
            try:
                found = list(getter(eg.predicted, attr))
            except InputError:  # e.g. doc.sents of a doc without sentence boundaries
                found = []
            pred_spans = eg.get_aligned_spans_x2y(found, allow_overlap)
            gold = {_span_key(s, labeled) for s in gold_spans}
            pred = {_span_key(s, labeled) for s in pred_spans}
            for label in {k[0] for k in gold | pred}:
                per_type.setdefault(label, PRFScore()).score_set(
                    {k for k in pred if k[0] == label}, {k for k in gold if k[0] == label}
                )
            score.score_set(pred, gold)
        out: dict[str, Any] = {
            f"{attr}_p": score.precision if len(score) else None,
            f"{attr}_r": score.recall if len(score) else None,
            f"{attr}_f": score.fscore if len(score) else None,
        }
        if labeled:
            out[f"{attr}_per_type"] = {k: v.to_dict() for k, v in sorted(per_type.items())}
        return out

    @staticmethod
    def score_cats(examples: Iterable[Example], attr: str = "cats", *,
                   getter: Callable[[Any, str], Any] = getattr, labels: Iterable[str] = (),
                   multi_label: bool = True, positive_label: str | None = None,
                   threshold: float | None = None, **cfg: Any) -> dict[str, Any]:
        """Text-classification scores: macro/micro P/R/F, macro AUC, per-label F and AUC.

        `cats_score` is the macro F (or, with a `positive_label` on an exclusive
        classifier, that label's F); `cats_score_desc` says which.
        """
        labels = list(labels)
        if threshold is None:
            threshold = 0.5 if multi_label else 0.0
        f_per = {label: PRFScore() for label in labels}
        auc_per = {label: ROCAUCScore() for label in labels}
        for eg in examples:
            gold = getter(eg.reference, attr)
            pred = getter(eg.predicted, attr)
            if not gold:
                continue
            if multi_label:
                picked = {lab for lab in labels if pred.get(lab, 0.0) >= threshold}
            else:
                best = max(labels, key=lambda lab: pred.get(lab, 0.0)) if labels else None
                picked = {best} if best is not None and pred.get(best, 0.0) >= threshold else set()
            for label in labels:
                if label not in gold:
                    continue
                is_gold = gold[label] >= 0.5
                is_pred = label in picked
                f_per[label].tp += is_gold and is_pred
                f_per[label].fp += is_pred and not is_gold
                f_per[label].fn += is_gold and not is_pred
                auc_per[label].score_set(pred.get(label, 0.0), gold[label])
        micro = PRFScore()
        for prf in f_per.values():
            micro += prf
        n = max(len(labels), 1)
        macro_p = sum(p.precision for p in f_per.values()) / n
        macro_r = sum(p.recall for p in f_per.values()) / n
        macro_f = sum(p.fscore for p in f_per.values()) / n
        aucs = {k: v.score for k, v in auc_per.items()}
        known = [a for a in aucs.values() if a is not None]
        result: dict[str, Any] = {
            f"{attr}_score": macro_f, f"{attr}_score_desc": "macro F",
            f"{attr}_micro_p": micro.precision, f"{attr}_micro_r": micro.recall,
            f"{attr}_micro_f": micro.fscore, f"{attr}_macro_p": macro_p,
            f"{attr}_macro_r": macro_r, f"{attr}_macro_f": macro_f,
            f"{attr}_macro_auc": sum(known) / len(known) if known else None,
            f"{attr}_f_per_type": {k: v.to_dict() for k, v in f_per.items()},
            f"{attr}_auc_per_type": aucs,
        }
        if positive_label is not None and not multi_label:
            if positive_label not in labels:
                raise InputError(Errors.E569.format(label=positive_label, name=attr,
                                                    labels=labels))
            result[f"{attr}_score"] = f_per[positive_label].fscore
            result[f"{attr}_score_desc"] = f"F ({positive_label})"
        elif not len(micro):
            result[f"{attr}_score"] = None
        return result

    @staticmethod
    def score_deps(examples: Iterable[Example], attr: str, *,
                   getter: Callable[[Any, str], Any] = getattr, head_attr: str = "head",
                   head_getter: Callable[[Any, str], Any] = getattr,
                   ignore_labels: Iterable[str] = (), labeled: bool = True,
                   missing_values: Iterable[Any] = MISSING_VALUES, **cfg: Any
                   ) -> dict[str, Any]:
        """`{attr}_uas`, `{attr}_las` and `{attr}_las_per_type` of dependency arcs."""
        ignore = set(ignore_labels)
        missing = set(missing_values)
        unlabelled, labelled = PRFScore(), PRFScore()
        per_type: dict[str, PRFScore] = {}
        for eg in examples:
            x2y = eg.alignment.x2y
            gold_arcs, gold_unl = set(), set()
            gold_by_label: dict[str, set] = {}
            for t in eg.reference:
                dep = getter(t, attr)
                if dep in missing or dep in ignore:
                    continue
                head = head_getter(t, head_attr).i
                gold_arcs.add((t.i, head, dep))
                gold_unl.add((t.i, head))
                gold_by_label.setdefault(dep, set()).add((t.i, head, dep))
            gold_i = {a[0] for a in gold_arcs}
            pred_arcs, pred_unl = set(), set()
            pred_by_label: dict[str, set] = {}
            for t in eg.predicted:
                if x2y.lengths[t.i] != 1:
                    continue
                yi = int(x2y[t.i][0])
                if yi not in gold_i:
                    continue
                dep = getter(t, attr)
                if dep in ignore:
                    continue
                head = head_getter(t, head_attr)
                if x2y.lengths[head.i] != 1:
                    continue
                yh = int(x2y[head.i][0])
                pred_arcs.add((yi, yh, dep))
                pred_unl.add((yi, yh))
                pred_by_label.setdefault(dep, set()).add((yi, yh, dep))
            unlabelled.score_set(pred_unl, gold_unl)
            labelled.score_set(pred_arcs, gold_arcs)
            for label in set(gold_by_label) | set(pred_by_label):
                per_type.setdefault(label, PRFScore()).score_set(
                    pred_by_label.get(label, set()), gold_by_label.get(label, set())
                )
        out: dict[str, Any] = {
            f"{attr}_uas": unlabelled.fscore if len(unlabelled) else None,
        }
        if labeled:
            out[f"{attr}_las"] = labelled.fscore if len(labelled) else None
            out[f"{attr}_las_per_type"] = {k: v.to_dict() for k, v in sorted(per_type.items())}
        return out


def _is_one_to_one(align: Any) -> np.ndarray:
    """For each x token aligned to one y token: is that y token aligned only to it?"""
    x2y, y2x = align.x2y, align.y2x
    out = np.zeros(len(x2y), dtype=bool)
    for i in np.flatnonzero(x2y.lengths == 1).tolist():
        out[i] = y2x.lengths[int(x2y[i][0])] == 1
    return out


def _token_spans(doc: Any) -> set[tuple[int, int]]:
    idx = doc._token_idx().tolist()
    return {(start, start + len(t)) for start, t in zip(idx, doc) if not t.is_space}


def _span_key(span: Any, labeled: bool) -> tuple:
    label = span.label_ if labeled else ""
    return (label, span.start, span.end)


def get_ner_prf(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    """Entity P/R/F per label (`ents_per_type`)."""
    return Scorer.score_spans(
        examples, "ents", has_annotation=lambda doc: doc.has_annotation("ENT_IOB")
    )["ents_per_type"]
