"""Config helpers: loading, variables, copying, stable section order, coded errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plait.config import CONFIG_SECTION_ORDER, copy_config, default_config
from plait.errors import ConfigError, FormatError
from plait.language import Language
from plait.util import load_config, load_config_from_str

CFG = """
[paths]
name = "value"

[nlp]
lang = null
pipeline = []

[training]
label = ${paths.name}
"""


def test_load_config_keeps_variables_unless_interpolated(tmp_path):
    raw = load_config_from_str(CFG)
    assert raw["training"]["label"] == "${paths.name}"
    assert load_config_from_str(CFG, interpolate=True)["training"]["label"] == "value"
    path = tmp_path / "config.cfg"
    path.write_text(CFG, encoding="utf8")
    assert load_config(path)["training"]["label"] == "${paths.name}"
    assert load_config(path, overrides={"paths.name": "other"}, interpolate=True)[
        "training"]["label"] == "other"


def test_config_variables_survive_a_pipeline_round_trip():
    nlp = Language.from_config(load_config_from_str(CFG))
    text = nlp.config.to_str()
    assert "label = ${paths.name}" in text
    again = Language.from_config(load_config_from_str(text))
    assert again.config.to_str() == text


def test_sections_come_out_in_one_fixed_order():
    shuffled = {"initialize": {}, "training": {}, "nlp": {"pipeline": []}, "paths": {}}
    text = Language.from_config(shuffled).config.to_str()
    headers = [line[1:-1] for line in text.splitlines() if line.startswith("[")
               and "." not in line]
    assert headers == [s for s in CONFIG_SECTION_ORDER if s in headers]


def test_copy_config_is_deep():
    config = default_config()
    copied = copy_config(config)
    copied["nlp"]["pipeline"].append("x")
    assert config["nlp"]["pipeline"] == []
    with pytest.raises(ConfigError, match="E156"):
        copy_config({"a": {"b": (x for x in [])}})


def test_load_config_errors_are_coded(tmp_path):
    with pytest.raises(FormatError, match="E154"):
        load_config(tmp_path / "missing.cfg")
    with pytest.raises(ConfigError, match="E153"):
        load_config_from_str("[nlp]\nlang = ${paths.nope}\n", interpolate=True)
    bad = tmp_path / "bad.cfg"
    bad.write_text("[nlp\nlang = 1", encoding="utf8")
    with pytest.raises(ConfigError, match=r"E153.*bad.cfg"):
        load_config(bad)


def test_default_config_names_the_plait_tokenizer():
    assert Language.default_config["nlp"]["tokenizer"] == {"@tokenizers": "plait.Tokenizer.v1"}
    assert Language.default_config["nlp"]["lang"] is None


@settings(max_examples=25, deadline=None)
@given(
    batch_size=st.integers(min_value=1, max_value=10**6),
    label=st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12),
)
def test_saved_config_is_stable_byte_for_byte(batch_size, label):
    config = {"paths": {"label": label}, "nlp": {"batch_size": batch_size}}
    text = Language.from_config(config).config.to_str()
    nlp = Language.from_config(load_config_from_str(text))
    assert nlp.config.to_str() == text
    assert nlp.batch_size == batch_size
