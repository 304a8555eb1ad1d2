"""Building pipelines from configs: `Language.from_config`, `create_pipe`, sourced components."""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import typing
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import config_fastpath as fast
from .config import (
    UNRESOLVED_SECTIONS,
    config_error,
    copy_config,
    merge_configs,
    to_config,
)
from .errors import (
    ConfigError,
    Errors,
    InputTypeError,
    LookupFailed,
    PipelineError,
    Warnings,
    warn,
)
from .language_meta import FactoryMeta
from .registry import registry

if TYPE_CHECKING:
    from .language import Language
    from .vocab import Vocab

_NLP_KEYS = {
    "lang": (str, type(None)), "pipeline": list, "disabled": list, "enabled": list,
    "tokenizer": Callable, "vectors": object, "before_creation": (Callable, type(None)),
    "after_creation": (Callable, type(None)), "after_pipeline_creation": (Callable, type(None)),
    "batch_size": int,
}


def _is_promise(value: Any) -> bool:
    return isinstance(value, dict) and any(str(k).startswith("@") for k in value)


def _check_factory_args(func: Callable, config: dict, section: str) -> None:
    """Check a component's config against its factory's signature (names, types, required)."""
    from confection.validation import validate_type

    params = inspect.signature(func).parameters
    try:
        hints = typing.get_type_hints(func.__init__ if isinstance(func, type) else func)
    except Exception:  # noqa: BLE001 - unresolvable annotations are not checked
        hints = {}
    takes_kwargs = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    known = [n for n in params if n not in ("nlp", "name")]
    for key, value in config.items():
        if key not in params and not takes_kwargs:
            raise ConfigError(Errors.E189.format(section=section, key=key, known=known))
        hint = hints.get(key)
        if hint is not None and not _is_promise(value) and validate_type(value, hint):
            expected = getattr(hint, "__name__", None) or str(hint).replace("typing.", "")
            raise ConfigError(
                Errors.E190.format(section=section, key=key, expected=expected, value=value)
            )
    for key, param in params.items():
        if key in ("nlp", "name") or param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL):
            continue
        if param.default is inspect.Parameter.empty and key not in config:
            raise ConfigError(Errors.E191.format(section=section, key=key))


def create_pipe(
    nlp: Language, factory_name: str, name: str, config: dict, raw_config: dict | None,
    validate: bool,
) -> Any:
    """Create the component `name` from a factory; record its filled config and meta."""
    if not isinstance(config, dict):
        raise InputTypeError(Errors.E192.format(name=name, type=type(config).__name__))
    try:
        json.dumps(config)
    except (TypeError, ValueError) as e:
        raise ConfigError(Errors.E193.format(name=name, reason=e)) from e
    internal = nlp._internal_factory_name(factory_name)
    if internal is None:
        from .language import _unknown_factory

        raise LookupFailed(_unknown_factory(type(nlp), factory_name))
    meta = type(nlp)._factory_meta.get(internal) or FactoryMeta(factory=factory_name)
    made = _create_plain_pipe(nlp, factory_name, internal, name, config, raw_config,
                              meta.default_config or {})
    if made is not None:
        proc, nlp._pipe_configs[name] = made
        nlp._pipe_meta[name] = meta
        return proc
    from confection import ConfigValidationError

    merged = merge_configs(meta.default_config or {}, config)
    section = f"components.{name}"
    func = registry.factories.get(internal)
    if validate:
        _check_factory_args(func, merged, f"[{section}]")
    block = {"nlp": nlp, "name": name, **merged, "@factories": internal}
    try:
        proc = registry.resolve({"cfg": block}, validate=validate)["cfg"]
        filled = registry.fill({"cfg": block}, validate=False)["cfg"]
    except ConfigValidationError as e:
        raise config_error(e, f"[{section}]") from e
    filled = {k: v for k, v in filled.items() if k not in ("nlp", "name", "@factories")}
    filled = to_config({"factory": factory_name, **copy_config(filled)})
    if raw_config:
        filled = filled.merge(raw_config)
    nlp._pipe_configs[name] = filled
    nlp._pipe_meta[name] = meta
    return proc


