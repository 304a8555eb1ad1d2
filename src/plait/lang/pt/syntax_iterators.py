"""Portuguese noun chunks over Universal Dependencies labels."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..ud_noun_chunks import iter_noun_chunks


def noun_chunks(doclike: Any) -> Iterator[tuple[int, int, str]]:
    """Yield `(start, end, "NP")` for each base noun phrase of a Doc or Span.

    Raises `InputError` (E112) when the doc has no dependency parse.
    """
    return iter_noun_chunks(doclike)


SYNTAX_ITERATORS: dict[str, Callable] = {"noun_chunks": noun_chunks}
