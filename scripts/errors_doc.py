"""Write docs/errors.md from plait.errors (run after adding an error: `python scripts/errors_doc.py`)."""

from __future__ import annotations

import sys
from pathlib import Path

from plait.errors import Errors, Warnings

HEADER = """# Error and warning codes

Generated from `src/plait/errors.py` by `python scripts/errors_doc.py`; a test keeps the two in sync.
Every plait exception is a `plait.errors.PlaitError`; each family also subclasses the built-in exception
Python users expect (`ValueError`, `KeyError`, `TypeError`, `AttributeError`, `IndexError`).

| code | message |
| --- | --- |
"""


def codes(cls: type) -> list[str]:
    return sorted(
        (name for name in vars(cls) if name[:1] in "EW" and name[1:].isdigit()),
        key=lambda n: (n[0], int(n[1:])),
    )


def render() -> str:
    rows = []
    for cls in (Errors, Warnings):
        for code in codes(cls):
            text = vars(cls)[code]
            text = " ".join(str(text).split()).replace("|", "\\|")
            rows.append(f"| {code} | {text} |")
    return HEADER + "\n".join(rows) + "\n"


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "docs" / "errors.md"
    out.write_text(render(), encoding="utf8")
    sys.stdout.write(f"wrote {out}\n")
