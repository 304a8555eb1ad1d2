"""`plait verify PATH`: check a saved pipeline's files against the checksums in its meta.json."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import Errors, FormatError, Warnings
from . import app
from .reporting import fail, good, note, reports_errors, table


def verify(path: str | Path) -> dict[str, list[str]]:
    """Compare every file with meta.json's checksums: lists of `ok`, `changed`, `missing`,
    and `unlisted` files (present but without a checksum). No checksums is E378-style
    `FormatError` (W071's text)."""
    from ..loading import CHECKSUM_KEY, file_checksum, read_meta

    path = Path(path)
    if not (path / "config.cfg").is_file():
        raise FormatError(Errors.E371.format(path=path, missing="config.cfg"))
    meta = read_meta(path)
    sums = meta.get(CHECKSUM_KEY)
    if sums is None:
        raise FormatError(Warnings.W071.format(path=path))
    if not isinstance(sums, dict):
        raise FormatError(Errors.E378.format(path=path, reason="'checksums' is not a map"))
    result: dict[str, list[str]] = {"ok": [], "changed": [], "missing": [], "unlisted": []}
    root = path.resolve()
    for rel, stored in sorted(sums.items()):
        target = (path / str(rel)).resolve()
        if root not in target.parents:
            raise FormatError(Errors.E378.format(path=path, reason=f"bad checksum entry {rel!r}"))
        if not target.is_file():
            result["missing"].append(rel)
        elif file_checksum(target) != stored:
            result["changed"].append(rel)
        else:
            result["ok"].append(rel)
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        rel = file.relative_to(path).as_posix()
        if rel != "meta.json" and rel not in sums:
            result["unlisted"].append(rel)
    return result


@app.command("verify")
@reports_errors
def verify_cli(
    path: Annotated[Path, typer.Argument(help="A pipeline saved with nlp.to_disk().")],
) -> None:
    """Check every file of a saved pipeline against its checksum; exit 1 on any problem."""
    result = verify(path)
    rows = [[rel, status.upper()] for status in ("changed", "missing") for rel in result[status]]
    for rel in result["unlisted"]:
        note(f"{rel} has no checksum (added after saving?)")
    problems = len(rows)
    if problems:
        typer.echo(table(rows, ["FILE", "PROBLEM"]))
        details = ", ".join(f"{rel} ({status.lower()})" for rel, status in rows)
        fail(Errors.E676.format(path=path, problems=problems, details=details))
        raise typer.Exit(1)
    good(f"{len(result['ok'])} files match their checksums in {path / 'meta.json'}")
