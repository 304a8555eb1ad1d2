"""`plait apply MODEL INPUT OUTPUT`: run a pipeline over texts and save the docs as a DocBin."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import Errors, InputError
from . import app
from .inputs import find_files, stream_inputs
from .loading import import_code, load_pipeline, split_paths
from .progress import track
from .reporting import check_positive, good, reports_errors


def apply(
    model: str, data_path: str | Path, output_file: str | Path, *, code: str | None = None,
    text_key: str = "text", batch_size: int = 1, n_process: int = 1, force: bool = False,
    progress: bool = True,
) -> int:
    """Annotate every text of `data_path` with `model`; write a DocBin; return the doc count.

    Inputs: `.txt` files (one doc each), `.jsonl` files (one doc per line, text under
    `text_key`), DocBin files (`.plaitdb`, `.plait`, `.spacy`), or a folder of them.
    """
    from ..tokens import DocBin

    check_positive("batch-size", batch_size)
    check_positive("n-process", n_process)
    output_file = Path(output_file)
    if output_file.exists() and not force:
        raise InputError(Errors.E671.format(path=output_file))
    import_code(split_paths(code))
    paths = find_files(Path(data_path))
    nlp = load_pipeline(model)
    docbin = DocBin(store_user_data=True)
    items = stream_inputs(paths, nlp.vocab, text_key)
    docs = nlp.pipe(items, batch_size=batch_size, n_process=n_process)
    for doc in track(docs, "Annotating", enabled=progress):
        docbin.add(doc)
    docbin.to_disk(output_file)
    return len(docbin)


@app.command("apply")
@reports_errors
def apply_cli(
    model: Annotated[str, typer.Argument(help="Pipeline package name or saved pipeline path.")],
    data_path: Annotated[Path, typer.Argument(help="A .txt/.jsonl/DocBin file, or a folder.")],
    output_file: Annotated[Path, typer.Argument(help="The DocBin file to write (.plaitdb).")],
    code: Annotated[str, typer.Option("--code", "-c", help="Comma-separated .py files.")] = "",
    text_key: Annotated[
        str, typer.Option("--text-key", "-tk", help="The field holding the text in .jsonl.")
    ] = "text",
    batch_size: Annotated[int, typer.Option("--batch-size", "-b", help="Docs per batch.")] = 1,
    n_process: Annotated[int, typer.Option("--n-process", "-n", help="Worker processes.")] = 1,
    force: Annotated[bool, typer.Option("--force", "-F", help="Overwrite the output.")] = False,
) -> None:
    """Annotate texts from .txt/.jsonl/DocBin files or folders; save the docs as a DocBin."""
    count = apply(
        model, data_path, output_file, code=code, text_key=text_key, batch_size=batch_size,
        n_process=n_process, force=force,
    )
    good(f"Saved {count} docs to {output_file}")
