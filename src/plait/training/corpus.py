"""Corpus readers (registry `readers`): DocBin files or folders, JSONL, CoNLL-U.

Each reader is a callable `corpus(nlp) -> Iterator[Example]` that streams: a file is read
one doc (DocBin block, JSONL line, CoNLL-U sentence) at a time, so memory stays bounded
whatever the corpus size. The predicted doc of each Example is the reference's tokens
without annotation (`gold_preproc` style), or `nlp.make_doc(text)` when `gold_preproc=False`
and the text re-tokenizes differently.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Errors, FormatError, InputError, PlaitError
from ..registry import registry
from ..tokens import Doc
from .example import Example

if TYPE_CHECKING:
    from ..language import Language

DOCBIN_SUFFIXES = (".spacy", ".plait", ".plaitdb", ".docbin")
JSONL_SUFFIXES = (".jsonl",)
CONLLU_SUFFIXES = (".conllu", ".conll")


def walk_corpus(path: str | Path, suffixes: Iterable[str]) -> list[Path]:
    """The corpus files under `path` (itself if a file), sorted; E571 if none fit."""
    path = Path(path)
    suffixes = tuple(suffixes)
    if not path.exists():
        raise FormatError(Errors.E571.format(path=path, reason="does not exist"))
    if path.is_file():
        if not path.name.endswith(suffixes):
            raise FormatError(Errors.E571.format(
                path=path, reason=f"has an unsupported file type ({path.suffix or 'none'})"))
        return [path]
    found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(suffixes))
    if not found:
        raise FormatError(Errors.E571.format(
            path=path, reason=f"is a folder with no {'/'.join(suffixes)} files"))
    return found


def _predicted(nlp: Language, reference: Doc, gold_preproc: bool) -> Doc:
    """The doc to annotate: the reference's tokens (no annotation) or a fresh tokenization."""
    if gold_preproc or reference.has_unknown_spaces:
        return Doc._from_orths(nlp.vocab, reference._orth.copy(), reference._spacy.copy())
    return nlp.make_doc(reference.text)


class Corpus:
    """Examples from DocBin files (`.spacy` from spaCy, or plait's): a file or a folder."""

    def __init__(self, path: str | Path, *, limit: int = 0, gold_preproc: bool = False,
                 max_length: int = 0, augmenter: Any = None, shuffle: bool = False) -> None:
        self.path = Path(path)
        self.limit = limit
        self.gold_preproc = gold_preproc
        self.max_length = max_length
        self.augmenter = augmenter
        self.shuffle = shuffle

    def _docs(self, nlp: Language) -> Iterator[Doc]:
        from ..tokens import DocBin

        for path in walk_corpus(self.path, DOCBIN_SUFFIXES):
            if path.suffix == ".spacy":
                yield from DocBin.from_spacy_disk(path).get_docs(nlp.vocab)
            else:
                reader = DocBin.open(path)
                try:
                    yield from reader.get_docs(nlp.vocab)
                finally:
                    reader.close()

    def __call__(self, nlp: Language) -> Iterator[Example]:
        """Stream the examples (E572 when the corpus holds no docs)."""
        n = 0
        references: Iterable[Doc] = self._docs(nlp)
        if self.shuffle:
            references = list(references)
            random.shuffle(references)
        for reference in references:
            if self.max_length and len(reference) > self.max_length:
                continue
            if not len(reference):
                continue
            example = Example(_predicted(nlp, reference, self.gold_preproc), reference)
            if self.augmenter is None:
                yield example
            else:
                yield from self.augmenter(nlp, example)
            n += 1
            if self.limit and n >= self.limit:
                return
        if n == 0:
            raise FormatError(Errors.E572.format(path=self.path))


