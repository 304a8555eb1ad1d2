"""Example: a predicted Doc and its reference (gold) Doc, aligned token by token.

The two docs hold the same text, possibly tokenized differently; `example.alignment` maps
tokens both ways, and the `get_aligned*` methods express the reference's annotation in the
predicted doc's tokens (None where the tokenizations do not line up).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .. import attrs as A
from ..errors import Errors, InputError, InputTypeError
from ..tokens import Doc
from .alignment import Alignment
from .iob_utils import biluo_tags_to_spans, offsets_to_biluo_tags

# from_dict keys: token-level annotations (one value per word) and doc-level ones
TOKEN_KEYS = {
    "words": "words", "orth": "words", "spaces": "spaces", "spacy": "spaces",
    "tags": "tags", "tag": "tags", "pos": "pos", "morphs": "morphs", "morph": "morphs",
    "lemmas": "lemmas", "lemma": "lemmas", "heads": "heads", "head": "heads",
    "deps": "deps", "dep": "deps", "sent_starts": "sent_starts", "sent_start": "sent_starts",
}
DOC_KEYS = {"entities", "cats", "links", "spans"}


class Example:
    """A pair of docs: `predicted` (what the pipeline sees) and `reference` (the gold)."""

    def __init__(self, predicted: Doc, reference: Doc, *,
                 alignment: Alignment | None = None) -> None:
        if not isinstance(predicted, Doc):
            raise InputTypeError(Errors.E550.format(type=type(predicted).__name__,
                                                    which="predicted"))
        if not isinstance(reference, Doc):
            raise InputTypeError(Errors.E550.format(type=type(reference).__name__,
                                                    which="reference"))
        self.x = predicted
        self.y = reference
        self._alignment = alignment

    @property
    def predicted(self) -> Doc:
        """The doc the pipeline annotates."""
        return self.x

    @predicted.setter
    def predicted(self, doc: Doc) -> None:
        self.x = doc
        self._alignment = None

    @property
    def reference(self) -> Doc:
        """The gold-standard doc."""
        return self.y

    @reference.setter
    def reference(self, doc: Doc) -> None:
        self.y = doc
        self._alignment = None

    @property
    def text(self) -> str:
        """The text of the predicted doc."""
        return self.x.text

    @property
    def _same_tokens(self) -> bool:
        """True when predicted and reference have the very same tokens."""
        x, y = self.x, self.y
        return len(x) == len(y) and np.array_equal(x._orth, y._orth)

    @property
    def alignment(self) -> Alignment:
        """The token alignment of predicted and reference (computed once)."""
        if self._alignment is None:
            x, y = self.x, self.y
            if self._same_tokens:
                self._alignment = Alignment.identity(len(x))
            else:
                self._alignment = Alignment.from_strings(
                    [t.text for t in x], [t.text for t in y]
                )
        return self._alignment

    def __len__(self) -> int:
        return len(self.x)

    def __repr__(self) -> str:
        return f"Example(predicted={self.x.text[:40]!r}, reference={len(self.y)} tokens)"

    @classmethod
    def from_dict(cls, predicted: Doc, example_dict: dict[str, Any]) -> Example:
        """An Example from a doc and annotations in spaCy's format.

        Token keys (one value per word): words, spaces, tags, pos, morphs, lemmas, heads
        (absolute indices), deps, sent_starts. Doc keys: entities (BILUO tags or
        `(start_char, end_char, label)` offsets), cats, spans (key -> offsets), links. They
        may also be nested as `token_annotation` / `doc_annotation`. Without `words`, the
        reference is tokenized like `predicted`.
        """
        if not isinstance(predicted, Doc):
            raise InputTypeError(Errors.E550.format(type=type(predicted).__name__,
                                                    which="predicted"))
        if example_dict is None:
            example_dict = {}
        if not isinstance(example_dict, dict):
            raise InputTypeError(
                Errors.E552.format(key=type(example_dict).__name__, options="a dict")
            )
        token_ann, doc_ann = _split_annotations(example_dict)
        reference = annotations_to_doc(predicted, token_ann, doc_ann)
        return cls(predicted, reference)

    def to_dict(self) -> dict[str, Any]:
        """The reference's annotations in the format `from_dict` reads."""
        y = self.y
        ents = [(e.start_char, e.end_char, e.label_) for e in y.ents]
        has_ents = y.has_annotation("ENT_IOB")
        heads = [t.head.i for t in y]
        return {
            "token_annotation": {
                "ORTH": [t.text for t in y], "SPACY": [bool(t.whitespace_) for t in y],
                "TAG": [t.tag_ for t in y], "LEMMA": [t.lemma_ for t in y],
                "POS": [t.pos_ for t in y], "MORPH": [str(t.morph) for t in y],
                "HEAD": heads, "DEP": [t.dep_ for t in y],
                "SENT_START": [int(t.is_sent_start or 0) for t in y],
            },
            "doc_annotation": {
                "cats": dict(y.cats),
                "entities": offsets_to_biluo_tags(y, ents) if has_ents else [],
                "links": {},
            },
        }

    def copy(self) -> Example:
        """A deep copy (both docs copied)."""
        return Example(self.x.copy(), self.y.copy(), alignment=self._alignment)

    # --- aligned annotation -----------------------------------------------------------

    def get_aligned(self, field: str | int, as_string: bool = False) -> list[Any]:
        """The reference's `field` for each predicted token (None where not aligned).

        A predicted token aligned to several reference tokens gets their value when they
        all agree. Strings come back as hashes unless `as_string`.
        """
        align = self.alignment.x2y
        values = self.y.to_array(field)
        out: list[Any] = [None] * len(self.x)
        if self.alignment.is_identity:
            out = values.tolist()
        else:
            for i in range(len(self.x)):
                picked = values[align[i]]
                if len(picked) == 1 or (len(picked) > 1 and len(set(picked.tolist())) == 1):
                    out[i] = int(picked[0])
        attr_id = A.intify_attr(field) if not isinstance(field, int) else field
        if attr_id == A.SENT_START:
            out = [None if v is None else int(np.int64(np.uint64(v))) for v in out]
        elif as_string and attr_id not in (A.ENT_IOB,):
            strings = self.y.vocab.strings
            out = [strings[v] if v is not None else None for v in out]
        return out

    def get_aligned_parse(self, projectivize: bool = True) -> tuple[list, list]:
        """Heads (predicted token indices) and labels for each predicted token.

        Missing or unalignable arcs are None. A reference token split into several predicted
        tokens attaches all but the last to the last with the label "subtok".
        `projectivize` lifts non-projective arcs (see `plait.training.nonproj`).
        """
        y = self.y
        heads = y._abs_heads().tolist() if len(y) else []
        dep_col = y._column("dep")
        deps = [y.vocab.strings[int(d)] if d else None for d in dep_col.tolist()]
        if projectivize and any(d is not None for d in deps):
            from .nonproj import projectivize as lift

            proj_heads, proj_deps = lift(heads, [d or "" for d in deps])
            heads = [h if deps[i] is not None else heads[i] for i, h in enumerate(proj_heads)]
            deps = [d if deps[i] is not None else None for i, d in enumerate(proj_deps)]
        x2y, y2x = self.alignment.x2y, self.alignment.y2x
        out_heads: list[int | None] = [None] * len(self.x)
        out_deps: list[str | None] = [None] * len(self.x)
        for xi in range(len(self.x)):
            if x2y.lengths[xi] != 1:
                continue
            yi = int(x2y[xi][0])
            if deps[yi] is None:
                continue
            siblings = y2x[yi]
            if len(siblings) > 1 and xi != int(siblings[-1]):
                out_heads[xi] = int(siblings[-1])
                out_deps[xi] = "subtok"
                continue
            head_x = y2x[heads[yi]]
            if len(head_x) == 0:
                continue
            out_heads[xi] = int(head_x[-1])
            out_deps[xi] = deps[yi]
        return out_heads, out_deps

    def get_aligned_spans_y2x(self, y_spans: Iterable[Any],
                              allow_overlap: bool = False) -> list[Any]:
        """The reference spans as spans of the predicted doc (dropped when misaligned)."""
        return self._aligned_spans(y_spans, self.alignment.y2x, self.x, allow_overlap)

    def get_aligned_spans_x2y(self, x_spans: Iterable[Any],
                              allow_overlap: bool = False) -> list[Any]:
        """The predicted spans as spans of the reference doc (dropped when misaligned)."""
        return self._aligned_spans(x_spans, self.alignment.x2y, self.y, allow_overlap)

    def _aligned_spans(self, spans: Iterable[Any], align: Any, target: Doc,
                       allow_overlap: bool) -> list[Any]:
        from ..tokens.span import Span

        out = []
        used: set[int] = set()
        for span in spans:
            if span.end <= span.start:
                continue
            indices = align[span.start:span.end]
            if len(indices) == 0:
                continue
            start, end = int(indices.min()), int(indices.max()) + 1
            # strict: the target tokens must cover exactly the span's characters
            source_text = "".join(span.text.split())
            target_text = "".join(target[start:end].text.split())
            if source_text.lower() != target_text.lower():
                continue
            if not allow_overlap and used.intersection(range(start, end)):
                continue
            used.update(range(start, end))
            out.append(Span(target, start, end, label=span.label, kb_id=span.kb_id))
        return out

    def get_aligned_ner(self) -> list[str | None]:
        """BILUO tags of the reference entities on the predicted tokens (None: missing)."""
        if not self.y.has_annotation("ENT_IOB"):
            return [None] * len(self.x)
        x_ents = self.get_aligned_spans_y2x(self.y.ents)
        tags = offsets_to_biluo_tags(
            self.x, [(e.start_char, e.end_char, e.label_) for e in x_ents], missing=None
        )
        iob = self.get_aligned("ENT_IOB")
        for i, tag in enumerate(tags):
            if tag is None and (iob[i] == 2 or self.x[i].is_space):
                tags[i] = "O"
            elif tag == "-":
                tags[i] = None
        return tags

    def get_aligned_sent_starts(self) -> list[int | None]:
        """1 / 0 (not a start) / None for each predicted token, from the reference."""
        values = self.get_aligned("SENT_START")
        if not self.y.has_annotation("SENT_START"):
            return [None] * len(self.x)
        return [None if v is None else (1 if v == 1 else 0 if v == -1 else None) for v in values]

    def split_sents(self) -> list[Example]:
        """One Example per reference sentence (the predicted doc split to match)."""
        if not self.y.has_annotation("SENT_START"):
            return [self]
        out = []
        for sent in self.y.sents:
            y_doc = sent.as_doc()
            x_tokens = self.alignment.y2x[sent.start:sent.end]
            if len(x_tokens) == 0:
                continue
            x_doc = self.x[int(x_tokens.min()):int(x_tokens.max()) + 1].as_doc()
            out.append(Example(x_doc, y_doc))
        return out


