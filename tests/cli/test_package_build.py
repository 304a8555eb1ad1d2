"""plait's own wheel and sdist builder."""

from __future__ import annotations

import zipfile

import pytest

from plait.cli.package_build import (
    ProjectSpec,
    build_sdist,
    build_wheel,
    entry_points_text,
    metadata_text,
)
from plait.errors import FormatError, SerializationError

from .conftest import EXAMPLE_DIR


def test_from_pyproject_reads_the_example_package():
    spec = ProjectSpec.from_pyproject(EXAMPLE_DIR)
    assert (spec.name, spec.version, spec.packages) == (
        "plait-example-package", "1.0.0", ["plait_example"])
    assert spec.entry_points["plait_languages"] == {"qaa": "plait_example.lang:Eglish"}
    assert spec.requires == ["plait>=0.1.0,<0.2.0"]
    assert spec.file_name == "plait_example_package"


def test_wheel_of_the_example_holds_sources_and_metadata(tmp_path):
    wheel = build_wheel(ProjectSpec.from_pyproject(EXAMPLE_DIR), tmp_path)
    assert wheel.name == "plait_example_package-1.0.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        text = archive.read("plait_example_package-1.0.0.dist-info/METADATA").decode()
    assert "plait_example/components.py" in names
    assert not any("__pycache__" in n for n in names)
    assert "Name: plait-example-package" in text and "Requires-Python: >=3.10" in text


def test_metadata_and_entry_point_texts(tmp_path):
    spec = ProjectSpec(name="x", version="1", root=tmp_path, packages_root=tmp_path,
                       packages=[], summary="multi\nline", requires=["a>=1"], readme="# X\n")
    text = metadata_text(spec)
    assert "Summary: multi line\n" in text and "Requires-Dist: a>=1\n" in text
    assert text.endswith("\n\n# X\n")
    assert entry_points_text({"g": {"b": "m:b", "a": "m:a"}}) == "[g]\na = m:a\nb = m:b\n"


def test_missing_or_incomplete_pyproject_is_a_coded_error(tmp_path):
    with pytest.raises(FormatError, match="E674"):
        ProjectSpec.from_pyproject(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    with pytest.raises(FormatError, match="E674"):
        ProjectSpec.from_pyproject(tmp_path)


def test_unwritable_dist_dir_is_a_coded_error(tmp_path):
    spec = ProjectSpec.from_pyproject(EXAMPLE_DIR)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SerializationError, match="E672"):
        build_wheel(spec, blocker)
    with pytest.raises(SerializationError, match="E672"):
        build_sdist(spec, blocker)
