"""plait.ml's package: optimizers load on first use and are still found by name."""

from __future__ import annotations

import pytest

import plait.ml
from plait.ml import ARCHITECTURE_MODULES, OPTIMIZER_MODULES
from plait.ml.optimizers import Optimizer
from plait.registry import registry


def test_optimizers_are_found_by_name_without_importing_their_module_first(fresh_python):
    probe = (
        "import sys, plait.ml\n"
        "from plait.registry import registry\n"
        "before = 'plait.ml.optimizers' in sys.modules\n"
        "opt = registry.optimizers.get('Adam.v1')(learn_rate=0.01)\n"
        "print(before, type(opt).__name__)\n"
    )
    assert fresh_python(probe).split() == ["False", "Optimizer"]


@pytest.mark.parametrize("name", sorted(OPTIMIZER_MODULES))
def test_every_listed_optimizer_makes_an_optimizer(name):
    assert isinstance(registry.optimizers.get(name)(), Optimizer)


@pytest.mark.parametrize("name", sorted(ARCHITECTURE_MODULES))
def test_every_listed_architecture_is_registered(name):
    assert callable(registry.architectures.get(name))


def test_lazy_names_are_the_optimizers_module_objects():
    from plait.ml import optimizers

    assert plait.ml.Optimizer is optimizers.Optimizer
    assert plait.ml.adam is optimizers.adam and plait.ml.sgd is optimizers.sgd
    assert {"Optimizer", "adam", "sgd"} <= set(dir(plait.ml))


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError):
        plait.ml.no_such_name  # noqa: B018
