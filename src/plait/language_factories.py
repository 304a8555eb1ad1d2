"""Registering component factories: `@Language.factory`, `@Language.component`.

`FactoryRegistration` is the part of `Language` that registers factories and looks them
up: a factory registered on a language subclass (`@English.factory("x")`) is stored as
`en.x` and preferred by that language's pipelines over the generic `x`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from .errors import ConfigError, Errors, InputTypeError, LookupFailed
from .language_meta import FactoryMeta
from .pipe_analysis import validate_attrs
from .registry import registry

if TYPE_CHECKING:
    from .language import Language, PipeCallable

__all__ = ["FactoryRegistration"]


class FactoryRegistration:
    """The factory half of `Language`: registering factories and reading their meta."""

    lang: str | None = None
    # every factory's meta, by internal name ("en.x" for language-specific ones)
    _factory_meta: ClassVar[dict[str, FactoryMeta]] = {}

    @property
    def factory_names(self) -> list[str]:
        """Names of the factories this language can use (its own and the generic ones)."""
        names = set()
        for internal in registry.factories.names():
            lang, dot, rest = internal.partition(".")
            if not dot or lang not in _language_codes():
                names.add(internal)
            elif lang == self.lang:
                names.add(rest)
        return sorted(names)

    # --- factories ------------------------------------------------------------------------

    @classmethod
    def get_factory_name(cls, name: str) -> str:
        """Return the internal name of a factory: `en.x` for `x` on English."""
        return name if cls.lang is None else f"{cls.lang}.{name}"

    @classmethod
    def _internal_factory_name(cls, name: str) -> str | None:
        """The registered name `add_pipe(name)` uses: the language's own, else the generic."""
        internal = cls.get_factory_name(name)
        if internal in registry.factories:
            return internal
        if name in registry.factories:
            return name
        return None

    @classmethod
    def has_factory(cls, name: str) -> bool:
        """True when a factory of that name is registered (for this language or any)."""
        return cls._internal_factory_name(name) is not None

    @classmethod
    def get_factory_meta(cls, name: str) -> FactoryMeta:
        """Return the `FactoryMeta` of a factory (the language's own first)."""
        internal = cls._internal_factory_name(name)
        if internal is None or internal not in cls._factory_meta:
            raise LookupFailed(_unknown_factory(cls, name))
        return cls._factory_meta[internal]

    @classmethod
    def set_factory_meta(cls, name: str, value: FactoryMeta) -> None:
        """Set the `FactoryMeta` of a factory of this language."""
        cls._factory_meta[cls.get_factory_name(name)] = value

    @classmethod
    def factory(
        cls,
        name: str,
        *,
        default_config: dict[str, Any] | None = None,
        assigns: Iterable[str] = (),
        requires: Iterable[str] = (),
        retokenizes: bool = False,
        default_score_weights: dict[str, float | None] | None = None,
        func: Callable | None = None,
    ) -> Callable:
        """Register a component factory, called as `factory(nlp, name, **config)`.

        Used as a decorator on a class or function. On a language subclass
        (`@English.factory("x")`) it registers `en.x`, preferred by English pipelines.
        """
        if not isinstance(name, str):
            raise InputTypeError(Errors.E164.format(decorator="factory", type=type(name).__name__))
        if default_config is not None and not isinstance(default_config, dict):
            raise InputTypeError(Errors.E165.format(name=name, type=type(default_config).__name__))

        def add_factory(factory_func: Callable) -> Callable:
            params = inspect.signature(factory_func).parameters
            if "nlp" not in params or "name" not in params:
                raise ConfigError(Errors.E166.format(name=name))
            meta = FactoryMeta(
                factory=name,
                default_config=dict(default_config or {}),
                assigns=validate_attrs(assigns),
                requires=validate_attrs(requires),
                retokenizes=retokenizes,
                scores=list(default_score_weights or {}),
                default_score_weights=dict(default_score_weights or {}),
                module=getattr(factory_func, "__module__", None),
            )
            internal = cls.get_factory_name(name)
            cls.set_factory_meta(name, meta)
            registry.factories.register(internal, func=factory_func)
            return factory_func

        return add_factory(func) if func is not None else add_factory

    @classmethod
    def component(
        cls,
        name: str,
        *,
        assigns: Iterable[str] = (),
        requires: Iterable[str] = (),
        retokenizes: bool = False,
        func: PipeCallable | None = None,
    ) -> Callable:
        """Register a plain `Doc -> Doc` function as a component (no config, no state)."""
        if not isinstance(name, str):
            raise InputTypeError(
                Errors.E164.format(decorator="component", type=type(name).__name__)
            )

        def add_component(component_func: PipeCallable) -> PipeCallable:
            if isinstance(component_func, type):
                raise InputTypeError(Errors.E167.format(name=name))

            def factory_func(nlp: Language, name: str) -> PipeCallable:
                return component_func

            factory_func.__module__ = getattr(component_func, "__module__", __name__)
            cls.factory(
                name, assigns=assigns, requires=requires, retokenizes=retokenizes,
                func=factory_func,
            )
            return component_func

        return add_component(func) if func is not None else add_component


def _unknown_factory(cls: type[Language], name: str) -> str:
    return Errors.E185.format(
        name=name, lang=cls.lang, opts=", ".join(cls.factory_names.fget(cls)),  # type: ignore
    )


@functools.lru_cache(maxsize=1)
def _builtin_language_codes() -> frozenset[str]:
    folder = Path(__file__).parent / "lang"
    return frozenset(p.name for p in folder.iterdir() if (p / "__init__.py").exists())


def _language_codes() -> set[str]:
    return set(_builtin_language_codes()) | set(registry.languages.names())
