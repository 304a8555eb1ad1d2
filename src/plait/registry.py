"""Registries of named functions (on catalogue), filled by decorators and entry points.

`registry.factories`, `registry.languages`, ... map names used in configs to code. Each
registry also reads the matching entry-point group (`plait_factories`, `plait_languages`,
...), so an installed package's functions work without an import: loading an entry point
imports its module, and whatever the module's decorators register is used (for factories,
the `@Language.factory` decorator registers the factory together with its meta). An entry
point whose module registers nothing under its name is registered as the loaded object.

Resolving a config (`registry.resolve`, `registry.fill`) is delegated to confection, which
is imported on first use only, so that `import plait` stays fast.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import catalogue

from .errors import Errors, LookupFailed

if TYPE_CHECKING:
    import confection

_NAMESPACE = "plait"
# group name -> entry points, read once per group; `registry.refresh_entry_points()` clears it
_ENTRY_POINTS: dict[str, list[importlib.metadata.EntryPoint]] = {}
# catalogue reads every installed entry point when it is imported (as spaCy's registries do):
# groups are taken from that read, which saves a scan of all installed packages per group,
# until `registry.refresh_entry_points()` asks for a new read.
_FROM_CATALOGUE_READ = True


def _entry_points(group: str) -> list[importlib.metadata.EntryPoint]:
    found = _ENTRY_POINTS.get(group)
    if found is None:
        if _FROM_CATALOGUE_READ:
            found = list(catalogue.AVAILABLE_ENTRY_POINTS.select(group=group))
        else:
            found = list(importlib.metadata.entry_points(group=group))
        _ENTRY_POINTS[group] = found
    return found


class Registry(catalogue.Registry):
    """A catalogue registry that reads its entry points lazily and imports built-ins on demand.

    `builtins` maps a registered name to the plait module that registers it, so built-in
    functions cost nothing until a config names them.
    """

    def __init__(self, name: str, builtins: dict[str, str] | None = None) -> None:
        super().__init__((_NAMESPACE, name), entry_points=True)
        self.name = name
        self.builtins = dict(builtins or {})

    def _get_entry_points(self) -> list[importlib.metadata.EntryPoint]:
        return _entry_points(self.entry_point_namespace)

    def _registered(self, name: str) -> bool:
        return catalogue.check_exists(*self.namespace, name)

    def _load(self, name: str) -> bool:
        """Make `name` registered if a built-in module or an entry point provides it."""
        if self._registered(name):
            return True
        module = self.builtins.get(name)
        if module is not None:
            importlib.import_module(module)
            if self._registered(name):
                return True
        for entry_point in self._get_entry_points():
            if entry_point.name == name:
                loaded = entry_point.load()
                if not self._registered(name):
                    self.register(name, func=loaded)
                return True
        return False

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._load(name)

    def get(self, name: str) -> Any:
        """Return the function registered as `name`, loading built-ins and entry points."""
        if not self._load(name):
            available = ", ".join(sorted(self.get_all())) or "none"
            raise LookupFailed(
                Errors.E150.format(
                    name=name, registry=self.name, group=self.entry_point_namespace,
                    available=available,
                )
            )
        return catalogue._get((*self.namespace, name))

    def get_all(self) -> dict[str, Any]:
        """Return every registered function by name (entry points are loaded, built-ins not)."""
        for entry_point in self._get_entry_points():
            self._load(entry_point.name)
        result = {}
        size = len(self.namespace)
        for keys, value in catalogue.REGISTRY.copy().items():
            if len(keys) == size + 1 and keys[:size] == self.namespace:
                result[keys[-1]] = value
        return result

    def names(self) -> list[str]:
        """Return the names registered so far, the built-in ones and those of entry points."""
        names = set(self.builtins) | {ep.name for ep in self._get_entry_points()}
        size = len(self.namespace)
        names.update(
            keys[-1] for keys in catalogue.REGISTRY
            if len(keys) == size + 1 and keys[:size] == self.namespace
        )
        return sorted(names)


def _create(name: str, builtins: dict[str, str] | None = None) -> Registry:
    return Registry(name, builtins)


class registry:
    """All of plait's registries. `registry.get(name, func_name)` resolves one entry."""

    languages = _create("languages")
    factories = _create("factories")
    architectures = _create("architectures")
    tokenizers = _create("tokenizers", {"plait.Tokenizer.v1": "plait.tokenizer"})
    lookups = _create("lookups")
    displacy_colors = _create("displacy_colors")
    misc = _create("misc")
    callbacks = _create("callbacks")
    readers = _create("readers", {
        name: "plait.training.corpus" for name in (
            "plait.Corpus.v1", "spacy.Corpus.v1", "plait.JsonlCorpus.v1", "spacy.JsonlCorpus.v1",
            "plait.ConllCorpus.v1", "plait.read_json.v1", "srsly.read_json.v1")})
    scorers = _create("scorers")
    loggers = _create("loggers")
    batchers = _create("batchers")
    optimizers = _create("optimizers")
    vectors = _create("vectors")
    augmenters = _create("augmenters", {
        name: "plait.training.augment" for name in (
            "plait.lower_case.v1", "spacy.lower_case.v1",
            "plait.orth_variants.v1", "spacy.orth_variants.v1",
            "plait.combined_augmenter.v1", "spacy.combined_augmenter.v1",
            "plait.ents_replace.v1", "plait.chain_augmenters.v1")})

    @classmethod
    def create(cls, registry_name: str, entry_points: bool = False) -> None:
        """Add a new registry `registry.<registry_name>` (entry-point group plait_<name>)."""
        if hasattr(cls, registry_name):
            raise LookupFailed(Errors.E151.format(name=registry_name))
        setattr(cls, registry_name, _create(registry_name))

    @classmethod
    def get_registry_names(cls) -> list[str]:
        """Return the names of all registries."""
        return sorted(name for name, value in vars(cls).items() if isinstance(value, Registry))

    @classmethod
    def has(cls, registry_name: str, func_name: str) -> bool:
        """True when `func_name` is available in the registry `registry_name`."""
        reg = getattr(cls, registry_name, None)
        return isinstance(reg, Registry) and func_name in reg

    @classmethod
    def get(cls, registry_name: str, func_name: str) -> Callable:
        """Return the function `func_name` of registry `registry_name`."""
        reg = getattr(cls, registry_name, None)
        if not isinstance(reg, Registry):
            raise LookupFailed(
                Errors.E152.format(name=registry_name, available=", ".join(cls.get_registry_names()))
            )
        return reg.get(func_name)

    @classmethod
    def refresh_entry_points(cls) -> None:
        """Read the installed packages' entry points again (after installing a package)."""
        global _FROM_CATALOGUE_READ
        _FROM_CATALOGUE_READ = False
        _ENTRY_POINTS.clear()
        importlib.invalidate_caches()

    @classmethod
    def _resolver(cls) -> type[confection.registry]:
        """Return a confection registry class that sees every plait registry."""
        import confection

        regs = {name: value for name, value in vars(cls).items() if isinstance(value, Registry)}
        return type("registry", (confection.registry,), regs)

    @classmethod
    def resolve(cls, config: dict, *, schema: Any = None, overrides: dict | None = None,
                validate: bool = True) -> dict[str, Any]:
        """Fill and resolve a config: every `@registry` block becomes its function's result."""
        return cls._resolver().resolve(
            config, schema=schema, overrides=overrides or {}, validate=validate
        )

    @classmethod
    def fill(cls, config: dict, *, schema: Any = None, overrides: dict | None = None,
             interpolate: bool = False, validate: bool = True) -> confection.Config:
        """Fill a config with the defaults of the functions it references (no resolving)."""
        return cls._resolver().fill(
            config, schema=schema, overrides=overrides or {}, interpolate=interpolate,
            validate=validate,
        )