def _split_annotations(example_dict: dict[str, Any]) -> tuple[dict, dict]:
    token_ann: dict[str, Any] = {}
    doc_ann: dict[str, Any] = {}
    for key, value in example_dict.items():
        if key == "token_annotation":
            for k, v in (value or {}).items():
                token_ann[_token_key(k)] = v
        elif key == "doc_annotation":
            for k, v in (value or {}).items():
                if k not in DOC_KEYS:
                    raise InputError(Errors.E552.format(key=k, options=sorted(DOC_KEYS)))
                doc_ann[k] = v
        elif key in DOC_KEYS:
            doc_ann[key] = value
        else:
            token_ann[_token_key(key)] = value
    return token_ann, doc_ann


def _token_key(key: str) -> str:
    name = TOKEN_KEYS.get(str(key).lower())
    if name is None:
        raise InputError(Errors.E552.format(
            key=key, options=sorted(set(TOKEN_KEYS.values()) | DOC_KEYS)))
    return name


def annotations_to_doc(predicted: Doc, token_ann: dict[str, Any], doc_ann: dict[str, Any]
                       ) -> Doc:
    """The reference Doc: the words (given, or the predicted doc's) and their annotations."""
    if "words" in token_ann:
        words = [str(w) for w in token_ann["words"]]
        spaces = token_ann.get("spaces")
        if spaces is None:
            spaces = guess_spaces(predicted.text, words)
    else:
        words = [t.text for t in predicted]
        spaces = token_ann.get("spaces", [bool(t.whitespace_) for t in predicted])
    n = len(words)
    for key, values in token_ann.items():
        if key != "words" and values is not None and len(values) != n:
            raise InputError(Errors.E553.format(key=key, n=len(values), n_words=n))
    heads, deps = token_ann.get("heads"), token_ann.get("deps")
    if heads is not None and deps is None:
        deps = ["dep" if h is not None else None for h in heads]
    if deps is not None and heads is None:
        heads = [None] * n
    if heads is not None:
        heads = [None if h is None else int(h) for h in heads]
        deps = [d if heads[i] is not None else None for i, d in enumerate(deps)]
    doc = Doc(
        predicted.vocab, words=words, spaces=spaces, tags=token_ann.get("tags"),
        pos=token_ann.get("pos"), morphs=token_ann.get("morphs"),
        lemmas=token_ann.get("lemmas"), heads=heads, deps=deps,
        sent_starts=token_ann.get("sent_starts"),
    )
    entities = doc_ann.get("entities")
    if entities is not None:
        _set_entities(doc, entities)
    cats = doc_ann.get("cats")
    if cats:
        doc.cats = {str(k): float(v) for k, v in cats.items()}
    spans = doc_ann.get("spans")
    if spans:
        for key, offsets in spans.items():
            doc.spans[key] = [_char_span(doc, *_offset(o)) for o in offsets]
    return doc


