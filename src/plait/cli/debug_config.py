"""`plait debug config CONFIG [--section.key value ...]`: the filled config and its errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from . import debug_cli
from .overrides import parse_config_overrides
from .reporting import fail, good, reports_errors

_EXTRA = {"allow_extra_args": True, "ignore_unknown_options": True}


@debug_cli.command("config", context_settings=_EXTRA)
@reports_errors
def debug_config_cli(
    ctx: typer.Context,
    config_path: Annotated[
        Path, typer.Argument(help="The config.cfg to check ('-' for stdin).")
    ],
    show_variables: Annotated[
        bool, typer.Option("--show-variables", "-V", help="List the ${...} variables' values.")
    ] = False,
) -> None:
    """Fill, interpolate and check a config (with overrides); print it, or its errors."""
    from ..config import load_config
    from ..errors import PlaitError
    from ..util import load_model_from_config

    overrides = parse_config_overrides(ctx.args)
    config = load_config(config_path, overrides=overrides)
    try:
        nlp = load_model_from_config(config, auto_fill=True, validate=True)
    except PlaitError as e:
        fail("Config validation error")
        typer.echo(str(e), err=True)
        raise typer.Exit(1) from e
    filled = nlp.config
    typer.echo(filled.interpolate().to_str())
    if show_variables:
        for line in _variables(filled):
            typer.echo(line)
    good(f"Config is valid ({len(nlp.pipe_names)} components, {len(overrides)} overrides)")


def _variables(config: dict) -> list[str]:
    """`section.key = value` for the values other keys refer to as `${section.key}`."""
    text = config.to_str()
    interpolated = config.interpolate()
    lines = []
    for ref in sorted(set(re.findall(r"\$\{([^}]+)\}", text))):
        node = interpolated
        for part in ref.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        lines.append(f"{ref} = {node!r}")
    return lines
