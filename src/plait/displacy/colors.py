"""Label colours for the visualizer: defaults, installed packages' entries, user options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import Errors, InputTypeError
from ..registry import registry

DEFAULT_LABEL_COLOR = "#dcdcdc"

# One light colour per common entity label (OntoNotes and CoNLL names), readable under
# dark text.
DEFAULT_COLORS: dict[str, str] = {
    "PERSON": "#c5b3ff",
    "PER": "#c5b3ff",
    "NORP": "#ffc9a3",
    "FAC": "#d8c4a0",
    "ORG": "#8fe3d6",
    "GPE": "#ffd56b",
    "LOC": "#ffe699",
    "PRODUCT": "#b8d8ff",
    "EVENT": "#ffb3c7",
    "WORK_OF_ART": "#f5b8f0",
    "LAW": "#e0c6a8",
    "LANGUAGE": "#c8f0a0",
    "DATE": "#b9ef8f",
    "TIME": "#a8e6a8",
    "PERCENT": "#e8d4a8",
    "MONEY": "#d6ec9c",
    "QUANTITY": "#d0e8c0",
    "ORDINAL": "#e0e0b8",
    "CARDINAL": "#e4d8b0",
    "MISC": "#e6d3ff",
}


def entry_point_colors() -> dict[str, str]:
    """Colours from the `displacy_colors` registry (entry-point group plait_displacy_colors)."""
    colors: dict[str, str] = {}
    for name, entry in sorted(registry.displacy_colors.get_all().items()):
        value = entry() if callable(entry) and not isinstance(entry, Mapping) else entry
        if not isinstance(value, Mapping):
            raise InputTypeError(Errors.E507.format(name=name, type=type(value).__name__))
        colors.update({str(k): str(v) for k, v in value.items()})
    return colors


def label_colors(options: Mapping[str, Any]) -> dict[str, str]:
    """Colours by label: defaults, then registered entries, then `options["colors"]`."""
    user = options.get("colors") or {}
    if not isinstance(user, Mapping) or not all(isinstance(v, str) for v in user.values()):
        raise InputTypeError(Errors.E505.format(
            option="colors", expected="a dict of label -> CSS colour string", value=user,
            type=type(user).__name__,
        ))
    colors = dict(DEFAULT_COLORS)
    colors.update(entry_point_colors())
    colors.update({k.upper(): v for k, v in user.items()})
    return colors
