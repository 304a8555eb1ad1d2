"""Dutch punctuation rules: "'s" is part of the word ("auto's", "foto's"), hyphens join words.

Dutch writes the plural and genitive of words ending in a vowel with an apostrophe, so the
shared rule that splits off English "'s" is left out, and hyphenated compounds
("Noord-Holland", "e-mail") stay whole.
"""

from __future__ import annotations

from ..char_classes import HYPHENS
from ..punctuation import TOKENIZER_INFIXES as BASE_INFIXES
from ..punctuation import TOKENIZER_SUFFIXES as BASE_SUFFIXES

_APOSTROPHE_S = {"'s", "'S", "’s", "’S"}

TOKENIZER_SUFFIXES: list[str] = [piece for piece in BASE_SUFFIXES if piece not in _APOSTROPHE_S]
TOKENIZER_INFIXES: list[str] = [piece for piece in BASE_INFIXES if f"(?:{HYPHENS})" not in piece]
