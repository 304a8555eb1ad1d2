"""Benchmark plait's English tokenizer against spaCy's, on the same corpus in one run.

    python benchmarks/tokenizer.py [CORPUS] [--repeat N] [--limit N] [--show N]

CORPUS defaults to ../shared/corpus/python-docs.txt (relative to the repository), one
paragraph a line. Both tokenizers (`plait.blank("en").tokenizer`, `spacy.blank("en").tokenizer`)
build real Doc objects. Each is warmed up once over the whole corpus (filling its caches),
then timed `--repeat` times; the best run counts.

Figures:
- words/s: whitespace-separated words of the corpus (`len(line.split())`, the same count
  for both) divided by the seconds it took to tokenize every paragraph;
- identical paragraphs: share of paragraphs whose token texts and whitespace are the same;
- token agreement: tokens are compared as character spans (start, end) of the paragraph;
  agreement = 2 * |spans in both| / (|plait spans| + |spaCy spans|) over the whole corpus
  (an F1 score; 100% means identical tokenization).
`--show N` prints N disagreeing paragraphs (the differing tokens) to study the rules.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections import Counter
from pathlib import Path

_DEFAULT = (Path(__file__).resolve().parent.parent / ".." / "shared" / "corpus" / "python-docs.txt").resolve()


def spans(tokens: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Character spans of tokens given as (text, whitespace) pairs."""
    out = []
    pos = 0
    for text, ws in tokens:
        out.append((pos, pos + len(text)))
        pos += len(text) + len(ws)
    return out


def time_best(func, texts: list[str], repeat: int) -> float:
    """Best wall time of `repeat` runs of func over all texts (docs are kept, like users do)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        docs = [func(t) for t in texts]
        best = min(best, time.perf_counter() - start)
        del docs
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(_DEFAULT))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N paragraphs")
    parser.add_argument("--show", type=int, default=0, help="print N disagreeing paragraphs")
    args = parser.parse_args()

    import spacy

    import plait

    texts = Path(args.corpus).read_text(encoding="utf8").splitlines()
    if args.limit:
        texts = texts[: args.limit]
    n_words = sum(len(t.split()) for t in texts)
    ours = plait.blank("en").tokenizer
    peer = spacy.blank("en").tokenizer

    for tok in (ours, peer):  # warm up: fill the caches
        for t in texts:
            tok(t)
    t_ours = time_best(ours, texts, args.repeat)
    t_peer = time_best(peer, texts, args.repeat)

    same_paragraphs = 0
    n_ours = n_peer = n_both = 0
    diffs: Counter[tuple[str, str]] = Counter()
    shown = 0
    for text in texts:
        a = [(t.text, t.whitespace_) for t in ours(text)]
        b = [(t.text, t.whitespace_) for t in peer(text)]
        if a == b:
            same_paragraphs += 1
            n_ours += len(a)
            n_peer += len(b)
            n_both += len(a)
            continue
        sa, sb = spans(a), spans(b)
        common = set(sa) & set(sb)
        n_ours += len(sa)
        n_peer += len(sb)
        n_both += len(common)
        only_a = [text[s:e] for s, e in sa if (s, e) not in common]
        only_b = [text[s:e] for s, e in sb if (s, e) not in common]
        diffs[(" ".join(only_a), " ".join(only_b))] += 1
        if shown < args.show:
            shown += 1
            print(f"plait only: {only_a}\nspaCy only: {only_b}\n  in: {text[:200]!r}\n")
    if args.show:
        print("most frequent differences (plait | spaCy):")
        for (a_only, b_only), count in diffs.most_common(args.show):
            print(f"  {count:5d}  {a_only!r} | {b_only!r}")
        print()

    wps_ours = n_words / t_ours
    wps_peer = n_words / t_peer
    print(f"corpus: {args.corpus} ({len(texts)} paragraphs, {n_words} words)")
    print(f"{'':24}{'plait':>14}{'spaCy':>14}{'ratio':>10}")
    print(f"{'words/s (best of ' + str(args.repeat) + ')':24}{wps_ours:14,.0f}{wps_peer:14,.0f}"
          f"{wps_ours / wps_peer:9.2f}x")
    print(f"{'seconds':24}{t_ours:14.3f}{t_peer:14.3f}")
    print(f"identical paragraphs: {same_paragraphs / len(texts):.3%}")
    print(f"token agreement (span F1): {2 * n_both / (n_ours + n_peer):.3%} "
          f"(plait {n_ours} tokens, spaCy {n_peer}, same span {n_both})")


if __name__ == "__main__":
    main()
