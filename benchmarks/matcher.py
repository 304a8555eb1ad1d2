"""Benchmark: plait's Matcher and PhraseMatcher against spaCy's, on the same corpus.

    python benchmarks/matcher.py [--corpus PATH] [--limit N] [--repeat 3] [--only phrase]

Both libraries tokenize the same paragraphs first (spaCy with `spacy.blank("en")`, plait
with `plait.blank("en")`), outside the timers; only matching is timed (a warm-up each, then
the best of `--repeat` runs, spaCy's and plait's runs taking turns so that a change in the
machine's load hits both, each run after a `gc.collect()` so that neither pays for the
other's garbage). The PhraseMatcher terms are word n-grams taken from paragraphs
after the first `--limit` ones, the same list for both libraries. Prints docs/s for each
library, the ratio plait/spaCy (> 1 means plait is faster), the match counts and whether
the matches agree (key, start, end and order, doc by doc).
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MATCHER_PATTERNS: dict[str, list] = {
    "for_example": [[{"LOWER": "for"}, {"LOWER": "example"}]],
    "number_unit": [
        [
            {"IS_DIGIT": True, "OP": "+"},
            {
                "LOWER": {
                    "IN": ["bytes", "seconds", "times", "items", "elements", "characters", "bits"]
                }
            },
        ]
    ],
    "dunder": [[{"TEXT": {"REGEX": r"^__\w+__$"}}]],
    "returns_x": [
        [
            {"LOWER": {"IN": ["return", "returns"]}},
            {"LOWER": {"IN": ["a", "an", "the"]}, "OP": "?"},
            {"IS_ALPHA": True},
        ]
    ],
    "the_x_module": [[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "*"}, {"LOWER": "module"}]],
    "python_version": [[{"LOWER": "python"}, {"LIKE_NUM": True, "OP": "?"}]],
    "error_class": [[{"TEXT": {"REGEX": "^[A-Z][a-z]+Error$"}}]],
    "long_word": [[{"LENGTH": {">=": 15}}]],
}


def read_paragraphs(path: Path) -> list[str]:
    with open(path, encoding="utf8") as f:
        return [line.strip() for line in f if line.strip()]


def make_terms(paragraphs: list[str], count: int, seed: int = 0) -> list[str]:
    """`count` distinct word n-grams (n = 1..4), drawn from the given paragraphs."""
    grams: set[str] = set()
    for line in paragraphs:
        words = line.split()
        for n in (1, 2, 3, 4):
            for i in range(0, len(words) - n + 1, 7):
                grams.add(" ".join(words[i : i + n]))
    ordered = sorted(grams)
    random.Random(seed).shuffle(ordered)
    return ordered[:count]


def best_of_each(repeat: int, funcs: list) -> list[tuple[float, object]]:
    """(best time, result) of each function, their runs interleaved."""
    out = [(float("inf"), func()) for func in funcs]  # warm-up
    for _ in range(repeat):
        for i, func in enumerate(funcs):
            gc.collect()
            start = time.perf_counter()
            result = func()
            out[i] = (min(out[i][0], time.perf_counter() - start), result)
    return out


def run_all(matcher, docs: list) -> list:
    return [matcher(doc) for doc in docs]


def as_strings(strings, results: list) -> list[list[tuple]]:
    return [[(strings[m], s, e) for m, s, e in res] for res in results]


def compare(
    name: str, docs_n: int, repeat: int, s_matcher, s_docs, s_strings, p_matcher, p_docs, p_strings
):
    (s_time, s_res), (p_time, p_res) = best_of_each(
        repeat, [lambda: run_all(s_matcher, s_docs), lambda: run_all(p_matcher, p_docs)]
    )
    s_str = as_strings(s_strings, s_res)
    p_str = as_strings(p_strings, p_res)
    same_tokens = [
        i for i in range(docs_n) if [t.text for t in s_docs[i]] == [t.text for t in p_docs[i]]
    ]
    agree = sum(1 for i in same_tokens if s_str[i] == p_str[i])
    s_count = sum(len(r) for r in s_res)
    p_count = sum(len(r) for r in p_res)
    s_rate, p_rate = docs_n / s_time, docs_n / p_time
    print(
        f"{name:<24} {s_rate:>12,.0f} {p_rate:>12,.0f} {p_rate / s_rate:>7.2f}x "
        f"{s_count:>9,} {p_count:>9,}   {agree:,}/{len(same_tokens):,}"
    )
    return s_rate, p_rate


def compare_matchers(args, n, snlp, s_docs, pnlp, p_docs, SpacyMatcher, Matcher) -> None:
    s_m = SpacyMatcher(snlp.vocab)
    p_m = Matcher(pnlp.vocab)
    for key, patterns in MATCHER_PATTERNS.items():
        s_m.add(key, patterns)
        p_m.add(key, patterns)
    compare(f"Matcher ({len(MATCHER_PATTERNS)} rules)", n, args.repeat, s_m, s_docs, snlp.vocab.strings, p_m, p_docs, pnlp.vocab.strings)  # fmt: skip

    for key, patterns in MATCHER_PATTERNS.items():
        s_one = SpacyMatcher(snlp.vocab)
        p_one = Matcher(pnlp.vocab)
        s_one.add(key, patterns)
        p_one.add(key, patterns)
        compare(f"  Matcher {key}", n, args.repeat, s_one, s_docs, snlp.vocab.strings, p_one, p_docs, pnlp.vocab.strings)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus" / "python-docs.txt"
    )
    parser.add_argument(
        "--limit", type=int, default=5000, help="number of paragraphs (docs) to match"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--same-tokens",
        action="store_true",
        help="build plait's docs from spaCy's tokens (to compare matching on identical tokens)",
    )
    parser.add_argument(
        "--only",
        choices=["matcher", "phrase"],
        help="run only the Matcher or only the PhraseMatcher benchmarks",
    )
    args = parser.parse_args()

    import spacy
    from spacy.matcher import Matcher as SpacyMatcher
    from spacy.matcher import PhraseMatcher as SpacyPhraseMatcher

    import plait
    from plait.matcher import Matcher, PhraseMatcher
    from plait.tokens import Doc

    paragraphs = read_paragraphs(args.corpus)
    texts = paragraphs[: args.limit]
    snlp = spacy.blank("en")
    pnlp = plait.blank("en")
    s_docs = [snlp.make_doc(t) for t in texts]
    if args.same_tokens:
        print("plait docs built from spaCy's tokens (--same-tokens)")

        def p_make_doc(text: str):
            tokens = snlp.make_doc(text)
            return Doc(pnlp.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])  # fmt: skip
    else:
        p_make_doc = pnlp.make_doc
    p_docs = [p_make_doc(t) for t in texts]
    n = len(texts)
    same = sum(1 for a, b in zip(s_docs, p_docs) if [t.text for t in a] == [t.text for t in b])
    tokens = sum(len(d) for d in p_docs)
    print(f"corpus: {args.corpus.name}, {n:,} docs, {tokens:,} plait tokens; best of {args.repeat}")
    print(f"docs tokenized identically by both libraries: {same:,}/{n:,}")
    print()
    print(
        f"{'benchmark (docs/s)':<24} {'spaCy':>12} {'plait':>12} {'ratio':>8} {'spaCy n':>9} {'plait n':>9}   agree (same-token docs)"
    )

    if args.only != "phrase":
        compare_matchers(args, n, snlp, s_docs, pnlp, p_docs, SpacyMatcher, Matcher)
    if args.only == "matcher":
        return
    for count in (10_000, 100_000):
        terms = make_terms(paragraphs[args.limit :], count)
        t0 = time.perf_counter()
        s_pm = SpacyPhraseMatcher(snlp.vocab, attr="LOWER")
        s_pm.add("TERM", [snlp.make_doc(t) for t in terms])
        s_add = time.perf_counter() - t0
        t0 = time.perf_counter()
        p_pm = PhraseMatcher(pnlp.vocab, attr="LOWER")
        p_pm.add("TERM", [p_make_doc(t) for t in terms])
        p_add = time.perf_counter() - t0
        compare(f"PhraseMatcher {len(terms) // 1000}k LOWER", n, args.repeat, s_pm, s_docs, snlp.vocab.strings, p_pm, p_docs, pnlp.vocab.strings)  # fmt: skip
        print(
            f"  (add {len(terms):,} phrases incl. tokenizing: spaCy {s_add:.2f} s, plait {p_add:.2f} s)"
        )


if __name__ == "__main__":
    main()
