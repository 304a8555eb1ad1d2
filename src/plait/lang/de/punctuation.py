"""German punctuation rules: hyphenated compounds stay whole, ordinals keep their full stop.

"Baden-Württemberg", "E-Mail" and truncated compounds ("Ein- und Ausgang") are one token
each. A number of one or two digits followed by a full stop is an ordinal or a day of the
month ("am 3. Oktober", "der 21. Juni") and stays one token; after longer numbers the full
stop ends the sentence ("im Jahr 1990.").
"""

from __future__ import annotations

import re

from ..char_classes import HYPHENS
from ..punctuation import TOKENIZER_INFIXES as BASE_INFIXES

TOKENIZER_INFIXES: list[str] = [piece for piece in BASE_INFIXES if f"(?:{HYPHENS})" not in piece]

# Matched against a whole chunk before suffixes are split off.
ORDINAL_MATCH = re.compile(r"^[0-9]{1,2}\.$").match
