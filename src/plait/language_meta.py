"""What a pipeline says about itself: factory meta (`FactoryMeta`) and `nlp.meta` fields."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .about import __version__
from .errors import ConfigError, Errors


@dataclass
class FactoryMeta:
    """What a registered factory declares: its default config, what it assigns and needs."""

    factory: str
    default_config: dict[str, Any] | None = None
    assigns: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    retokenizes: bool = False
    scores: list[str] = field(default_factory=list)
    default_score_weights: dict[str, float | None] | None = None
    # the module that registered the factory (imported by worker processes of nlp.pipe)
    module: str | None = None


def minor_version_range(version: str = __version__) -> str:
    """Return the range of versions that can read what `version` writes: `>=0.1.0,<0.2.0`."""
    parts = version.split(".")
    major, minor = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    return f">={major}.{minor}.0,<{major}.{minor + 1}.0"


# field -> expected type(s), for the fields users set by hand
_META_TYPES: dict[str, type | tuple[type, ...]] = {
    "lang": (str, type(None)), "name": str, "version": str, "plait_version": str, "description": str,
    "author": str, "email": str, "url": str, "license": str, "sources": list,
    "pipeline": list, "components": list, "disabled": list, "labels": dict,
    "performance": dict,
}

META_DEFAULTS: dict[str, Any] = {
    "name": "pipeline", "version": "0.0.0", "description": "", "author": "", "email": "",
    "url": "", "license": "", "sources": [], "performance": {},
}


def validate_meta(meta: Any) -> dict[str, Any]:
    """Check that `meta` is a JSON-serializable dict whose known fields have their types."""
    if not isinstance(meta, dict):
        raise ConfigError(Errors.E158.format(type=type(meta).__name__))
    for key, expected in _META_TYPES.items():
        if key in meta and not isinstance(meta[key], expected):
            names = expected.__name__ if isinstance(expected, type) else expected
            raise ConfigError(Errors.E159.format(key=key, expected=names, value=meta[key]))
    try:
        json.dumps(meta)
    except (TypeError, ValueError) as e:
        raise ConfigError(Errors.E160.format(reason=e)) from e
    return meta
