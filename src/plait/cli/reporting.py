"""How commands report: plain lines on stdout, problems on stderr, coded errors as exit 1."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from ..errors import Errors, InputError, PlaitError

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(func: F) -> F:
    """Turn a plait error raised by a command into its message on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PlaitError as e:
            typer.echo(f"✘ {e}", err=True)
            raise typer.Exit(1) from e

    return wrapper  # type: ignore[return-value]


def good(text: str) -> None:
    """Print a success line."""
    typer.echo(f"✔ {text}")


def note(text: str) -> None:
    """Print an informational line."""
    typer.echo(f"ℹ {text}")


def fail(text: str) -> None:
    """Print a problem line on stderr (the caller decides the exit code)."""
    typer.echo(f"✘ {text}", err=True)


def check_positive(option: str, value: int) -> int:
    """Return `value`, or raise `InputError` E670 when it is not a positive integer."""
    if value < 1:
        raise InputError(Errors.E670.format(option=option, value=value))
    return value


def table(rows: list[list[str]], header: list[str]) -> str:
    """A plain text table with aligned columns."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)
