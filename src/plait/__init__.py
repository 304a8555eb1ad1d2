"""plait: language-processing pipelines with safe, fast saving and loading."""

from . import pipeline  # registers the built-in components' factories (lazily)
from . import util
from .about import __version__
from .language import Language, blank
from .loading import check_compatibility, from_bytes, load
from .packages import info
from .registry import registry
from .strings import StringStore
from .tokenizer import Tokenizer  # also registers "plait.Tokenizer.v1"
from .tokens import Doc, DocBin
from .vocab import Vocab

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
