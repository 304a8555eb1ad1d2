"""The `plait` command line (typer). `python -m plait` works too."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="plait",
    help="plait: language-processing pipelines with safe, fast saving and loading.",
    no_args_is_help=True,
    add_completion=False,
)

from . import demo  # noqa: E402,F401  (registers the command)


def main() -> None:
    """Entry point of the `plait` console script."""
    app()
