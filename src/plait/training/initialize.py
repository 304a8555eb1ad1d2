"""`init_nlp`: a pipeline ready to train, from a config (spaCy's lifecycle).

Validates and seeds, builds the pipeline with `Language.from_config`, resolves `[training]`
and the corpora it names, initializes every component that is neither frozen nor sourced
(on the training corpus), and resumes the sourced ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import config_error, copy_config, to_config
from ..errors import ConfigError, Errors, Warnings, warn
from ..registry import registry

if TYPE_CHECKING:
    from confection import Config

    from ..language import Language

# [training] blocks the default config leaves out, with the values spaCy uses
TRAINING_DEFAULTS: dict[str, Any] = {
    "optimizer": {"@optimizers": "Adam.v1", "learn_rate": 0.005},
    "batcher": {"@batchers": "plait.batch_by_words.v1", "size": 1000, "tolerance": 0.2,
                "discard_oversize": False},
    "logger": {"@loggers": "plait.ConsoleLogger.v1"},
}
_INT_SETTINGS = ("max_steps", "max_epochs", "eval_frequency", "patience",
                 "accumulate_gradient")


def _load_registrations() -> None:
    from .. import ml  # noqa: F401
    from . import batchers, corpus, loggers  # noqa: F401  (register their functions)


def resolve_training(config: dict | Config) -> dict[str, Any]:
    """The resolved `[training]` section (defaults filled, values checked: E575)."""
    _load_registrations()
    config = to_config(config)
    interpolated = config if config.is_interpolated else config.interpolate()
    section = dict(copy_config(interpolated.get("training") or {}))
    for key, value in TRAINING_DEFAULTS.items():
        section.setdefault(key, copy_config(value))
    try:
        resolved = registry.resolve({"training": section}, validate=False)["training"]
    except Exception as e:
        raise config_error(e, "[training]") from e
    for key in _INT_SETTINGS:
        value = resolved.get(key, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ConfigError(Errors.E575.format(key=key, value=value,
                                                 reason="use an int >= 0"))
    if resolved.get("eval_frequency", 1) == 0:
        raise ConfigError(Errors.E575.format(key="eval_frequency", value=0,
                                             reason="use an int >= 1"))
    dropout = resolved.get("dropout", 0.0)
    if not isinstance(dropout, (int, float)) or not 0.0 <= dropout < 1.0:
        raise ConfigError(Errors.E575.format(key="dropout", value=dropout,
                                             reason="use a float from 0 to 1"))
    return resolved


def resolve_corpus(config: dict | Config, dot_name: str) -> Any:
    """The reader a dotted name such as "corpora.train" points to (E577 if undefined)."""
    _load_registrations()
    config = to_config(config)
    interpolated = config if config.is_interpolated else config.interpolate()
    section, _, key = dot_name.partition(".")
    block = (interpolated.get(section) or {}).get(key)
    if not isinstance(block, dict):
        available = list(interpolated.get(section) or {})
        raise ConfigError(Errors.E577.format(key=dot_name, available=available))
    try:
        return registry.resolve({"corpus": copy_config(block)}, validate=False)["corpus"]
    except Exception as e:
        raise config_error(e, f"[{dot_name}]") from e


def init_nlp(config: dict | Config, *, use_gpu: int = -1) -> Language:
    """Build and initialize the pipeline a training config describes."""
    from ..ml.rng import fix_random_seed
    from ..util import load_model_from_config

    _load_registrations()
    raw = to_config(config)
    nlp = load_model_from_config(raw, auto_fill=True, validate=True)
    interpolated = nlp.config.interpolate()
    seed = (interpolated.get("training") or {}).get("seed")
    # weights are allocated by nlp.initialize below, so seeding here fixes them all
    fix_random_seed(0 if seed is None else int(seed))
    T = resolve_training(nlp.config)
    pipeline = nlp.pipe_names
    for setting in ("frozen_components", "annotating_components"):
        for name in T.get(setting) or []:
            if name not in nlp.component_names:
                raise ConfigError(Errors.E576.format(name=name, setting=setting,
                                                     pipeline=pipeline))
    components = interpolated.get("components") or {}
    sourced = [n for n in nlp.component_names if "source" in (components.get(n) or {})]
    frozen = list(T.get("frozen_components") or [])
    train_corpus = resolve_corpus(nlp.config, T.get("train_corpus", "corpora.train"))
    optimizer = T["optimizer"]
    skip = [n for n in {*frozen, *sourced} if n in nlp.pipe_names]
    if skip:
        with nlp.select_pipes(disable=skip):
            nlp.initialize(lambda: train_corpus(nlp), sgd=optimizer)
    else:
        nlp.initialize(lambda: train_corpus(nlp), sgd=optimizer)
    resume = [n for n in sourced if n not in frozen and n in nlp.pipe_names]
    if resume:
        with nlp.select_pipes(enable=resume):
            nlp.resume_training(sgd=optimizer)
    nlp._link_components()
    _warn_frozen_listeners(nlp, frozen)
    return nlp


def _warn_frozen_listeners(nlp: Language, frozen: list[str]) -> None:
    for name, proc in nlp.components:
        listening = getattr(proc, "listening_components", None)
        if listening and name not in frozen:
            for other in listening:
                if other in frozen:
                    warn(Warnings.W103.format(name=other))
