"""`plait init vectors LANG VECTORS_FILE OUTPUT_DIR`: a blank pipeline with word vectors."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Annotated

import numpy as np
import typer

from . import init_cli
from .reporting import good, reports_errors


@init_cli.command("vectors")
@reports_errors
def init_vectors_cli(
    lang: Annotated[str, typer.Argument(help="Language code, e.g. en.")],
    vectors_loc: Annotated[Path, typer.Argument(help="word2vec/GloVe text file (.gz too).")],
    output_dir: Annotated[Path, typer.Argument(help="Folder for the new pipeline.")],
    truncate: Annotated[int, typer.Option("--truncate", "-t", help="Keep the first N.")] = 0,
    name: Annotated[str | None, typer.Option("--name", "-n", help="Vectors name.")] = None,
) -> None:
    """Read word vectors into a blank pipeline's vocab and save it (vectors memory-mapped
    on load, in plait's array format)."""
    n = init_vectors(lang, vectors_loc, output_dir, truncate=truncate, name=name)
    good(f"Saved {n} vectors to {output_dir}")


def read_vectors(path: Path, truncate: int = 0) -> tuple[list[str], np.ndarray]:
    """Words and a float32 matrix from a word2vec/GloVe text file (E579 if unreadable)."""
    from ..errors import Errors, FormatError

    opener = gzip.open if path.suffix == ".gz" else open
    words: list[str] = []
    rows: list[np.ndarray] = []
    width = None
    try:
        with opener(path, "rt", encoding="utf8") as f:  # type: ignore[operator]
            for line_no, line in enumerate(f, 1):
                parts = line.rstrip().split(" ")
                if line_no == 1 and len(parts) == 2 and all(p.isdigit() for p in parts):
                    continue  # the "rows width" header of word2vec files
                if len(parts) < 2:
                    continue
                try:
                    vector = np.asarray(parts[1:], dtype=np.float32)
                except ValueError as e:
                    raise FormatError(Errors.E579.format(
                        path=path, reason=f"line {line_no}: {e}")) from e
                if width is None:
                    width = len(vector)
                elif len(vector) != width:
                    raise FormatError(Errors.E579.format(
                        path=path, reason=f"line {line_no} has {len(vector)} values, not {width}"))
                words.append(parts[0])
                rows.append(vector)
                if truncate and len(words) >= truncate:
                    break
    except (OSError, UnicodeDecodeError, EOFError) as e:
        raise FormatError(Errors.E579.format(path=path, reason=e)) from e
    if not rows:
        raise FormatError(Errors.E579.format(path=path, reason="no vectors found"))
    return words, np.vstack(rows)


def init_vectors(lang: str, vectors_loc: Path, output_dir: Path, *, truncate: int = 0,
                 name: str | None = None) -> int:
    """Create the pipeline with the vectors and save it; return the number of vectors."""
    from ..language import blank
    from ..vectors import Vectors

    words, data = read_vectors(Path(vectors_loc), truncate)
    nlp = blank(lang)
    keys = nlp.vocab.strings.add_many(words)
    nlp.vocab.vectors = Vectors(data=data, keys=keys, name=name or f"{lang}_vectors")
    nlp.to_disk(output_dir)
    return len(words)
