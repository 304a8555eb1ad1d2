"""`plait demo`: run the shipped English pipeline on a text, save, reload and visualize it.

The demo loads `en_plait_sm` (or `--model`), processes a sample text, a file or stdin,
prints one row per token (tag, POS, lemma, dependency, head, entity), saves the docs to a
DocBin, reads them back and checks they match, and writes a displaCy page with the
dependency trees and the entities.
"""

from __future__ import annotations

import html
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import Errors, InputError
from . import app
from .reporting import reports_errors

if TYPE_CHECKING:
    from ..language import Language
    from ..tokens import Doc

DEFAULT_MODEL = "en_plait_sm"
SAMPLE = (
    "Apple is looking at buying a U.K. startup for $1 billion, Tim Cook said in London on "
    "Monday. The company's engineers in California have been working on the deal since May."
)
COLUMNS = ("i", "text", "tag", "pos", "lemma", "dep", "head", "ent")
# compared after the DocBin round trip: every column the table shows
ROUND_TRIP_ATTRS = ("text", "whitespace_", "tag_", "pos_", "lemma_", "dep_", "ent_iob_",
                    "ent_type_")


def default_out_dir() -> Path:
    """Where the demo writes its files when `--out` is not given: `<tmp>/plait-demo`."""
    return Path(tempfile.gettempdir()) / "plait-demo"


def read_texts(text: str | None, file: Path | None) -> list[str]:
    """The texts to process: a file's paragraphs, stdin ('-'), the argument, or the sample."""
    if file is not None and text is not None:
        raise InputError(Errors.E677.format(what="both a TEXT argument and --file"))
    if file is not None:
        try:
            raw = file.read_text(encoding="utf8")
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(Errors.E678.format(path=file, error=e)) from e
    elif text == "-":
        raw = sys.stdin.read()
    else:
        raw = SAMPLE if text is None else text
    texts = [p.strip() for p in raw.split("\n\n") if p.strip()]
    if not texts:
        raise InputError(Errors.E677.format(what="an empty text"))
    return texts


def token_rows(doc: Doc) -> list[list[str]]:
    """One row of `COLUMNS` per token of `doc`."""
    rows = []
    for t in doc:
        ent = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else t.ent_iob_ or ""
        rows.append([str(t.i), t.text, t.tag_, t.pos_, t.lemma_, t.dep_,
                     str(t.head.i) if t.dep_ else "", ent])
    return rows


def format_table(rows: Sequence[Sequence[str]], header: Sequence[str] = COLUMNS) -> str:
    """Left-aligned columns under a header and a rule."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def same_annotations(a: Doc, b: Doc) -> bool:
    """True when two docs agree on every shown attribute, heads and entities."""
    if len(a) != len(b) or a.text != b.text:
        return False
    for x, y in zip(a, b):
        if x.head.i != y.head.i or any(getattr(x, n) != getattr(y, n) for n in ROUND_TRIP_ATTRS):
            return False
    return [(e.start, e.end, e.label_) for e in a.ents] == [
        (e.start, e.end, e.label_) for e in b.ents]


def write_html(docs: Sequence[Doc], path: Path) -> None:
    """One displaCy page: each sentence's dependency tree, then the entities of each doc."""
    from ..displacy import render
    from ..displacy import templates as T

    figures = []
    if all(d.has_annotation("DEP") for d in docs):
        sents = [s for doc in docs for s in doc.sents]
        figures.append(render(sents, style="dep", options={"compact": True}))
    with_ents = [d for d in docs if d.ents]
    if with_ents:
        figures.append(render(with_ents, style="ent"))
    content = "".join(T.FIGURE.format(content=f) for f in figures)
    lang = html.escape(docs[0].lang_ or "en") if docs else "en"
    path.write_text(T.PAGE.format(lang=lang, content=content), encoding="utf8")


def run_demo(nlp: Language, texts: list[str], out_dir: Path) -> tuple[list[Doc], str]:
    """Process, print-ready table, save+reload round trip and HTML; return docs and report."""
    from ..tokens import DocBin

    docs = list(nlp.pipe(texts))
    out: list[str] = []
    for n, doc in enumerate(docs):
        if len(docs) > 1:
            out.append(f"\n# text {n + 1}")
        out.append(format_table(token_rows(doc)))
        ents = ", ".join(f"{e.text} ({e.label_})" for e in doc.ents) or "(none)"
        out.append(f"\nentities: {ents}")
        if doc.has_annotation("DEP"):
            out.append(f"sentences: {sum(1 for _ in doc.sents)}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(Errors.E678.format(path=out_dir, error=e)) from e
    docbin_path = out_dir / "demo.plait"
    DocBin(docs=docs, store_user_data=True).to_disk(docbin_path)
    reloaded = list(DocBin().from_disk(docbin_path).get_docs(nlp.vocab))
    same = len(reloaded) == len(docs) and all(map(same_annotations, docs, reloaded))
    html_path = out_dir / "demo.html"
    write_html(docs, html_path)
    n_tokens = sum(len(d) for d in docs)
    out.append(f"\n{len(docs)} doc(s), {n_tokens} tokens, pipeline {nlp.pipe_names}")
    out.append(f"saved the docs to {docbin_path}; reloaded {len(reloaded)}: "
               f"annotations identical: {same}")
    out.append(f"wrote the displaCy page {html_path}")
    return docs, "\n".join(out)


@app.command("demo")
@reports_errors
def demo(
    text: Annotated[
        str | None,
        typer.Argument(help="Text to process (default: a sample; '-' reads stdin)."),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="A UTF-8 text file (blank lines separate docs)."),
    ] = None,
    model: Annotated[
        str, typer.Option("--model", "-m", help="Pipeline name or path.")
    ] = DEFAULT_MODEL,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Folder for demo.plait and demo.html "
                                         "(default: <tmp>/plait-demo)."),
    ] = None,
) -> None:
    """Run en_plait_sm on a text: token table, DocBin round trip, displaCy page."""
    import plait

    texts = read_texts(text, file)
    nlp = plait.load(model)
    _docs, report = run_demo(nlp, texts, out if out is not None else default_out_dir())
    typer.echo(report)
