"""plait.packages: version ranges, finding installed pipeline packages, loading, info."""

from __future__ import annotations

import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import plait
from plait.about import __version__
from plait.errors import CompatibilityError, FormatError, InputError, NotFound
from plait.language_meta import minor_version_range
from plait.packages import (
    get_installed_pipelines,
    get_model_meta,
    get_package_path,
    get_package_version,
    info,
    is_compatible_version,
    is_package,
    load_model_from_init_py,
    load_model_from_package,
    version_in_range,
)
from plait.registry import registry

CODE = '''
from plait.language import Language


@Language.component("pkg_test_mark")
def mark(doc):
    doc.user_data["marked"] = True
    return doc
'''


@pytest.mark.parametrize("version,constraint,expected", [
    ("0.1.0", ">=0.1.0,<0.2.0", True), ("0.2.0", ">=0.1.0,<0.2.0", False),
    ("0.1.9", ">=0.1.0,<0.2.0", True), ("1.0.0a1", ">=1.0.0", False),
    ("1.0.0", ">1.0.0a1", True), ("1.4.2", "~=1.4", True), ("2.0", "~=1.4", False),
    ("1.4.9", "~=1.4.2", True), ("1.5.0", "~=1.4.2", False), ("0.1.5", "==0.1.*", True),
    ("0.2.0", "!=0.2.*", False), ("0.1", "0.1.0", True), ("1.0.0.post1", ">1.0.0", True),
    ("1.0.0.dev1", "<1.0.0a1", True),
])
def test_version_in_range_follows_pep440_for_releases(version, constraint, expected):
    assert version_in_range(version, constraint) is expected


@pytest.mark.parametrize("constraint", ["", ">>1", "=>1.0", ">=x", "~=1", "<=1.*"])
def test_version_in_range_rejects_unreadable_constraints(constraint):
    with pytest.raises(InputError, match="E663"):
        version_in_range("1.0.0", constraint)
    assert is_compatible_version("1.0.0", constraint) is None


@given(st.lists(st.integers(0, 50), min_size=1, max_size=4))
def test_a_version_is_in_its_own_minor_range_and_bounds(parts):
    version = ".".join(map(str, parts))
    assert version_in_range(version, f">={version}")
    assert not version_in_range(version, f"<{version}")
    assert version_in_range(version, f"=={version}")
    if len(parts) >= 2:
        assert version_in_range(version, minor_version_range(version))


def test_is_package_finds_installed_distributions_only():
    assert is_package("numpy") and is_package("msgpack")
    assert not is_package("plait_no_such_package")
    assert not is_package("./some/path") and not is_package("")
    assert get_package_version("plait_no_such_package") is None
    assert get_package_version("plait") == __version__


