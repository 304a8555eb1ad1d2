"""Doc construction and access: plait vs spaCy, measured in the same run.

Run by hand: `python benchmarks/doc.py`. Prints best-of-N times per operation and the
ratio (spaCy time / plait time; > 1 means plait is faster).
"""

from __future__ import annotations

import random
import time

import numpy as np


def best(fn, repeat: int = 7, number: int = 20) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return min(times)


def main() -> None:
    import spacy
    from spacy.tokens import Doc as SpacyDoc

    from plait.tokens import Doc
    from plait.vocab import Vocab

    rng = random.Random(0)
    lexicon = [f"w{i}" for i in range(5000)] + [",", ".", "the", "a", "of"]
    words = [rng.choice(lexicon) for _ in range(2000)]
    spaces = [rng.random() < 0.85 for _ in words]
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces))

    vocab = Vocab()
    orths = np.asarray(vocab.strings.add_many(words), dtype=np.uint64)
    spaces_arr = np.asarray(spaces, dtype=bool)
    orth_list = orths.tolist()
    nlp = spacy.blank("en")
    svocab = nlp.vocab
    for w in set(words):
        svocab[w]  # make the lexemes exist, as a tokenizer would
    Doc(vocab, words=words, spaces=spaces)  # lexemes of the plait vocab

    rows = [
        ("Doc._from_orths (array in)", lambda: Doc._from_orths(vocab, orths, spaces_arr, text),
         lambda: SpacyDoc(svocab, words=words, spaces=spaces)),
        ("Doc._from_orths (list in)", lambda: Doc._from_orths(vocab, orth_list, spaces, text),
         lambda: SpacyDoc(svocab, words=words, spaces=spaces)),
        ("Doc(words=, spaces=)", lambda: Doc(vocab, words=words, spaces=spaces),
         lambda: SpacyDoc(svocab, words=words, spaces=spaces)),
    ]
    pdoc = Doc(vocab, words=words, spaces=spaces)
    sdoc = SpacyDoc(svocab, words=words, spaces=spaces)
    rows += [
        ("iterate tokens, read .text", lambda: [t.text for t in pdoc], lambda: [t.text for t in sdoc]),
        ("to_array([ORTH, LOWER, SPACY])", lambda: pdoc.to_array(["ORTH", "LOWER", "SPACY"]),
         lambda: sdoc.to_array(["ORTH", "LOWER", "SPACY"])),
        ("to_bytes + from_bytes", lambda: Doc(vocab).from_bytes(pdoc.to_bytes()),
         lambda: SpacyDoc(svocab).from_bytes(sdoc.to_bytes())),
    ]
    print(f"{len(words)} tokens per doc; times are best of 7 runs (mean of 20 calls each)")
    print(f"{'operation':34} {'plait':>11} {'spaCy':>11} {'ratio':>7}")
    for name, ours, theirs in rows:
        a, b = best(ours), best(theirs)
        print(f"{name:34} {a * 1e6:9.1f}us {b * 1e6:9.1f}us {b / a:6.1f}x")


if __name__ == "__main__":
    main()
