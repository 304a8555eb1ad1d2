"""The `plait` command line (typer). `python -m plait` works too.

Adding a command is one new module here that decorates a function with `@app.command(...)`
(or `@init_cli.command`, `@debug_cli.command`, `@benchmark_cli.command` for the groups), plus
one import line below.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="plait",
    help="plait: language-processing pipelines with safe, fast saving and loading.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
init_cli = typer.Typer(help="Create new configs.", no_args_is_help=True)
debug_cli = typer.Typer(help="Inspect configs and pipelines.", no_args_is_help=True)
benchmark_cli = typer.Typer(help="Measure pipelines.", no_args_is_help=True)
app.add_typer(init_cli, name="init")
app.add_typer(debug_cli, name="debug")
app.add_typer(benchmark_cli, name="benchmark")

# each import registers its commands
from . import (
    apply,  # noqa: F401
    benchmark_speed,  # noqa: F401
    convert,  # noqa: F401
    debug_config,  # noqa: F401
    demo,  # noqa: F401
    evaluate,  # noqa: F401
    info,  # noqa: F401
    init_config,  # noqa: F401
    init_vectors,  # noqa: F401
    package,  # noqa: F401
    train,  # noqa: F401
    validate,  # noqa: F401
    verify,  # noqa: F401
)


def main() -> None:
    """Entry point of the `plait` console script."""
    app()
