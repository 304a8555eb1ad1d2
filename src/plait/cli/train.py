"""`plait train CONFIG --output DIR [--paths.train X --paths.dev Y ...]`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from .overrides import parse_config_overrides
from .reporting import good, note, reports_errors

_EXTRA = {"allow_extra_args": True, "ignore_unknown_options": True}


@app.command("train", context_settings=_EXTRA)
@reports_errors
def train_cli(
    ctx: typer.Context,
    config_path: Annotated[Path, typer.Argument(help="The training config.cfg.")],
    output_path: Annotated[
        Path | None, typer.Option("--output", "-o", help="Folder for model-best/model-last.")
    ] = None,
    use_gpu: Annotated[int, typer.Option("--gpu-id", "-g", help="Ignored: plait uses the CPU.")]
    = -1,
) -> None:
    """Train a pipeline from a config; print a progress table at each evaluation."""
    from ..config import load_config
    from ..training.initialize import init_nlp
    from ..training.loop import train

    overrides = parse_config_overrides(ctx.args)
    config = load_config(config_path, overrides=overrides)
    nlp = init_nlp(config)
    note(f"Pipeline: {nlp.pipe_names}")
    if output_path is not None:
        output_path.mkdir(parents=True, exist_ok=True)
    _nlp, best = train(nlp, output_path)
    if best is not None:
        good(f"Saved the best pipeline to {best}")
