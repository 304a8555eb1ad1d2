"""`plait convert INPUT OUTPUT_DIR`: CoNLL-U, IOB, CoNLL NER and JSONL files to DocBin files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import Errors, FormatError, InputError, NotFound
from . import app
from .converters import CONVERTERS, SUFFIXES
from .reporting import check_positive, good, reports_errors

DOCBIN_SUFFIX = ".plaitdb"


def _converter_for(path: Path, converter: str) -> str:
    if converter != "auto":
        if converter not in CONVERTERS:
            raise InputError(
                Errors.E665.format(name=converter, options=", ".join(sorted(CONVERTERS)))
            )
        return converter
    name = SUFFIXES.get(path.suffix.lower())
    if name is None:
        raise InputError(
            Errors.E666.format(path=path, ext=path.suffix, options=", ".join(sorted(SUFFIXES)))
        )
    return name


def _inputs(input_path: Path, converter: str) -> list[Path]:
    if not input_path.exists():
        raise NotFound(Errors.E668.format(path=input_path))
    if input_path.is_file():
        return [input_path]
    suffixes = set(SUFFIXES) if converter == "auto" else {
        s for s, name in SUFFIXES.items() if name == converter
    }
    files = sorted(p for p in input_path.rglob("*") if p.is_file() and p.suffix in suffixes)
    if not files:
        raise NotFound(Errors.E669.format(path=input_path, exts=", ".join(sorted(suffixes))))
    return files


def convert(
    input_path: str | Path, output_dir: str | Path, *, converter: str = "auto",
    n_sents: int = 10, lang: str = "en", force: bool = True,
) -> list[tuple[Path, int]]:
    """Convert a file or a folder of files; write `{name}.plaitdb` per input file.

    Returns (written file, number of docs) pairs. Errors: unknown converter (E665), no
    converter for a suffix (E666), bad line (E667), missing input (E668).
    """
    from ..language import blank
    from ..tokens import DocBin

    check_positive("n-sents", n_sents)
    input_path, output_dir = Path(input_path), Path(output_dir)
    files = _inputs(input_path, converter)
    if not output_dir.is_dir():
        raise NotFound(Errors.E653.format(path=output_dir))
    nlp = blank(lang)
    written = []
    for path in files:
        name = _converter_for(path, converter)
        rel = path.relative_to(input_path) if input_path.is_dir() else Path(path.name)
        target = output_dir / rel.with_suffix(DOCBIN_SUFFIX)
        if target.exists() and not force:
            raise InputError(Errors.E671.format(path=target))
        try:
            text = path.read_text(encoding="utf8")
        except (OSError, UnicodeDecodeError) as e:
            raise FormatError(Errors.E367.format(source=path, error=e)) from e
        docs = CONVERTERS[name](text, nlp.vocab, n_sents=n_sents, source=str(path), nlp=nlp)
        docbin = DocBin(store_user_data=True, docs=docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        docbin.to_disk(target)
        written.append((target, len(docbin)))
    return written


@app.command("convert")
@reports_errors
def convert_cli(
    input_path: Annotated[Path, typer.Argument(help="A file, or a folder of files.")],
    output_dir: Annotated[Path, typer.Argument(help="Where to write the .plaitdb files.")],
    converter: Annotated[
        str, typer.Option("--converter", "-c", help="conllu, iob, ner, jsonl, or auto.")
    ] = "auto",
    n_sents: Annotated[int, typer.Option("--n-sents", "-n", help="Sentences per doc.")] = 10,
    lang: Annotated[str, typer.Option("--lang", "-l", help="Language (vocab, JSONL).")] = "en",
    force: Annotated[
        bool, typer.Option("--force/--no-force", help="Overwrite existing outputs.")
    ] = True,
) -> None:
    """Convert CoNLL-U, IOB, CoNLL NER and JSONL files to DocBin files."""
    for target, count in convert(
        input_path, output_dir, converter=converter, n_sents=n_sents, lang=lang, force=force
    ):
        good(f"Wrote {count} docs to {target}")
