"""Config overrides parsed from command-line arguments."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plait.cli.overrides import parse_config_overrides
from plait.errors import ConfigError


def test_values_are_json_when_they_parse():
    args = ["--paths.train", "./x.plaitdb", "--nlp.batch_size", "128", "--training.dropout=0.2",
            "--system.gpu_allocator", "null", "--components.ner.labels", '["A", "B"]',
            "--training.flag"]
    assert parse_config_overrides(args, env_var=None) == {
        "paths.train": "./x.plaitdb", "nlp.batch_size": 128, "training.dropout": 0.2,
        "system.gpu_allocator": None, "components.ner.labels": ["A", "B"],
        "training.flag": True,
    }


def test_dashes_in_names_become_underscores():
    assert parse_config_overrides(["--nlp.batch-size", "3"], env_var=None) == {
        "nlp.batch_size": 3}


def test_environment_variable_is_read_and_arguments_win(monkeypatch):
    monkeypatch.setenv("PLAIT_CONFIG_OVERRIDES", "--nlp.batch_size 4 --paths.dev ./d")
    assert parse_config_overrides(["--nlp.batch_size", "8"]) == {
        "nlp.batch_size": 8, "paths.dev": "./d"}


@pytest.mark.parametrize("args", [["nlp.batch_size", "1"], ["--batch_size", "1"],
                                  ["--.x", "1"], ["--a..b", "1"], ["--a.", "1"]])
def test_malformed_overrides_are_coded_errors(args):
    with pytest.raises(ConfigError, match="E664"):
        parse_config_overrides(args, env_var=None)


@given(st.from_regex(r"[a-z]{1,8}\.[a-z_]{1,8}", fullmatch=True), st.integers())
def test_integer_values_round_trip(key, value):
    assert parse_config_overrides([f"--{key}", str(value)], env_var=None) == {key: value}
