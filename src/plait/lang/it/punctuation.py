"""Italian punctuation rules: elided articles and prepositions ("l'amico", "dell'anno").

The elided word keeps its apostrophe and becomes its own token: "dall'Italia" -> "dall'",
"Italia"; "c'è" -> "c'", "è". Words that end in an apostrophe ("po'") are exceptions.
"""

from __future__ import annotations

from ..char_classes import ALPHA
from ..punctuation import TOKENIZER_PREFIXES as BASE_PREFIXES

APOSTROPHES = "'’"
# Articles, articulated prepositions, pronouns and adjectives that drop their final vowel.
ELIDED_WORDS = [
    "l", "un", "dell", "all", "dall", "nell", "sull", "coll", "pell", "quell", "quest",
    "bell", "buon", "sant", "grand", "c", "d", "m", "t", "s", "v", "n", "gl", "tutt", "senz",
    "com", "dov", "anch", "cos", "mezz", "nient", "quand", "dev", "ch", "qual",
]

_ELISION = rf"(?i:{'|'.join(ELIDED_WORDS)})[{APOSTROPHES}](?=[{ALPHA}])"

TOKENIZER_PREFIXES: list[str] = [_ELISION, *BASE_PREFIXES]