def test_get_model_meta_rejects_missing_and_bad_meta(tmp_path):
    with pytest.raises(NotFound, match="E371"):
        get_model_meta(tmp_path)
    (tmp_path / "meta.json").write_text("{broken")
    with pytest.raises(FormatError, match="E378"):
        get_model_meta(tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "x"}))
    with pytest.raises(FormatError, match="E658.*version"):
        get_model_meta(tmp_path)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Two packages made by `plait package`, unpacked on sys.path: one for this plait, one
    declaring a plait range that excludes it."""
    from plait.cli.loading import import_code
    from plait.cli.package import package

    base = tmp_path_factory.mktemp("pkgs")
    code = base / "pkg_test_code.py"
    code.write_text(CODE)
    import_code([code])
    nlp = plait.blank("en")
    nlp.add_pipe("pkg_test_mark")
    nlp.to_disk(base / "pipe")
    site = base / "site"
    site.mkdir()
    meta = base / "future.json"
    meta.write_text(json.dumps({"plait_version": ">=9.0.0,<9.1.0"}))
    built = [
        package(base / "pipe", base, code_paths=[code], name="pkgtest", version="1.0.0",
                build="wheel"),
        package(base / "pipe", base, code_paths=[code], name="future", version="2.0.0",
                build="wheel", meta_path=meta),
    ]
    for root in built:
        with zipfile.ZipFile(next((root / "dist").glob("*.whl"))) as archive:
            archive.extractall(site)
    sys.path.insert(0, str(site))
    registry.refresh_entry_points()
    yield site
    sys.path.remove(str(site))
    for name in [m for m in sys.modules if m.split(".")[0] in ("en_pkgtest", "en_future")]:
        del sys.modules[name]
    registry.refresh_entry_points()


def test_load_finds_an_installed_package_by_name(installed):
    nlp = plait.load("en_pkgtest")
    assert nlp.pipe_names == ["pkg_test_mark"]
    assert nlp("hi").user_data["marked"] is True
    assert (nlp.meta["name"], nlp.meta["version"]) == ("pkgtest", "1.0.0")


def test_load_passes_options_to_the_package(installed):
    nlp = load_model_from_package("en_pkgtest", disable=["pkg_test_mark"])
    assert nlp.disabled == ["pkg_test_mark"]
    assert "marked" not in nlp("hi").user_data


def test_installed_pipelines_and_paths(installed):
    assert get_installed_pipelines()["en_pkgtest"] == "1.0.0"
    assert "en_future" in plait.packages.get_installed_models()
    assert get_package_path("en_pkgtest") == installed / "en_pkgtest"
    assert is_package("en_pkgtest") and is_package("en-pkgtest")


def test_a_package_for_another_plait_is_a_coded_error_naming_both(installed):
    with pytest.raises(CompatibilityError, match="E662") as err:
        plait.load("en_future")
    assert ">=9.0.0,<9.1.0" in str(err.value) and __version__ in str(err.value)


def test_a_package_without_its_data_folder_is_a_coded_error(installed, tmp_path):
    copy = tmp_path / "en_pkgtest"
    shutil.copytree(installed / "en_pkgtest", copy)
    shutil.rmtree(copy / "en_pkgtest-1.0.0")
    with pytest.raises(NotFound, match="E661"):
        load_model_from_init_py(copy / "__init__.py")


def test_unknown_names_and_non_pipeline_packages_are_coded_errors():
    with pytest.raises(NotFound, match="E370"):
        plait.load("en_plait_no_such_pipeline")
    with pytest.raises(NotFound, match="E659"):
        load_model_from_package("en_plait_no_such_pipeline")
    with pytest.raises(NotFound, match="E660"):
        load_model_from_package("msgpack")


def test_info_about_plait_lists_versions_and_pipelines(installed):
    data = info()
    assert data["plait version"] == __version__
    assert data["Pipelines"]["en_pkgtest"] == "1.0.0"
    text = info(markdown=True)
    assert text.startswith("## Info about plait") and "en_pkgtest (1.0.0)" in text


def test_info_about_a_package_or_path_returns_its_meta(installed, tmp_path):
    data = info("en_pkgtest")
    assert data["name"] == "pkgtest" and data["source"] == str(installed / "en_pkgtest")
    assert "labels" not in data
    plait.blank("en").to_disk(tmp_path / "p")
    assert info(str(tmp_path / "p"), exclude=[])["source"] == str((tmp_path / "p").resolve())
    with pytest.raises(NotFound, match="E659"):
        info("en_plait_no_such_pipeline")


def test_info_prints_unless_silent(capsys):
    info(silent=False)
    assert "plait version" in capsys.readouterr().out
    info()
    assert capsys.readouterr().out == ""


def test_get_package_path_of_a_missing_module_is_a_coded_error():
    with pytest.raises(NotFound, match="E659"):
        get_package_path("plait_no_such_module")


def test_meta_files_keep_plait_range(installed):
    meta = get_model_meta(installed / "en_pkgtest")
    assert meta["plait_version"] == minor_version_range()
    assert meta["requirements"] == [f"plait{minor_version_range()}"]
    assert Path(installed / "en_pkgtest" / "en_pkgtest-1.0.0" / "meta.json").is_file()
