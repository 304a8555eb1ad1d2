"""plait.config_fastpath: plain configs read and resolved without confection, same results."""

from typing import Literal, Optional, Union

import pytest
from hypothesis import given
from hypothesis import strategies as st

import plait
from plait import config_fastpath as fast
from plait import language_build
from plait.config import DEFAULT_CONFIG_STR, load_config_from_str
from plait.errors import ConfigError
from plait.language import Language
from plait.loading import builtin_pipeline_path
from plait.registry import registry


@registry.misc("test_fastpath_sized.v1")
def sized(width: int, name: str = "w", ratio: float | None = None) -> dict:
    return {"width": width, "name": name, "ratio": ratio}


@Language.factory("test_fastpath_pipe", default_config={"width": 2, "labels": []})
def make_pipe(nlp: Language, name: str, width: int, labels: list[str], mode: str = "a"):
    return lambda doc: doc


def test_parse_matches_confection_on_the_shipped_config():
    text = (builtin_pipeline_path("en_plait_sm") / "config.cfg").read_text()
    assert fast.parse_config_text(text) == dict(load_config_from_str(text))


def test_parse_matches_confection_on_the_default_config_with_comments_and_variables():
    parsed = fast.parse_config_text(DEFAULT_CONFIG_STR)
    assert parsed == dict(load_config_from_str(DEFAULT_CONFIG_STR))
    assert parsed["training"]["seed"] == "${system.seed}"


@pytest.mark.parametrize(
    "text",
    [
        "[a]\nx = hello",  # not JSON: confection decides
        "[a]\nx = [1,\n  2]",  # continuation line
        "[a.b]\nx = 1",  # no parent section
        "[a]\nx = 1\nx = 2",  # duplicate key
        "[a]\n[a]",  # duplicate section
        'x = 1\n[a]',  # key outside a section
        '[a]\nx = "pre ${a.y}"',  # variable inside a string
        "[a]\nx.y = 1",
    ],
)
def test_parse_leaves_anything_unusual_to_confection(text):
    assert fast.parse_config_text(text) is None


plain_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["a", "b", "@misc", "c"]), inner, max_size=3),
    max_leaves=8,
)
plain_configs = st.dictionaries(st.sampled_from(["a", "b", "c"]), plain_values, max_size=3)


@given(plain_configs, plain_configs)
def test_merge_agrees_with_confection(defaults, updates):
    from confection import Config

    expected = Config(defaults).merge(updates)
    merged = fast.merge(defaults, updates)
    assert merged == expected
    assert list(merged) == list(expected)


def test_resolve_calls_the_function_and_fills_its_defaults_in_order():
    made = fast.resolve({"@misc": "test_fastpath_sized.v1", "width": 3}, registry)
    assert made == ({"width": 3, "name": "w", "ratio": None},
                    {"@misc": "test_fastpath_sized.v1", "width": 3, "name": "w", "ratio": None})


@pytest.mark.parametrize(
    "block",
    [
        {"@misc": "test_fastpath_sized.v1"},  # required argument missing
        {"@misc": "test_fastpath_sized.v1", "width": "3"},  # wrong type
        {"@misc": "test_fastpath_sized.v1", "width": True},  # a bool is not an int here
        {"@misc": "test_fastpath_sized.v1", "width": 3, "depth": 1},  # unknown argument
        {"@misc": "no_such_function.v1", "width": 3},
        {"@nowhere": "test_fastpath_sized.v1", "width": 3},
        {"@misc": "test_fastpath_sized.v1", "@architectures": "x", "width": 3},
    ],
)
def test_resolve_leaves_blocks_it_cannot_vouch_for_to_confection(block):
    assert fast.resolve(block, registry) is None


@pytest.mark.parametrize(
    ("value", "hint", "expected"),
    [
        (1, int, True), (1.0, int, False), (True, int, False), (1, float, False),
        (None, Optional[int], True), ("x", Union[int, str], True),  # noqa: UP007, UP045
        (None, int | None, True), (2.5, int | None, False), (["a"], list[str], True),
        ([1], list[str], False), ({"a": 1}, dict[str, int], True), ("b", Literal["a"], False),
        (len, callable, False), (print, "unresolvable", False),
    ],
)
def test_matches_is_exact_and_says_no_when_unsure(value, hint, expected):
    assert fast.matches(value, hint) is expected


def test_add_pipe_with_plain_settings_records_the_same_config_as_confection(monkeypatch):
    nlp = plait.blank("en")
    nlp.add_pipe("test_fastpath_pipe", config={"labels": ["X"]})
    monkeypatch.setattr(language_build, "_create_plain_pipe", lambda *a, **k: None)
    slow = plait.blank("en")
    slow.add_pipe("test_fastpath_pipe", config={"labels": ["X"]})
    assert nlp.config.to_str() == slow.config.to_str()
    assert dict(nlp.get_pipe_config("test_fastpath_pipe")) == {
        "factory": "test_fastpath_pipe", "width": 2, "labels": ["X"], "mode": "a"}


def test_add_pipe_with_a_bad_setting_still_gets_its_coded_error():
    with pytest.raises(ConfigError, match="E190"):
        plait.blank("en").add_pipe("test_fastpath_pipe", config={"width": "wide"})
    with pytest.raises(ConfigError, match="E189"):
        plait.blank("en").add_pipe("test_fastpath_pipe", config={"depth": 1})


def test_from_config_of_the_shipped_config_matches_the_confection_path(monkeypatch):
    text = (builtin_pipeline_path("en_plait_sm") / "config.cfg").read_text()
    cls = plait.blank("en").__class__
    fast_nlp = cls.from_config(fast.parse_config_text(text))
    monkeypatch.setattr(language_build, "_prepare_plain", lambda *a, **k: None)
    monkeypatch.setattr(language_build, "_create_plain_pipe", lambda *a, **k: None)
    slow_nlp = cls.from_config(load_config_from_str(text))
    assert fast_nlp.config.to_str() == slow_nlp.config.to_str() == text
    assert fast_nlp.pipe_names == slow_nlp.pipe_names


def test_variables_must_name_a_value_for_the_fast_path():
    assert fast.variables_resolve({"a": {"x": 1}, "b": {"y": "${a.x}"}})
    assert not fast.variables_resolve({"a": {"x": 1}, "b": {"y": "${a.nope}"}})
    assert not fast.variables_resolve({"a": {"x": 1}, "b": {"y": "${a}"}})


def test_from_config_with_a_dangling_variable_is_still_a_config_error():
    text = (builtin_pipeline_path("en_plait_sm") / "config.cfg").read_text()
    text = text.replace("seed = ${system.seed}", "seed = ${system.nope}")
    with pytest.raises(ConfigError, match="E157"):
        plait.blank("en").__class__.from_config(fast.parse_config_text(text))


def test_a_block_left_to_confection_has_called_none_of_its_functions():
    calls = []

    @registry.misc("test_fastpath_counted.v1")
    def counted(size: int) -> int:
        calls.append(size)
        return size

    block = {"@misc": "test_fastpath_sized.v1", "width": {"@misc": "test_fastpath_counted.v1",
                                                          "size": 1}, "name": 3}
    assert fast.resolve(block, registry) is None
    assert calls == []
