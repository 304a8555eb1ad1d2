"""The training loop driven by `[training]`: batches, updates, evaluation, best-model saving.

Each epoch shuffles the training examples (seeded) and batches them; every
`eval_frequency` steps the pipeline is scored on the dev corpus with the optimizer's
averaged weights, a row of the progress table is printed, and `model-best` is saved when
the weighted score (`score_weights`) improves. Training stops after `max_steps`,
`max_epochs`, or `patience` steps without improvement; `model-last` is saved at the end.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import ConfigError, Errors
from .initialize import resolve_corpus, resolve_training

if TYPE_CHECKING:
    from ..language import Language
    from .example import Example


def train_batches(nlp: Language, corpus: Any, batcher: Any, max_epochs: int
                  ) -> Iterator[tuple[int, list[Example]]]:
    """(epoch, batch) pairs: each epoch the examples are shuffled, then batched."""
    epoch = 0
    while True:
        examples = list(corpus(nlp))
        random.shuffle(examples)
        for batch in batcher(examples):
            yield epoch, batch
        epoch += 1
        if max_epochs and epoch >= max_epochs:
            return


def weighted_score(scores: dict[str, Any], weights: dict[str, float | None]) -> float:
    """The sum of the weighted scores (E578 for a weight naming no score)."""
    total = 0.0
    for key, weight in weights.items():
        if not weight:
            continue
        if key not in scores:
            available = sorted(k for k, v in scores.items() if isinstance(v, (int, float)))
            raise ConfigError(Errors.E578.format(key=key, available=available))
        value = scores[key]
        total += float(value or 0.0) * weight
    return total


def train(nlp: Language, output_path: str | Path | None = None, *, use_gpu: int = -1,
          stdout: IO = sys.stdout, stderr: IO = sys.stderr) -> tuple[Language, Path | None]:
    """Train an initialized pipeline (see `init_nlp`); return it and the best model's path."""
    T = resolve_training(nlp.config)
    train_corpus = resolve_corpus(nlp.config, T.get("train_corpus", "corpora.train"))
    dev_corpus = resolve_corpus(nlp.config, T.get("dev_corpus", "corpora.dev"))
    optimizer = nlp._optimizer or T["optimizer"]
    batcher = T["batcher"]
    weights = {k: v for k, v in (T.get("score_weights") or {}).items() if v}
    frozen = list(T.get("frozen_components") or [])
    annotating = list(T.get("annotating_components") or [])
    dropout = float(T.get("dropout", 0.0))
    max_steps, max_epochs = T.get("max_steps", 0), T.get("max_epochs", 0)
    patience, eval_frequency = T.get("patience", 0), T.get("eval_frequency", 200)
    before_update, before_to_disk = T.get("before_update"), T.get("before_to_disk")
    log_step, finalize = T["logger"](nlp, stdout, stderr)
    dev_examples = list(dev_corpus(nlp))
    output = Path(output_path) if output_path is not None else None
    best_score, best_step, best_path = None, 0, None
    losses: dict[str, float] = {}
    words = 0
    start = time.perf_counter()
    step = 0
    epoch = 0

    def save(name: str) -> Path | None:
        if output is None:
            return None
        target = nlp if before_to_disk is None else before_to_disk(nlp)
        with nlp.use_params(optimizer.averages if optimizer.use_averages else None):
            target.to_disk(output / name)
        return output / name

    def evaluate() -> tuple[float, dict[str, Any]]:
        with nlp.use_params(optimizer.averages if optimizer.use_averages else None):
            scores = nlp.evaluate(dev_examples)
        return weighted_score(scores, weights), scores

    def checkpoint() -> None:
        """Evaluate, log the step, and save `model-best` when the score is the best yet."""
        nonlocal best_score, best_step, best_path
        score, scores = evaluate()
        elapsed = time.perf_counter() - start
        log_step({
            "epoch": epoch, "step": step, "losses": dict(losses), "score": score,
            "other_scores": scores, "score_keys": list(weights),
            "wps": words / elapsed if elapsed else 0.0,
        })
        if best_score is None or score > best_score:
            best_score, best_step = score, step
            best_path = save("model-best")

    try:
        for epoch, batch in train_batches(nlp, train_corpus, batcher, max_epochs):
            if before_update is not None:
                before_update(nlp, {"step": step, "epoch": epoch})
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses, exclude=frozen,
                       annotates=annotating)
            optimizer.step_schedules()
            words += sum(len(eg) for eg in batch)
            step += 1
            if step % eval_frequency == 0:
                checkpoint()
                losses = {}
                if patience and step - best_step >= patience:
                    break
            if max_steps and step >= max_steps:
                break
        if step % eval_frequency != 0 or best_score is None:
            checkpoint()
    finally:
        finalize()
    save("model-last")
    nlp.meta["performance"] = {"score": best_score, "step": best_step}
    return nlp, best_path
