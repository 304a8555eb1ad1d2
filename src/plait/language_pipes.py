"""Managing a pipeline's components: add, create, replace, rename, remove, enable, select.

`PipelineManagement` is the part of `Language` that keeps the ordered list of
`(name, component)` pairs with each component's meta and config, and its views
(`pipe_names`, `components`, `disabled`, ...). Building a component from its factory is in
`plait.language_build`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import Errors, InputTypeError, LookupFailed, PipelineError
from .language_meta import FactoryMeta
from .pipe_analysis import DEFAULT_KEYS, analyze_pipes

if TYPE_CHECKING:
    from confection import Config

    from .language import Language, PipeCallable

__all__ = ["DisabledPipes", "PipelineManagement"]


class PipelineManagement:
    """The pipeline half of `Language`: its components in order, with their meta and config."""

    _components: list[tuple[str, PipeCallable]]
    _disabled: set[str]
    _pipe_meta: dict[str, FactoryMeta]
    _pipe_configs: dict[str, dict]
    _config: dict | None

    # --- pipeline views -------------------------------------------------------------------

    @property
    def disabled(self) -> list[str]:
        """Names of the disabled components, in pipeline order."""
        return [name for name, _ in self._components if name in self._disabled]

    @property
    def components(self) -> list[tuple[str, PipeCallable]]:
        """All `(name, component)` pairs, disabled ones included."""
        return list(self._components)

    @property
    def component_names(self) -> list[str]:
        """Names of all components, disabled ones included."""
        return [name for name, _ in self._components]

    @property
    def pipeline(self) -> list[tuple[str, PipeCallable]]:
        """The enabled `(name, component)` pairs, in the order they run."""
        return [(n, p) for n, p in self._components if n not in self._disabled]

    @property
    def pipe_names(self) -> list[str]:
        """Names of the enabled components, in the order they run."""
        return [name for name, _ in self.pipeline]

    @property
    def pipe_factories(self) -> dict[str, str]:
        """The factory name of each component."""
        return {name: self._pipe_meta[name].factory for name in self.component_names}

    @property
    def pipe_labels(self) -> dict[str, list[str]]:
        """The labels of each component that has a `labels` attribute."""
        labels = {}
        for name, proc in self._components:
            found = getattr(proc, "labels", None)
            if isinstance(found, (list, tuple)):
                labels[name] = [str(label) for label in found]
        return labels

    def get_pipe_meta(self, name: str) -> FactoryMeta:
        """Return the `FactoryMeta` of the component `name` in this pipeline."""
        if name not in self._pipe_meta:
            raise LookupFailed(Errors.E168.format(name=name, opts=self.component_names))
        return self._pipe_meta[name]

    def get_pipe_config(self, name: str) -> Config:
        """Return the config of the component `name` (as in `[components.NAME]`)."""
        from .config import to_config

        if name not in self._pipe_configs:
            raise LookupFailed(Errors.E168.format(name=name, opts=self.component_names))
        return to_config(self._pipe_configs[name])

    def analyze_pipes(self, *, keys: Iterable[str] = DEFAULT_KEYS, pretty: bool = False) -> dict:
        """Report what each component assigns and requires (see `plait.pipe_analysis`)."""
        return analyze_pipes(self, keys=keys, pretty=pretty)

    # --- pipeline management --------------------------------------------------------------

    def create_pipe(
        self,
        factory_name: str,
        name: str | None = None,
        *,
        config: dict[str, Any] | None = None,
        raw_config: dict | None = None,
        validate: bool = True,
    ) -> PipeCallable:
        """Create a component from a registered factory, without adding it to the pipeline."""
        from . import language_build

        name = factory_name if name is None else name
        return language_build.create_pipe(
            self, factory_name, name, config or {}, raw_config, validate
        )

    def add_pipe(
        self,
        factory_name: str,
        name: str | None = None,
        *,
        before: str | int | None = None,
        after: str | int | None = None,
        first: bool | None = None,
        last: bool | None = None,
        source: Language | None = None,
        config: dict[str, Any] | None = None,
        raw_config: dict | None = None,
        validate: bool = True,
    ) -> PipeCallable:
        """Create a component from a factory (or copy it from `source`) and add it; return it."""
        if not isinstance(factory_name, str):
            bad = getattr(factory_name, "__name__", repr(factory_name))
            raise InputTypeError(Errors.E169.format(value=bad))
        name = factory_name if name is None else name
        if name in self.component_names:
            raise PipelineError(Errors.E170.format(name=name, opts=self.component_names))
        index = self._get_pipe_index(before, after, first, last)
        if source is not None:
            from . import language_build

            proc, _factory = language_build.pipe_from_source(self, factory_name, source, name)
        else:
            proc = self.create_pipe(
                factory_name, name, config=config, raw_config=raw_config, validate=validate
            )
        self._components.insert(index, (name, proc))
        return proc

    def _get_pipe_index(
        self,
        before: str | int | None = None,
        after: str | int | None = None,
        first: bool | None = None,
        last: bool | None = None,
    ) -> int:
        """Return the position a new component goes to; exactly one option may be set."""
        given = [before is not None, after is not None, bool(first), bool(last)]
        if sum(given) > 1:
            raise PipelineError(Errors.E171.format(
                args={"before": before, "after": after, "first": first, "last": last}
            ))
        names = self.component_names
        if first:
            return 0
        if last or not any(given):
            return len(names)
        target, offset = (before, 0) if before is not None else (after, 1)
        if isinstance(target, str):
            if target not in names:
                raise PipelineError(Errors.E168.format(name=target, opts=names))
            return names.index(target) + offset
        if isinstance(target, int) and not isinstance(target, bool):
            if not 0 <= target < max(len(names), 1) or (not names and target != 0):
                raise PipelineError(Errors.E172.format(index=target, size=len(names)))
            return target + offset
        raise InputTypeError(Errors.E173.format(type=type(target).__name__))

    def has_pipe(self, name: str) -> bool:
        """True when a component of that name is in the pipeline (enabled or not)."""
        return name in self.component_names

    def get_pipe(self, name: str) -> PipeCallable:
        """Return the component `name` (enabled or not)."""
        for pipe_name, proc in self._components:
            if pipe_name == name:
                return proc
        raise LookupFailed(Errors.E168.format(name=name, opts=self.component_names))

    def replace_pipe(
        self, name: str, factory_name: str, *, config: dict[str, Any] | None = None,
        validate: bool = True,
    ) -> PipeCallable:
        """Replace the component `name` with a new one from `factory_name`; return it."""
        if name not in self.component_names:
            raise LookupFailed(Errors.E168.format(name=name, opts=self.component_names))
        if not isinstance(factory_name, str):
            raise InputTypeError(Errors.E169.format(value=repr(factory_name)))
        index = self.component_names.index(name)
        was_disabled = name in self._disabled
        self.remove_pipe(name)
        if index >= len(self._components):
            proc = self.add_pipe(factory_name, name=name, config=config, validate=validate)
        else:
            proc = self.add_pipe(
                factory_name, name=name, before=index, config=config, validate=validate
            )
        if was_disabled:
            self._disabled.add(name)
        return proc

    def rename_pipe(self, old_name: str, new_name: str) -> None:
        """Rename a component (its config, meta and `[initialize.components]` entry follow)."""
        names = self.component_names
        if old_name not in names:
            raise LookupFailed(Errors.E168.format(name=old_name, opts=names))
        if new_name in names:
            raise PipelineError(Errors.E170.format(name=new_name, opts=names))
        i = names.index(old_name)
        self._components[i] = (new_name, self._components[i][1])
        self._pipe_meta[new_name] = self._pipe_meta.pop(old_name)
        self._pipe_configs[new_name] = self._pipe_configs.pop(old_name)
        if old_name in self._disabled:
            self._disabled.discard(old_name)
            self._disabled.add(new_name)
        init = (self._config or {}).get("initialize", {}).get("components")
        if isinstance(init, dict) and old_name in init:
            init[new_name] = init.pop(old_name)

    def remove_pipe(self, name: str) -> tuple[str, PipeCallable]:
        """Remove a component and return `(name, component)`."""
        names = self.component_names
        if name not in names:
            raise LookupFailed(Errors.E168.format(name=name, opts=names))
        removed = self._components.pop(names.index(name))
        self._pipe_meta.pop(name, None)
        self._pipe_configs.pop(name, None)
        self._disabled.discard(name)
        init = (self._config or {}).get("initialize", {}).get("components")
        if isinstance(init, dict):
            init.pop(name, None)
        return removed

    def disable_pipe(self, name: str) -> None:
        """Disable a component: it stays in the pipeline (and saved), but does not run."""
        if name not in self.component_names:
            raise LookupFailed(Errors.E168.format(name=name, opts=self.component_names))
        self._disabled.add(name)

    def enable_pipe(self, name: str) -> None:
        """Enable a disabled component."""
        if name not in self.component_names:
            raise LookupFailed(Errors.E168.format(name=name, opts=self.component_names))
        self._disabled.discard(name)

    def select_pipes(
        self,
        *,
        disable: str | Iterable[str] | None = None,
        enable: str | Iterable[str] | None = None,
    ) -> DisabledPipes:
        """Disable components (by `disable=` or everything not in `enable=`) until restored.

        Works as a context manager: `with nlp.select_pipes(disable="ner"): ...`.
        """
        if disable is None and enable is None:
            raise PipelineError(Errors.E174)
        disable = [disable] if isinstance(disable, str) else list(disable or [])
        if enable is not None:
            enable = [enable] if isinstance(enable, str) else list(enable)
            for name in enable:
                if name not in self.component_names:
                    raise LookupFailed(Errors.E168.format(name=name, opts=self.component_names))
            to_disable = [n for n in self.pipe_names if n not in enable]
            if disable and set(disable) != set(to_disable):
                raise PipelineError(Errors.E175.format(enable=enable, disable=disable))
            disable = to_disable
        return DisabledPipes(self, [n for n in disable if n not in self._disabled])


class DisabledPipes(list):
    """The names disabled by `select_pipes`; `restore()` (or leaving `with`) enables them."""

    def __init__(self, nlp: Language, names: list[str]) -> None:
        self.nlp = nlp
        for name in names:
            nlp.disable_pipe(name)
        super().__init__(names)

    def __enter__(self) -> DisabledPipes:  # noqa: PYI034
        return self

    def __exit__(self, *args: object) -> None:
        self.restore()

    def restore(self) -> None:
        """Enable the components again."""
        for name in self:
            if name not in self.nlp.component_names:
                raise PipelineError(Errors.E183.format(name=name))
            self.nlp.enable_pipe(name)
        self[:] = []
