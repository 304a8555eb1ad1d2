"""The `plait` app as a whole: every command has --help; `python -m plait` works."""

from __future__ import annotations

import subprocess
import sys

import pytest

COMMANDS = [
    ["info"], ["validate"], ["package"], ["verify"], ["apply"], ["convert"], ["demo"],
    ["init", "config"], ["init", "fill-config"], ["debug", "config"], ["benchmark", "speed"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


def test_no_arguments_prints_help(run):
    result = run()
    assert "Usage:" in result.output and "package" in result.output


def test_unknown_command_is_a_usage_error(run):
    assert run("no-such-command").exit_code == 2


def test_missing_argument_is_a_usage_error(run):
    assert run("package").exit_code == 2


def test_python_dash_m_plait_runs_the_app():
    done = subprocess.run([sys.executable, "-m", "plait", "info"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and "plait version" in done.stdout


def test_demo_prints_a_token_table(run, tmp_path):
    result = run("demo", "Hello world!", "--out", tmp_path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[:3] == ["i", "text", "tag"]
    assert "3 tokens" in result.stdout and "annotations identical: True" in result.stdout
