"""The public surface of `plait`, `plait.tokens` and `plait.persist`: complete, and lazy."""

import importlib
import sys

import pytest


@pytest.mark.parametrize("package", ["plait", "plait.tokens", "plait.persist"])
def test_every_public_name_is_importable_and_listed(package):
    module = importlib.import_module(package)
    for name in module.__all__:
        assert getattr(module, name) is not None
        assert name in dir(module)
        imported = __import__(package, fromlist=[name])  # what `from X import Y` runs
        assert getattr(imported, name) is getattr(module, name)


def test_unknown_name_is_an_attribute_error():
    import plait

    with pytest.raises(AttributeError, match="module 'plait' has no attribute 'nope'"):
        plait.nope  # noqa: B018


def test_util_is_the_submodule():
    import plait
    import plait.util

    assert plait.util is sys.modules["plait.util"]
    assert plait.util.registry is plait.registry


def test_import_and_blank_skip_loading_docbin_and_the_persist_codec(fresh_python):
    probe = (
        "import sys, plait; plait.blank('en')('A probe.'); "
        "print(sorted(m for m in ('plait.loading', 'plait.tokens.docbin', 'plait.persist.api', "
        "'plait.persist.decode', 'plait.packages') if m in sys.modules))"
    )
    assert fresh_python(probe) == "[]"


def test_import_and_blank_skip_the_saving_and_config_building_modules(fresh_python):
    deferred = (
        "plait.persist", "plait.serialize", "plait.language_io", "plait.language_build",
        "plait.config", "plait.tokens.doc_pickle", "plait.tokens.user_data",
    )
    probe = (
        "import sys, plait; plait.blank('en')('A probe.'); "
        f"print(sorted(m for m in {deferred!r} if m in sys.modules))"
    )
    assert fresh_python(probe) == "[]"
