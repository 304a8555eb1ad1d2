"""Packages whose names import on first use (plait.lazy_exports)."""

import pytest

import plait.pipeline
import plait.training
from plait.lazy_exports import lazy_exports


def test_names_import_from_their_module_on_first_access_and_stay():
    namespace: dict = {}
    getattr_, _dir = lazy_exports("plait", {"Example": "training.example"}, namespace)
    from plait.training.example import Example

    assert getattr_("Example") is Example
    assert namespace["Example"] is Example


def test_unknown_name_is_an_attribute_error_naming_the_package():
    getattr_, _dir = lazy_exports("plait.some_pkg", {}, {})
    with pytest.raises(AttributeError, match="module 'plait.some_pkg' has no attribute 'Nope'"):
        getattr_("Nope")


def test_dir_lists_loaded_and_lazy_names():
    _getattr, dir_ = lazy_exports("plait", {"Lazy": "x"}, {"loaded": 1})
    assert dir_() == ["Lazy", "loaded"]


@pytest.mark.parametrize("package,name", [(plait.pipeline, "EntityRuler"),
                                          (plait.training, "Example")])
def test_packages_export_lazily(package, name):
    assert name in dir(package)
    assert getattr(package, name).__name__ == name
    with pytest.raises(AttributeError, match=package.__name__):
        package.no_such_name  # noqa: B018
