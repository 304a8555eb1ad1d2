"""Load the data scripts (`scripts/data/*.py`, not a package) as modules for the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

DATA_SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "data"


def load_script(name: str) -> ModuleType:
    """Import `scripts/data/<name>.py` (its folder on sys.path, as the scripts expect)."""
    if str(DATA_SCRIPTS) not in sys.path:
        sys.path.insert(0, str(DATA_SCRIPTS))
    spec = importlib.util.spec_from_file_location(f"data_{name}", DATA_SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
