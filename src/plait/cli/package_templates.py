"""The files `plait package` writes around a saved pipeline: pyproject, MANIFEST.in, README."""

from __future__ import annotations

import json
from typing import Any

INIT_PY = '''"""{package}: a plait pipeline package (made by `plait package`)."""

from pathlib import Path

from plait.packages import get_model_meta, load_model_from_init_py
{code_imports}
__version__ = get_model_meta(Path(__file__).parent)["version"]


def load(**overrides):
    """Load the pipeline (plait.load("{package}") calls this); overrides go to plait.load."""
    return load_model_from_init_py(__file__, **overrides)
'''

MANIFEST_IN = """include meta.json
include README.md
recursive-include {package} *
global-exclude *.pyc
prune {package}/__pycache__
"""


def _toml(value: Any) -> str:
    """A TOML value: JSON strings and arrays of strings are valid TOML."""
    return json.dumps(value, ensure_ascii=False)


def init_py(package: str, code_modules: list[str]) -> str:
    """The package's `__init__.py`: imports shipped code, defines `load(**overrides)`."""
    imports = "".join(
        f"from . import {module}  # noqa: F401  (registers its components)\n"
        for module in code_modules
    )
    return INIT_PY.format(package=package, code_imports=f"\n{imports}" if imports else "")


def pyproject_toml(
    package: str, meta: dict[str, Any], requirements: list[str],
    entry_points: dict[str, dict[str, str]],
) -> str:
    """A setuptools `pyproject.toml`, so that `pip install ./folder` also works."""
    lines = [
        "[build-system]",
        'requires = ["setuptools>=62.3"]',
        'build-backend = "setuptools.build_meta"',
        "",
        "[project]",
        f"name = {_toml(package)}",
        f"version = {_toml(meta['version'])}",
        f"description = {_toml(meta.get('description') or '')}",
        'readme = "README.md"',
        'requires-python = ">=3.10"',
        f"dependencies = {_toml(requirements)}",
    ]
    if meta.get("license"):
        lines.append(f"license = {{ text = {_toml(meta['license'])} }}")
    if meta.get("author") or meta.get("email"):
        author = {k: v for k, v in (("name", meta.get("author")), ("email", meta.get("email"))) if v}
        body = ", ".join(f"{k} = {_toml(v)}" for k, v in author.items())
        lines.append(f"authors = [{{ {body} }}]")
    if meta.get("url"):
        lines += ["", "[project.urls]", f"Homepage = {_toml(meta['url'])}"]
    for group, entries in sorted(entry_points.items()):
        lines += ["", f"[project.entry-points.{group}]"]
        lines += [f"{_toml(name)} = {_toml(value)}" for name, value in sorted(entries.items())]
    lines += [
        "", "[tool.setuptools]", f"packages = [{_toml(package)}]", "include-package-data = true",
        "", "[tool.setuptools.package-data]", f'{_toml(package)} = ["*.json", "**/*"]', "",
    ]
    return "\n".join(lines)


def readme(package: str, meta: dict[str, Any], requirements: list[str]) -> str:
    """A short README.md describing the pipeline."""
    rows = [
        ("Name", f"`{package}`"), ("Version", f"`{meta['version']}`"),
        ("plait", f"`{meta.get('plait_version', '')}`"),
        ("Pipeline", ", ".join(f"`{p}`" for p in meta.get("pipeline", [])) or "-"),
        ("Components", ", ".join(f"`{p}`" for p in meta.get("components", [])) or "-"),
        ("Requirements", ", ".join(f"`{r}`" for r in requirements) or "-"),
        ("License", meta.get("license") or "-"),
        ("Author", meta.get("author") or "-"),
    ]
    table = "\n".join(f"| **{k}** | {v} |" for k, v in rows)
    return (
        f"# {package}\n\n{meta.get('description') or 'A plait pipeline.'}\n\n"
        f"| Feature | Description |\n| --- | --- |\n{table}\n\n"
        f"```python\nimport plait\nnlp = plait.load({package!r})\n```\n"
    )
