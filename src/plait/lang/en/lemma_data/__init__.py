"""English lemma tables shipped with plait (see NOTICE.md for the data's source and licence).

`TABLES` maps table name -> file: `lemma_rules` (hand-written suffix rules per POS) and
`lemma_lookup`, `lemma_index`, `lemma_exc` (derived from UD English EWT by
`scripts/derive_en_lemma_data.py`). `plait.lookups.load_lookups("en", ...)` reads them when
no registered function or installed package provides English tables.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent

TABLES: dict[str, Path] = {
    "lemma_lookup": DATA_DIR / "lemma_lookup.json.gz",
    "lemma_rules": DATA_DIR / "lemma_rules.json",
    "lemma_index": DATA_DIR / "lemma_index.json",
    "lemma_exc": DATA_DIR / "lemma_exc.json",
}
