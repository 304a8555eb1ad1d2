"""Builders for a language's tokenizer exceptions from its word lists.

The word lists stay with each language (`lang/<code>/tokenizer_exceptions.py`); these
helpers turn them into exception tables (string -> token specs) ready for `update_exc`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..attrs import NORM, ORTH
from .tokenizer_exceptions import ExceptionTable

APOSTROPHES = ("'", "’")


def apostrophe_forms(word: str) -> list[str]:
    """`word` as typed with a straight (') and with a typographic (’) apostrophe."""
    return [word.replace("'", apostrophe) for apostrophe in APOSTROPHES]


def single_token_exceptions(
    norms: Mapping[str, str | None], forms: Callable[[str], Iterable[str]]
) -> ExceptionTable:
    """Keep each of `forms(word)` as one token, with the word's NORM when it has one."""
    table: ExceptionTable = {}
    for word, norm in norms.items():
        for form in forms(word):
            table[form] = [{ORTH: form}] if norm is None else [{ORTH: form, NORM: norm}]
    return table


def abbreviation_exceptions(norms: Mapping[str, str]) -> ExceptionTable:
    """Keep abbreviations whole ("z.B.", "Dr."), each with NORM the words it stands for.

    A capitalised form is added for the start of a sentence ("Z.B.", "Ggf.") unless it is
    listed itself.
    """

    def forms(orth: str) -> list[str]:
        capital = orth[0].upper() + orth[1:]
        return [orth] if capital in norms else [orth, capital]

    return single_token_exceptions(norms, forms)


__all__ = [
    "APOSTROPHES",
    "abbreviation_exceptions",
    "apostrophe_forms",
    "single_token_exceptions",
]
