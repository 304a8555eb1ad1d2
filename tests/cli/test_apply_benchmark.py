"""`plait apply` and `plait benchmark speed`."""

from __future__ import annotations

import json

import pytest

import plait
from plait.tokens import Doc, DocBin


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("One file. One doc.")
    (folder / "sub" / "b.jsonl").write_text(
        json.dumps({"text": "First line."}) + "\n\n" + json.dumps({"text": "Second."}) + "\n"
    )
    vocab = plait.blank("en").vocab
    DocBin(docs=[Doc(vocab, ["From", "a", "DocBin"])]).to_disk(folder / "c.plaitdb")
    return folder


def _texts(path):
    return [d.text for d in DocBin().from_disk(path).get_docs(plait.blank("en").vocab)]


def test_apply_annotates_txt_jsonl_and_docbin_inputs(run, saved_pipeline, code_file, inputs,
                                                     tmp_path):
    out = tmp_path / "out.plaitdb"
    result = run("apply", saved_pipeline, inputs, out, "--code", code_file, "--batch-size", "2")
    assert result.exit_code == 0, result.output
    docs = list(DocBin().from_disk(out).get_docs(plait.blank("en").vocab))
    assert [d.text for d in docs] == [
        "One file. One doc.", "From a DocBin ", "First line.", "Second."]
    assert docs[0].user_data["shout"] == "ONE FILE. ONE DOC.!!"
    assert len(list(docs[0].sents)) == 2
    assert "Saved 4 docs" in result.stdout


def test_apply_with_worker_processes(run, tmp_path, inputs):
    nlp = plait.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "pipe")
    out = tmp_path / "out.plaitdb"
    result = run("apply", tmp_path / "pipe", inputs / "sub" / "b.jsonl", out, "--n-process", "2")
    assert result.exit_code == 0, result.output
    assert _texts(out) == ["First line.", "Second."]


def test_apply_text_key(run, tmp_path):
    nlp = plait.blank("en")
    nlp.to_disk(tmp_path / "pipe")
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"body": "Hello"}) + "\n")
    assert run("apply", tmp_path / "pipe", data, tmp_path / "o", "--text-key", "body"
               ).exit_code == 0
    missing = run("apply", tmp_path / "pipe", data, tmp_path / "o2")
    assert missing.exit_code == 1 and "E667" in missing.stderr and "--text-key" in missing.stderr


def test_apply_bad_inputs_are_coded_errors(run, tmp_path, inputs):
    plait.blank("en").to_disk(tmp_path / "pipe")
    out = tmp_path / "o.plaitdb"
    missing_model = run("apply", "en_plait_no_such_pipeline", inputs, out)
    assert missing_model.exit_code == 1 and "E370" in missing_model.stderr
    missing_data = run("apply", tmp_path / "pipe", tmp_path / "nope", out)
    assert missing_data.exit_code == 1 and "E668" in missing_data.stderr
    bad_batch = run("apply", tmp_path / "pipe", inputs, out, "--batch-size", "0")
    assert bad_batch.exit_code == 1 and "E670" in bad_batch.stderr
    out.write_text("exists")
    exists = run("apply", tmp_path / "pipe", inputs, out)
    assert exists.exit_code == 1 and "E671" in exists.stderr
    assert run("apply", tmp_path / "pipe", inputs, out, "--force").exit_code == 0


def test_apply_skips_unknown_files_in_folders_with_a_warning(run, tmp_path, inputs):
    plait.blank("en").to_disk(tmp_path / "pipe")
    (inputs / "notes.md").write_text("# skipped")
    with pytest.warns(UserWarning, match="W080"):
        result = run("apply", tmp_path / "pipe", inputs, tmp_path / "o.plaitdb")
    assert result.exit_code == 0
    assert len(_texts(tmp_path / "o.plaitdb")) == 4


def test_benchmark_speed_reports_words_per_second(run, saved_pipeline, code_file, inputs):
    result = run("benchmark", "speed", saved_pipeline, inputs, "--code", code_file,
                 "--batches", "3", "--batch-size", "2", "--warmup", "1")
    assert result.exit_code == 0, result.output
    assert "3 batches of 2 docs" in result.stdout and "words/s: mean" in result.stdout


def test_benchmark_speed_function_counts_words(saved_pipeline, code_file, inputs):
    from plait.cli.benchmark_speed import benchmark_speed

    result = benchmark_speed(str(saved_pipeline), inputs, code=str(code_file), batch_size=4,
                             batches=2, warmup=0, shuffle=False)
    words_per_pass = sum(len(plait.blank("en")(t)) for t in [
        "One file. One doc.", "From a DocBin ", "First line.", "Second."])
    assert result["batches"] == 2 and result["words"] == 2 * words_per_pass
    assert result["min"] <= result["median"] <= result["max"]


def test_benchmark_speed_bad_options(run, saved_pipeline, inputs, tmp_path):
    bad = run("benchmark", "speed", saved_pipeline, inputs, "--batches", "0")
    assert bad.exit_code == 1 and "E670" in bad.stderr
    missing = run("benchmark", "speed", saved_pipeline, tmp_path / "nope")
    assert missing.exit_code == 1 and "E668" in missing.stderr