def guess_spaces(text: str, words: Sequence[str]) -> list[bool]:
    """Whether each word is followed by whitespace in `text` (True past a mismatch)."""
    spaces = []
    pos = 0
    for word in words:
        found = text.find(word, pos)
        if found < 0 or text[pos:found].strip():
            return spaces + [True] * (len(words) - len(spaces))
        pos = found + len(word)
        spaces.append(pos < len(text) and text[pos].isspace())
    return spaces


def _offset(value: Any) -> tuple[int, int, str]:
    if isinstance(value, (list, tuple)) and len(value) >= 3:
        return int(value[0]), int(value[1]), str(value[2])
    raise InputError(Errors.E552.format(key=repr(value), options="(start_char, end_char, label)"))


def _char_span(doc: Doc, start: int, end: int, label: str) -> Any:
    span = doc.char_span(start, end, label=label)
    if span is None:
        raise InputError(Errors.E554.format(span=doc.text[start:end], start=start, end=end,
                                            label=label, text=doc.text[:80]))
    return span


def _set_entities(doc: Doc, entities: Sequence[Any]) -> None:
    entities = list(entities)
    if not entities:
        doc.set_ents([], default="outside")
        return
    if all(isinstance(e, str) or e is None for e in entities):
        if len(entities) != len(doc):
            raise InputError(Errors.E553.format(key="entities", n=len(entities),
                                                n_words=len(doc)))
        tags = [None if t in ("-", "", None) else t for t in entities]
        known = [t if t is not None else "O" for t in tags]
        spans = biluo_tags_to_spans(doc, known)
        missing = [doc[i:i + 1] for i, t in enumerate(tags) if t is None]
        doc.set_ents(spans, missing=missing, default="outside")
        return
    offsets = [_offset(e) for e in entities]
    spans = [_char_span(doc, *o) for o in offsets]
    spans.sort(key=lambda s: s.start)
    for a, b in itertools.pairwise(spans):
        if b.start < a.end:
            raise InputError(Errors.E555.format(first=(a.start_char, a.end_char, a.label_),
                                                second=(b.start_char, b.end_char, b.label_)))
    doc.set_ents(spans, default="outside")
