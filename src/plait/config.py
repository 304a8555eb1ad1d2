"""Config helpers over confection: loading, copying, the default config and its section order.

A config is data (sections, `${section.key}` variables, `@registry` references); nothing in
it is ever executed. confection is imported on first use, so `import plait` stays fast.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, Errors, FormatError

if TYPE_CHECKING:
    from confection import Config

# One fixed order of sections on output, so a saved config is stable byte for byte.
CONFIG_SECTION_ORDER = [
    "paths", "variables", "system", "nlp", "components", "corpora", "training", "pretraining",
    "initialize",
]

# Sections that Language.from_config never resolves (only carries along).
UNRESOLVED_SECTIONS = ("components", "corpora", "training", "pretraining", "initialize")

DEFAULT_CONFIG_STR = """
[paths]
train = null
dev = null
vectors = null
init_tok2vec = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = null
# Component names, in order; each one is a [components.NAME] section
pipeline = []
# Components that are loaded but do not run until enabled
disabled = []
# Callbacks (registry.callbacks) that may modify the class, the new object, the pipeline
before_creation = null
after_creation = null
after_pipeline_creation = null
# Default batch size of nlp.pipe
batch_size = 1000

[nlp.tokenizer]
@tokenizers = "plait.Tokenizer.v1"

[components]

[corpora]

[training]
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = 0.1
accumulate_gradient = 1
patience = 1600
max_epochs = 0
max_steps = 20000
eval_frequency = 200
score_weights = {}
frozen_components = []
annotating_components = []
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
before_to_disk = null
before_update = null

[initialize]
vectors = ${paths.vectors}
init_tok2vec = ${paths.init_tok2vec}
vocab_data = null
lookups = null
# Arguments of the tokenizer's and of each component's initialize method
tokenizer = {}
components = {}
before_init = null
after_init = null
"""

_DEFAULT: Config | None = None


def _config_class() -> type[Config]:
    from confection import Config

    return Config


def _wrap_confection_error(err: Exception, source: str) -> ConfigError:
    return ConfigError(Errors.E153.format(source=source, reason=" ".join(str(err).split())))


def default_config() -> Config:
    """Return a copy of plait's default config (uninterpolated, with its variables)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_config_from_str(DEFAULT_CONFIG_STR)
    return copy_config(_DEFAULT)


def load_config_from_str(
    text: str, overrides: dict[str, Any] | None = None, interpolate: bool = False
) -> Config:
    """Parse a config string; variables stay as `${...}` unless `interpolate=True`.

    `overrides` maps dotted paths (`"nlp.batch_size"`) to values. A malformed config is a
    `ConfigError` (E153).
    """
    from confection import ConfigValidationError

    Config = _config_class()
    try:
        config = Config(section_order=CONFIG_SECTION_ORDER).from_str(
            text, interpolate=interpolate, overrides=overrides or {}
        )
    except (ConfigValidationError, ValueError, KeyError) as e:
        raise _wrap_confection_error(e, "<string>") from e
    return to_config(config)


def load_config(
    path: str | Path, overrides: dict[str, Any] | None = None, interpolate: bool = False
) -> Config:
    """Read a `config.cfg` file (`"-"` reads standard input)."""
    import sys

    if str(path) == "-":
        text = sys.stdin.read()
    else:
        path = Path(path)
        if not path.is_file():
            raise FormatError(Errors.E154.format(path=path))
        try:
            text = path.read_text(encoding="utf8")
        except (OSError, UnicodeDecodeError) as e:
            raise FormatError(Errors.E155.format(path=path, reason=e)) from e
    try:
        return load_config_from_str(text, overrides=overrides, interpolate=interpolate)
    except ConfigError as e:
        raise ConfigError(str(e).replace("<string>", str(path), 1)) from e.__cause__


def copy_config(config: dict | Config) -> Config:
    """Deep-copy a config (a `Config` keeps its interpolation state and section order)."""
    Config = _config_class()
    try:
        if isinstance(config, Config):
            return to_config(config.copy())
        return to_config(copy.deepcopy(config))
    except (TypeError, copy.Error) as e:
        raise ConfigError(Errors.E156.format(reason=e)) from e


def to_config(data: dict | Config, is_interpolated: bool | None = None) -> Config:
    """Return `data` as a `Config` with plait's section order (no copy of the values)."""
    Config = _config_class()
    if is_interpolated is None and isinstance(data, Config):
        is_interpolated = data.is_interpolated
    elif is_interpolated is None:
        # plain dicts (as read by plait.config_fastpath) may keep ${...} variables
        from .config_fastpath import has_variables

        is_interpolated = not has_variables(data)
    return Config(
        ordered_sections(data), section_order=CONFIG_SECTION_ORDER, is_interpolated=is_interpolated
    )


def ordered_sections(data: dict) -> dict:
    """Return `data` with its top-level sections in `CONFIG_SECTION_ORDER` (others after)."""
    rank = {name: i for i, name in enumerate(CONFIG_SECTION_ORDER)}
    keys = sorted(data, key=lambda k: rank.get(k, len(rank)))
    return {key: data[key] for key in keys}


def merge_configs(defaults: dict | Config, updates: dict | Config) -> Config:
    """Deep-merge `updates` over `defaults` (a block naming another function is replaced)."""
    return to_config(to_config(defaults).merge(updates))


def config_error(err: Exception, section: str) -> ConfigError:
    """Translate a confection validation error into a coded `ConfigError` naming the keys."""
    problems = []
    for item in getattr(err, "errors", None) or []:
        loc = " -> ".join(str(p) for p in item.get("loc", []))
        problems.append(f"{loc}: {item.get('msg')}" if loc else str(item.get("msg")))
    if not problems:
        problems.append(" ".join(str(err).split()))
    return ConfigError(Errors.E157.format(section=section, problems="; ".join(problems)))
