"""What each component assigns and requires, and which requirements no earlier component meets."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .errors import ConfigError, Errors, Warnings, warn

if TYPE_CHECKING:
    from .language import Language

_OBJECTS = ("doc", "token", "span")
DEFAULT_KEYS = ("assigns", "requires", "scores", "retokenizes")


def validate_attrs(values: Iterable[str]) -> list[str]:
    """Check `assigns=`/`requires=` values such as `"token.tag"`, `"doc.ents"`, `"token._.x"`."""
    checked = []
    for value in values:
        parts = value.split(".") if isinstance(value, str) else []
        ok = len(parts) >= 2 and parts[0] in _OBJECTS and all(parts)
        if ok and parts[1] == "_":
            ok = len(parts) == 3
        elif ok:
            ok = len(parts) == 2
        if not ok:
            raise ConfigError(Errors.E161.format(value=value))
        checked.append(value)
    return checked


def _provided_by(attr: str, assigned: set[str]) -> bool:
    # "token.ent_iob" is met by "doc.ents" and the other way round, as in spaCy's pipelines
    if attr in assigned:
        return True
    pairs = {"doc.ents": {"token.ent_iob", "token.ent_type"}, "doc.sents": {"token.is_sent_start"}}
    for doc_attr, token_attrs in pairs.items():
        if attr == doc_attr and assigned & token_attrs:
            return True
        if attr in token_attrs and doc_attr in assigned:
            return True
    return False


def analyze_pipes(
    nlp: Language, *, keys: Iterable[str] = DEFAULT_KEYS, pretty: bool = False
) -> dict:
    """Report what each component assigns and requires; warn when a requirement is unmet.

    Returns `{"summary": {name: {key: value}}, "problems": {name: [attr]}, "attrs": {attr:
    {"assigns": [names], "requires": [names]}}}`; `pretty=True` also prints a table.
    """
    keys = list(keys)
    summary: dict[str, dict] = {}
    problems: dict[str, list[str]] = {}
    by_attr: dict[str, dict[str, list[str]]] = {}
    assigned: set[str] = set()
    for name in nlp.pipe_names:
        meta = nlp.get_pipe_meta(name)
        summary[name] = {key: getattr(meta, key) for key in keys}
        problems[name] = [a for a in meta.requires if not _provided_by(a, assigned)]
        for key in ("assigns", "requires"):
            for attr in getattr(meta, key):
                by_attr.setdefault(attr, {"assigns": [], "requires": []})[key].append(name)
        assigned.update(meta.assigns)
    result = {"summary": summary, "problems": problems, "attrs": dict(sorted(by_attr.items()))}
    for name, missing in problems.items():
        if missing:
            warn(Warnings.W030.format(name=name, attrs=", ".join(missing)), stacklevel=3)
    if pretty:
        print(format_pipe_analysis(result, keys))
    return result


def format_pipe_analysis(analysis: dict, keys: Iterable[str] = DEFAULT_KEYS) -> str:
    """Render `analyze_pipes` output as a plain-text table."""
    keys = list(keys)
    header = ["#", "component", *keys]
    rows = [header]
    for i, (name, info) in enumerate(analysis["summary"].items()):
        cells = [", ".join(v) if isinstance(v, list) else str(v) for v in info.values()]
        rows.append([str(i), name, *cells])
    widths = [max(len(row[c]) for row in rows) for c in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    problems = {n: p for n, p in analysis["problems"].items() if p}
    if problems:
        lines.append("")
        for name, missing in problems.items():
            lines.append(f"'{name}' requires {', '.join(missing)}: no earlier component sets it")
    else:
        lines.append("\nNo problems found.")
    return "\n".join(lines)
