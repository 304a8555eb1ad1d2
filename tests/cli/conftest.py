"""Fixtures for the command-line tests: a saved pipeline, a code file, installing wheels."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import plait
from plait.cli import app
from plait.registry import registry

EXAMPLE_DIR = Path(__file__).parents[2] / "examples" / "plait-example-package"

CODE = '''
from plait.language import Language


@Language.factory("cli_test_shout", default_config={"suffix": "!"})
class Shout:
    def __init__(self, nlp, name, suffix):
        self.suffix = suffix

    def __call__(self, doc):
        doc.user_data["shout"] = doc.text.upper() + self.suffix
        return doc
'''


@pytest.fixture
def run():
    """Invoke the `plait` app with arguments; returns click's Result."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input)

    return invoke


@pytest.fixture(scope="session")
def code_file(tmp_path_factory) -> Path:
    """A .py file registering the factory `cli_test_shout`."""
    path = tmp_path_factory.mktemp("code") / "cli_test_shout_code.py"
    path.write_text(CODE, encoding="utf8")
    return path


@pytest.fixture(scope="session")
def saved_pipeline(tmp_path_factory, code_file) -> Path:
    """A saved English pipeline with the custom `cli_test_shout` and a sentencizer."""
    from plait.cli.loading import import_code

    import_code([code_file])
    nlp = plait.blank("en")
    nlp.add_pipe("cli_test_shout", config={"suffix": "!!"})
    nlp.add_pipe("sentencizer")
    path = tmp_path_factory.mktemp("pipelines") / "shout"
    nlp.to_disk(path)
    return path


def install_wheel(wheel: Path, site: Path) -> None:
    """Unpack a wheel into `site`, put it on sys.path and re-read entry points (a pip install
    without pip: a pure wheel is its files plus a .dist-info folder)."""
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    if str(site) not in sys.path:
        sys.path.insert(0, str(site))
    registry.refresh_entry_points()


def uninstall(site: Path, modules: list[str]) -> None:
    """Undo `install_wheel`: drop `site` from sys.path and the modules from sys.modules."""
    if str(site) in sys.path:
        sys.path.remove(str(site))
    for name in list(sys.modules):
        if name.split(".")[0] in modules:
            del sys.modules[name]
    registry.refresh_entry_points()


@pytest.fixture(scope="session")
def example_installed(tmp_path_factory):
    """The example package of examples/ built with plait's wheel builder and installed."""
    from plait.cli.package_build import ProjectSpec, build_wheel

    spec = ProjectSpec.from_pyproject(EXAMPLE_DIR)
    wheel = build_wheel(spec, tmp_path_factory.mktemp("example_dist"))
    site = tmp_path_factory.mktemp("example_site")
    install_wheel(wheel, site)
    yield site
    uninstall(site, ["plait_example"])
