"""spaCy-compatible names (`spacy.util.registry`, `spacy.util.load_config`, ...), re-exported.

A thin shim only: each name lives in the module named for what it holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .config import CONFIG_SECTION_ORDER, copy_config, load_config, load_config_from_str
from .language import get_lang_class, set_lang_class
from .language_io import load_from_path as load_model_from_path
from .language_meta import minor_version_range as get_minor_version_range
from .packages import (
    get_installed_models,
    get_model_meta,
    get_package_path,
    get_package_version,
    is_compatible_version,
    is_package,
    load_model_from_init_py,
    load_model_from_package,
)
from .registry import registry

if TYPE_CHECKING:
    from .language import Language
    from .vocab import Vocab

__all__ = [
    "CONFIG_SECTION_ORDER", "copy_config", "get_installed_models", "get_lang_class",
    "get_minor_version_range", "get_model_meta", "get_package_path", "get_package_version",
    "is_compatible_version", "is_package", "load_config", "load_config_from_str",
    "load_model_from_config", "load_model_from_init_py", "load_model_from_package",
    "load_model_from_path", "registry", "set_lang_class",
]


def load_model_from_config(
    config: dict, *, vocab: Vocab | bool = True, disable: Iterable[str] = (),
    enable: Iterable[str] = (), exclude: Iterable[str] = (), meta: dict[str, Any] | None = None,
    auto_fill: bool = False, validate: bool = True,
) -> Language:
    """Build a pipeline from a config, with the language class its `[nlp] lang` names."""
    from .errors import ConfigError, Errors

    lang = (config.get("nlp") or {}).get("lang")
    if not lang:
        raise ConfigError(Errors.E197.format(sections=list(config)))
    return get_lang_class(lang).from_config(
        config, vocab=vocab, disable=disable, enable=enable, exclude=exclude, meta=meta,
        auto_fill=auto_fill, validate=validate,
    )
