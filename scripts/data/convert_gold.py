"""Convert UD English EWT (dev, test) with Universal NER entities into gold DocBin files.

Input: `../shared/data/ud-english-ewt/en_ewt-ud-{dev,test}.conllu` and
`../shared/data/uner-english-ewt/en_ewt-ud-{dev,test}.iob2` (CC BY-SA 4.0; read
`../shared/data/README.md`). Output, under `--out` (default `corpus/gold`):
`ewt-{dev,test}.spacy` (one Doc per EWT document, `# newdoc id`), `ewt-{split}.docs.jsonl` (per
Doc: the document id, its sentence ids in order, the sentences whose entities are left missing),
`manifest.json` and `.plait` copies when plait can read `.spacy` files.

Choices (see scripts/data/README.md):
- Words are UD's syntactic words, not the surface tokens of multi-word token lines: `don't` is
  `do` + `n't`, the words inside a range get no space after them and the last one gets the range's
  `SpaceAfter`. In EWT the words of a range always spell its surface form, so the text is intact.
- Empty nodes (`8.1`, enhanced dependencies only) are skipped.
- Tags = XPOS (PTB), POS = UPOS, morph = FEATS, heads/deps = UD basic tree (scheme kept as is:
  for evaluation only, never mixed with the silver ClearNLP labels); `root` is written `ROOT`
  as spaCy's own converter does. Sentence starts from the sentence boundaries.
- Entities: UNER IOB2 (PER, ORG, LOC), joined on `# sent_id`, never by position. Where UNER
  tokenizes a sentence differently, entities are mapped through character offsets (both
  tokenizations spell the same characters); an entity whose edges fall inside a UD word cannot be
  mapped and its whole sentence gets *missing* entity annotation (spaCy's scorer ignores
  predictions there), listed in the docs.jsonl and the manifest.

Usage: python scripts/data/convert_gold.py [--data ../shared/data] [--out corpus/gold]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
SPLITS = ("dev", "test")


@dataclass
class Word:
    """One syntactic word of a CoNLL-U sentence."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based index in the sentence, 0 for the root
    deprel: str
    space_after: bool = True


@dataclass
class Sentence:
    """A CoNLL-U sentence: its id, its `# text` and its syntactic words."""

    sent_id: str
    text: str = ""
    words: list[Word] = field(default_factory=list)

    def surface(self) -> str:
        """The sentence text rebuilt from words and their SpaceAfter values."""
        return "".join(w.form + (" " if w.space_after else "") for w in self.words).rstrip(" ")


@dataclass
class Document:
    """A run of sentences under one `# newdoc id`."""

    doc_id: str
    sentences: list[Sentence] = field(default_factory=list)


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def parse_conllu(text: str) -> list[Document]:
    """Parse CoNLL-U into documents of sentences of syntactic words (multi-word ranges resolved)."""
    docs: list[Document] = []
    sent: Sentence | None = None
    range_end = 0
    range_space = True
    meta: dict[str, str] = {}

    def close() -> None:
        nonlocal sent
        if sent is not None and sent.words:
            if not docs:
                docs.append(Document("doc-0"))
            docs[-1].sentences.append(sent)
        sent = None

    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            close()
            meta = {}
            range_end, range_space = 0, True
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            key, value = key.strip(), value.strip()
            if key == "newdoc id" or key == "newdoc":
                close()
                docs.append(Document(value or f"doc-{len(docs)}"))
            meta[key] = value
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"line {n}: expected 10 tab-separated columns, got {len(cols)}")
        if sent is None:
            sent = Sentence(meta.get("sent_id", f"s{n}"), meta.get("text", ""))
        tid = cols[0]
        if "." in tid:  # empty node of the enhanced graph
            continue
        if "-" in tid:
            _, end = tid.split("-")
            range_end, range_space = int(end), _space_after(cols[9])
            continue
        i = int(tid)
        word = Word(cols[1], cols[2], cols[3], cols[4], "" if cols[5] == "_" else cols[5],
                    int(cols[6]), cols[7], _space_after(cols[9]))
        if i < range_end:
            word.space_after = False
        elif i == range_end:
            word.space_after = range_space
        sent.words.append(word)
    close()
    return docs


