"""Annotate an e-mail source (ham or spam) with spaCy's small English pipeline into its own silver DocBins.

The e-mails (web-like text: `corpus/raw/email.jsonl`, written by fetch_sources.py) are kept
apart from the main silver corpus, so adding them changes none of its files: every e-mail is
taken, split by document in a seeded order into held-out (the first ~5% of the words, never
trained on), dev (the next ~5%) and train, annotated like `annotate_silver.py` does, and
written to `corpus/silver/email-{train,dev,heldout}.spacy` (+ `.plait` copies, checked),
`email-<split>.docs.jsonl` and `email-manifest.json`.

Usage: python scripts/data/annotate_email.py [--source email|spam] [--n-process 2] [--batch-size 64] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotate_silver import (
    SPLITS,
    add_common_args,
    annotate,
    doc_words,
    load_model,
    select,
    sha256_file,
)

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> None:
    """Select, split, annotate and write the e-mail silver files and their manifest."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_common_args(ap)
    ap.add_argument("--source", default="email", choices=("email", "spam"),
                    help="the ham (`email`, files email-*) or the spam (`spam`, files spam-*)")
    args = ap.parse_args(argv)
    source_name, prefix = args.source, f"{args.source}-"
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    with (args.raw / f"{source_name}.jsonl").open(encoding="utf8") as f:
        docs = [json.loads(line) for line in f]
    total = sum(doc_words(d) for d in docs)
    chosen = {source_name: select(docs, total, args.heldout, args.dev, args.seed)}
    nlp = load_model(args.model)
    t1 = time.time()
    stats = annotate(chosen, nlp, out, args.n_process, args.batch_size, prefix=prefix)
    t2 = time.time()

    from plait_copies import write_plait_copies

    plait_check = write_plait_copies([out / f"{prefix}{s}.spacy" for s in SPLITS])
    t3 = time.time()

    import spacy

    source = json.loads((args.raw / "sources.json").read_text(encoding="utf8"))["sources"][source_name]
    source["selected"] = {split: {"documents": len(ds), "words": sum(doc_words(d) for d in ds)}
                          for split, ds in chosen[source_name].items()}
    files = {p.name: {"bytes": p.stat().st_size, "sha256": sha256_file(p)}
             for p in sorted(out.glob(f"{prefix}*")) if p.suffix in (".spacy", ".plait", ".jsonl")}
    manifest = {
        "description": "Silver e-mail corpus: spaCy's small English pipeline's annotations of "
                       "the SpamAssassin ham e-mails. Made by scripts/data/annotate_email.py.",
        "annotator": {"spacy": spacy.__version__,
                      "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
                      "model_version": nlp.meta.get("version"),
                      "model_license": nlp.meta.get("license"), "pipeline": nlp.pipe_names},
        "options": {"seed": args.seed, "heldout": args.heldout, "dev": args.dev,
                    "n_process": args.n_process, "batch_size": args.batch_size},
        "splits": stats,
        "heldout_documents": {source_name: [d["doc_id"] for d in chosen[source_name]["heldout"]]},
        "sources": {source_name: source},
        "files": files,
        "plait_copies": plait_check,
        "seconds": {"load": round(t1 - t0, 1), "annotate": round(t2 - t1, 1),
                    "plait_copies": round(t3 - t2, 1)},
    }
    (out / f"{prefix}manifest.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                               encoding="utf8")
    for split, st in stats.items():
        print(f"{split:8} {st['docs']:7,} docs {st['words']:10,} words {st['tokens']:10,} tokens")
    print(f"annotated in {t2 - t1:.0f}s; wrote {out}/{prefix}*")


if __name__ == "__main__":
    main()
