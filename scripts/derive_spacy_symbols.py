"""Write src/plait/tokens/spacy_symbols.json: spaCy's fixed symbol IDs, for reading .spacy files.

spaCy stores some strings (dependency labels, POS tags, entity labels, attribute names...) not
as hashes but as small fixed IDs of its `spacy.symbols` enum; a .spacy file's string list
leaves them out. plait needs that name -> ID table (format data, not code) to read such files.
Run by hand with spaCy installed: `python scripts/derive_spacy_symbols.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.symbols import IDS

OUT = Path(__file__).resolve().parents[1] / "src" / "plait" / "tokens" / "spacy_symbols.json"


def main() -> None:
    table = {name: int(value) for name, value in sorted(IDS.items(), key=lambda kv: kv[1])
             if isinstance(name, str) and name and int(value) > 0}
    OUT.write_text(json.dumps(table, indent=0, sort_keys=False) + "\n", encoding="utf8")
    print(f"wrote {len(table)} symbols to {OUT}")


if __name__ == "__main__":
    main()
