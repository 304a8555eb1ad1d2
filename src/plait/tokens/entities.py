"""Named entities over a Doc's IOB columns: reading spans, setting them, parsing IOB tags."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Errors, InputError
from .arrays import IOB_B, IOB_I, IOB_O, MISSING

if TYPE_CHECKING:
    from .doc import Doc
    from .span import Span

SET_ENTS_DEFAULTS = ("blocked", "missing", "outside", "unmodified")


def parse_iob_tags(vocab: Any, tags: Sequence[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """IOB codes and entity-type hashes for tags like "B-ORG", "I-ORG", "O", "" / None.

    IOB1 input is repaired as spaCy does: an I after O/missing, or an I whose type differs
    from the previous entity's, starts a new entity (becomes B). Raises E056 on a bad tag.
    """
    n = len(tags)
    iob = np.zeros(n, dtype=np.uint8)
    types = np.zeros(n, dtype=np.uint64)
    prev_code, prev_type = MISSING, ""
    add = vocab.strings.add
    for i, tag in enumerate(tags):
        if tag is None or tag == "":
            code, label = MISSING, ""
        elif not isinstance(tag, str):
            raise InputError(Errors.E056.format(tag=tag, i=i))
        elif tag == "O":
            code, label = IOB_O, ""
        else:
            if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
                raise InputError(Errors.E056.format(tag=tag, i=i))
            code, label = (IOB_B if tag[0] == "B" else IOB_I), tag[2:]
            if code == IOB_I and (prev_code in (MISSING, IOB_O) or label != prev_type):
                code = IOB_B
            types[i] = add(label)
        iob[i] = code
        prev_code, prev_type = code, label
    return iob, types


def read_ents(doc: Doc) -> tuple[Span, ...]:
    """The entity spans encoded in the doc's IOB columns (spans without a label are dropped)."""
    from .span import Span

    iob_col = doc._cols.get("ent_iob")
    if iob_col is None:
        return ()
    n = len(iob_col)
    iob = iob_col.tolist()
    types = doc._column("ent_type").tolist()
    kbs = doc._column("ent_kb_id").tolist()
    ids = doc._column("ent_id").tolist()
    out = []
    start = -1
    for i in range(n + 1):
        code = iob[i] if i < n else IOB_O
        if code == IOB_I and start != -1:
            continue
        if start != -1:
            out.append(
                Span(doc, start, i, label=types[start], kb_id=kbs[start], span_id=ids[start])
            )
            start = -1
        if code == IOB_B and types[i] != 0 or code == IOB_I:
            # a dangling I (no B before it) is read as the start of an entity
            start = i
    return tuple(s for s in out if s.label != 0)


def _as_span(doc: Doc, value: Any) -> Span:
    from .span import Span

    if isinstance(value, Span):
        if value.doc is not doc:
            raise InputError(Errors.E062.format(value=value))
        return value
    if isinstance(value, tuple) and len(value) in (3, 4):
        label, *rest = value
        kb_id = rest[0] if len(value) == 4 else 0
        start, end = rest[-2], rest[-1]
        if isinstance(start, (int, np.integer)) and isinstance(end, (int, np.integer)):
            return Span(doc, int(start), int(end), label=label, kb_id=kb_id)
    raise InputError(Errors.E062.format(value=value))


def set_ents(
    doc: Doc,
    entities: Iterable[Any],
    blocked: Iterable[Any] | None = None,
    missing: Iterable[Any] | None = None,
    outside: Iterable[Any] | None = None,
    default: str = "outside",
) -> None:
    """Write entity annotation (see `Doc.set_ents`)."""
    if default not in SET_ENTS_DEFAULTS:
        raise InputError(Errors.E063.format(options=SET_ENTS_DEFAULTS, value=default))
    ents = [s for s in (_as_span(doc, e) for e in entities) if s.label != 0]
    groups = [[_as_span(doc, s) for s in (g or ())] for g in (blocked, missing, outside)]
    n = len(doc)
    owner = np.zeros(n, dtype=bool)
    for span in ents + groups[0] + groups[1] + groups[2]:
        if owner[span.start : span.end].any():
            i = span.start + int(np.argmax(owner[span.start : span.end]))
            raise InputError(Errors.E061.format(i=i, text=doc[i].text))
        owner[span.start : span.end] = True
    iob = doc._writable("ent_iob")
    etype = doc._writable("ent_type")
    kb = doc._writable("ent_kb_id")
    ent_id = doc._writable("ent_id")
    for span in ents:
        iob[span.start] = IOB_B
        iob[span.start + 1 : span.end] = IOB_I
        etype[span.start : span.end] = span.label
        kb[span.start : span.end] = span.kb_id
        if span.id:
            ent_id[span.start : span.end] = span.id
    for code, group in zip((IOB_B, MISSING, IOB_O), groups):
        for span in group:
            iob[span.start : span.end] = code
            etype[span.start : span.end] = 0
    if default != "unmodified":
        rest = ~owner
        etype[rest] = 0
        iob[rest] = {"outside": IOB_O, "missing": MISSING, "blocked": IOB_B}[default]
    # repair: an I must follow B or I of the same type
    for i in range(n - 1):
        if iob[i + 1] == IOB_I and (iob[i] in (MISSING, IOB_O) or etype[i] != etype[i + 1]):
            iob[i + 1] = IOB_B
