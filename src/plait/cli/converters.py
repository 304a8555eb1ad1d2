"""Readers of annotated corpora for `plait convert`: CoNLL-U, IOB, CoNLL NER columns, JSONL.

Each converter takes the file's text, a vocab and options, and yields `Doc`s; a line that
does not fit its format is `FormatError` E667 naming the line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import Errors, FormatError, PlaitError

if TYPE_CHECKING:
    from ..language import Language
    from ..tokens import Doc
    from ..vocab import Vocab


def _bad(line: int, source: str, fmt: str, reason: str) -> FormatError:
    return FormatError(Errors.E667.format(line=line, path=source, format=fmt, reason=reason))


def _none(value: str) -> str | None:
    return None if value == "_" else value


def _grouped(sentences: Iterator[list], n_sents: int) -> Iterator[list[list]]:
    group: list[list] = []
    for sentence in sentences:
        group.append(sentence)
        if len(group) >= n_sents:
            yield group
            group = []
    if group:
        yield group


def _to_iob2(tags: list[str]) -> list[str]:
    """IOB1, IOB2 or BILUO entity tags -> IOB2 (`B-X` starts every entity)."""
    out = []
    prev = "O"
    for tag in tags:
        if tag in ("O", "-", "_", ""):
            tag = "O"
        else:
            prefix, _, label = tag.partition("-")
            if not label:
                raise ValueError(tag)
            prefix = {"U": "B", "L": "I", "E": "I", "S": "B"}.get(prefix, prefix)
            if prefix not in ("B", "I"):
                raise ValueError(tag)
            if prefix == "I" and (prev == "O" or prev[2:] != label):
                prefix = "B"
            tag = f"{prefix}-{label}"
        out.append(tag)
        prev = tag
    return out


# --- CoNLL-U ------------------------------------------------------------------------------


def _conllu_sentences(text: str, source: str) -> Iterator[list[tuple[int, list[str], bool]]]:
    sentence: list[tuple[int, list[str], bool]] = []
    range_end, range_space = -1, True
    for number, line in enumerate(text.splitlines(), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if sentence:
                yield sentence
            sentence, range_end = [], -1
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise _bad(number, source, "CoNLL-U", f"it has {len(cols)} columns, not 10")
        if "." in cols[0]:  # empty node of enhanced dependencies
            continue
        if "-" in cols[0]:  # multiword token: its words are the next lines
            try:
                range_end = int(cols[0].split("-")[1])
            except ValueError as e:
                raise _bad(number, source, "CoNLL-U", f"bad ID {cols[0]!r}") from e
            range_space = "SpaceAfter=No" not in cols[9]
            continue
        try:
            word_id = int(cols[0])
        except ValueError as e:
            raise _bad(number, source, "CoNLL-U", f"bad ID {cols[0]!r}") from e
        if word_id <= range_end:
            space = range_space if word_id == range_end else False
        else:
            space = "SpaceAfter=No" not in cols[9]
        sentence.append((number, cols, space))
    if sentence:
        yield sentence


def conllu_to_docs(text: str, vocab: Vocab, *, n_sents: int = 10, source: str = "<text>",
                   **_: Any) -> Iterator[Doc]:
    """CoNLL-U: words, lemmas, UPOS, XPOS, features, heads, labels; entities from MISC NER=."""
    from ..tokens import Doc

    for group in _grouped(_conllu_sentences(text, source), n_sents):
        words, spaces, lemmas, pos, tags, morphs, heads, deps, starts, ents = (
            [], [], [], [], [], [], [], [], [], [])
        has_ents = False
        for sentence in group:
            offset = len(words)
            for i, (number, cols, space) in enumerate(sentence):
                words.append(cols[1])
                spaces.append(space)
                lemmas.append(_none(cols[2]))
                pos.append(_none(cols[3]))
                tags.append(_none(cols[4]))
                morphs.append(_none(cols[5]))
                try:
                    head = int(cols[6]) if cols[6] != "_" else 0
                except ValueError as e:
                    raise _bad(number, source, "CoNLL-U", f"bad HEAD {cols[6]!r}") from e
                if not 0 <= head <= len(sentence):
                    raise _bad(number, source, "CoNLL-U", f"HEAD {head} is outside the sentence")
                heads.append(offset + head - 1 if head else offset + i)
                deps.append("ROOT" if cols[7].lower() == "root" else _none(cols[7]))
                starts.append(i == 0)
                misc = dict(
                    part.split("=", 1) for part in cols[9].split("|") if "=" in part
                )
                has_ents = has_ents or "NER" in misc
                ents.append(misc.get("NER", "O"))
        try:
            yield Doc(
                vocab, words, spaces, lemmas=lemmas, pos=pos, tags=tags, morphs=morphs,
                heads=heads, deps=deps, sent_starts=starts,
                ents=_to_iob2(ents) if has_ents else None,
            )
        except (PlaitError, ValueError) as e:
            raise _bad(group[0][0][0], source, "CoNLL-U", str(e)) from e


# --- IOB (one sentence per line) and CoNLL NER columns -----------------------------------


def _iob_rows_doc(vocab: Vocab, group: list[list[tuple[int, list[str]]]], source: str,
                  fmt: str) -> Doc:
    """One Doc from sentences of (line number, [word, tag?, entity tag]) rows."""
    from ..tokens import Doc

    rows = [row for sentence in group for row in sentence]
    words = [fields[0] for _, fields in rows]
    tags = [fields[1] if len(fields) == 3 else None for _, fields in rows]
    starts = [k == 0 for sentence in group for k in range(len(sentence))]
    try:
        iob = _to_iob2([fields[-1] for _, fields in rows])
    except ValueError as e:
        raise _bad(rows[0][0], source, fmt, f"bad entity tag {e}") from e
    return Doc(
        vocab, words, tags=None if all(t is None for t in tags) else tags, ents=iob,
        sent_starts=starts,
    )


def iob_to_docs(text: str, vocab: Vocab, *, n_sents: int = 10, source: str = "<text>",
                **_: Any) -> Iterator[Doc]:
    """IOB: one sentence per line, tokens `word|B-ORG` or `word|TAG|B-ORG` (IOB1/IOB2/BILUO)."""
    def sentences() -> Iterator[list[tuple[int, list[str]]]]:
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            rows = []
            for token in line.split():
                fields = token.split("|")
                if len(fields) not in (2, 3) or not fields[0]:
                    raise _bad(number, source, "IOB", f"token {token!r} is not word|tag|ent")
                rows.append((number, fields))
            yield rows

    for group in _grouped(sentences(), n_sents):
        yield _iob_rows_doc(vocab, group, source, "IOB")


def ner_to_docs(text: str, vocab: Vocab, *, n_sents: int = 10, source: str = "<text>",
                **_: Any) -> Iterator[Doc]:
    """CoNLL NER columns: `word [POS ...] ENT` per line, blank lines between sentences,
    `-DOCSTART-` lines between documents."""
    def sentences() -> Iterator[list[tuple[int, list[str]]]]:
        sentence: list[tuple[int, list[str]]] = []
        for number, line in enumerate(text.splitlines(), 1):
            fields = line.split()
            if not fields or fields[0] == "-DOCSTART-":
                if sentence:
                    yield sentence
                sentence = []
                continue
            if len(fields) < 2:
                raise _bad(number, source, "CoNLL NER", "a line needs a word and an entity tag")
            row = [fields[0], fields[1], fields[-1]] if len(fields) > 2 else fields
            sentence.append((number, row))
        if sentence:
            yield sentence

    for group in _grouped(sentences(), n_sents):
        yield _iob_rows_doc(vocab, group, source, "CoNLL NER")


# --- JSONL ---------------------------------------------------------------------------------


def _spans(doc: Doc, items: Any, number: int, source: str, key: str) -> list:
    spans = []
    for item in items or []:
        if isinstance(item, dict):
            start, end, label = item.get("start"), item.get("end"), item.get("label")
        elif isinstance(item, (list, tuple)) and len(item) == 3:
            start, end, label = item
        else:
            raise _bad(number, source, "JSONL", f"{key} items are [start, end, label]")
        span = doc.char_span(start, end, label=label) if isinstance(start, int) else None
        if span is None:
            raise _bad(
                number, source, "JSONL",
                f"{key} [{start}, {end}, {label!r}] does not match token boundaries",
            )
        spans.append(span)
    return spans


def jsonl_to_docs(text: str, vocab: Vocab, *, nlp: Language, source: str = "<text>",
                  **_: Any) -> Iterator[Doc]:
    """JSONL: `{"text": ..., "entities": [[start, end, label]], "spans": {key: [...]},
    "cats": {label: score}}` per line, tokenized with the language's tokenizer."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as e:
            raise _bad(number, source, "JSON", str(e)) from e
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise _bad(number, source, "JSONL", "each line needs a string field 'text'")
        doc = nlp.make_doc(record["text"])
        ents = record.get("entities", record.get("ents"))
        try:
            if ents:
                doc.ents = _spans(doc, ents, number, source, "entities")
            for key, items in (record.get("spans") or {}).items():
                doc.spans[key] = _spans(doc, items, number, source, f"spans[{key!r}]")
            if isinstance(record.get("cats"), dict):
                doc.cats = dict(record["cats"])
        except FormatError:
            raise
        except (PlaitError, ValueError) as e:
            raise _bad(number, source, "JSONL", str(e)) from e
        yield doc


CONVERTERS: dict[str, Callable[..., Iterator[Doc]]] = {
    "conllu": conllu_to_docs, "iob": iob_to_docs, "ner": ner_to_docs, "jsonl": jsonl_to_docs,
}
SUFFIXES = {".conllu": "conllu", ".iob": "iob", ".conll": "ner", ".ner": "ner",
            ".jsonl": "jsonl"}
