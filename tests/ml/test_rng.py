"""The shared random generator: made on first use, seeded, reproducible."""

from __future__ import annotations

import numpy as np
import pytest

from plait.ml import rng
from plait.ml.rng import fix_random_seed, get_rng


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch):
    """Each test starts with no generator made; the suite's own one is restored after."""
    monkeypatch.setattr(rng, "_state", {})


def test_first_use_gives_the_seed_zero_generator():
    assert np.array_equal(get_rng().random(4), np.random.default_rng(0).random(4))


def test_get_rng_returns_the_same_generator_until_reseeded():
    first = get_rng()
    assert get_rng() is first
    fix_random_seed(3)
    assert get_rng() is not first


def test_same_seed_gives_the_same_draws():
    fix_random_seed(7)
    a = get_rng().uniform(-1, 1, size=5)
    fix_random_seed(7)
    assert np.array_equal(get_rng().uniform(-1, 1, size=5), a)


def test_importing_plait_ml_does_not_import_numpy_random(fresh_python):
    code = "import sys, plait.ml; print('numpy.random' in sys.modules)"
    assert fresh_python(code) == "False"
