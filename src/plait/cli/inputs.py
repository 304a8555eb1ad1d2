"""Reading texts and docs for `apply` and `benchmark`: .txt, .jsonl and DocBin files or folders."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Errors, FormatError, NotFound, Warnings, warn

if TYPE_CHECKING:
    from ..tokens import Doc
    from ..vocab import Vocab

DOCBIN_SUFFIXES = (".plaitdb", ".plait", ".spacy")
TEXT_SUFFIXES = (".txt", ".jsonl")
INPUT_SUFFIXES = TEXT_SUFFIXES + DOCBIN_SUFFIXES


def find_files(path: Path, suffixes: Iterable[str] = INPUT_SUFFIXES) -> list[Path]:
    """The files to read: `path` itself, or every file under the folder `path`, sorted.

    Files in a folder with other suffixes are skipped with warning W080. A missing path is
    `NotFound` E668; a folder with nothing to read is E669.
    """
    suffixes = tuple(suffixes)
    if not path.exists():
        raise NotFound(Errors.E668.format(path=path))
    if path.is_file():
        return [path]
    found = []
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        if file.name.startswith("."):
            continue
        if file.suffix in suffixes:
            found.append(file)
        else:
            warn(Warnings.W080.format(path=file, reason=f"its suffix {file.suffix!r} is unknown"))
    if not found:
        raise NotFound(Errors.E669.format(path=path, exts=", ".join(suffixes)))
    return found


def read_jsonl_texts(path: Path, text_key: str) -> Iterator[str]:
    """The `text_key` field of each line of a JSONL file (E667 for a bad line)."""
    with path.open(encoding="utf8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as e:
                raise FormatError(
                    Errors.E667.format(line=number, path=path, format="JSON", reason=e)
                ) from e
            text = record.get(text_key) if isinstance(record, dict) else None
            if not isinstance(text, str):
                raise FormatError(
                    Errors.E667.format(
                        line=number, path=path, format="JSONL input",
                        reason=f"it has no string field {text_key!r} (see --text-key)",
                    )
                )
            yield text


def read_docbin(path: Path, vocab: Vocab) -> Iterator[Doc]:
    """The docs of a plait DocBin file, or of a spaCy `.spacy` file."""
    from ..tokens import DocBin

    docbin = DocBin.from_spacy_disk(path) if path.suffix == ".spacy" else DocBin().from_disk(path)
    yield from docbin.get_docs(vocab)


def stream_inputs(paths: list[Path], vocab: Vocab, text_key: str = "text") -> Iterator[str | Doc]:
    """Texts (.txt: one per file; .jsonl: one per line) and docs (DocBin files), in order."""
    for path in paths:
        if path.suffix == ".jsonl":
            yield from read_jsonl_texts(path, text_key)
        elif path.suffix in DOCBIN_SUFFIXES:
            yield from read_docbin(path, vocab)
        else:
            try:
                yield path.read_text(encoding="utf8")
            except (OSError, UnicodeDecodeError) as e:
                raise FormatError(Errors.E367.format(source=path, error=e)) from e
