"""`plait demo`: the shipped pipeline's token table, DocBin round trip and displaCy page."""

from __future__ import annotations

import pytest

import plait
from plait.cli.demo import COLUMNS, SAMPLE, default_out_dir, format_table, read_texts
from plait.errors import InputError
from plait.tokens import DocBin


def test_demo_prints_the_table_saves_reloads_and_renders(run, tmp_path):
    result = run("demo", "--out", tmp_path)
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].split() == list(COLUMNS)
    assert "annotations identical: True" in result.stdout
    assert "entities: " in result.stdout
    docs = list(DocBin().from_disk(tmp_path / "demo.plait").get_docs(plait.blank("en").vocab))
    assert len(docs) == 1 and docs[0].text == SAMPLE
    assert docs[0].has_annotation("DEP") and docs[0].has_annotation("TAG")
    html = (tmp_path / "demo.html").read_text(encoding="utf8")
    assert html.lstrip().lower().startswith("<!doctype html") or "<html" in html
    assert html.count("<svg") == len(list(docs[0].sents))  # one dependency tree a sentence
    assert html.count("<mark") == len(docs[0].ents)


def test_demo_rows_show_tag_pos_lemma_dep_head_and_entity(run, tmp_path):
    result = run("demo", "Tim Cook visited Paris.", "--out", tmp_path)
    assert result.exit_code == 0, result.stdout
    rows = [line.split() for line in result.stdout.splitlines()[2:6]]
    assert [r[1] for r in rows] == ["Tim", "Cook", "visited", "Paris"]
    visited = rows[2]
    assert visited[2].startswith("VB") and visited[3] == "VERB" and visited[4] == "visit"
    assert "4 tokens" not in result.stdout  # the period is a token too
    assert "5 tokens" in result.stdout


def test_demo_reads_stdin_and_files(run, tmp_path):
    result = run("demo", "-", "--out", tmp_path / "a", input="The whale dived.\n")
    assert result.exit_code == 0 and "whale" in result.stdout
    text_file = tmp_path / "in.txt"
    text_file.write_text("First text here.\n\nSecond text there.\n", encoding="utf8")
    result = run("demo", "--file", text_file, "--out", tmp_path / "b")
    assert result.exit_code == 0, result.stdout
    assert "# text 2" in result.stdout and "2 doc(s)" in result.stdout


def test_demo_rejects_text_and_file_together(run, tmp_path):
    result = run("demo", "hello", "--file", tmp_path / "x.txt", "--out", tmp_path)
    assert result.exit_code != 0 and "E677" in result.output


def test_demo_reports_a_missing_file(run, tmp_path):
    result = run("demo", "--file", tmp_path / "missing.txt", "--out", tmp_path)
    assert result.exit_code != 0 and "E678" in result.output


def test_read_texts_rejects_empty_input():
    with pytest.raises(InputError, match="E677"):
        read_texts("   ", None)


def test_format_table_aligns_columns():
    table = format_table([["1", "long-word"], ["22", "x"]], header=("i", "text"))
    lines = table.splitlines()
    assert lines[0] == "i   text"
    assert lines[2].index("long-word") == lines[3].index("x")


def test_default_out_dir_is_in_the_temp_folder():
    import tempfile

    assert default_out_dir().parent == __import__("pathlib").Path(tempfile.gettempdir())
