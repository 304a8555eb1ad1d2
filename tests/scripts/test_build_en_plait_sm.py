"""Helpers of scripts/build_en_plait_sm.py that need no corpus: string pruning, corpus links."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import plait
from plait.tokens import Doc

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_en_plait_sm.py"


def load_script():
    spec = importlib.util.spec_from_file_location("build_en_plait_sm", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_en_plait_sm"] = module
    spec.loader.exec_module(module)
    return module


build = load_script()


def test_strings_in_collects_labels_and_morph_parts():
    out: set[str] = set()
    build._strings_in({"labels": ["Number=Sing|POS=NOUN", "nsubj"], "n": 3}, out)
    assert {"labels", "nsubj", "Number=Sing", "Number", "Sing", "POS", "NOUN"} <= out
    assert 3 not in out


def test_prune_strings_keeps_labels_and_drops_corpus_words():
    from plait.training import Example

    nlp = plait.blank("en")
    nlp.add_pipe("tagger")
    examples = [Example.from_dict(nlp.make_doc("zebra runs"), {"tags": ["NN", "VBZ"]})]
    nlp.initialize(lambda: examples)
    nlp.vocab.strings.add("zebra-corpus-word")
    before, after = build.prune_strings(nlp)
    assert after < before
    assert "zebra-corpus-word" not in nlp.vocab.strings
    assert "NN" in nlp.vocab.strings and "VBZ" in nlp.vocab.strings
    doc = nlp(Doc(nlp.vocab, words=["zebra", "runs"]))
    assert all(t.tag_ in ("NN", "VBZ") for t in doc)


def test_link_corpus_replaces_old_links(tmp_path):
    a, b = tmp_path / "a.plait", tmp_path / "b.plait"
    a.write_bytes(b"a")
    b.write_bytes(b"b")
    folder = build.link_corpus(tmp_path / "train", {"x-1.plait": a, "x-2.plait": a})
    assert sorted(p.name for p in folder.iterdir()) == ["x-1.plait", "x-2.plait"]
    build.link_corpus(folder, {"y.plait": b})
    assert [p.read_bytes() for p in folder.iterdir()] == [b"b"]
