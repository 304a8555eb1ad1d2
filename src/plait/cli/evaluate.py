"""`plait evaluate MODEL DATA [--output metrics.json --displacy-path DIR]`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from . import app
from .reporting import good, reports_errors


@app.command("evaluate")
@reports_errors
def evaluate_cli(
    model: Annotated[str, typer.Argument(help="A saved pipeline (folder or package).")],
    data_path: Annotated[Path, typer.Argument(help="DocBin, .jsonl or .conllu data.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="metrics.json")] = None,
    displacy_path: Annotated[
        Path | None, typer.Option("--displacy-path", "-dp", help="Folder for HTML renders.")
    ] = None,
    displacy_limit: Annotated[int, typer.Option("--displacy-limit", "-dl")] = 25,
    gold_preproc: Annotated[bool, typer.Option("--gold-preproc", "-G")] = False,
) -> None:
    """Score a pipeline on annotated data; print the scores, optionally save them."""
    results = evaluate(model, data_path, output=output, displacy_path=displacy_path,
                       displacy_limit=displacy_limit, gold_preproc=gold_preproc)
    for key, value in results.items():
        if isinstance(value, float):
            typer.echo(f"{key:<20} {value * 100 if key != 'speed' else value:>10.2f}")
    if output is not None:
        good(f"Saved the scores to {output}")


def evaluate(model: str, data_path: Path, *, output: Path | None = None,
             displacy_path: Path | None = None, displacy_limit: int = 25,
             gold_preproc: bool = False) -> dict[str, Any]:
    """Load `model`, read `data_path` with the reader its suffix names, and score."""
    from ..language_io import load_from_path
    from ..persist.atomic import atomic_write_bytes
    from ..training.corpus import (
        CONLLU_SUFFIXES,
        JSONL_SUFFIXES,
        ConllCorpus,
        Corpus,
        JsonlCorpus,
        walk_corpus,
    )

    nlp = load_from_path(model) if Path(model).is_dir() else _load_package(model)
    name = str(data_path)
    if name.endswith(JSONL_SUFFIXES):
        corpus: Any = JsonlCorpus(data_path)
    elif name.endswith(CONLLU_SUFFIXES):
        corpus = ConllCorpus(data_path)
    else:
        walk_corpus(data_path, (".spacy", ".plait", ".plaitdb", ".docbin"))
        corpus = Corpus(data_path, gold_preproc=gold_preproc)
    examples = list(corpus(nlp))
    results = nlp.evaluate(examples)
    if output is not None:
        atomic_write_bytes(output, json.dumps(results, indent=2).encode("utf8"))
    if displacy_path is not None:
        _render(nlp, examples[:displacy_limit], displacy_path)
    return results


def _load_package(name: str) -> Any:
    import plait

    return plait.load(name)


def _render(nlp: Any, examples: list, folder: Path) -> None:
    from .. import displacy

    folder.mkdir(parents=True, exist_ok=True)
    docs = [nlp(eg.reference.text) for eg in examples]
    if any(doc.has_annotation("DEP") for doc in docs):
        (folder / "parses.html").write_text(displacy.render(docs, style="dep", page=True),
                                            encoding="utf8")
    if any(doc.ents for doc in docs):
        (folder / "entities.html").write_text(displacy.render(docs, style="ent", page=True),
                                              encoding="utf8")
