"""Tokenizer exception tables: the built-in ones are valid, `update_exc` checks the rest.

The language modules merge their tables without checks at import (`merge_builtin_exc`), so
this is where every built-in table is checked against the rules `update_exc` enforces.
"""

from __future__ import annotations

import importlib

import pytest

from plait.attrs import NORM, ORTH
from plait.errors import InputError, InputTypeError
from plait.lang.tokenizer_exceptions import (
    BASE_EXCEPTIONS,
    merge_builtin_exc,
    update_exc,
    validate_exception,
)
from plait.util import get_lang_class

BUILTIN_TABLES = ["en", "de", "es", "fr", "it", "nl", "pt"]


@pytest.mark.parametrize("lang", BUILTIN_TABLES)
def test_builtin_table_passes_update_exc_unchanged(lang):
    table = importlib.import_module(f"plait.lang.{lang}.tokenizer_exceptions").TOKENIZER_EXCEPTIONS
    # update_exc validates each entry and converts it to {ORTH: ..., NORM: ...} dicts: a
    # table already in that form comes back equal
    assert update_exc(table) == table
    assert set(BASE_EXCEPTIONS) <= set(table)


def test_base_table_passes_update_exc_unchanged():
    assert update_exc(BASE_EXCEPTIONS) == BASE_EXCEPTIONS


@pytest.mark.parametrize("lang", [*BUILTIN_TABLES, "xx"])
def test_language_defaults_use_the_builtin_table(lang):
    defaults = get_lang_class(lang).Defaults
    if lang == "xx":
        assert defaults.tokenizer_exceptions is BASE_EXCEPTIONS
    else:
        module = importlib.import_module(f"plait.lang.{lang}.tokenizer_exceptions")
        assert defaults.tokenizer_exceptions is module.TOKENIZER_EXCEPTIONS


def test_merge_builtin_exc_lets_later_tables_win_and_copies_the_top_level():
    first = {"a.": [{ORTH: "a."}], "b.": [{ORTH: "b."}]}
    second = {"b.": [{ORTH: "b", NORM: "bee"}, {ORTH: "."}]}
    merged = merge_builtin_exc(first, second)
    assert merged == {"a.": [{ORTH: "a."}], "b.": [{ORTH: "b", NORM: "bee"}, {ORTH: "."}]}
    merged["c."] = [{ORTH: "c."}]
    assert "c." not in first and "c." not in second


def test_update_exc_converts_attribute_names():
    table = update_exc({"don't": [{"ORTH": "do"}, {"orth": "n't", "norm": "not"}]})
    assert table == {"don't": [{ORTH: "do"}, {ORTH: "n't", NORM: "not"}]}


@pytest.mark.parametrize(
    ("string", "tokens", "error", "code"),
    [
        ("ab", [{ORTH: "a"}, {ORTH: "c"}], InputError, "E103"),
        ("ab", [{NORM: "ab"}], InputError, "E101"),
        ("ab", [{ORTH: "ab", "TAG": "NN"}], InputError, "E106"),
        ("ab", [{ORTH: "ab", NORM: 3}], InputError, "E102"),
        ("ab", {ORTH: "ab"}, InputTypeError, "E100"),
        (5, [{ORTH: "5"}], InputTypeError, "E104"),
    ],
)
def test_update_exc_rejects_bad_entries_with_coded_errors(string, tokens, error, code):
    with pytest.raises(error, match=code):
        update_exc(BASE_EXCEPTIONS, {string: tokens})
    with pytest.raises(error, match=code):
        validate_exception(string, tokens)


def test_update_exc_rejects_a_table_that_is_not_a_mapping():
    with pytest.raises(InputTypeError, match="E105"):
        update_exc(BASE_EXCEPTIONS, [("ab", [{ORTH: "ab"}])])
