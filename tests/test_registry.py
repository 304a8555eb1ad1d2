"""Registries: decorators, lazy built-ins, entry points of separately installed packages."""

from __future__ import annotations

import sys
import textwrap

import pytest

import plait
from plait.errors import LookupFailed
from plait.language import Language, get_lang_class
from plait.registry import registry


@pytest.fixture
def installed_package(tmp_path, monkeypatch):
    """A throwaway distribution on sys.path, shipping a factory and a language by entry point."""
    pkg = tmp_path / "plait_ep_testpkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "components.py").write_text(textwrap.dedent('''
        from plait.language import Language

        @Language.factory("ep_marker", default_config={"value": "from-entry-point"},
                          assigns=["doc._.marker"])
        def make_marker(nlp, name, value: str):
            def marker(doc):
                doc.user_data["marker"] = value
                return doc
            return marker
    '''))
    (pkg / "lang.py").write_text(textwrap.dedent('''
        from plait.language import Language

        class Klingon(Language):
            lang = "tlh"
    '''))
    dist = tmp_path / "plait_ep_testpkg-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: plait-ep-testpkg\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(
        "[plait_factories]\nep_marker = plait_ep_testpkg.components\n\n"
        "[plait_languages]\ntlh = plait_ep_testpkg.lang:Klingon\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.refresh_entry_points()
    yield
    registry.refresh_entry_points()
    for name in [m for m in sys.modules if m.startswith("plait_ep_testpkg")]:
        del sys.modules[name]


def test_factory_from_entry_point_works_without_import(installed_package):
    assert "plait_ep_testpkg.components" not in sys.modules
    assert Language.has_factory("ep_marker")
    nlp = Language()
    nlp.add_pipe("ep_marker")
    assert nlp("some text").user_data["marker"] == "from-entry-point"
    assert nlp.get_pipe_meta("ep_marker").assigns == ["doc._.marker"]
    assert nlp.config["components"]["ep_marker"]["value"] == "from-entry-point"


def test_language_from_entry_point(installed_package):
    cls = get_lang_class("tlh")
    assert cls.__name__ == "Klingon"
    nlp = plait.blank("tlh")
    assert nlp.lang == "tlh" and nlp.meta["lang"] == "tlh"


def test_registered_functions_and_lookup_errors():
    @registry.misc("test_registry_misc.v1")
    def thing() -> int:
        return 3

    assert "test_registry_misc.v1" in registry.misc
    assert registry.get("misc", "test_registry_misc.v1")() == 3
    assert registry.has("misc", "test_registry_misc.v1")
    assert not registry.has("no_such_registry", "x")
    with pytest.raises(LookupFailed, match=r"E150.*registry.misc.*plait_misc"):
        registry.misc.get("not_there.v1")
    with pytest.raises(LookupFailed, match="E152"):
        registry.get("no_such_registry", "x")


def test_builtin_tokenizer_is_available_by_name():
    assert "plait.Tokenizer.v1" in registry.tokenizers.names()
    assert callable(registry.tokenizers.get("plait.Tokenizer.v1"))


def test_every_registry_of_the_issue_exists():
    for name in ("factories", "languages", "lookups", "architectures", "tokenizers", "callbacks",
                 "readers", "scorers", "loggers", "misc", "displacy_colors"):
        reg = getattr(registry, name)
        assert reg.entry_point_namespace == f"plait_{name}"


def test_create_adds_a_registry():
    name = "test_created_registry"
    if not hasattr(registry, name):
        registry.create(name)
    assert getattr(registry, name).entry_point_namespace == f"plait_{name}"
    with pytest.raises(LookupFailed, match="E151"):
        registry.create(name)


def test_registry_resolves_config_blocks():
    @registry.misc("test_registry_add.v1")
    def add(a: int, b: int = 2) -> int:
        return a + b

    resolved = registry.resolve({"x": {"@misc": "test_registry_add.v1", "a": 1}})
    assert resolved["x"] == 3
    filled = registry.fill({"x": {"@misc": "test_registry_add.v1", "a": 1}})
    assert filled["x"]["b"] == 2


def test_util_shim_exposes_spacy_names():
    from plait import util

    assert util.registry is registry
    assert util.get_lang_class("en") is get_lang_class("en")
    for name in ("load_config", "load_config_from_str", "copy_config"):
        assert callable(getattr(util, name))
