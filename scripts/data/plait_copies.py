"""Write plait DocBin copies (`.plait`) of spaCy DocBin files and check that they round-trip.

For each `x.spacy`: read it with `plait.tokens.DocBin.from_spacy_disk`, write `x.plait`, load that
again and compare every doc, token by token, with what spaCy reads from `x.spacy` (words, spaces,
tags, POS, morphology, lemmas, heads, deps, entity IOB and labels, sentence starts).

Usage: python scripts/data/plait_copies.py corpus/silver/*.spacy corpus/gold/*.spacy
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


def token_rows(doc: Any) -> Iterator[tuple]:
    """Each token's annotation as a tuple (the same code reads spaCy's and plait's docs)."""
    for t in doc:
        yield (t.text, t.whitespace_, t.tag_, t.pos_, str(t.morph), t.lemma_, t.head.i, t.dep_,
               t.ent_iob_, t.ent_type_, bool(t.is_sent_start))


FIELDS = ("text", "whitespace", "tag", "pos", "morph", "lemma", "head", "dep", "ent_iob",
          "ent_type", "sent_start")


def first_difference(docs_a: Iterable, docs_b: Iterable) -> str | None:
    """Where two doc streams first differ, as a message, or None when they agree."""
    n = 0
    sentinel = object()
    it_b = iter(docs_b)
    for n, a in enumerate(docs_a):
        b = next(it_b, sentinel)
        if b is sentinel:
            return f"second stream ends after {n} docs"
        rows_a, rows_b = list(token_rows(a)), list(token_rows(b))
        if len(rows_a) != len(rows_b):
            return f"doc {n}: {len(rows_a)} tokens vs {len(rows_b)}"
        for i, (ra, rb) in enumerate(zip(rows_a, rows_b)):
            if ra != rb:
                diffs = [f"{f}: {x!r} vs {y!r}" for f, x, y in zip(FIELDS, ra, rb) if x != y]
                return f"doc {n} token {i}: " + "; ".join(diffs)
    if next(it_b, sentinel) is not sentinel:
        return "second stream has more docs"
    return None


def write_plait_copies(paths: Iterable[Path]) -> dict:
    """Write `.plait` beside each `.spacy` and compare; returns a summary per file."""
    try:
        from plait.errors import PlaitError
        from plait.tokens import DocBin as PlaitDocBin
        from plait.vocab import Vocab as PlaitVocab
    except ImportError as e:
        return {"skipped": f"plait DocBin not importable: {e}"}
    if not hasattr(PlaitDocBin, "from_spacy_disk"):
        return {"skipped": "plait DocBin has no .spacy reader yet"}
    import spacy
    from spacy.tokens import DocBin as SpacyDocBin

    summary: dict = {}
    for path in paths:
        t0 = time.time()
        target = path.with_suffix(".plait")
        try:
            PlaitDocBin.from_spacy_disk(path).to_disk(target)
            reloaded = PlaitDocBin().from_disk(target)
        except (PlaitError, OSError) as e:  # report, do not stop the data build
            summary[path.name] = {"error": f"{type(e).__name__}: {e}"}
            continue
        spacy_docs = SpacyDocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
        diff = first_difference(spacy_docs, reloaded.get_docs(PlaitVocab()))
        summary[target.name] = {
            "docs": len(reloaded), "bytes": target.stat().st_size,
            "spacy_bytes": path.stat().st_size,
            "roundtrip": "identical to spaCy's reading" if diff is None else f"DIFFERS: {diff}",
            "seconds": round(time.time() - t0, 1),
        }
    return summary


if __name__ == "__main__":
    import json

    print(json.dumps(write_plait_copies(Path(p) for p in sys.argv[1:]), indent=2))
