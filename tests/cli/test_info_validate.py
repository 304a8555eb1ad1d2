"""`plait info` and `plait validate`."""

from __future__ import annotations

import json

import plait
from plait.about import __version__


def test_info_prints_version_and_platform(run):
    result = run("info")
    assert result.exit_code == 0
    assert "plait version" in result.stdout and __version__ in result.stdout


def test_info_markdown(run):
    result = run("info", "--markdown")
    assert result.exit_code == 0 and result.stdout.startswith("## Info about plait")


def test_info_about_a_saved_pipeline(run, tmp_path):
    nlp = plait.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "p")
    result = run("info", tmp_path / "p", "--exclude", "")
    assert result.exit_code == 0
    assert "sentencizer" in result.stdout and "labels" in result.stdout


def test_info_unknown_pipeline_is_a_coded_error(run):
    result = run("info", "en_plait_no_such_pipeline")
    assert result.exit_code == 1 and "E659" in result.stderr


def test_validate_reports_installed_packages(run, example_installed):
    result = run("validate")
    assert result.exit_code == 0
    assert f"plait {__version__}" in result.stdout


def test_validate_fails_for_an_incompatible_package(run, saved_pipeline, code_file, tmp_path):
    from plait.cli.package import package

    from .conftest import install_wheel, uninstall

    meta = tmp_path / "old.json"
    meta.write_text(json.dumps({"plait_version": ">=0.0.1,<0.0.2"}))
    root = package(saved_pipeline, tmp_path, code_paths=[code_file], name="old",
                   version="1.0.0", build="wheel", meta_path=meta)
    site = tmp_path / "site"
    install_wheel(next((root / "dist").glob("*.whl")), site)
    try:
        result = run("validate")
    finally:
        uninstall(site, ["en_old"])
    assert result.exit_code == 1
    assert "en_old" in result.stdout and "NO" in result.stdout
    assert "en_old needs plait >=0.0.1,<0.0.2" in result.stderr