def _create_plain_pipe(
    nlp: Language, factory_name: str, internal: str, name: str, config: dict,
    raw_config: dict | None, default_config: dict,
) -> tuple[Any, dict] | None:
    """Create a component whose settings are plain, without confection; None otherwise.

    Gives what the confection path gives (the component, its filled settings) when every
    setting plainly matches its factory's signature; anything else is left to that path,
    which also raises the coded errors (see `plait.config_fastpath`).
    """
    plain = (config, default_config, raw_config or {})
    if not all(fast.is_plain_dict(part) for part in plain):
        return None
    merged = fast.merge(default_config, config)
    if fast.has_variables(merged) or fast.has_variables(raw_config or {}):
        return None
    made = fast.resolve({**merged, "@factories": internal}, registry,
                        extra={"nlp": nlp, "name": name})
    if made is None:
        return None
    proc, filled = made
    filled.pop("@factories")
    filled = {"factory": factory_name, **filled}
    if raw_config:
        filled = fast.merge(filled, raw_config)
    return proc, filled


def pipe_from_source(nlp: Language, source_name: str, source: Language, name: str) -> tuple:
    """Copy the component `source_name` of pipeline `source` (its strings come along)."""
    from .language import Language

    if not isinstance(source, Language):
        raise InputTypeError(Errors.E194.format(type=type(source).__name__))
    if source_name not in source.component_names:
        raise LookupFailed(
            Errors.E195.format(name=source_name, opts=source.component_names)
        )
    if source.vocab is not nlp.vocab:
        if len(source.vocab.vectors) and (
            source.vocab.vectors.to_bytes() != nlp.vocab.vectors.to_bytes()
        ):
            warn(Warnings.W031.format(name=name), stacklevel=4)
        nlp.vocab.strings.add_many(list(source.vocab.strings))
    proc = source.get_pipe(source_name)
    raw = source.config.interpolate()["components"][source_name]
    nlp._pipe_configs[name] = to_config(copy_config(raw))
    nlp._pipe_meta[name] = source.get_pipe_meta(source_name)
    return proc, nlp._pipe_meta[name].factory


