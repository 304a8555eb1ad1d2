"""Entity tag schemes: BILUO and IOB tags, character offsets and spans (spaCy's names).

BILUO: `B-X` begins a multi-token entity, `I-X` is inside it, `L-X` is its last token,
`U-X` is a single-token entity, `O` is outside any entity, `-` (or None) is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..errors import Errors, InputError

if TYPE_CHECKING:
    from ..tokens import Doc, Span

Offset = tuple[int, int, str]


def remove_bilu_prefix(label: str) -> str:
    """`"B-ORG"` -> `"ORG"`."""
    return label.split("-", 1)[1]


def iob_to_biluo(tags: Iterable[str]) -> list[str]:
    """Convert IOB tags (`B-X`, `I-X`, `O`) to BILUO."""
    tags = list(tags)
    out = []
    for i, tag in enumerate(tags):
        if tag in ("O", "-", "", None):
            out.append("O" if tag == "O" else "-")
            continue
        prefix, _, label = tag.partition("-")
        if prefix not in ("B", "I") or not label:
            raise InputError(Errors.E556.format(tag=tag, i=i, reason="not an IOB tag"))
        nxt = tags[i + 1] if i + 1 < len(tags) else "O"
        continues = nxt == f"I-{label}"
        starts = prefix == "B" or i == 0 or tags[i - 1] in ("O", "-", "", None) or \
            tags[i - 1].partition("-")[2] != label
        if starts:
            out.append(f"B-{label}" if continues else f"U-{label}")
        else:
            out.append(f"I-{label}" if continues else f"L-{label}")
    return out


def biluo_to_iob(tags: Iterable[str]) -> list[str]:
    """Convert BILUO tags to IOB (`U` -> `B`, `L` -> `I`)."""
    out = []
    for tag in tags:
        if tag is None or tag in ("O", "-", ""):
            out.append(tag)
        else:
            prefix, _, label = tag.partition("-")
            out.append(("B-" if prefix in ("B", "U") else "I-") + label)
    return out


def tags_to_entities(tags: Sequence[str | None]) -> list[tuple[str, int, int]]:
    """`(label, first token, last token)` of each entity in BILUO tags (E556 if invalid)."""
    entities = []
    start: int | None = None
    for i, tag in enumerate(tags):
        if tag is None or tag in ("O", "-", ""):
            if start is not None:
                raise InputError(Errors.E556.format(tag=tag, i=i, reason="entity not closed"))
            continue
        prefix, _, label = tag.partition("-")
        if prefix not in ("B", "I", "L", "U") or not label:
            raise InputError(Errors.E556.format(tag=tag, i=i, reason="not a BILUO tag"))
        if prefix == "U":
            if start is not None:
                raise InputError(Errors.E556.format(tag=tag, i=i, reason="entity not closed"))
            entities.append((label, i, i))
        elif prefix == "B":
            if start is not None:
                raise InputError(Errors.E556.format(tag=tag, i=i, reason="entity not closed"))
            start = i
        elif start is None:
            raise InputError(Errors.E556.format(tag=tag, i=i, reason="no B- tag before it"))
        elif prefix == "L":
            entities.append((label, start, i))
            start = None
    if start is not None:
        raise InputError(Errors.E556.format(tag=tags[-1], i=len(tags) - 1,
                                            reason="the last entity is not closed"))
    return entities


def offsets_to_biluo_tags(doc: Doc, entities: Iterable[Offset],
                          missing: str | None = "O") -> list[str | None]:
    """BILUO tags of `doc` for `(start_char, end_char, label)` entities.

    Tokens outside every entity get `missing` ("O"); an entity whose offsets do not fall on
    token boundaries makes its tokens "-" (use `doc.char_span` to check). Overlapping
    entities are an error (E555).
    """
    import numpy as np

    idx = doc._token_idx()
    lengths = np.asarray([len(t) for t in doc], dtype=np.int64)
    ends_arr = idx + lengths
    starts = {int(c): i for i, c in enumerate(idx.tolist())}
    ends = {int(c): i for i, c in enumerate(ends_arr.tolist())}
    tags: list[str | None] = [missing] * len(doc)
    taken: dict[int, Offset] = {}
    for start_char, end_char, label in entities:
        if not label:
            continue
        lo = int(np.searchsorted(ends_arr, start_char, side="right"))
        hi = int(np.searchsorted(idx, end_char, side="left"))
        for i in range(lo, hi):
            if i in taken:
                raise InputError(Errors.E555.format(
                    first=taken[i], second=(start_char, end_char, label)))
        first, last = starts.get(start_char), ends.get(end_char)
        if first is None or last is None or last < first:
            for i in range(lo, hi):
                tags[i] = "-"
                taken[i] = (start_char, end_char, label)
            continue
        for i in range(first, last + 1):
            taken[i] = (start_char, end_char, label)
        if first == last:
            tags[first] = f"U-{label}"
        else:
            tags[first] = f"B-{label}"
            for i in range(first + 1, last):
                tags[i] = f"I-{label}"
            tags[last] = f"L-{label}"
    return tags


def biluo_tags_to_spans(doc: Doc, tags: Sequence[str | None]) -> list[Span]:
    """Entity spans of `doc` from BILUO tags."""
    from ..tokens.span import Span

    return [Span(doc, s, e + 1, label=label) for label, s, e in tags_to_entities(tags)]


def biluo_tags_to_offsets(doc: Doc, tags: Sequence[str | None]) -> list[Offset]:
    """`(start_char, end_char, label)` of each entity in BILUO tags."""
    return [(s.start_char, s.end_char, s.label_) for s in biluo_tags_to_spans(doc, tags)]


def doc_to_biluo_tags(doc: Doc, missing: str = "O") -> list[str]:
    """BILUO tags of a doc's entities; tokens with no entity annotation get `missing`."""
    iob = doc.to_array("ENT_IOB").tolist()
    tags = offsets_to_biluo_tags(
        doc, [(e.start_char, e.end_char, e.label_) for e in doc.ents], missing=missing
    )
    return [t if iob[i] != 0 or t not in ("O", None) else missing for i, t in enumerate(tags)]
