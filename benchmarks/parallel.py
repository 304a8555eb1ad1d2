"""Processing a corpus at scale: nlp.pipe(n_process=1/2), Dask with 1/2 workers, and spaCy.

Run by hand: `python benchmarks/parallel.py [--limit N] [--repeat R] [--no-dask]`.
Reads ../shared/corpus/python-docs.txt (one paragraph a line) relative to the project root
and runs the same pipeline in plait and spaCy: a blank English tokenizer, a sentencizer and
an entity ruler with the same patterns. Every run builds a fresh pipeline (cold tokenizer
cache, as a real first pass over a corpus) and consumes every doc in the parent (Dask:
the DocBins come back to the client and are decoded there). Prints the median docs/s of R
runs, the CPU seconds used by the parent and by its worker processes, and the ratios.
The target: plait n_process=2 at least 1.7x n_process=1 on an otherwise idle 2-core machine.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "python-docs.txt"
PATTERNS = [
    {"label": "LANG", "pattern": "Python"},
    {"label": "ORG", "pattern": [{"LOWER": "python"}, {"LOWER": "software"},
                                 {"LOWER": "foundation"}]},
    {"label": "MODULE", "pattern": [{"LOWER": {"IN": ["os", "sys", "re", "json", "asyncio"]}}]},
    {"label": "PEP", "pattern": [{"TEXT": "PEP"}, {"LIKE_NUM": True}]},
]
BATCH_SIZE = 1000


def plait_nlp():
    import plait

    nlp = plait.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    return nlp


def spacy_nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    return nlp


def cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def measure(run: Callable[[], int], n_texts: int, repeat: int,
            clock: Callable[[], tuple[float, float]] = cpu) -> dict:
    """Median docs/s over `repeat` runs of `run` (which returns the number of docs seen)."""
    rates, parent, workers = [], [], []
    for _ in range(repeat):
        c0 = clock()
        start = time.perf_counter()
        seen = run()
        elapsed = time.perf_counter() - start
        c1 = clock()
        assert seen == n_texts, (seen, n_texts)
        rates.append(n_texts / elapsed)
        parent.append(c1[0] - c0[0])
        workers.append(c1[1] - c0[1])
    return {"rate": statistics.median(rates), "parent": statistics.median(parent),
            "workers": statistics.median(workers)}


def pipe_run(make: Callable, texts: list[str], n_process: int) -> Callable[[], int]:
    def run() -> int:
        nlp = make()
        return sum(1 for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process))
    return run


def _worker_cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def dask_clock(client) -> tuple[float, float]:
    """CPU seconds of this process and of every Dask worker process."""
    return cpu()[0], sum(client.run(_worker_cpu).values())


def dask_run(texts: list[str], runs: itertools.count) -> int:
    """Annotate `texts` with pipe_bag; decode the DocBins here; return the number of docs."""
    import dask.bag as db

    from plait.parallel.dask import pipe_bag

    nlp = plait_nlp()
    # a new pipeline each run, as nlp.pipe's workers get, not the warm one cached by workers
    nlp.meta["benchmark_run"] = next(runs)
    bag = db.from_sequence(texts, partition_size=BATCH_SIZE * 2)
    docbins = pipe_bag(nlp, bag, batch_size=BATCH_SIZE, compression="none")
    return sum(1 for b in docbins.compute() for _ in b.get_docs(nlp.vocab))


def dask_rows(texts: list[str], repeat: int) -> list[tuple[str, dict]]:
    from distributed import Client, LocalCluster

    rows = []
    for n_workers in (1, 2):
        with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=":0") as cluster, \
                Client(cluster) as client:
            run = functools.partial(dask_run, texts, itertools.count())
            run()  # warm up: workers import plait once
            rows.append((f"plait Dask, {n_workers} worker(s)",
                         measure(run, len(texts), repeat, functools.partial(dask_clock, client))))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=20000, help="texts to process")
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (median)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask rows")
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy rows")
    args = parser.parse_args()
    texts = CORPUS.read_text(encoding="utf8").splitlines()[: args.limit]
    n = len(texts)
    print(f"{n} texts, {sum(map(len, texts)) / 1e6:.1f} M characters, batch_size {BATCH_SIZE}, "
          f"median of {args.repeat} runs\n")
    pipe_run(plait_nlp, texts[:2000], 1)()  # import everything once
    rows = [(f"plait nlp.pipe(n_process={k})", measure(pipe_run(plait_nlp, texts, k), n,
                                                      args.repeat)) for k in (1, 2)]
    if not args.no_dask:
        rows += dask_rows(texts, args.repeat)
    if not args.no_spacy:
        pipe_run(spacy_nlp, texts[:2000], 1)()
        rows += [(f"spaCy nlp.pipe(n_process={k})", measure(pipe_run(spacy_nlp, texts, k), n,
                                                           args.repeat)) for k in (1, 2)]
    print(f"{'':34} {'docs/s':>9} {'parent CPU s':>13} {'workers CPU s':>14}")
    for name, row in rows:
        print(f"{name:34} {row['rate']:9.0f} {row['parent']:13.2f} {row['workers']:14.2f}")
    by_name = dict(rows)
    one, two = by_name["plait nlp.pipe(n_process=1)"], by_name["plait nlp.pipe(n_process=2)"]
    print(f"\nplait n_process=2 / n_process=1:        {two['rate'] / one['rate']:.2f}x "
          "(target >= 1.7x on an idle 2-core machine)")
    cpu_one = one["parent"] + one["workers"]
    cpu_two = two["parent"] + two["workers"]
    print(f"plait CPU seconds, n_process=2 / =1:    {cpu_two / cpu_one:.2f}x "
          "(the overhead of shipping docs; 2 / this is the speedup bound on 2 idle cores)")
    if not args.no_dask:
        d1, d2 = by_name["plait Dask, 1 worker(s)"], by_name["plait Dask, 2 worker(s)"]
        print(f"plait Dask 2 workers / 1 worker:        {d2['rate'] / d1['rate']:.2f}x")
    if not args.no_spacy:
        s2 = by_name["spaCy nlp.pipe(n_process=2)"]
        print(f"plait / spaCy, both n_process=2:        {two['rate'] / s2['rate']:.2f}x")
        s1 = by_name["spaCy nlp.pipe(n_process=1)"]
        print(f"plait / spaCy, both n_process=1:        {one['rate'] / s1['rate']:.2f}x")


if __name__ == "__main__":
    main()
