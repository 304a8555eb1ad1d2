"""plait: language-processing pipelines with safe, fast saving and loading."""

from .about import __version__
from .language import Language, blank
from .strings import StringStore
from .tokens import Doc
from .vocab import Vocab

__all__ = ["__version__", "Language", "blank", "StringStore", "Vocab", "Doc"]
