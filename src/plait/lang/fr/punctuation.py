"""French punctuation rules: elision (l', qu', jusqu') and hyphenated inversions (a-t-il).

Elided words are split off the front of a word ("l'homme" -> "l'", "homme"), a pronoun
after a verb off its end ("dit-elle" -> "dit", "-elle"; "a-t-il" -> "a", "-t-il"). Other
hyphenated words stay whole ("peut-être", "arc-en-ciel", "vingt-trois").
"""

from __future__ import annotations

from ..char_classes import ALPHA, HYPHENS
from ..punctuation import TOKENIZER_INFIXES as BASE_INFIXES
from ..punctuation import TOKENIZER_PREFIXES as BASE_PREFIXES
from ..punctuation import TOKENIZER_SUFFIXES as BASE_SUFFIXES

APOSTROPHES = "'’"
# Words that lose their final vowel before a vowel or mute h.
ELIDED_WORDS = ["c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu",
                "quoiqu"]
# Pronouns that follow a verb in questions and imperatives: "vient-il", "donne-le-moi".
INVERTED_PRONOUNS = ["je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce",
                     "moi", "toi", "lui", "leur", "le", "la", "les", "en", "y"]

_ELISION = rf"(?i:{'|'.join(ELIDED_WORDS)})[{APOSTROPHES}](?=[{ALPHA}])"
_EUPHONIC_T = r"-t-(?:il|elle|on|ils|elles)"
_INVERSION = rf"(?<=[{ALPHA}])(?:{_EUPHONIC_T}|-(?:{'|'.join(INVERTED_PRONOUNS)}))"

TOKENIZER_PREFIXES: list[str] = [_ELISION, *BASE_PREFIXES]
TOKENIZER_SUFFIXES: list[str] = [*BASE_SUFFIXES, _INVERSION]
# Hyphens between letters do not split: French writes many words with them.
TOKENIZER_INFIXES: list[str] = [piece for piece in BASE_INFIXES if f"(?:{HYPHENS})" not in piece]
