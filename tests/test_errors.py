"""The error catalogue: codes are unique, well-formed, documented, and raise as coded text."""

import importlib.util
import re
from pathlib import Path

import pytest

from plait import errors
from plait.errors import Errors, Warnings

ROOT = Path(__file__).resolve().parent.parent


def _load_doc_script():
    spec = importlib.util.spec_from_file_location("errors_doc", ROOT / "scripts" / "errors_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_messages_read_with_their_code():
    assert Errors.E001.startswith("[E001] ")
    assert Warnings.W001.startswith("[W001] ")


@pytest.mark.parametrize("cls", [Errors, Warnings])
def test_codes_are_well_formed(cls):
    for name in vars(cls):
        if name.startswith("_"):
            continue
        assert re.fullmatch(r"[EW]\d{3}", name), name


def test_families_subclass_builtin_exceptions():
    assert issubclass(errors.InputError, ValueError)
    assert issubclass(errors.LookupFailed, KeyError)
    assert issubclass(errors.ExtensionError, AttributeError)
    for family in (errors.InputError, errors.ConfigError, errors.FormatError, errors.PipelineError):
        assert issubclass(family, errors.PlaitError)


def test_lookup_failed_message_is_not_quoted():
    err = errors.LookupFailed(Errors.E002.format(key=5))
    assert str(err).startswith("[E002]")


def test_errors_doc_is_in_sync():
    expected = _load_doc_script().render()
    actual = (ROOT / "docs" / "errors.md").read_text(encoding="utf8")
    assert actual == expected, "docs/errors.md is stale: run `python scripts/errors_doc.py`"
