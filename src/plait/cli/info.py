"""`plait info [NAME] [--markdown]`: about plait, or about an installed or saved pipeline."""

from __future__ import annotations

from typing import Annotated

import typer

from . import app
from .reporting import reports_errors


@app.command("info")
@reports_errors
def info_cli(
    model: Annotated[
        str | None,
        typer.Argument(help="An installed pipeline package or the path of a saved pipeline."),
    ] = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", "-md", help="Print Markdown (for GitHub issues).")
    ] = False,
    exclude: Annotated[
        str, typer.Option("--exclude", "-e", help="Comma-separated meta fields to leave out.")
    ] = "labels,accuracy,speed,performance,sources,checksums",
) -> None:
    """Print plait's version, platform and installed pipelines, or a pipeline's meta."""
    from ..packages import info

    fields = [name.strip() for name in exclude.split(",") if name.strip()]
    info(model, markdown=markdown, silent=False, exclude=fields)
