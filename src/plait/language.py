"""Language: the pipeline object (`nlp`), made from a config of registered component factories.

`nlp.config` and `nlp.meta` always describe the pipeline exactly, so saving and loading gives
the same pipeline. Factories register with `@Language.factory` / `@Language.component`
(`plait.language_factories`); components are added and arranged with `add_pipe` and its
kin (`plait.language_pipes`); building from a config is in `from_config`; running is
`nlp(text)` and `nlp.pipe(texts)`, here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import language_training
from .errors import (
    Errors,
    InputError,
    InputTypeError,
    LookupFailed,
    PipelineError,
)
from .lang_defaults import BaseDefaults, create_vocab
from .language_factories import (  # noqa: F401 - _language_codes & co. are imported from here
    FactoryRegistration,
    _builtin_language_codes,
    _language_codes,
    _unknown_factory,
)
from .language_meta import META_DEFAULTS, FactoryMeta, minor_version_range, validate_meta
from .language_pipes import DisabledPipes, PipelineManagement
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


class Language(FactoryRegistration, PipelineManagement):
    """A text-processing pipeline: a tokenizer, then components in order."""

    lang: str | None = None
    Defaults: type[BaseDefaults] = BaseDefaults
    default_config = _DefaultConfig()

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
        from . import language_build

        return language_build.from_config(
            cls, config or {}, vocab=vocab, disable=disable, enable=enable, exclude=exclude,
            meta=meta or {}, auto_fill=auto_fill, validate=validate,
        )

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize config, meta, vocab, tokenizer and components (`exclude`: part names)."""
        from . import language_io

        return language_io.to_bytes(self, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> Language:
        """Load what `to_bytes` wrote into this pipeline (built from the same config)."""
        from . import language_io

        return language_io.from_bytes(self, bytes_data, exclude)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the pipeline to a directory (config.cfg, meta.json, vocab/, one entry per part)."""
        from . import language_io

        language_io.to_disk(self, path, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = (),
                  overrides: dict[str, Any] | None = None) -> Language:
        """Load a directory written by `to_disk` into this pipeline."""
        from . import language_io

        return language_io.from_disk(self, path, exclude)

    def __reduce__(self):
        from . import language_io

        return (language_io.pipeline_from_bytes, language_io.reduce_args(self))


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
