"""The one random generator behind weight initialization and dropout (seeded, reproducible)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# made on first use (seed 0): importing numpy.random costs ~5 ms, and a loaded pipeline
# never draws from it until it is trained
_state: dict[str, np.random.Generator] = {}


def _new_rng(seed: int) -> np.random.Generator:
    from numpy.random import default_rng

    return default_rng(seed)


def fix_random_seed(seed: int = 0) -> None:
    """Seed Python's and plait's generators: the same seed gives the same weights."""
    random.seed(seed)
    _state["rng"] = _new_rng(seed)


def get_rng() -> np.random.Generator:
    """The generator models draw initial weights and dropout masks from."""
    rng = _state.get("rng")
    if rng is None:
        rng = _state["rng"] = _new_rng(0)
    return rng