def _as_list(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _resolve_nlp_section(section: dict, validate: bool) -> dict:
    from confection import ConfigValidationError

    try:
        resolved = registry.resolve({"nlp": section}, validate=validate)["nlp"]
    except ConfigValidationError as e:
        raise config_error(e, "[nlp]") from e
    if validate:
        _check_nlp_keys(resolved)
    return resolved


def _check_nlp_keys(resolved: dict) -> None:
    """Check the keys of a resolved [nlp] section and the types of their values."""
    for key, value in resolved.items():
        if key not in _NLP_KEYS:
            raise ConfigError(Errors.E189.format(section="[nlp]", key=key, known=list(_NLP_KEYS)))
        expected = _NLP_KEYS[key]
        ok = callable(value) if expected is Callable else (
            (value is None or callable(value)) if expected == (Callable, type(None))
            else isinstance(value, expected) and not isinstance(value, bool)
        )
        if not ok:
            shown = getattr(expected, "__name__", str(expected))
            raise ConfigError(
                Errors.E190.format(section="[nlp]", key=key, expected=shown, value=value)
            )


def _load_source(model: Any, vocab: Vocab) -> Language:
    """Load a pipeline named by a `source =` setting: a saved directory or an installed package."""
    from .language import Language
    from .language_io import load_from_path

    if isinstance(model, Language):
        return model
    if isinstance(model, (str, Path)) and Path(model).is_dir():
        return load_from_path(Path(model))
    if isinstance(model, str):
        try:
            module = importlib.import_module(model)
        except ImportError as e:
            raise LookupFailed(Errors.E196.format(source=model)) from e
        if hasattr(module, "load"):
            return module.load()
    raise LookupFailed(Errors.E196.format(source=model))


def _prepare(cls: type[Language], config: dict, auto_fill: bool, validate: bool) -> tuple:
    """(config, filled config, interpolated config, resolved [nlp]) through confection."""
    from confection import ConfigValidationError

    config = merge_configs(cls.default_config, config) if auto_fill else to_config(config)
    if "nlp" not in config:
        raise ConfigError(Errors.E197.format(sections=list(config)))
    config_lang = config["nlp"].get("lang")
    if config_lang is not None and config_lang != cls.lang:
        raise ConfigError(Errors.E198.format(given=config_lang, lang=cls.lang, cls=cls.__name__))
    config = copy_config(config)
    config["nlp"]["lang"] = cls.lang
    # [components] and the training-time sections are carried along, never resolved here
    kept = {key: config.pop(key) for key in UNRESOLVED_SECTIONS if key in config}
    try:
        filled = registry.fill(config, validate=validate) if auto_fill else config
    except ConfigValidationError as e:
        raise config_error(e, "[nlp]") from e
    filled = to_config(filled, is_interpolated=config.is_interpolated)
    for key, value in kept.items():
        filled[key] = value
    try:
        interpolated = filled if filled.is_interpolated else filled.interpolate()
    except (ConfigValidationError, ValueError, KeyError) as e:
        raise config_error(e, "config") from e
    resolved = _resolve_nlp_section(interpolated["nlp"], validate)
    return config, filled, interpolated, resolved


@functools.cache
def _parsed_default_config() -> dict | None:
    """plait's default config text as plain dicts (parsed once; never handed out uncopied)."""
    from .config import DEFAULT_CONFIG_STR

    return fast.parse_config_text(DEFAULT_CONFIG_STR)


def _plain_default_config(cls: type[Language]) -> dict | None:
    """`cls.default_config` as plain dicts, read without confection (None if not plain)."""
    parsed = _parsed_default_config()
    if parsed is None:
        return None
    config = fast.copy_plain(parsed)
    config["nlp"]["lang"] = cls.lang
    extra = getattr(cls.Defaults, "config", None)
    if extra:
        if not fast.is_plain_dict(extra):
            return None
        config = fast.merge(config, extra)
    return config


def _prepare_plain(cls: type[Language], config: dict, auto_fill: bool, validate: bool
                   ) -> tuple | None:
    """What `_prepare` returns, for a plain config, without confection (else None).

    Plain: JSON data, no `${...}` variables in the sections that are resolved or in
    [components], registered functions only in [nlp], and every pipeline entry a factory
    (not a `source`). Anything else, including every error, is left to `_prepare`.
    """
    if not fast.is_plain_dict(config):
        return None
    if auto_fill:
        defaults = _plain_default_config(cls)
        if defaults is None:
            return None
        config = fast.merge(defaults, config)
    else:
        config = fast.copy_plain(config)
    nlp_section = config.get("nlp")
    if type(nlp_section) is not dict or nlp_section.get("lang") not in (None, cls.lang):
        return None
    nlp_section["lang"] = cls.lang
    components = config.get("components") or {}
    pipeline = nlp_section.get("pipeline")
    if type(components) is not dict or type(pipeline) is not list or not all(
        type(name) is str and type(components.get(name)) is dict
        and "factory" in components[name] for name in pipeline
    ):
        return None
    resolved_part = {k: v for k, v in config.items() if k not in UNRESOLVED_SECTIONS}
    if fast.has_variables(resolved_part) or fast.has_variables(components):
        return None
    if not fast.variables_resolve(config):
        return None  # confection's interpolation raises the coded error
    if any(type(v) is not dict or fast.has_promises(v)
           for k, v in resolved_part.items() if k != "nlp"):
        return None
    done = fast.fill_section(nlp_section, registry)
    if done is None:
        return None
    resolved, filled_nlp = done
    if validate:
        try:
            _check_nlp_keys(resolved)
        except ConfigError:
            return None  # `_prepare` raises it, after confection's own checks
    filled = dict(config)
    if auto_fill:
        filled["nlp"] = filled_nlp
    return config, filled, config, resolved


def from_config(
    cls: type[Language], config: dict, *, vocab: Vocab | bool, disable: str | Iterable[str],
    enable: str | Iterable[str], exclude: str | Iterable[str], meta: dict, auto_fill: bool,
    validate: bool,
) -> Language:
    """Build a pipeline of class `cls` from a config (see `Language.from_config`)."""
    from .language import Language

    disable, enable, exclude = _as_list(disable), _as_list(enable), _as_list(exclude)
    prepared = _prepare_plain(cls, config, auto_fill, validate)
    if prepared is None:
        prepared = _prepare(cls, config, auto_fill, validate)
    # both ways check [nlp] (E197) and its lang (E198), and set the lang to cls.lang
    config, filled, interpolated, resolved = prepared
    plain = not hasattr(filled, "interpolate")
    lang_cls = cls
    if resolved.get("before_creation") is not None:
        lang_cls = resolved["before_creation"](cls)
        if not (isinstance(lang_cls, type) and issubclass(lang_cls, cls)):
            raise ConfigError(Errors.E199.format(value=lang_cls))
    nlp = lang_cls(vocab=vocab, create_tokenizer=resolved["tokenizer"], meta=meta)
    if resolved.get("after_creation") is not None:
        nlp = resolved["after_creation"](nlp)
        if not isinstance(nlp, Language):
            raise ConfigError(Errors.E200.format(name="after_creation", type=type(nlp).__name__))
    components = interpolated.get("components") or {}
    raw_components = filled.get("components") or {}
    sources: dict[str, Language] = {}
    for pipe_name in config["nlp"]["pipeline"]:
        if pipe_name not in components:
            raise ConfigError(Errors.E201.format(name=pipe_name, opts=list(components)))
        if pipe_name in exclude:
            continue
        pipe_cfg = dict(fast.copy_plain(components[pipe_name]) if plain
                        else copy_config(components[pipe_name]))
        if "factory" in pipe_cfg:
            factory = pipe_cfg.pop("factory")
            raw = dict(raw_components[pipe_name])
            raw.pop("factory", None)
            nlp.add_pipe(factory, name=pipe_name, config=pipe_cfg, validate=validate,
                         raw_config=raw if plain else to_config(raw, is_interpolated=False))
        elif "source" in pipe_cfg:
            model = pipe_cfg["source"]
            key = str(model)
            if key not in sources:
                sources[key] = _load_source(model, nlp.vocab)
            source_name = pipe_cfg.get("component", pipe_name)
            nlp.add_pipe(source_name, name=pipe_name, source=sources[key])
        else:
            raise ConfigError(Errors.E202.format(name=pipe_name))
    pipeline = config["nlp"]["pipeline"]
    if enable:
        to_disable = [name for name in pipeline if name not in enable]
        if disable and not set(disable) <= set(to_disable):
            raise PipelineError(Errors.E175.format(enable=enable, disable=disable))
        disabled = to_disable
    else:
        disabled = [*disable, *config["nlp"].get("disabled", [])]
    nlp._disabled = {name for name in disabled if name in nlp.component_names}
    nlp.batch_size = resolved.get("batch_size", nlp.batch_size)
    nlp._config = filled
    if resolved.get("after_pipeline_creation") is not None:
        nlp = resolved["after_pipeline_creation"](nlp)
        if not isinstance(nlp, Language):
            raise ConfigError(
                Errors.E200.format(name="after_pipeline_creation", type=type(nlp).__name__)
            )
    return nlp
