"""`plait benchmark speed MODEL DATA`: words per second of a pipeline over a corpus."""

from __future__ import annotations

import itertools
import random
import statistics
import time
from pathlib import Path
from typing import Annotated

import typer

from . import benchmark_cli
from .inputs import find_files, stream_inputs
from .loading import import_code, load_pipeline, split_paths
from .reporting import check_positive, note, reports_errors


def benchmark_speed(
    model: str, data_path: str | Path, *, code: str | None = None, batch_size: int = 64,
    batches: int = 50, warmup: int = 3, shuffle: bool = True, n_process: int = 1,
    seed: int = 0,
) -> dict[str, float]:
    """Time `nlp.pipe` over the data's texts: words/s per batch (mean, median, min, max)."""
    check_positive("batch-size", batch_size)
    check_positive("batches", batches)
    import_code(split_paths(code))
    paths = find_files(Path(data_path))
    nlp = load_pipeline(model)
    texts = [
        item if isinstance(item, str) else item.text
        for item in stream_inputs(paths, nlp.vocab)
    ]
    if shuffle:
        random.Random(seed).shuffle(texts)
    if not texts:
        return {"mean": 0.0, "median": 0.0, "min": 0.0, "max": 0.0, "batches": 0, "words": 0}
    pool = itertools.cycle(texts)  # batches are always full, even for a small corpus
    for _ in range(warmup):  # fill caches first
        list(nlp.pipe(list(itertools.islice(pool, batch_size)), batch_size=batch_size))
    rates = []
    total_words = 0
    for _ in range(batches):
        batch = list(itertools.islice(pool, batch_size))
        began = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(batch, batch_size=batch_size,
                                                  n_process=n_process))
        elapsed = max(time.perf_counter() - began, 1e-9)
        rates.append(words / elapsed)
        total_words += words
    return {
        "mean": statistics.fmean(rates), "median": statistics.median(rates),
        "min": min(rates), "max": max(rates), "batches": len(rates), "words": total_words,
    }


@benchmark_cli.command("speed")
@reports_errors
def benchmark_speed_cli(
    model: Annotated[str, typer.Argument(help="Pipeline package name or saved pipeline path.")],
    data_path: Annotated[Path, typer.Argument(help="A .txt/.jsonl/DocBin file, or a folder.")],
    code: Annotated[str, typer.Option("--code", "-c", help="Comma-separated .py files.")] = "",
    batch_size: Annotated[int, typer.Option("--batch-size", "-b", help="Docs per batch.")] = 64,
    batches: Annotated[int, typer.Option("--batches", help="Batches to time.")] = 50,
    warmup: Annotated[int, typer.Option("--warmup", "-w", help="Untimed batches first.")] = 3,
    no_shuffle: Annotated[
        bool, typer.Option("--no-shuffle", help="Keep the input order.")
    ] = False,
    n_process: Annotated[int, typer.Option("--n-process", "-n", help="Worker processes.")] = 1,
) -> None:
    """Measure how many words per second a pipeline annotates."""
    result = benchmark_speed(
        model, data_path, code=code, batch_size=batch_size, batches=batches, warmup=warmup,
        shuffle=not no_shuffle, n_process=n_process,
    )
    note(f"{result['batches']} batches of {batch_size} docs, {result['words']} words")
    typer.echo(
        f"words/s: mean {result['mean']:,.0f}  median {result['median']:,.0f}  "
        f"min {result['min']:,.0f}  max {result['max']:,.0f}"
    )
