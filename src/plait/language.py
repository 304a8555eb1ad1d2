"""Language: the pipeline object (`nlp`), made from a config of registered component factories.

`nlp.config` and `nlp.meta` always describe the pipeline exactly, so saving and loading gives
the same pipeline. Factories register with `@Language.factory` / `@Language.component`;
building from a config is in `from_config`; running is `nlp(text)` and `nlp.pipe(texts)`.
"""

from __future__ import annotations

import functools
import importlib
import inspect
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from . import language_build, language_io, language_training
from .errors import (
    ConfigError,
    Errors,
    InputError,
    InputTypeError,
    LookupFailed,
    PipelineError,
)
from .lang_defaults import BaseDefaults, create_vocab
from .language_meta import META_DEFAULTS, FactoryMeta, minor_version_range, validate_meta
from .pipe_analysis import DEFAULT_KEYS, analyze_pipes, validate_attrs
from .registry import registry
from .tokens import Doc
from .vocab import Vocab

if TYPE_CHECKING:
    from confection import Config

__all__ = [
    "BaseDefaults",
    "DisabledPipes",
    "FactoryMeta",
    "Language",
    "blank",
    "create_vocab",
    "get_lang_class",
]

PipeCallable = Callable[[Doc], Doc]


def raise_error(proc_name: str, proc: Any, docs: list, e: Exception) -> None:
    """The default error handler: re-raise a component's error with the component's name."""
    raise PipelineError(
        Errors.E162.format(name=proc_name, type=type(e).__name__, error=e)
    ) from e


def ignore_error(proc_name: str, proc: Any, docs: list, e: Exception) -> None:
    """An error handler that skips the docs a component failed on."""


class _DefaultConfig:
    """Class attribute `Language.default_config`: built on first use (imports confection)."""

    def __get__(self, obj: Any, owner: type[Language]) -> Config:
        from .config import default_config, merge_configs

        config = default_config()
        config["nlp"]["lang"] = owner.lang
        extra = getattr(owner.Defaults, "config", None)
        if extra:
            config = merge_configs(config, extra)
        return config


