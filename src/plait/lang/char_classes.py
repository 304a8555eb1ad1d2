"""Character classes shared by the punctuation rules of every language.

Two kinds of names live here:

- *class bodies* (`ALPHA`, `ALPHA_LOWER`, `ALPHA_UPPER`, `CONCAT_QUOTES`, `PUNCT`...) are
  strings meant to go **inside** square brackets of a regex: ``f"(?<=[{ALPHA}0-9])-"``;
- *lists* (`LIST_PUNCT`, `LIST_QUOTES`, `LIST_ELLIPSES`, `LIST_CURRENCY`, `LIST_ICONS`...) are
  lists of regex pieces, one alternative each, ready for `compile_prefix_regex` and friends.
- *alternations* (`HYPHENS`, `CURRENCY`, `UNITS`, `QUOTES`) are pieces like ``"km|kg|g"`` to
  wrap in a non-capturing group: ``f"(?<=[0-9])(?:{UNITS})"``.

The letter and symbol classes come from the Unicode database (letters: categories L*;
upper: Lu/Lt; lower: Ll; icons: So), so every script is covered. Scanning the database
costs 30-60 ms, so the classes are generated once into `unicode_classes.py` by
`python scripts/gen_char_classes.py` (a test checks that file is up to date).
"""

from __future__ import annotations

import re

from .unicode_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from .unicode_classes import SYMBOLS as _SYMBOLS


def split_chars(chars: str) -> list[str]:
    """Split a space-separated string of regex pieces into a list."""
    return chars.strip().split()


def merge_chars(chars: str) -> str:
    """Join a space-separated string of regex pieces into one alternation."""
    return "|".join(split_chars(chars))


def group_chars(chars: str) -> str:
    """Join a space-separated string of single characters into one class body."""
    return "".join(split_chars(chars))


# Quote characters, ASCII and typographic, plus the CJK corner and angle brackets that
# behave like quotes. Each piece is a literal (escaped where needed).
_quotes = (
    "' \" ” “ ` ‘ ´ ’ ‚ „ » « ‹ › 「 」 『 』 （ ） 〔 〕 【 】 《 》 〈 〉 ⟦ ⟧"
)
LIST_QUOTES = [re.escape(q) for q in split_chars(_quotes)]
QUOTES = "|".join(LIST_QUOTES)
CONCAT_QUOTES = "".join(re.escape(q) for q in split_chars(_quotes))

# Punctuation split off at the edges of a word. The full stop is deliberately absent: it
# gets its own, context-aware suffix rules (abbreviations keep it).
_punct = (
    "… …… , : ; ! ? ¿ ؟ ¡ ( ) [ ] { } < > _ # * & 。 ？ ！ ， 、 ； ： ～ · । ، ۔ ؛ ٪"
)
LIST_PUNCT = [re.escape(p) for p in split_chars(_punct)]
PUNCT = "".join(re.escape(p) for p in split_chars(_punct))

LIST_ELLIPSES = [r"\.\.+", "…"]

_hyphens = "- – — -- --- —— ~"
LIST_HYPHENS = [re.escape(h) for h in split_chars(_hyphens)]
HYPHENS = "|".join(LIST_HYPHENS)

_currency = (
    "$ £ € ¥ ฿ US$ C$ A$ ₽ ﷼ ₴ ₠ ₡ ₢ ₣ ₤ ₥ ₦ ₧ ₨ ₩ ₪ ₫ ₭ ₮ ₯ ₰ ₱ ₲ ₳ ₵ ₶ ₷ ₸ ₹ ₺ ₻ ₼ ₾ ₿"
)
LIST_CURRENCY = [re.escape(c) for c in split_chars(_currency)]
CURRENCY = "|".join(LIST_CURRENCY)

# Units written straight after a number ("10km", "5mg", "30°C"). Longer units come before
# their own prefixes so that the alternation prefers them.
_units = (
    "km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm nm yd in ft "
    "kg g mg µg t lb oz m/s km/h kmh mph hPa Pa mbar mb MB kb KB gb GB tb TB "
    "T G M K % км км² км³ м м² м³ дм дм² дм³ см см² см³ мм мм² мм³ нм кг г мг м/с км/ч "
    "кПа Па мбар Кб КБ кб Мб МБ мб Гб ГБ гб Тб ТБ тб كم كم² كم³ م م² م³ سم سم² سم³ مم مم² "
    "مم³ كم غرام جرام جم كغ ملغ كوب اكواب"
)
LIST_UNITS = [re.escape(u) for u in sorted(split_chars(_units), key=len, reverse=True)]
UNITS = "|".join(LIST_UNITS)

# Symbols (emoji, dingbats, pictographs): category So, split off anywhere.
LIST_ICONS = [f"[{_SYMBOLS}]"]
ICONS = _SYMBOLS

__all__ = [
    "ALPHA",
    "ALPHA_LOWER",
    "ALPHA_UPPER",
    "CONCAT_QUOTES",
    "CURRENCY",
    "HYPHENS",
    "ICONS",
    "LIST_CURRENCY",
    "LIST_ELLIPSES",
    "LIST_HYPHENS",
    "LIST_ICONS",
    "LIST_PUNCT",
    "LIST_QUOTES",
    "LIST_UNITS",
    "PUNCT",
    "QUOTES",
    "UNITS",
    "group_chars",
    "merge_chars",
    "split_chars",
]
