"""English `noun_chunks`: base noun phrases read off a dependency parse.

Works on the ClearNLP-style labels of spaCy's English models (nsubj, dobj, pobj, attr...).
A noun, proper noun or pronoun heads a chunk when it fills one of the argument roles below,
or is conjoined ("conj") to a word that does; the chunk runs from the word's leftmost
descendant to the word itself. Chunks never overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ...errors import Errors, InputError

_ARGUMENT_ROLES = frozenset(
    ["nsubj", "nsubjpass", "dobj", "pobj", "pcomp", "dative", "appos", "attr", "oprd", "ROOT"]
)
_NOMINALS = frozenset(["NOUN", "PROPN", "PRON"])


def noun_chunks(doclike: Any) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, "NP") token offsets of the base noun phrases of a Doc or Span.

    Raises `InputError` (E112) when the doc has no dependency parse.
    """
    doc = doclike.doc if hasattr(doclike, "doc") else doclike
    if not doc.has_annotation("DEP"):
        raise InputError(Errors.E112)
    last_end = -1
    for word in doclike:
        if word.pos_ not in _NOMINALS:
            continue
        start = word.left_edge.i
        if start <= last_end:
            continue
        role_word = word
        # Walk up a chain of conjuncts to the first conjunct, whose role the chain shares.
        while role_word.dep_ == "conj" and role_word.head.i < role_word.i:
            role_word = role_word.head
        if role_word.dep_ in _ARGUMENT_ROLES:
            last_end = word.i
            yield start, word.i + 1, "NP"


SYNTAX_ITERATORS: dict[str, Callable] = {"noun_chunks": noun_chunks}

__all__ = ["SYNTAX_ITERATORS", "noun_chunks"]
