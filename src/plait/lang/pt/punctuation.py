"""Portuguese punctuation rules: clitic pronouns after a hyphen ("dá-lo", "deu-me").

A clitic is split off the end of the verb with its hyphen: "disse-lhe" -> "disse", "-lhe";
with mesoclisis the future ending after it is split too: "dá-lo-ei" -> "dá", "-lo", "-ei".
Other hyphenated words stay whole ("guarda-chuva", "segunda-feira").
"""

from __future__ import annotations

from ..char_classes import ALPHA, HYPHENS
from ..punctuation import TOKENIZER_INFIXES as BASE_INFIXES
from ..punctuation import TOKENIZER_SUFFIXES as BASE_SUFFIXES

# Unstressed object and reflexive pronouns, and their contracted pairs (mo = me + o).
CLITICS = [
    "me", "te", "se", "nos", "vos", "lhe", "lhes", "o", "a", "os", "as", "lo", "la", "los",
    "las", "no", "na", "nas", "mo", "ma", "mos", "mas", "to", "ta", "tos", "tas", "lho",
    "lha", "lhos", "lhas",
]
# Future and conditional endings placed after the clitic: "dir-te-ei", "far-se-ia".
MESOCLITIC_ENDINGS = ["ei", "ás", "á", "emos", "eis", "ão", "ia", "ias", "íamos", "íeis", "iam"]

_CLITIC = rf"(?<=[{ALPHA}])-(?:{'|'.join(CLITICS)})"
# One fixed-width look-behind per clitic: Python's `re` needs fixed widths.
_AFTER_CLITIC = "|".join(f"(?<=-{clitic})" for clitic in CLITICS)
_MESOCLISIS = rf"(?:{_AFTER_CLITIC})-(?:{'|'.join(MESOCLITIC_ENDINGS)})"

TOKENIZER_SUFFIXES: list[str] = [*BASE_SUFFIXES, _MESOCLISIS, _CLITIC]
# Hyphens between letters do not split: Portuguese writes many compounds with them.
TOKENIZER_INFIXES: list[str] = [piece for piece in BASE_INFIXES if f"(?:{HYPHENS})" not in piece]
