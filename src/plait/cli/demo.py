"""`plait demo`: tokenize a text with a blank pipeline and print each token's attributes."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from . import app

SAMPLE = (
    "Apple isn't looking at buying U.K. startups for $1 billion, said Mr. Cook on "
    "Monday (see https://example.com/news). Email press@example.com for details!"
)

COLUMNS = ("text", "lower_", "norm_", "shape_", "is_alpha", "is_punct", "is_stop", "like_num", "like_url", "whitespace_")


@app.command("demo")
def demo(
    text: Annotated[
        str | None,
        typer.Argument(help="Text to process (default: a sample; '-' reads stdin)."),
    ] = None,
    lang: Annotated[
        str, typer.Option("--lang", "-l", help="Language code of the blank pipeline.")
    ] = "en",
) -> None:
    """Tokenize a text with `plait.blank(LANG)` and print a table of token attributes."""
    import plait

    if text == "-":
        text = sys.stdin.read()
    nlp = plait.blank(lang)
    doc = nlp(text if text is not None else SAMPLE)
    rows = [[repr(getattr(t, c)) if c == "whitespace_" else str(getattr(t, c)) for c in COLUMNS] for t in doc]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(COLUMNS)]
    typer.echo("  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths)))
    typer.echo("  ".join("-" * w for w in widths))
    for r in rows:
        typer.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)))
    typer.echo(f"\n{len(doc)} tokens; text reproduced exactly: {doc.text == (text if text is not None else SAMPLE)}")
