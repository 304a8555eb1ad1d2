"""Small doc functions as components: merge entities, noun chunks or subtokens; clean docs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .. import serialize
from ..errors import Warnings, warn
from ..language import Language
from ..tokens import Doc, Span
from .rule_patterns import parse_json, read_json
from .span_filters import filter_spans


@Language.component(
    "merge_noun_chunks",
    requires=["token.dep", "token.tag", "token.pos"],
    retokenizes=True,
)
def merge_noun_chunks(doc: Doc) -> Doc:
    """Merge each noun chunk into one token (needs a dependency parse; a no-op without)."""
    if not doc.has_annotation("DEP"):
        return doc
    with doc.retokenize() as retokenizer:
        for chunk in doc.noun_chunks:
            root = chunk.root
            retokenizer.merge(chunk, attrs={"TAG": root.tag_, "DEP": root.dep_})
    return doc


@Language.component(
    "merge_entities",
    requires=["doc.ents", "token.ent_iob", "token.ent_type"],
    retokenizes=True,
)
def merge_entities(doc: Doc) -> Doc:
    """Merge each entity into one token, keeping the root's tag and dep."""
    with doc.retokenize() as retokenizer:
        for ent in doc.ents:
            root = ent.root
            attrs = {"TAG": root.tag_, "DEP": root.dep_, "ENT_TYPE": ent.label_}
            retokenizer.merge(ent, attrs=attrs)
    return doc


@Language.factory("merge_subtokens", requires=["token.dep"], retokenizes=True,
                  default_config={"label": "subtok"})
def make_merge_subtokens(nlp: Language, name: str, label: str) -> Any:
    """Merge runs of tokens attached to the next one with `label` (parser subtokens)."""

    def merge_subtokens(doc: Doc) -> Doc:
        return _merge_subtokens(doc, label)

    return merge_subtokens


def merge_subtokens(doc: Doc, label: str = "subtok") -> Doc:
    """Merge runs of tokens whose dependency label is `label` with their head."""
    return _merge_subtokens(doc, label)


def _merge_subtokens(doc: Doc, label: str) -> Doc:
    spans = []
    start = None
    for token in doc:
        if token.dep_ == label and token.head.i == token.i + 1:
            if start is None:
                start = token.i
        elif start is not None:
            spans.append(Span(doc, start, token.i + 1))
            start = None
    with doc.retokenize() as retokenizer:
        for span in filter_spans(spans):
            retokenizer.merge(span)
    return doc


class TokenSplitter:
    """Split tokens longer than `min_length` characters into pieces of `split_length`."""

    def __init__(self, min_length: int = 0, split_length: int = 0) -> None:
        self.min_length = min_length
        self.split_length = split_length

    def __call__(self, doc: Doc) -> Doc:
        """Split the long tokens of `doc`."""
        if self.min_length <= 0 or self.split_length <= 0:
            return doc
        with doc.retokenize() as retokenizer:
            for token in doc:
                if len(token.text) >= self.min_length:
                    text = token.text
                    size = self.split_length
                    orths = [text[i : i + size] for i in range(0, len(text), size)]
                    if len(orths) > 1:
                        heads = [(token, i) for i in range(len(orths))]
                        retokenizer.split(token, orths, heads=heads)
        return doc

    def _cfg(self) -> bytes:
        import json

        return json.dumps(
            {"min_length": self.min_length, "split_length": self.split_length}
        ).encode("utf8")

    def _set(self, cfg: dict) -> None:
        self.min_length = int(cfg.get("min_length", self.min_length))
        self.split_length = int(cfg.get("split_length", self.split_length))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the settings."""
        return serialize.to_bytes({"cfg": self._cfg}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> TokenSplitter:
        """Load settings from `to_bytes` output."""
        serialize.from_bytes(
            bytes_data, {"cfg": lambda b: self._set(parse_json(b, "token_splitter", "<bytes>"))},
            exclude,
        )
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the settings to `path/cfg`."""
        serialize.to_disk(path, {"cfg": lambda p: serialize.write_bytes(p, self._cfg())}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TokenSplitter:
        """Read settings written by `to_disk`."""
        serialize.from_disk(
            path, {"cfg": lambda p: self._set(read_json(p, "token_splitter"))}, exclude
        )
        return self


@Language.factory(
    "token_splitter",
    default_config={"min_length": 25, "split_length": 10},
    retokenizes=True,
)
def make_token_splitter(nlp: Language, name: str, min_length: int, split_length: int) -> TokenSplitter:
    """Create a `TokenSplitter` (factory "token_splitter")."""
    return TokenSplitter(min_length=min_length, split_length=split_length)


class DocCleaner:
    """Reset doc attributes to free memory: `{"tensor": None, "_.trf_data": None}`.

    A key is a Doc attribute, or `_.name` for an extension. With `silent=False`, an
    attribute that cannot be set gives warning W061.
    """

    def __init__(self, attrs: dict[str, Any], *, silent: bool = True) -> None:
        self.cfg: dict[str, Any] = {"attrs": dict(attrs), "silent": silent}

    def __call__(self, doc: Doc) -> Doc:
        """Reset the configured attributes on `doc`."""
        silent = self.cfg["silent"]
        for attr, value in self.cfg["attrs"].items():
            target: Any = doc
            name = attr
            if attr.startswith("_."):
                target, name = doc._, attr[2:]
            try:
                if attr.startswith("_.") and not doc.has_extension(name):
                    raise AttributeError(f"no extension {name!r}")
                if name == "tensor" and value is None:
                    import numpy as np

                    value = np.zeros((0,), dtype="float32")
                setattr(target, name, value)
            except (AttributeError, TypeError, ValueError) as e:
                if not silent:
                    warn(Warnings.W061.format(attr=attr, reason=e))
        return doc



@Language.factory(
    "doc_cleaner",
    default_config={"attrs": {"tensor": None, "_.trf_data": None}, "silent": True},
)
def make_doc_cleaner(nlp: Language, name: str, *, attrs: dict[str, Any], silent: bool) -> DocCleaner:
    """Create a `DocCleaner` (factory "doc_cleaner")."""
    return DocCleaner(attrs, silent=silent)