class JsonlCorpus:
    """Examples from JSON lines: `{"text": ..., optional "cats", "entities", "words", ...}`."""

    def __init__(self, path: str | Path, *, min_length: int = 0, max_length: int = 0,
                 limit: int = 0) -> None:
        self.path = Path(path)
        self.min_length = min_length
        self.max_length = max_length
        self.limit = limit

    def __call__(self, nlp: Language) -> Iterator[Example]:
        """Stream the examples; E573 for a bad line, E572 for an empty corpus."""
        n = 0
        for path in walk_corpus(self.path, JSONL_SUFFIXES):
            for line_no, record in _jsonl_records(path):
                text = record.pop("text")
                doc = nlp.make_doc(text)
                if self.min_length and len(doc) < self.min_length:
                    continue
                if self.max_length and len(doc) > self.max_length:
                    continue
                record.pop("meta", None)
                try:
                    yield Example.from_dict(doc, record)
                except PlaitError as e:
                    raise InputError(Errors.E573.format(line=line_no, path=path, reason=e)) from e
                n += 1
                if self.limit and n >= self.limit:
                    return
        if n == 0:
            raise FormatError(Errors.E572.format(path=self.path))


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        with path.open(encoding="utf8") as f:
            for line_no, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as e:
                    raise InputError(Errors.E573.format(line=line_no, path=path, reason=e)) from e
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise InputError(Errors.E573.format(
                        line=line_no, path=path, reason="no \"text\" string"))
                yield line_no, record
    except (OSError, UnicodeDecodeError) as e:
        raise FormatError(Errors.E571.format(path=path, reason=f"cannot be read ({e})")) from e


def read_conllu(path: str | Path) -> Iterator[dict[str, list]]:
    """Stream the sentences of a CoNLL-U file as dicts of token annotations (E574 if bad).

    Multiword-token ranges ("3-4") and empty nodes ("5.1") are skipped; the words are the
    syntactic tokens. `SpaceAfter=No` in MISC sets the spaces.
    """
    path = Path(path)
    rows: list[list[str]] = []
    first_line = 0
    try:
        with path.open(encoding="utf8") as f:
            for line_no, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    if rows:
                        yield _sentence(rows, path, first_line)
                        rows = []
                    continue
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) != 10:
                    raise InputError(Errors.E574.format(
                        line=line_no, path=path, reason=f"{len(cols)} columns"))
                if "-" in cols[0] or "." in cols[0]:
                    continue
                if not rows:
                    first_line = line_no
                rows.append(cols)
    except (OSError, UnicodeDecodeError) as e:
        raise FormatError(Errors.E571.format(path=path, reason=f"cannot be read ({e})")) from e
    if rows:
        yield _sentence(rows, path, first_line)


def _sentence(rows: list[list[str]], path: Path, line: int) -> dict[str, list]:
    n = len(rows)
    out: dict[str, list] = {k: [] for k in
                            ("words", "spaces", "lemmas", "pos", "tags", "morphs", "heads", "deps")}
    for k, cols in enumerate(rows):
        try:
            if int(cols[0]) != k + 1:
                raise ValueError(f"token ID {cols[0]} where {k + 1} was expected")
            head = int(cols[6]) if cols[6] != "_" else None
        except ValueError as e:
            raise InputError(Errors.E574.format(line=line + k, path=path, reason=e)) from e
        if head is not None and not 0 <= head <= n:
            raise InputError(Errors.E574.format(line=line + k, path=path,
                                                reason=f"head {head} outside the sentence"))
        out["words"].append(cols[1])
        out["spaces"].append("SpaceAfter=No" not in cols[9])
        out["lemmas"].append(None if cols[2] == "_" and cols[1] != "_" else cols[2])
        out["pos"].append(None if cols[3] == "_" else cols[3])
        out["tags"].append(None if cols[4] == "_" else cols[4])
        out["morphs"].append(None if cols[5] == "_" else cols[5])
        out["heads"].append(None if head is None else (k if head == 0 else head - 1))
        out["deps"].append(None if cols[7] == "_" else ("ROOT" if head == 0 else cols[7]))
    return out


def conllu_to_doc(nlp: Language, sentences: list[dict[str, list]]) -> Doc:
    """One reference Doc from consecutive CoNLL-U sentences."""
    from ..tokens.doc import Doc as DocClass

    docs = []
    for sent in sentences:
        pos = [p if p in _UPOS else None for p in sent["pos"]]
        docs.append(DocClass(
            nlp.vocab, words=sent["words"], spaces=sent["spaces"], tags=sent["tags"], pos=pos,
            morphs=sent["morphs"], lemmas=sent["lemmas"], heads=sent["heads"],
            deps=sent["deps"],
        ))
    if len(docs) == 1:
        return docs[0]
    return DocClass.from_docs(docs)


