"""`plait package`: the package folder, its metadata, the built archives and bad inputs."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from plait.cli.package import package, parse_builds
from plait.errors import InputError


def _wheel(package_dir: Path) -> Path:
    return next((package_dir / "dist").glob("*.whl"))


def test_package_writes_folder_sdist_and_wheel(run, saved_pipeline, code_file, tmp_path):
    result = run("package", saved_pipeline, tmp_path, "--code", code_file, "--name", "shout_pipe",
                 "--version", "1.2.0", "--build", "sdist,wheel")
    assert result.exit_code == 0, result.output
    root = tmp_path / "en_shout_pipe-1.2.0"
    module = root / "en_shout_pipe"
    for rel in ("pyproject.toml", "MANIFEST.in", "README.md", "meta.json"):
        assert (root / rel).is_file()
    assert (module / "__init__.py").read_text().count("def load(**overrides)") == 1
    assert (module / "cli_test_shout_code.py").is_file()
    assert (module / "en_shout_pipe-1.2.0" / "config.cfg").is_file()
    meta = json.loads((module / "meta.json").read_text())
    assert (meta["name"], meta["version"], meta["lang"]) == ("shout_pipe", "1.2.0", "en")
    assert meta["requirements"][0].startswith("plait>=")
    assert (root / "dist" / "en_shout_pipe-1.2.0.tar.gz").is_file()
    assert _wheel(root).name == "en_shout_pipe-1.2.0-py3-none-any.whl"


def test_wheel_lists_entry_points_and_valid_record_hashes(saved_pipeline, code_file, tmp_path):
    root = package(saved_pipeline, tmp_path, code_paths=[code_file], name="rec", version="0.1.0",
                   build="wheel")
    with zipfile.ZipFile(_wheel(root)) as archive:
        names = archive.namelist()
        info = "en_rec-0.1.0.dist-info"
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        metadata = archive.read(f"{info}/METADATA").decode()
        record = archive.read(f"{info}/RECORD").decode().splitlines()
        for line in record:
            name, digest, size = line.rsplit(",", 2)
            if name.endswith("RECORD"):
                continue
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            assert digest == "sha256=" + expected.decode() and int(size) == len(data)
    assert {line.rsplit(",", 2)[0] for line in record} == set(names)
    assert "[plait_pipelines]\nen_rec = en_rec" in entry_points
    assert "cli_test_shout = en_rec.cli_test_shout_code" in entry_points
    assert "Requires-Dist: plait>=0.1.0,<0.2.0" in metadata


def test_sdist_holds_pkg_info_and_the_project(saved_pipeline, code_file, tmp_path):
    root = package(saved_pipeline, tmp_path, code_paths=[code_file], name="sd", version="2.0",
                   build="sdist")
    with tarfile.open(root / "dist" / "en_sd-2.0.tar.gz") as archive:
        names = set(archive.getnames())
    assert {"en_sd-2.0/PKG-INFO", "en_sd-2.0/pyproject.toml", "en_sd-2.0/MANIFEST.in",
            "en_sd-2.0/en_sd/__init__.py", "en_sd-2.0/en_sd/en_sd-2.0/config.cfg"} <= names


def test_builds_are_reproducible(saved_pipeline, code_file, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = package(saved_pipeline, tmp_path / "a", code_paths=[code_file], name="rep",
                    version="1.0.0", build="sdist,wheel")
    second = package(saved_pipeline, tmp_path / "b", code_paths=[code_file], name="rep",
                     version="1.0.0", build="sdist,wheel")
    for name in ("en_rep-1.0.0-py3-none-any.whl", "en_rep-1.0.0.tar.gz"):
        assert (first / "dist" / name).read_bytes() == (second / "dist" / name).read_bytes()


def test_name_with_lang_prefix_is_not_doubled(saved_pipeline, code_file, tmp_path):
    root = package(saved_pipeline, tmp_path, code_paths=[code_file], name="en_core",
                   version="1.0.0", build="none")
    assert root.name == "en_core-1.0.0"


def test_meta_path_sets_fields(saved_pipeline, code_file, tmp_path):
    meta = tmp_path / "extra.json"
    meta.write_text(json.dumps({"description": "Shouts.", "author": "Ada", "license": "MIT",
                                "version": "3.1.4"}))
    (tmp_path / "out").mkdir()
    root = package(saved_pipeline, tmp_path / "out", code_paths=[code_file], meta_path=meta,
                   name="m", build="none")
    written = json.loads((root / "meta.json").read_text())
    assert (written["description"], written["author"], written["version"]) == (
        "Shouts.", "Ada", "3.1.4")
    assert 'license = { text = "MIT" }' in (root / "pyproject.toml").read_text()


@pytest.mark.parametrize("value,expected", [
    ("sdist", ["sdist"]), ("wheel", ["wheel"]), ("wheel,sdist", ["sdist", "wheel"]),
    ("none", []),
])
def test_parse_builds_accepts_known_kinds(value, expected):
    assert parse_builds(value) == expected


@pytest.mark.parametrize("value", ["egg", "", "sdist,egg"])
def test_parse_builds_rejects_unknown_kinds(value):
    with pytest.raises(InputError, match="E657"):
        parse_builds(value)


@pytest.mark.parametrize("option,value,code", [
    ("--name", "Bad-Name", "E650"), ("--name", "9lives", "E650"),
    ("--version", "one", "E651"), ("--version", "1.0-beta", "E651"),
    ("--build", "egg", "E657"),
])
def test_package_rejects_bad_options(run, saved_pipeline, code_file, tmp_path, option, value,
                                     code):
    args = ["package", saved_pipeline, tmp_path, "--code", code_file, "--name", "ok",
            "--version", "1.0.0", option, value]
    result = run(*args)
    assert result.exit_code == 1
    assert code in result.output


def test_package_rejects_a_folder_that_is_not_a_pipeline(run, tmp_path):
    result = run("package", tmp_path, tmp_path)
    assert result.exit_code == 1 and "E652" in result.output


def test_package_rejects_missing_output_dir(run, saved_pipeline, tmp_path):
    result = run("package", saved_pipeline, tmp_path / "nope")
    assert result.exit_code == 1 and "E653" in result.output


def test_package_needs_force_to_replace(run, saved_pipeline, code_file, tmp_path):
    args = ["package", saved_pipeline, tmp_path, "--code", code_file, "--name", "f",
            "--version", "1.0.0", "--build", "none"]
    assert run(*args).exit_code == 0
    again = run(*args)
    assert again.exit_code == 1 and "E654" in again.output
    assert run(*args, "--force").exit_code == 0


def test_package_rejects_bad_meta_file(run, saved_pipeline, tmp_path):
    bad = tmp_path / "meta.json"
    bad.write_text("{not json")
    result = run("package", saved_pipeline, tmp_path, "--meta-path", bad)
    assert result.exit_code == 1 and "E655" in result.output


def test_package_rejects_bad_code_files(run, saved_pipeline, tmp_path):
    missing = run("package", saved_pipeline, tmp_path, "--code", tmp_path / "missing.py")
    assert missing.exit_code == 1 and "E656" in missing.output
    broken = tmp_path / "broken_code.py"
    broken.write_text("raise RuntimeError('boom')\n")
    result = run("package", saved_pipeline, tmp_path, "--code", broken)
    assert result.exit_code == 1 and "E656" in result.output and "boom" in result.output


def test_package_rejects_unregistered_factory(run, saved_pipeline, tmp_path):
    import shutil

    pipe = tmp_path / "pipe"
    shutil.copytree(saved_pipeline, pipe)
    config = pipe / "config.cfg"
    config.write_text(config.read_text().replace('"cli_test_shout"', '"no_such_factory"'))
    result = run("package", pipe, tmp_path)
    assert result.exit_code == 1 and "E673" in result.output


def test_package_requires_the_distribution_of_a_third_party_factory(example_installed,
                                                                    tmp_path):
    import plait

    nlp = plait.blank("en")
    nlp.add_pipe("colour_finder")
    nlp.to_disk(tmp_path / "pipe")
    root = package(tmp_path / "pipe", tmp_path, name="colours", version="1.0.0", build="none")
    meta = json.loads((root / "meta.json").read_text())
    assert "plait-example-package>=1.0.0" in meta["requirements"]


def test_package_warns_when_a_factory_module_is_not_shipped(tmp_path):
    import plait
    from plait.language import Language

    @Language.factory("cli_test_local_only")
    def make(nlp, name):
        return lambda doc: doc

    make.__module__ = "somewhere_local"
    Language.get_factory_meta("cli_test_local_only").module = "somewhere_local"
    nlp = plait.blank("en")
    nlp.add_pipe("cli_test_local_only")
    nlp.to_disk(tmp_path / "pipe")
    with pytest.warns(UserWarning, match="W081"):
        package(tmp_path / "pipe", tmp_path, name="local", version="1.0.0", build="none")


@pytest.mark.slow
def test_wheel_installs_in_a_fresh_venv_and_loads_by_name(saved_pipeline, code_file, tmp_path):
    """The whole story: package with --build wheel, pip install into a new virtual
    environment, load by name in a new process without importing the component's module."""
    root = package(saved_pipeline, tmp_path, code_paths=[code_file], name="venv_shout",
                   version="1.0.0", build="wheel")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, system_site_packages=True, with_pip=False)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # this interpreter's pip installs into the venv (`--python`), sparing ensurepip's time
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
         "-q", _wheel(root)],
        check=True, capture_output=True, timeout=300,
    )
    script = (
        "import sys, plait\n"
        "nlp = plait.load('en_venv_shout')\n"
        "doc = nlp('hello world. bye')\n"
        "assert 'cli_test_shout_code' not in sys.modules\n"
        "print(nlp.pipe_names, doc.user_data['shout'], len(list(doc.sents)), nlp.meta['version'])\n"
    )
    done = subprocess.run([python, "-c", script], capture_output=True, text=True,
                          cwd=tmp_path, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['cli_test_shout', 'sentencizer'] HELLO WORLD. BYE!! 2 1.0.0"
    info = subprocess.run([python, "-m", "plait", "info"], capture_output=True, text=True,
                          cwd=tmp_path, check=True, timeout=300)
    assert "en_venv_shout (1.0.0)" in info.stdout
