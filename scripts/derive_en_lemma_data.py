"""Derive the English lemma tables in src/plait/lang/en/lemma_data/ from UD English EWT.

Reads a CoNLL-U file (default: /work/shared/data/ud-english-ewt/en_ewt-ud-dev.conllu,
CC BY-SA 4.0) and writes, next to the hand-written lemma_rules.json:
- lemma_lookup.json.gz  form -> most frequent lemma (forms whose lemma differs from them);
- lemma_index.json      POS -> sorted list of known base forms (lowercased lemmas);
- lemma_exc.json        POS -> {form: [lemma]} where the suffix rules get a form wrong,
                        plus a short hand-written list of irregular English forms.

    python scripts/derive_en_lemma_data.py [path/to/file.conllu]
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from plait.pipeline.lemmatizer import apply_suffix_rules

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "plait" / "lang" / "en" / "lemma_data"
DEFAULT_SOURCE = Path("/work/shared/data/ud-english-ewt/en_ewt-ud-dev.conllu")

# Irregular forms every English lemmatizer needs, whether or not the treebank has them.
IRREGULAR = {
    "verb": {
        "went": "go", "gone": "go", "did": "do", "done": "do", "saw": "see", "seen": "see",
        "took": "take", "taken": "take", "gave": "give", "given": "give", "made": "make",
        "came": "come", "knew": "know", "known": "know", "thought": "think", "told": "tell",
        "said": "say", "found": "find", "got": "get", "gotten": "get", "left": "leave",
        "felt": "feel", "brought": "bring", "bought": "buy", "ran": "run", "wrote": "write",
        "written": "write", "spoke": "speak", "spoken": "speak", "began": "begin",
        "begun": "begin", "ate": "eat", "eaten": "eat", "held": "hold", "stood": "stand",
        "understood": "understand", "sold": "sell", "paid": "pay", "met": "meet",
        "sent": "send", "built": "build", "spent": "spend", "fell": "fall", "fallen": "fall",
        "chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive",
        "flew": "fly", "flown": "fly", "grew": "grow", "grown": "grow", "kept": "keep",
        "lost": "lose", "sat": "sit", "slept": "sleep", "taught": "teach", "won": "win",
        "broke": "break", "broken": "break", "forgot": "forget", "forgotten": "forget",
        "having": "have", "has": "have", "had": "have", "lay": "lie", "lain": "lie",
        "led": "lead", "meant": "mean", "heard": "hear", "caught": "catch",
    },
    "aux": {
        "is": "be", "am": "be", "are": "be", "was": "be", "were": "be", "been": "be",
        "being": "be", "'s": "be", "'re": "be", "'m": "be", "has": "have", "had": "have",
        "'ve": "have", "'d": "would", "does": "do", "did": "do", "'ll": "will", "ca": "can",
        "wo": "will", "sha": "shall",
    },
    "noun": {
        "children": "child", "men": "man", "women": "woman", "people": "person",
        "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "data": "datum",
        "criteria": "criterion", "phenomena": "phenomenon", "analyses": "analysis",
        "crises": "crisis", "theses": "thesis",
    },
    "adj": {
        "better": "good", "best": "good", "worse": "bad", "worst": "bad", "further": "far",
        "farther": "far", "furthest": "far", "more": "much", "most": "much", "less": "little",
        "least": "little",
    },
    "pron": {
        "me": "I", "him": "he", "her": "she", "us": "we", "them": "they", "myself": "myself",
    },
}


def read_conllu(path: Path) -> list[tuple[str, str, str]]:
    """(form, lemma, UPOS) of every word line (multi-word and empty nodes skipped)."""
    rows = []
    for line in path.read_text(encoding="utf8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue
        rows.append((cols[1], cols[2], cols[3]))
    return rows


def main(source: Path) -> None:
    rows = read_conllu(source)
    rules = json.loads((OUT / "lemma_rules.json").read_text(encoding="utf8"))

    lookup_counts: dict[str, Counter] = defaultdict(Counter)
    index: dict[str, set[str]] = defaultdict(set)
    by_form: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for form, lemma, upos in rows:
        if lemma == "_":
            continue
        lookup_counts[form][lemma] += 1
        pos = upos.lower()
        if pos in ("noun", "verb", "adj", "adv"):
            index[pos].add(lemma.lower())
        by_form[(form.lower(), pos)][lemma] += 1

    lookup = {}
    for form, counts in lookup_counts.items():
        lemma = counts.most_common(1)[0][0]
        if lemma != form:
            lookup[form] = lemma

    exc: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for (form, pos), counts in by_form.items():
        lemma = counts.most_common(1)[0][0]
        if pos == "propn" or lemma.lower() == form:  # same word, or only its case differs
            continue
        if pos not in rules:  # no rules: the word would be kept, so store the lemma
            exc[pos][form] = [lemma]
            continue
        if apply_suffix_rules(form, rules[pos], index.get(pos, ()))[0] != lemma:
            exc[pos][form] = [lemma]
    for pos, forms in IRREGULAR.items():
        for form, lemma in forms.items():
            exc[pos].setdefault(form, [lemma])
            lookup.setdefault(form, lemma)

    OUT.mkdir(parents=True, exist_ok=True)
    data = json.dumps(dict(sorted(lookup.items())), ensure_ascii=False, indent=0).encode("utf8")
    (OUT / "lemma_lookup.json.gz").write_bytes(gzip.compress(data, mtime=0))
    (OUT / "lemma_index.json").write_text(
        json.dumps({p: sorted(v) for p, v in sorted(index.items())}, ensure_ascii=False),
        encoding="utf8",
    )
    (OUT / "lemma_exc.json").write_text(
        json.dumps({p: dict(sorted(v.items())) for p, v in sorted(exc.items())},
                   ensure_ascii=False, indent=0),
        encoding="utf8",
    )
    n_exc = sum(len(v) for v in exc.values())
    print(f"{len(rows)} words read; {len(lookup)} lookup entries, "
          f"{sum(len(v) for v in index.values())} index entries, {n_exc} exceptions")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