class ConllCorpus:
    """Examples from CoNLL-U files, `n_sents` sentences per doc."""

    def __init__(self, path: str | Path, *, n_sents: int = 10, limit: int = 0,
                 max_length: int = 0, gold_preproc: bool = True) -> None:
        if n_sents < 1:
            raise InputError(Errors.E580.format(value=n_sents))
        self.path = Path(path)
        self.n_sents = n_sents
        self.limit = limit
        self.max_length = max_length
        self.gold_preproc = gold_preproc

    def __call__(self, nlp: Language) -> Iterator[Example]:
        """Stream the examples (E574 for a malformed line, E572 for an empty corpus)."""
        n = 0
        for path in walk_corpus(self.path, CONLLU_SUFFIXES):
            group: list[dict[str, list]] = []
            for sent in read_conllu(path):
                group.append(sent)
                if len(group) < self.n_sents:
                    continue
                yield from self._emit(nlp, group)
                n += 1
                group = []
                if self.limit and n >= self.limit:
                    return
            if group:
                yield from self._emit(nlp, group)
                n += 1
        if n == 0:
            raise FormatError(Errors.E572.format(path=self.path))

    def _emit(self, nlp: Language, group: list[dict[str, list]]) -> Iterator[Example]:
        reference = conllu_to_doc(nlp, group)
        if self.max_length and len(reference) > self.max_length:
            return
        yield Example(_predicted(nlp, reference, self.gold_preproc), reference)


_UPOS = frozenset(
    ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]
)


@registry.readers("plait.Corpus.v1")
def create_docbin_reader(path: str | Path | None, gold_preproc: bool = False,
                         max_length: int = 0, limit: int = 0, augmenter: Any = None,
                         shuffle: bool = False) -> Corpus:
    """Read DocBin files (a file or a folder of them); `augmenter` makes variants of each
    example (registry `augmenters`), `shuffle` reads the docs in a random order."""
    if path is None:
        raise FormatError(Errors.E571.format(path=path, reason="is not set ([paths])"))
    return Corpus(path, gold_preproc=gold_preproc, max_length=max_length, limit=limit,
                  augmenter=augmenter, shuffle=shuffle)


@registry.readers("plait.JsonlCorpus.v1")
def create_jsonl_reader(path: str | Path | None, min_length: int = 0, max_length: int = 0,
                        limit: int = 0) -> JsonlCorpus:
    """Read JSONL files of texts (with optional annotations)."""
    if path is None:
        raise FormatError(Errors.E571.format(path=path, reason="is not set ([paths])"))
    return JsonlCorpus(path, min_length=min_length, max_length=max_length, limit=limit)


@registry.readers("plait.ConllCorpus.v1")
def create_conllu_reader(path: str | Path | None, n_sents: int = 10, limit: int = 0,
                         max_length: int = 0, gold_preproc: bool = True) -> ConllCorpus:
    """Read CoNLL-U files, `n_sents` sentences per doc."""
    if path is None:
        raise FormatError(Errors.E571.format(path=path, reason="is not set ([paths])"))
    return ConllCorpus(path, n_sents=n_sents, limit=limit, max_length=max_length,
                       gold_preproc=gold_preproc)


@registry.readers("plait.read_json.v1")
def read_json(path: str | Path) -> Any:
    """The value of a JSON file (e.g. an augmenter's replacement table), for configs."""
    try:
        return json.loads(Path(path).read_text(encoding="utf8"))
    except (OSError, ValueError) as e:
        raise FormatError(Errors.E585.format(path=path, reason=e)) from e


registry.readers.register("srsly.read_json.v1", func=read_json)
registry.readers.register("spacy.Corpus.v1", func=create_docbin_reader)
registry.readers.register("spacy.JsonlCorpus.v1", func=create_jsonl_reader)