class Language:
    """A text-processing pipeline: a tokenizer, then components in order."""

    lang: str | None = None
    Defaults: type[BaseDefaults] = BaseDefaults
    default_config = _DefaultConfig()
    # every factory's meta, by internal name ("en.x" for language-specific ones)
    _factory_meta: ClassVar[dict[str, FactoryMeta]] = {}

    def __init__(
        self,
        vocab: Vocab | bool = True,
        *,
        max_length: int = 10**6,
        meta: dict | None = None,
        create_tokenizer: Callable[[Language], Callable] | None = None,
        batch_size: int = 1000,
        **kwargs: Any,
    ) -> None:
        if vocab is True:
            vocab = create_vocab(self.lang, self.Defaults)
        elif not isinstance(vocab, Vocab):
            raise InputTypeError(Errors.E163.format(type=type(vocab).__name__))
        self.vocab: Vocab = vocab
        if not self.vocab.lang and self.lang:
            self.vocab.lang = self.lang
        self.max_length = max_length
        self.batch_size = batch_size
        self._meta: dict[str, Any] = dict(validate_meta(dict(meta or {})))
        self._config: dict | None = None  # the raw config, made on first use of nlp.config
        self._components: list[tuple[str, PipeCallable]] = []
        self._disabled: set[str] = set()
        self._pipe_meta: dict[str, FactoryMeta] = {}
        self._pipe_configs: dict[str, dict] = {}
        self.default_error_handler: Callable = raise_error
        if create_tokenizer is None:
            create_tokenizer = registry.tokenizers.get("plait.Tokenizer.v1")()
        self.tokenizer = create_tokenizer(self)

    # --- meta and config ------------------------------------------------------------------

    @property
    def meta(self) -> dict[str, Any]:
        """The pipeline's meta (JSON-serializable); pipeline fields always match the pipeline."""
        meta = self._meta
        meta.setdefault("lang", self.vocab.lang or self.lang)
        for key, value in META_DEFAULTS.items():
            meta.setdefault(key, value.copy() if isinstance(value, (list, dict)) else value)
        meta.setdefault("plait_version", minor_version_range())
        meta["pipeline"] = list(self.pipe_names)
        meta["components"] = list(self.component_names)
        meta["disabled"] = list(self.disabled)
        meta["labels"] = self.pipe_labels
        return meta

    @meta.setter
    def meta(self, value: dict[str, Any]) -> None:
        self._meta = dict(validate_meta(value))

    @property
    def config(self) -> Config:
        """The pipeline's config (raw: `${...}` variables kept), matching the pipeline."""
        from .config import to_config

        if self._config is None:
            self._config = type(self).default_config
        config = to_config(self._config)
        config.setdefault("nlp", {})
        config.setdefault("training", {})
        config.setdefault("initialize", {})
        config["nlp"]["lang"] = self.lang
        components = {}
        score_weights: dict[str, float | None] = {}
        for name in self.component_names:
            pipe_config = dict(self._pipe_configs.get(name, {}))
            pipe_config.pop("factory", None)
            components[name] = {"factory": self._pipe_meta[name].factory, **pipe_config}
            score_weights.update(self._pipe_meta[name].default_score_weights or {})
        config["nlp"]["pipeline"] = list(self.component_names)
        config["nlp"]["disabled"] = list(self.disabled)
        config["components"] = components
        previous = config["training"].get("score_weights") or {}
        score_weights.update({k: v for k, v in previous.items() if k in score_weights})
        config["training"]["score_weights"] = score_weights
        init = config["initialize"].get("components")
        if isinstance(init, dict):
            config["initialize"]["components"] = {
                k: v for k, v in init.items() if k in self.component_names
            }
        self._config = config
        return config

    @config.setter
    def config(self, value: dict | Config) -> None:
        from .config import to_config

        self._config = to_config(value)

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

    # --- running --------------------------------------------------------------------------

    def make_doc(self, text: str) -> Doc:
        """Tokenize `text` into a Doc (no components run)."""
        if not isinstance(text, str):
            raise InputTypeError(Errors.E176.format(type=type(text).__name__))
        if len(text) > self.max_length:
            raise InputError(Errors.E177.format(length=len(text), max_length=self.max_length))
        return self.tokenizer(text)

    def _ensure_doc(self, doc_like: str | Doc | bytes) -> Doc:
        if isinstance(doc_like, str):
            return self.make_doc(doc_like)
        if isinstance(doc_like, Doc):
            return doc_like
        if isinstance(doc_like, bytes):
            return Doc(self.vocab).from_bytes(doc_like)
        raise InputTypeError(Errors.E176.format(type=type(doc_like).__name__))

    def __call__(
        self,
        text: str | Doc,
        *,
        disable: Iterable[str] = (),
        component_cfg: dict[str, dict[str, Any]] | None = None,
    ) -> Doc:
        """Run the pipeline on a text (or a Doc) and return the Doc."""
        doc = self._ensure_doc(text)
        component_cfg = component_cfg or {}
        for name, proc in self.pipeline:
            if name in disable:
                continue
            if not callable(proc):
                raise PipelineError(Errors.E178.format(name=name, type=type(proc).__name__))
            try:
                result = proc(doc, **component_cfg.get(name, {}))
            except Exception as e:  # noqa: BLE001 - the error handler decides
                self.default_error_handler(name, proc, [doc], e)
                continue
            doc = _check_doc(name, result)
        return doc

    def set_error_handler(self, error_handler: Callable[[str, Any, list, Exception], None]) -> None:
        """Set the function called as `handler(name, component, docs, error)` on failures."""
        if not callable(error_handler):
            raise InputTypeError(Errors.E179.format(type=type(error_handler).__name__))
        self.default_error_handler = error_handler
        for _name, proc in self._components:
            if hasattr(proc, "set_error_handler"):
                proc.set_error_handler(error_handler)

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        as_tuples: bool = False,
        batch_size: int | None = None,
        disable: Iterable[str] = (),
        component_cfg: dict[str, dict[str, Any]] | None = None,
        n_process: int = 1,
    ) -> Iterator[Any]:
        """Process a stream of texts lazily and in order; yield Docs (or `(Doc, context)`).

        Components with a `pipe` method get batches. `n_process > 1` (or -1 for every CPU)
        runs worker processes that get the pipeline once and send docs back as bytes, in
        input order; a worker's error is raised here as PipelineError E750-E752 (see
        `plait.parallel` and docs/parallel.md).
        """
        if batch_size is None:
            batch_size = self.batch_size
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InputError(Errors.E180.format(value=batch_size))
        if as_tuples:
            return self._pipe_tuples(texts, batch_size, disable, component_cfg, n_process)
        if n_process == -1:
            import os

            n_process = os.cpu_count() or 1
        if not isinstance(n_process, int) or n_process < 1:
            raise InputError(Errors.E181.format(value=n_process))
        if n_process > 1:
            from .parallel import multiprocessing_pipe

            return multiprocessing_pipe(self, texts, n_process, batch_size, disable, component_cfg)
        return self._pipe_local(texts, batch_size, disable, component_cfg)

    def _pipe_tuples(self, texts, batch_size, disable, component_cfg, n_process) -> Iterator:
        contexts: list[Any] = []

        def text_stream() -> Iterator[Any]:
            for item in texts:
                if not isinstance(item, tuple) or len(item) != 2:
                    raise InputError(Errors.E182.format(value=repr(item)[:80]))
                contexts.append(item[1])
                yield item[0]

        docs = self.pipe(
            text_stream(), batch_size=batch_size, disable=disable,
            component_cfg=component_cfg, n_process=n_process,
        )
        for i, doc in enumerate(docs):
            yield doc, contexts[i]
            contexts[i] = None

    def _pipe_local(self, texts, batch_size, disable, component_cfg) -> Iterator[Doc]:
        component_cfg = component_cfg or {}
        docs: Iterable[Doc] = (self._ensure_doc(text) for text in texts)
        for name, proc in self.pipeline:
            if name in disable:
                continue
            kwargs = dict(component_cfg.get(name, {}))
            kwargs.setdefault("batch_size", batch_size)
            docs = _apply_pipe(docs, name, proc, kwargs, self.default_error_handler)
        yield from docs

    # --- training (plait.language_training) -----------------------------------------------

    _optimizer: Any = None
    initialize = language_training.initialize
    begin_training = language_training.begin_training
    resume_training = language_training.resume_training
    update = language_training.update
    evaluate = language_training.evaluate
    create_optimizer = language_training.create_optimizer
    use_params = language_training.use_params
    replace_listeners = language_training.replace_listeners
    _link_components = language_training.link_components

    # --- building and saving --------------------------------------------------------------

    @classmethod
    def from_config(
        cls,
        config: dict | Config | None = None,
        *,
        vocab: Vocab | bool = True,
        disable: str | Iterable[str] = (),
        enable: str | Iterable[str] = (),
        exclude: str | Iterable[str] = (),
        meta: dict[str, Any] | None = None,
        auto_fill: bool = True,
        validate: bool = True,
    ) -> Language:
        """Build a pipeline from a config: the language, its tokenizer and every component.

        Resolves `[nlp]` and `[components]` only. See `plait.language_build.from_config`.
        """
        return language_build.from_config(
            cls, config or {}, vocab=vocab, disable=disable, enable=enable, exclude=exclude,
            meta=meta or {}, auto_fill=auto_fill, validate=validate,
        )

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize config, meta, vocab, tokenizer and components (`exclude`: part names)."""
        return language_io.to_bytes(self, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> Language:
        """Load what `to_bytes` wrote into this pipeline (built from the same config)."""
        return language_io.from_bytes(self, bytes_data, exclude)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the pipeline to a directory (config.cfg, meta.json, vocab/, one entry per part)."""
        language_io.to_disk(self, path, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = (),
                  overrides: dict[str, Any] | None = None) -> Language:
        """Load a directory written by `to_disk` into this pipeline."""
        return language_io.from_disk(self, path, exclude)

    def __reduce__(self):
        return (language_io.pipeline_from_bytes, language_io.reduce_args(self))


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


