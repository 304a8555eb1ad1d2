"""The one random generator behind weight initialization and dropout (seeded, reproducible)."""

from __future__ import annotations

import random

import numpy as np

_state: dict[str, np.random.Generator] = {"rng": np.random.default_rng(0)}


def fix_random_seed(seed: int = 0) -> None:
    """Seed Python's and plait's generators: the same seed gives the same weights."""
    random.seed(seed)
    _state["rng"] = np.random.default_rng(seed)


def get_rng() -> np.random.Generator:
    """The generator models draw initial weights and dropout masks from."""
    return _state["rng"]
