"""`plait verify PATH`: files against the checksums in meta.json."""

from __future__ import annotations

import json

import pytest

import plait


@pytest.fixture
def pipeline(tmp_path):
    nlp = plait.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "p")
    return tmp_path / "p"


def test_verify_passes_for_an_intact_pipeline(run, pipeline):
    result = run("verify", pipeline)
    assert result.exit_code == 0, result.output
    assert "files match their checksums" in result.stdout


def test_verify_reports_changed_and_missing_files(run, pipeline):
    (pipeline / "tokenizer").write_bytes(b"damaged")
    (pipeline / "sentencizer" / "cfg").unlink()
    result = run("verify", pipeline)
    assert result.exit_code == 1
    assert "tokenizer" in result.stdout and "CHANGED" in result.stdout
    assert "MISSING" in result.stdout and "E676" in result.stderr


def test_verify_notes_files_without_checksums(run, pipeline):
    (pipeline / "extra.txt").write_text("added later")
    result = run("verify", pipeline)
    assert result.exit_code == 0 and "extra.txt has no checksum" in result.stdout


def test_verify_needs_checksums_and_a_pipeline(run, pipeline, tmp_path):
    meta = json.loads((pipeline / "meta.json").read_text())
    del meta["checksums"]
    (pipeline / "meta.json").write_text(json.dumps(meta))
    result = run("verify", pipeline)
    assert result.exit_code == 1 and "W071" in result.stderr
    not_pipeline = run("verify", tmp_path / "nothing")
    assert not_pipeline.exit_code == 1 and "E371" in not_pipeline.stderr


def test_verify_rejects_checksum_paths_outside_the_pipeline(run, pipeline):
    meta = json.loads((pipeline / "meta.json").read_text())
    meta["checksums"]["../outside"] = "sha256:00"
    (pipeline / "meta.json").write_text(json.dumps(meta))
    result = run("verify", pipeline)
    assert result.exit_code == 1 and "E378" in result.stderr
