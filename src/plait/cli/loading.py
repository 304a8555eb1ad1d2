"""Loading what a command works on: `--code` files, then a pipeline by name or path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Errors, InputError

if TYPE_CHECKING:
    from ..language import Language


def split_paths(value: str | None) -> list[Path]:
    """`"a.py,b.py"` -> `[Path("a.py"), Path("b.py")]`."""
    return [Path(part.strip()) for part in (value or "").split(",") if part.strip()]


def import_code(paths: list[Path]) -> dict[str, Path]:
    """Import each `--code` file as a module named after it (registering its components).

    A missing file, a bad name or an error while importing is `InputError` E656.
    """
    modules = {}
    for path in paths:
        name = path.stem
        if not path.is_file() or path.suffix != ".py":
            raise InputError(Errors.E656.format(path=path, error="it is not a .py file"))
        if not name.isidentifier():
            raise InputError(
                Errors.E656.format(path=path, error="its name is not a Python module name")
            )
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)  # type: ignore[union-attr]
        except Exception as e:  # any error in user code is reported with its file
            del sys.modules[name]
            raise InputError(Errors.E656.format(path=path, error=repr(e))) from e
        modules[name] = path
    return modules


def load_pipeline(model: str, **kwargs: Any) -> Language:
    """Load a pipeline from a path or an installed package name (`plait.load`)."""
    from ..loading import load

    return load(model, **kwargs)
