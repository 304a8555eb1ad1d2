"""Noun chunks over Universal Dependencies labels, shared by the European languages.

A chunk is a noun, proper noun or pronoun in a nominal role (subject, object, oblique,
nominal modifier, apposition, root, or a conjunct of one of these), together with the
dependents that make up its noun phrase: the determiners, numbers, adjectives and
possessives to its left ("die drei alten Häuser", "mis dos hermanos"), and to its right the
adjectives, numbers and name parts that follow it ("la casa blanca", "Dom Pedro II").
Prepositional modifiers and relative clauses are left out, so chunks never nest.

Each language's `syntax_iterators.noun_chunks` calls `iter_noun_chunks` with its labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import Errors, InputError

# Roles a nominal heads a noun chunk in. Possessives ("nmod:poss") are left out: they
# belong to the chunk of their head ("seine Mutter").
NOMINAL_ROLES = frozenset([
    "nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "obl:agent", "obl:mod", "nmod",
    "appos", "ROOT", "root", "dislocated", "vocative", "expl:pv",
])
# Left dependents inside a noun phrase: determiners, numbers, adjectives, possessives.
# The first other one (a preposition, a subject, a copula...) ends the chunk on the left.
LEFT_CONTINUES = frozenset([
    "det", "det:poss", "det:predet", "det:art", "nummod", "amod", "compound", "nmod:poss",
    "flat", "fixed",
])
# Right dependents that continue a chunk.
RIGHT_CONTINUES = frozenset([
    "amod", "nummod", "flat", "flat:name", "flat:foreign", "fixed", "compound",
])
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})


def iter_noun_chunks(
    doclike: Any,
    roles: frozenset[str] = NOMINAL_ROLES,
    left_continues: frozenset[str] = LEFT_CONTINUES,
    right_continues: frozenset[str] = RIGHT_CONTINUES,
    label: str = "NP",
) -> Iterator[tuple[int, int, str]]:
    """Yield `(start, end, label)` for each base noun phrase of a Doc or Span.

    Indices are token positions in the Doc. Raises `InputError` (E112) when the Doc has no
    dependency parse.
    """
    doc = getattr(doclike, "doc", doclike)
    if not doc.has_annotation("DEP"):
        raise InputError(Errors.E112)
    tokens = list(doclike)
    if not tokens:
        return
    first, last = tokens[0].i, tokens[-1].i
    heads = {t.i: t.head.i for t in tokens}
    deps = {t.i: t.dep_ for t in tokens}
    lefts: dict[int, list[int]] = {}
    rights: dict[int, list[int]] = {}
    for child, head in heads.items():
        if child < head:
            lefts.setdefault(head, []).append(child)
        elif child > head:
            rights.setdefault(head, []).append(child)

    def is_chunk_head(t: Any) -> bool:
        if t.pos_ not in NOMINAL_POS:
            return False
        dep = deps[t.i]
        if dep in roles:
            return True
        # A conjunct of a chunk head: "Äpfel und Birnen" gives two chunks.
        if dep == "conj":
            head = heads[t.i]
            while deps.get(head) == "conj" and heads[head] != head:
                head = heads[head]
            return head in deps and deps[head] in roles
        return False

    prev_end = first
    for t in tokens:
        if not is_chunk_head(t):
            continue
        start = t.i
        for child in sorted(lefts.get(t.i, ()), reverse=True):
            if deps[child] not in left_continues:
                break
            start = min(start, _left_edge(child, lefts))
        end = t.i + 1
        for child in sorted(rights.get(t.i, ())):
            # Only a contiguous run: "la casa muy blanca", not "la casa, que es blanca".
            if deps[child] not in right_continues or _left_edge(child, lefts) != end:
                break
            end = child + 1
        start = max(start, first)
        end = min(end, last + 1)
        if start < prev_end:
            continue
        yield start, end, label
        prev_end = end


def _left_edge(i: int, lefts: dict[int, list[int]]) -> int:
    """Leftmost token of the subtree of `i`, following left children only."""
    while lefts.get(i):
        i = min(lefts[i])
    return i
