"""`plait init config` and `plait init fill-config`: write complete config files."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import Errors, LookupFailed
from . import init_cli
from .reporting import good, reports_errors

if TYPE_CHECKING:
    from confection import Config


def _write(text: str, output: Path, *, force: bool) -> None:
    text = text if text.endswith("\n") else text + "\n"
    if str(output) == "-":
        sys.stdout.write(text)
        return
    if output.exists() and not force:
        from ..errors import InputError

        raise InputError(Errors.E671.format(path=output))
    from ..serialize import write_bytes

    write_bytes(output, text.encode("utf8"))
    good(f"Saved config to {output}")


def init_config(lang: str, pipeline: list[str]) -> Config:
    """A complete config for a blank `lang` pipeline with these components (by factory)."""
    from ..language import _language_codes, blank
    from ..registry import registry

    try:
        nlp = blank(lang)
    except LookupFailed as e:
        raise LookupFailed(
            Errors.E675.format(lang=lang, options=", ".join(sorted(_language_codes())))
        ) from e
    for factory in pipeline:
        nlp.add_pipe(factory)
    config = nlp.config
    try:
        import plait.training.corpus  # noqa: F401  (registers the corpus readers)
    except ImportError:
        pass
    if "plait.Corpus.v1" in registry.readers:
        config["paths"]["train"] = None
        config["paths"]["dev"] = None
        config["corpora"] = {
            "train": {"@readers": "plait.Corpus.v1", "path": "${paths.train}"},
            "dev": {"@readers": "plait.Corpus.v1", "path": "${paths.dev}"},
        }
    return config


@init_cli.command("config")
@reports_errors
def init_config_cli(
    output_file: Annotated[
        Path, typer.Argument(help="Where to write config.cfg ('-' for stdout).")
    ],
    lang: Annotated[str, typer.Option("--lang", "-l", help="Language code.")] = "en",
    pipeline: Annotated[
        str, typer.Option("--pipeline", "-p", help="Comma-separated factories: tagger,ner.")
    ] = "",
    force: Annotated[
        bool, typer.Option("--force", "-F", help="Overwrite an existing file.")
    ] = False,
) -> None:
    """Write a complete config.cfg for a language and a list of components."""
    names = [name.strip() for name in pipeline.split(",") if name.strip()]
    config = init_config(lang, names)
    _write(config.to_str(), output_file, force=force)


@init_cli.command("fill-config")
@reports_errors
def fill_config_cli(
    base_path: Annotated[Path, typer.Argument(help="A partial config.cfg ('-' for stdin).")],
    output_file: Annotated[
        Path, typer.Argument(help="Where to write the filled config ('-' for stdout).")
    ] = Path("-"),
    diff: Annotated[bool, typer.Option("--diff", "-D", help="Print the changes.")] = False,
    force: Annotated[
        bool, typer.Option("--force/--no-force", help="Overwrite the output file.")
    ] = True,
) -> None:
    """Fill a partial config with every default value of its sections and components."""
    from ..config import load_config
    from ..util import load_model_from_config

    base = load_config(base_path)
    nlp = load_model_from_config(base, auto_fill=True)
    filled = nlp.config.to_str()
    if diff:
        before = base.to_str().splitlines()
        changes = difflib.unified_diff(before, filled.splitlines(), "base", "filled", lineterm="")
        typer.echo("\n".join(changes), err=str(output_file) == "-")
    _write(filled, output_file, force=force)
