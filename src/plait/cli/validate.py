"""`plait validate`: do the installed pipeline packages fit this plait version?"""

from __future__ import annotations

import typer

from . import app
from .reporting import fail, good, note, reports_errors, table


@app.command("validate")
@reports_errors
def validate_cli() -> None:
    """Check every installed pipeline package's plait range against this version.

    Exits with 1 when a package does not fit (or cannot be read).
    """
    from ..about import __version__
    from ..packages import installed_pipeline_status

    rows = installed_pipeline_status()
    note(f"plait {__version__}")
    if not rows:
        note("No pipeline packages installed.")
        return
    cells = [
        [r["name"], r["version"], r["plait_version"] or "-", "OK" if r["compatible"] else "NO"]
        for r in rows
    ]
    typer.echo(table(cells, ["NAME", "VERSION", "PLAIT RANGE", "COMPATIBLE"]))
    bad = [r for r in rows if not r["compatible"]]
    for row in bad:
        fail(
            row["problem"] or f"{row['name']} needs plait {row['plait_version']}: install a "
            f"version of it made for plait {__version__} (pip install -U {row['name']})."
        )
    if bad:
        raise typer.Exit(1)
    good("All installed pipeline packages are compatible.")
