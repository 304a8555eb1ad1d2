"""Batchers (registry `batchers`) and size schedules (registry `schedules`).

A batcher turns a stream of Examples into batches: `batch_by_words` fills each batch up to
a number of words (the usual choice), `batch_by_sequence` up to a number of examples.
`size` is an int or an iterator of ints (a schedule such as `compounding.v1`), read once
per batch.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import Errors, InputError
from ..registry import Registry, registry

if not hasattr(registry, "schedules"):
    registry.create("schedules")
schedules: Registry = registry.schedules  # type: ignore[attr-defined]

Sizing = int | Iterable[int]


@schedules("compounding.v1")
def compounding(start: float, stop: float, compound: float, t: float = 0.0) -> Iterator[float]:
    """start, start*compound, ... capped at stop (or floored, when stop < start)."""
    value = start
    while True:
        yield min(value, stop) if stop >= start else max(value, stop)
        value *= compound


@schedules("constant.v1")
def constant(rate: float) -> Iterator[float]:
    """The same value forever."""
    return itertools.repeat(rate)


@schedules("warmup_linear.v1")
def warmup_linear(initial_rate: float, warmup_steps: int, total_steps: int) -> Iterator[float]:
    """Linear warm-up to `initial_rate` over `warmup_steps`, then linear decay to 0."""
    step = 0
    while True:
        if step < warmup_steps:
            factor = step / max(1, warmup_steps)
        else:
            factor = max(0.0, (total_steps - step) / max(1.0, total_steps - warmup_steps))
        yield factor * initial_rate
        step += 1


def _sizes(size: Sizing) -> Iterator[int]:
    if isinstance(size, bool):
        raise InputError(Errors.E580.format(value=size))
    if isinstance(size, (int, float)):
        if size <= 0:
            raise InputError(Errors.E580.format(value=size))
        return itertools.repeat(int(size))
    try:
        return (max(1, int(s)) for s in size)
    except TypeError as e:
        raise InputError(Errors.E580.format(value=size)) from e


def minibatch(items: Iterable[Any], size: Sizing) -> Iterator[list[Any]]:
    """Batches of `size` items (a schedule gives a new size per batch)."""
    sizes = _sizes(size)
    items = iter(items)
    while True:
        batch = list(itertools.islice(items, next(sizes)))
        if not batch:
            return
        yield batch


def minibatch_by_words(examples: Iterable[Any], size: Sizing, tolerance: float = 0.2,
                       discard_oversize: bool = False,
                       get_length: Callable[[Any], int] | None = None) -> Iterator[list[Any]]:
    """Batches of about `size` words (+`tolerance`); an oversized example goes alone."""
    sizes = _sizes(size)
    get_length = get_length or len
    target = next(sizes)
    batch: list[Any] = []
    words = 0
    for eg in examples:
        n = get_length(eg)
        if n > target * (1 + tolerance):
            if not discard_oversize:
                yield [eg]
            continue
        if batch and words + n > target * (1 + tolerance):
            yield batch
            target = next(sizes)
            batch, words = [], 0
        batch.append(eg)
        words += n
    if batch:
        yield batch


@registry.batchers("plait.batch_by_words.v1")
def configure_minibatch_by_words(size: Sizing, tolerance: float = 0.2,
                                 discard_oversize: bool = False,
                                 get_length: Callable | None = None) -> Callable:
    """Batch examples by number of words."""
    return lambda items: minibatch_by_words(items, size, tolerance, discard_oversize,
                                            get_length)


@registry.batchers("plait.batch_by_sequence.v1")
def configure_minibatch(size: Sizing, get_length: Callable | None = None) -> Callable:
    """Batch examples by number of examples."""
    return lambda items: minibatch(items, size)


registry.batchers.register("spacy.batch_by_words.v1", func=configure_minibatch_by_words)
registry.batchers.register("spacy.batch_by_sequence.v1", func=configure_minibatch)
