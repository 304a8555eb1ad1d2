"""plait: language-processing pipelines with safe, fast saving and loading."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import pipeline  # noqa: F401 - registers the built-in components' factories (lazily)
from .about import __version__
from .language import Language, blank
from .lazy_exports import lazy_exports
from .registry import registry
from .strings import StringStore
from .tokenizer import Tokenizer  # also registers "plait.Tokenizer.v1"
from .tokens import Doc
from .vocab import Vocab

if TYPE_CHECKING:
    from . import util
    from .loading import check_compatibility, from_bytes, load
    from .packages import info
    from .tokens import DocBin

# Public names imported on first use (`plait.load`, `from plait import DocBin`): loading
# pipelines, package metadata and DocBin pull in modules that `import plait` and
# `plait.blank()` do not need.
_getattr, _dir = lazy_exports(
    __name__,
    {
        "check_compatibility": "loading",
        "from_bytes": "loading",
        "load": "loading",
        "info": "packages",
        "DocBin": "tokens",
    },
    globals(),
)


def __getattr__(name: str) -> Any:
    if name == "util":  # a submodule: importing it sets `plait.util`
        return importlib.import_module(".util", __name__)
    return _getattr(name)


def __dir__() -> list[str]:
    return sorted(set(_dir()) | {"util"})


__all__ = [
    "Doc",
    "DocBin",
    "Language",
    "StringStore",
    "Tokenizer",
    "Vocab",
    "__version__",
    "blank",
    "check_compatibility",
    "from_bytes",
    "info",
    "load",
    "registry",
    "util",
]
