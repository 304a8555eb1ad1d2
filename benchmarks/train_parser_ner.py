"""Train plait's parser and NER on UD English-EWT, with spaCy trained the same way as the peer.

Data (see /work/shared/data/README.md): the parser trains on the UD EWT dev split and is
scored on the test split (UD labels, punctuation ignored); the NER trains on the UNER EWT
dev split and is scored on its test split (PER/ORG/LOC). Both libraries get the gold
tokenization (one doc per sentence), the same epochs, batch size and Adam defaults, and
their default standalone model (own tok2vec: hashed embeddings + CNN, width 96, depth 4).

Prints accuracy, training words/s (median epoch) and prediction words/s (best of 3), for
plait, spaCy and their ratio.

    python benchmarks/train_parser_ner.py [--epochs 10] [--no-spacy] [--only parser|ner]
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # threads fight on 2 shared cores
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import random
import statistics
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if not DATA.exists():
    DATA = Path("/work/shared/data")
UD = DATA / "ud-english-ewt"
UNER = DATA / "uner-english-ewt"


def read_conllu(path: Path) -> list[dict]:
    """Sentences as dicts: words, spaces, heads (absolute), deps (root: "ROOT")."""
    out, rows = [], []
    for line in path.read_text(encoding="utf8").splitlines() + [""]:
        if not line.strip():
            if rows:
                words = [r[1] for r in rows]
                heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
                deps = ["ROOT" if r[6] == "0" else r[7] for r in rows]
                spaces = ["SpaceAfter=No" not in r[9] for r in rows]
                out.append({"words": words, "spaces": spaces, "heads": heads, "deps": deps})
                rows = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        rows.append(cols)
    return out


def read_iob2(path: Path) -> list[dict]:
    """Sentences as dicts: words and IOB2 entity tags."""
    out, words, tags = [], [], []
    for line in path.read_text(encoding="utf8").splitlines() + [""]:
        if not line.strip():
            if words:
                out.append({"words": words, "tags": tags})
                words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(cols[2])
    return out


def make_examples(lib, nlp, sents: list[dict], task: str) -> list:
    """Examples (predicted: gold words, unannotated; reference: the annotation)."""
    Doc = lib.tokens.Doc
    Example = lib.training.Example
    out = []
    for s in sents:
        spaces = s.get("spaces", [True] * len(s["words"]))
        pred = Doc(nlp.vocab, words=s["words"], spaces=spaces)
        if task == "parser":
            ref = Doc(nlp.vocab, words=s["words"], spaces=spaces, heads=s["heads"],
                      deps=s["deps"])
        else:
            ref = Doc(nlp.vocab, words=s["words"], spaces=spaces, ents=s["tags"])
        out.append(Example(pred, ref))
    return out


def train_and_eval(lib, task: str, train: list[dict], test: list[dict], epochs: int,
                   batch_size: int, seed: int) -> dict:
    """Train `task` on `train` for `epochs`; return scores and speeds."""
    if lib.__name__ == "plait":
        from plait.ml import fix_random_seed
    else:
        from spacy.util import fix_random_seed
    fix_random_seed(seed)
    nlp = lib.blank("en")
    pipe = nlp.add_pipe(task)
    train_egs = make_examples(lib, nlp, train, task)
    test_egs = make_examples(lib, nlp, test, task)
    optimizer = nlp.initialize(lambda: train_egs)
    n_words = sum(len(eg.predicted) for eg in train_egs)
    rng = random.Random(seed)
    epoch_speeds, losses_seen = [], []
    for _ in range(epochs):
        order = list(train_egs)
        rng.shuffle(order)
        losses: dict = {}
        start = time.perf_counter()
        for i in range(0, len(order), batch_size):
            nlp.update(order[i:i + batch_size], sgd=optimizer, losses=losses, drop=0.1)
        epoch_speeds.append(n_words / (time.perf_counter() - start))
        losses_seen.append(losses.get(task, 0.0))
    test_words = sum(len(eg.predicted) for eg in test_egs)
    best = 0.0
    with nlp.use_params(optimizer.averages):
        for _ in range(3):
            docs = [make_doc_copy(lib, nlp, eg) for eg in test_egs]
            start = time.perf_counter()
            predicted = list(pipe.pipe(docs, batch_size=256))
            best = max(best, test_words / (time.perf_counter() - start))
    Example = lib.training.Example
    scored = [Example(doc, eg.reference) for doc, eg in zip(predicted, test_egs)]
    scores = pipe.score(scored)
    return {"scores": scores, "train_wps": statistics.median(epoch_speeds),
            "predict_wps": best, "losses": losses_seen}


def make_doc_copy(lib, nlp, eg):
    """A fresh, unannotated doc with the example's words."""
    doc = eg.predicted
    return lib.tokens.Doc(nlp.vocab, words=[t.text for t in doc],
                          spaces=[bool(t.whitespace_) for t in doc])


def report(task: str, keys: list[str], results: dict) -> None:
    """Print one table: each metric for plait, spaCy and their ratio."""
    print(f"\n== {task} ==")
    print(f"{'metric':<16}{'plait':>12}{'spaCy':>12}{'ratio':>9}")
    rows = [(k, lambda r, k=k: r["scores"].get(k)) for k in keys]
    rows += [("train words/s", lambda r: r["train_wps"]),
             ("predict words/s", lambda r: r["predict_wps"])]
    for name, get in rows:
        ours = get(results["plait"])
        peer = get(results["spacy"]) if "spacy" in results else None
        ratio = f"{ours / peer:9.2f}" if ours is not None and peer else f"{'-':>9}"
        fmt = (lambda v: f"{v:12.3f}") if name.startswith(("dep", "ents", "sents")) else (
            lambda v: f"{v:12.0f}")
        print(f"{name:<16}{fmt(ours) if ours is not None else '-':>12}"
              f"{fmt(peer) if peer is not None else '-':>12}{ratio}")
    print("plait loss per epoch:", [round(x, 1) for x in results["plait"]["losses"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-spacy", action="store_true")
    parser.add_argument("--only", choices=["parser", "ner"])
    parser.add_argument("--limit", type=int, default=0, help="use only N training sentences")
    args = parser.parse_args()
    import plait

    libs = [plait]
    if not args.no_spacy:
        import spacy

        libs.append(spacy)
    tasks = {
        "parser": (read_conllu(UD / "en_ewt-ud-dev.conllu"),
                   read_conllu(UD / "en_ewt-ud-test.conllu"),
                   ["dep_uas", "dep_las", "sents_f"]),
        "ner": (read_iob2(UNER / "en_ewt-ud-dev.iob2"), read_iob2(UNER / "en_ewt-ud-test.iob2"),
                ["ents_p", "ents_r", "ents_f"]),
    }
    for task, (train, test, keys) in tasks.items():
        if args.only and task != args.only:
            continue
        if args.limit:
            train = train[:args.limit]
        print(f"{task}: {len(train)} training sentences "
              f"({sum(len(s['words']) for s in train)} words), {len(test)} test sentences "
              f"({sum(len(s['words']) for s in test)} words), {args.epochs} epochs")
        results = {}
        for lib in libs:
            name = "plait" if lib.__name__ == "plait" else "spacy"
            results[name] = train_and_eval(lib, task, train, test, args.epochs,
                                           args.batch_size, args.seed)
        report(task, keys, results)
        if "ents_per_type" in results["plait"]["scores"]:
            for label, prf in results["plait"]["scores"]["ents_per_type"].items():
                print(f"  plait {label}: p={prf['p']:.3f} r={prf['r']:.3f} f={prf['f']:.3f}")


if __name__ == "__main__":
    main()
