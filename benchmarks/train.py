"""Train a tagger on UD English-EWT (dev split) and report on the test split, vs spaCy.

Run: `OPENBLAS_NUM_THREADS=1 python benchmarks/train.py [--epochs 5]`. Prints tagging
accuracy, training words/s and prediction words/s for plait and for spaCy (same data, same
number of epochs, CPU), and the ratios. Parser and NER rows are added by their helper.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

DATA = Path("/work/shared/data/ud-english-ewt")
TRAIN, TEST = DATA / "en_ewt-ud-dev.conllu", DATA / "en_ewt-ud-test.conllu"


def plait_tagger(epochs: int, learn_rate: float = 0.005) -> dict[str, float]:
    """Train and evaluate plait's tagger through the config lifecycle."""
    from plait.training.initialize import init_nlp
    from plait.training.loop import train
    from plait.util import load_config_from_str

    cfg = load_config_from_str(f"""
[nlp]
lang = "en"
pipeline = ["tagger"]
[components]
[components.tagger]
factory = "tagger"
[corpora]
[corpora.train]
@readers = "plait.ConllCorpus.v1"
path = "{TRAIN}"
n_sents = 10
[corpora.dev]
@readers = "plait.ConllCorpus.v1"
path = "{TEST}"
n_sents = 10
[training]
max_epochs = {epochs}
max_steps = 0
eval_frequency = 100000
[training.batcher]
@batchers = "plait.batch_by_words.v1"
size = 1000
[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = {learn_rate}
""")
    nlp = init_nlp(cfg)
    from plait.training.corpus import ConllCorpus

    train_words = sum(len(eg) for eg in ConllCorpus(TRAIN)(nlp)) * epochs
    start = time.perf_counter()
    import io

    train(nlp, None, stdout=io.StringIO())
    train_time = time.perf_counter() - start
    test = list(ConllCorpus(TEST)(nlp))
    with nlp.use_params(nlp._optimizer.averages):
        scores = best_of(lambda: nlp.evaluate(test), 3)
    return {"tag_acc": scores["tag_acc"], "train_wps": train_words / train_time,
            "predict_wps": scores["speed"]}


def best_of(func, n: int) -> dict:
    results = [func() for _ in range(n)]
    return max(results, key=lambda r: r["speed"])


def spacy_tagger(epochs: int) -> dict[str, float]:
    """The same with spaCy 3 (default tagger model, Adam, batches of ~1000 words)."""
    import spacy
    from spacy.training import Example
    from spacy.training.batchers import minibatch_by_words

    from plait.training.corpus import read_conllu

    def load(path: Path, nlp) -> list:
        out, group = [], []
        for sent in read_conllu(path):
            group.append(sent)
            if len(group) == 10:
                out.append(group)
                group = []
        if group:
            out.append(group)
        examples = []
        for g in out:
            words = [w for s in g for w in s["words"]]
            tags = [t for s in g for t in s["tags"]]
            doc = spacy.tokens.Doc(nlp.vocab, words=words)
            examples.append(Example.from_dict(doc, {"words": words, "tags": tags}))
        return examples

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger")
    train_egs = load(TRAIN, nlp)
    test_egs = load(TEST, nlp)
    optimizer = nlp.initialize(lambda: train_egs)
    n_words = sum(len(eg) for eg in train_egs) * epochs
    start = time.perf_counter()
    for _ in range(epochs):
        random.shuffle(train_egs)
        for batch in minibatch_by_words(train_egs, size=1000):
            nlp.update(batch, sgd=optimizer, drop=0.1)
    train_time = time.perf_counter() - start
    with nlp.use_params(optimizer.averages):
        scores = best_of(lambda: nlp.evaluate(test_egs), 3)
    return {"tag_acc": scores["tag_acc"], "train_wps": n_words / train_time,
            "predict_wps": scores["speed"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--learn-rate", type=float, default=0.005)
    parser.add_argument("--no-spacy", action="store_true")
    args = parser.parse_args()
    ours = plait_tagger(args.epochs, args.learn_rate)
    peer = None if args.no_spacy else spacy_tagger(args.epochs)
    print(f"tagger, UD English-EWT: train on dev ({args.epochs} epochs), score on test")
    print(f"{'metric':<14}{'plait':>12}{'spaCy':>12}{'ratio':>10}")
    for key in ("tag_acc", "train_wps", "predict_wps"):
        a = ours[key]
        b = peer[key] if peer else float("nan")
        fmt = "{:>12.4f}" if key.endswith("acc") else "{:>12.0f}"
        print(f"{key:<14}" + fmt.format(a) + fmt.format(b) + f"{a / b if peer else 0:>10.2f}")


if __name__ == "__main__":
    main()
