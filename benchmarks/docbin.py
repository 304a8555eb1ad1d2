"""DocBin and pickle of docs: plait vs spaCy, measured in the same run.

Builds the same docs (tokens, tags, entities, sentence starts) in both libraries from
../shared/corpus/python-docs.txt (one doc per line; tokens from spaCy's English tokenizer,
annotations derived deterministically from the words), then prints for each library the
serialized size, the time to serialize (DocBin(docs=...).to_bytes()), the time to
deserialize to docs (from_bytes + list(get_docs(vocab))), pickle.dumps / pickle.loads of
the list of docs, and plait's ratios. Best of `--repeat` runs after a warm-up.

    python benchmarks/docbin.py [--limit N] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import pickle
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "python-docs.txt"
TAGS = ["NN", "VB", "JJ", "DT", "IN", "NNP", "RB", "CD", "NNS", "VBZ"]
LABELS = ["ORG", "PERSON", "GPE", "PRODUCT"]


def annotations(words: list[str]) -> tuple[list[str], list[str], list[bool]]:
    """Tags, IOB entity tags and sentence starts derived from the words (same for both)."""
    n = len(words)
    tags = [TAGS[(len(w) * 7 + ord(w[0])) % len(TAGS)] for w in words]
    ents = ["O"] * n
    i = 0
    while i < n:
        if words[i][:1].isupper() and i > 0:
            label = LABELS[len(words[i]) % len(LABELS)]
            ents[i] = f"B-{label}"
            if i + 1 < n and words[i + 1][:1].isupper():
                ents[i + 1] = f"I-{label}"
                i += 1
        i += 1
    starts = [True] + [words[i - 1] in (".", "!", "?") for i in range(1, n)]
    return tags, ents, starts


def load_lines(limit: int | None) -> list[str]:
    lines = [line for line in CORPUS.read_text(encoding="utf8").split("\n") if line.strip()]
    return lines[:limit] if limit else lines


def best(fn, repeat: int) -> tuple[float, object]:
    result = fn()  # warm-up
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def measure(name: str, docbin_cls: type, docs: list, vocab: object, repeat: int) -> tuple:
    """Size and times of one library's DocBin and pickle round trips."""
    ser, data = best(lambda: docbin_cls(docs=docs).to_bytes(), repeat)
    de, out = best(lambda: list(docbin_cls().from_bytes(data).get_docs(vocab)), repeat)
    assert [d.text for d in out[:50]] == [d.text for d in docs[:50]]
    pser, pdata = best(lambda: pickle.dumps(docs, protocol=5), repeat)
    pde, back = best(lambda: pickle.loads(pdata), repeat)
    assert [d.text for d in back[:50]] == [d.text for d in docs[:50]]
    assert [[t.tag_ for t in d] for d in back[:50]] == [[t.tag_ for t in d] for d in docs[:50]]
    return (name, len(data), ser, de, len(pdata), pser, pde)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N lines")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import spacy
    from spacy.tokens import Doc as SDoc
    from spacy.tokens import DocBin as SDocBin

    import plait
    from plait.tokens import Doc as PDoc
    from plait.tokens import DocBin as PDocBin

    lines = load_lines(args.limit)
    snlp, pnlp = spacy.blank("en"), plait.blank("en")
    sdocs, pdocs = [], []
    for doc in snlp.tokenizer.pipe(lines):
        words = [t.text for t in doc]
        if not words:
            continue
        spaces = [bool(t.whitespace_) for t in doc]
        tags, ents, starts = annotations(words)
        sdocs.append(SDoc(snlp.vocab, words=words, spaces=spaces, tags=tags, ents=ents,
                          sent_starts=starts))
        pdocs.append(PDoc(pnlp.vocab, words=words, spaces=spaces, tags=tags, ents=ents,
                          sent_starts=starts))
    n_tokens = sum(len(d) for d in pdocs)
    print(f"{len(pdocs)} docs, {n_tokens} tokens; best of {args.repeat} runs\n")

    rows = [measure("spaCy", SDocBin, sdocs, snlp.vocab, args.repeat),
            measure("plait", PDocBin, pdocs, pnlp.vocab, args.repeat)]

    header = ("library", "DocBin bytes", "serialize s", "to docs s", "pickle bytes",
              "pickle.dumps s", "pickle.loads s")
    print("".join(f"{h:>16}" for h in header))
    for row in rows:
        print(f"{row[0]:>16}{row[1]:>16,}{row[2]:>16.3f}{row[3]:>16.3f}{row[4]:>16,}"
              f"{row[5]:>16.3f}{row[6]:>16.3f}")
    s, p = rows
    print("\nplait vs spaCy:")
    print(f"  DocBin size           {p[1] / s[1]:.2f}x spaCy's (target <= 1)")
    print(f"  DocBin serialize      {s[2] / p[2]:.1f}x faster (target >= 10)")
    print(f"  DocBin to docs        {s[3] / p[3]:.1f}x faster (target >= 10)")
    print(f"  pickle.dumps(docs)    {s[5] / p[5]:.1f}x faster (target >= 10)")
    print(f"  pickle.loads(docs)    {s[6] / p[6]:.1f}x faster")
    print(f"  pickle size           {p[4] / s[4]:.2f}x spaCy's")


if __name__ == "__main__":
    main()