def parse_iob2(text: str) -> dict[str, tuple[list[str], list[str]]]:
    """UNER IOB2 sentences by `# sent_id`: (tokens, tags)."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    sid: str | None = None
    toks: list[str] = []
    tags: list[str] = []
    for line in [*text.splitlines(), ""]:
        if not line.strip():
            if sid is not None and toks:
                if sid in out:
                    raise ValueError(f"sent_id {sid} appears twice in the IOB2 file")
                out[sid] = (toks, tags)
            sid, toks, tags = None, [], []
        elif line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "sent_id":
                sid = value.strip()
        else:
            cols = line.split("\t")
            toks.append(cols[1])
            tags.append(cols[2])
    return out


def iob_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans from IOB2 tags (a stray I- starts a new entity)."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag == "O" or not tag:
            continue
        prefix, _, label = tag.partition("-")
        if prefix == "I" and spans and spans[-1][1] == i and spans[-1][2] == label:
            spans[-1] = (spans[-1][0], i + 1, label)
        else:
            spans.append((i, i + 1, label))
    return spans


def _offsets(tokens: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for tok in tokens:
        out.append((pos, pos + len(tok)))
        pos += len(tok)
    return out


def align_entities(words: list[str], tokens: list[str], tags: list[str]) -> list[str] | None:
    """IOB2 tags for `words` from tags on another tokenization of the same characters.

    Returns None when the two do not spell the same characters or an entity edge falls inside
    a word (the caller then leaves the sentence's entities missing).
    """
    if words == tokens:
        return list(tags)
    if "".join(words) != "".join(tokens):
        return None
    starts = {s: i for i, (s, _) in enumerate(_offsets(words))}
    ends = {e: i for i, (_, e) in enumerate(_offsets(words))}
    tok_off = _offsets(tokens)
    out = ["O"] * len(words)
    for start, end, label in iob_spans(tags):
        cs, ce = tok_off[start][0], tok_off[end - 1][1]
        if cs not in starts or ce not in ends:
            return None
        a, b = starts[cs], ends[ce]
        out[a] = f"B-{label}"
        for k in range(a + 1, b + 1):
            out[k] = f"I-{label}"
    return out


def doc_arrays(doc: Document, uner: dict[str, tuple[list[str], list[str]]]) -> tuple[dict, list]:
    """The keyword arguments for spaCy's Doc(...) and the sent_ids left without entities."""
    kw: dict[str, list] = {k: [] for k in ("words", "spaces", "tags", "pos", "morphs", "lemmas",
                                           "heads", "deps", "sent_starts", "ents")}
    missing = []
    offset = 0
    for sent in doc.sentences:
        forms = [w.form for w in sent.words]
        if sent.sent_id not in uner:
            raise KeyError(f"sentence {sent.sent_id} has no UNER annotation")
        ents = align_entities(forms, *uner[sent.sent_id])
        if ents is None:
            missing.append(sent.sent_id)
        for i, w in enumerate(sent.words):
            kw["words"].append(w.form)
            kw["spaces"].append(w.space_after)
            kw["tags"].append(w.xpos)
            kw["pos"].append(w.upos)
            kw["morphs"].append(w.feats)
            kw["lemmas"].append(w.lemma)
            kw["heads"].append(offset + (w.head - 1 if w.head else i))
            kw["deps"].append("ROOT" if w.deprel == "root" else w.deprel)
            kw["sent_starts"].append(i == 0)
            kw["ents"].append(None if ents is None else ents[i])
        offset += len(sent.words)
    # a document ends without trailing whitespace; spaces between sentences follow SpaceAfter
    if kw["spaces"]:
        kw["spaces"][-1] = False
    return kw, missing


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def convert_split(split: str, data: Path, out: Path) -> dict:
    """Convert one split; returns its counts and alignment notes."""
    import spacy
    from spacy.tokens import Doc, DocBin

    conllu = data / "ud-english-ewt" / f"en_ewt-ud-{split}.conllu"
    iob2 = data / "uner-english-ewt" / f"en_ewt-ud-{split}.iob2"
    docs = parse_conllu(conllu.read_text(encoding="utf8"))
    uner = parse_iob2(iob2.read_text(encoding="utf8"))
    vocab = spacy.blank("en").vocab
    db = DocBin(store_user_data=False)
    stats = {"documents": 0, "sentences": 0, "words": 0, "entities": 0,
             "text_mismatches": 0, "retokenized_aligned": [], "ner_missing": []}
    with (out / f"ewt-{split}.docs.jsonl").open("w", encoding="utf8") as side:
        for doc in docs:
            kw, missing = doc_arrays(doc, uner)
            sdoc = Doc(vocab, **kw)
            db.add(sdoc)
            stats["documents"] += 1
            stats["sentences"] += len(doc.sentences)
            stats["words"] += len(sdoc)
            stats["entities"] += len(sdoc.ents)
            stats["ner_missing"] += missing
            for sent in doc.sentences:
                if sent.text and sent.surface() != sent.text:
                    stats["text_mismatches"] += 1
                forms = [w.form for w in sent.words]
                if forms != uner[sent.sent_id][0] and sent.sent_id not in missing:
                    stats["retokenized_aligned"].append(sent.sent_id)
            side.write(json.dumps({"doc_id": doc.doc_id,
                                   "sent_ids": [s.sent_id for s in doc.sentences],
                                   "ner_missing": missing}) + "\n")
    path = out / f"ewt-{split}.spacy"
    db.to_disk(path)
    stats["file"] = {"name": path.name, "bytes": path.stat().st_size,
                     "sha256": sha256_file(path)}
    stats["inputs"] = {conllu.name: sha256_file(conllu), f"uner/{iob2.name}": sha256_file(iob2)}
    return stats


def main(argv: list[str] | None = None) -> None:
    """Convert dev and test, copy the licences, write the manifest and plait copies."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "corpus" / "gold")
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    splits = {split: convert_split(split, args.data, out) for split in SPLITS}
    for folder, name in (("ud-english-ewt", "UD_English-EWT"), ("uner-english-ewt", "UNER")):
        shutil.copyfile(args.data / folder / "LICENSE.txt", out / f"LICENSE-{name}.txt")
    t1 = time.time()

    from plait_copies import write_plait_copies

    plait_check = write_plait_copies([out / f"ewt-{s}.spacy" for s in SPLITS])
    commits = {name: (args.data / name / "COMMIT").read_text().strip()
               for name in ("ud-english-ewt", "uner-english-ewt")}
    manifest = {
        "description": "Gold UD English EWT dev/test with UNER entities, made by "
                       "scripts/data/convert_gold.py. UD dependency scheme: evaluation only.",
        "licence": "CC BY-SA 4.0 (UD_English-EWT and UNER_English-EWT); keep the attribution.",
        "sources": {"UD_English-EWT": commits["ud-english-ewt"],
                    "UNER_English-EWT": commits["uner-english-ewt"]},
        "splits": splits,
        "plait_copies": plait_check,
        "seconds": {"convert": round(t1 - t0, 1), "plait_copies": round(time.time() - t1, 1)},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf8")
    for split, st in splits.items():
        print(f"{split}: {st['documents']} docs {st['sentences']} sentences {st['words']} words "
              f"{st['entities']} entities; aligned {len(st['retokenized_aligned'])}, "
              f"NER missing {len(st['ner_missing'])}, text mismatches {st['text_mismatches']}")
    print(f"done in {time.time() - t0:.1f}s -> {out}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
