"""`plait init config`, `plait init fill-config` and `plait debug config`."""

from __future__ import annotations

from plait.config import load_config
from plait.util import load_model_from_config


def test_init_config_writes_a_complete_loadable_config(run, tmp_path):
    out = tmp_path / "config.cfg"
    result = run("init", "config", out, "--lang", "de", "--pipeline", "sentencizer,entity_ruler")
    assert result.exit_code == 0, result.output
    config = load_config(out)
    assert config["nlp"]["lang"] == "de"
    assert config["nlp"]["pipeline"] == ["sentencizer", "entity_ruler"]
    assert "punct_chars" in config["components"]["sentencizer"]
    for section in ("paths", "system", "nlp", "components", "training", "initialize"):
        assert section in config
    assert config["corpora"]["train"] == {"@readers": "plait.Corpus.v1", "path": "${paths.train}"}
    nlp = load_model_from_config(config)
    assert nlp.pipe_names == ["sentencizer", "entity_ruler"]
    assert out.read_text().endswith("\n")


def test_init_config_to_stdout(run):
    result = run("init", "config", "-", "--pipeline", "sentencizer")
    assert result.exit_code == 0
    assert "[components.sentencizer]" in result.stdout


def test_init_config_refuses_to_overwrite_without_force(run, tmp_path):
    out = tmp_path / "config.cfg"
    out.write_text("keep")
    result = run("init", "config", out)
    assert result.exit_code == 1 and "E671" in result.stderr
    assert out.read_text() == "keep"
    assert run("init", "config", out, "--force").exit_code == 0


def test_init_config_bad_language_and_component_are_coded_errors(run, tmp_path):
    bad_lang = run("init", "config", tmp_path / "a.cfg", "--lang", "zz_nope")
    assert bad_lang.exit_code == 1 and "E675" in bad_lang.stderr
    bad_pipe = run("init", "config", tmp_path / "b.cfg", "--pipeline", "no_such_factory")
    assert bad_pipe.exit_code == 1 and "no_such_factory" in bad_pipe.stderr


PARTIAL = """
[nlp]
lang = "en"
pipeline = ["sentencizer"]

[components]

[components.sentencizer]
factory = "sentencizer"
"""


def test_fill_config_adds_defaults_and_shows_diff(run, tmp_path):
    base = tmp_path / "base.cfg"
    base.write_text(PARTIAL)
    out = tmp_path / "filled.cfg"
    result = run("init", "fill-config", base, out, "--diff")
    assert result.exit_code == 0, result.output
    filled = load_config(out)
    assert filled["components"]["sentencizer"]["overwrite"] is False
    assert "batch_size" in filled["nlp"]
    assert "+overwrite = false" in result.stdout


def test_fill_config_reports_a_malformed_config(run, tmp_path):
    base = tmp_path / "base.cfg"
    base.write_text("[nlp\nlang = en")
    result = run("init", "fill-config", base, tmp_path / "out.cfg")
    assert result.exit_code == 1 and "E153" in result.stderr


def test_fill_config_missing_file_is_a_coded_error(run, tmp_path):
    result = run("init", "fill-config", tmp_path / "missing.cfg")
    assert result.exit_code == 1 and "E154" in result.stderr


def test_debug_config_prints_interpolated_config_with_overrides(run, tmp_path):
    config = tmp_path / "config.cfg"
    assert run("init", "config", config, "--pipeline", "sentencizer").exit_code == 0
    result = run("debug", "config", config, "--nlp.batch_size", "128",
                 "--paths.train", "./x.plaitdb", "--show-variables")
    assert result.exit_code == 0, result.output
    assert "batch_size = 128" in result.stdout
    assert "${" not in result.stdout.split("paths.")[0]
    assert "2 overrides" in result.stdout


def test_debug_config_shows_validation_errors(run, tmp_path):
    config = tmp_path / "config.cfg"
    config.write_text(PARTIAL.replace('factory = "sentencizer"',
                                      'factory = "sentencizer"\nno_such_setting = 1'))
    result = run("debug", "config", config)
    assert result.exit_code == 1
    assert "Config validation error" in result.stderr and "no_such_setting" in result.stderr


def test_debug_config_rejects_malformed_overrides(run, tmp_path):
    config = tmp_path / "config.cfg"
    config.write_text(PARTIAL)
    result = run("debug", "config", config, "--nobatch", "1")
    assert result.exit_code == 1 and "E664" in result.stderr
    stray = run("debug", "config", config, "--nlp.batch_size", "2", "stray")
    assert stray.exit_code == 1 and "E664" in stray.stderr