def _check_doc(name: str, result: Any) -> Doc:
    if not isinstance(result, Doc):
        raise PipelineError(Errors.E184.format(name=name, type=type(result).__name__))
    return result


def _apply_pipe(
    docs: Iterable[Doc], name: str, proc: Any, kwargs: dict, handler: Callable
) -> Iterator[Doc]:
    """Run one component over a stream of docs: its own `pipe` in batches, else per doc."""
    if hasattr(proc, "pipe"):
        try:
            for doc in proc.pipe(docs, **kwargs):
                yield _check_doc(name, doc)
        except PipelineError:
            raise
        except Exception as e:  # noqa: BLE001
            handler(name, proc, [], e)
        return
    kwargs = {k: v for k, v in kwargs.items() if k != "batch_size"}
    for doc in docs:
        try:
            result = proc(doc, **kwargs)
        except Exception as e:  # noqa: BLE001
            handler(name, proc, [doc], e)
            continue
        yield _check_doc(name, result)


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


def get_lang_class(lang: str) -> type[Language]:
    """Return the Language subclass for a code: registered (entry points too), or built in."""
    if not isinstance(lang, str) or not lang:
        raise InputTypeError(Errors.E186.format(value=lang))
    if lang in registry.languages:
        return registry.languages.get(lang)
    try:
        module = importlib.import_module(f".lang.{lang}", "plait")
    except ModuleNotFoundError as e:
        if e.name not in (f"plait.lang.{lang}", "plait.lang"):
            raise
        raise LookupFailed(
            Errors.E187.format(lang=lang, available=", ".join(sorted(_language_codes())))
        ) from e
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, Language) and value.lang == lang:
            set_lang_class(lang, value)
            return value
    raise LookupFailed(Errors.E188.format(lang=lang))


def set_lang_class(name: str, cls: type[Language]) -> None:
    """Register a Language subclass under a code (what `plait_languages` entry points do)."""
    registry.languages.register(name, func=cls)


def blank(
    name: str,
    *,
    vocab: Vocab | bool = True,
    config: dict | Config | None = None,
    meta: dict[str, Any] | None = None,
) -> Language:
    """Create a blank pipeline of a language: `plait.blank("en")`.

    With a `config`, the pipeline is built by `Language.from_config`; without one, the
    language's default config describes it, and the parsing of that config is skipped.
    """
    lang_cls = get_lang_class(name)
    if config:
        return lang_cls.from_config(config, vocab=vocab, meta=meta)
    extra = getattr(lang_cls.Defaults, "config", None)
    if extra:
        return lang_cls.from_config({}, vocab=vocab, meta=meta)
    return lang_cls(vocab=vocab, meta=meta)
