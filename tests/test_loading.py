"""plait.load, plait.from_bytes, check_compatibility, checksums and atomic saving."""

import json
from pathlib import Path

import pytest

import plait
from plait.errors import (
    CompatibilityError,
    ConfigError,
    FormatError,
    LookupFailed,
    NotFound,
    PipelineError,
)
from plait.language import Language


@Language.factory("test_json_keeper", default_config={"size": 1})
class JsonKeeper:
    """A custom component that keeps its data in data.json."""

    def __init__(self, nlp, name, size: int):
        self.data = {"size": size}

    def __call__(self, doc):
        doc.user_data["keeper"] = self.data.get("learned")
        return doc

    def to_disk(self, path, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "data.json").write_text(json.dumps(self.data))

    def from_disk(self, path, exclude=()):
        self.data = json.loads((Path(path) / "data.json").read_text())
        return self


@pytest.fixture
def saved(tmp_path):
    nlp = plait.blank("en")
    nlp.add_pipe("test_json_keeper", config={"size": 3}).data["learned"] = [1, 2]
    nlp.add_pipe("test_json_keeper", name="off")
    nlp.disable_pipe("off")
    path = tmp_path / "pipeline"
    nlp.to_disk(path)
    return path


def test_load_round_trips_a_custom_component_with_data_json(saved):
    nlp = plait.load(saved)
    assert nlp.component_names == ["test_json_keeper", "off"]
    assert nlp.get_pipe("test_json_keeper").data == {"size": 3, "learned": [1, 2]}
    assert nlp("hi").user_data["keeper"] == [1, 2]


def test_load_keeps_a_disabled_component_disabled(saved):
    nlp = plait.load(saved)
    assert nlp.disabled == ["off"] and nlp.pipe_names == ["test_json_keeper"]


def test_load_disable_and_exclude(saved):
    nlp = plait.load(saved, disable=["test_json_keeper"])
    assert "test_json_keeper" in nlp.disabled
    nlp = plait.load(saved, exclude=["off"])
    assert nlp.component_names == ["test_json_keeper"]


def test_load_applies_config_overrides(saved):
    nlp = plait.load(saved, config={"nlp.batch_size": 7})
    assert nlp.batch_size == 7


def test_saved_pipeline_has_checksums_for_every_file(saved):
    meta = json.loads((saved / "meta.json").read_text())
    files = {p.relative_to(saved).as_posix() for p in saved.rglob("*") if p.is_file()}
    assert set(meta["checksums"]) == files - {"meta.json"}


def test_load_detects_a_changed_file_by_checksum(saved):
    (saved / "test_json_keeper" / "data.json").write_text('{"size": 9}')
    with pytest.raises(FormatError, match="E372.*test_json_keeper/data.json"):
        plait.load(saved)


def test_load_detects_a_missing_file(saved):
    (saved / "tokenizer").unlink()
    with pytest.raises(FormatError, match="E374.*tokenizer"):
        plait.load(saved)


def test_load_rejects_a_missing_path(tmp_path):
    with pytest.raises(NotFound, match="E370"):
        plait.load(tmp_path / "nothing")
    with pytest.raises(OSError):  # spaCy users catch OSError
        plait.load(str(tmp_path / "nothing"))


def test_load_rejects_a_directory_that_is_not_a_pipeline(tmp_path):
    with pytest.raises(FormatError, match="E371.*config.cfg"):
        plait.load(tmp_path)


def test_load_rejects_a_pipeline_from_a_newer_plait(saved):
    meta = json.loads((saved / "meta.json").read_text())
    meta["plait_version"] = ">=9.0.0,<9.1.0"
    (saved / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(CompatibilityError, match="E373"):
        plait.load(saved)
    result = plait.check_compatibility(saved)
    assert not result and "E373" in result.reasons[0]


def test_load_warns_for_a_pipeline_from_an_older_plait(saved):
    meta = json.loads((saved / "meta.json").read_text())
    meta["plait_version"] = ">=0.0.1,<0.0.2"
    (saved / "meta.json").write_text(json.dumps(meta))
    with pytest.warns(UserWarning, match="W070"):
        plait.load(saved)


def test_load_names_an_unknown_factory_and_the_entry_point_group(saved):
    cfg = (saved / "config.cfg").read_text().replace('"test_json_keeper"', '"not_registered"')
    (saved / "config.cfg").write_text(cfg)
    meta = json.loads((saved / "meta.json").read_text())
    del meta["checksums"]
    meta["requirements"] = ["plait-extra>=1"]
    (saved / "meta.json").write_text(json.dumps(meta))
    with pytest.warns(UserWarning, match="W071"), pytest.raises(
        LookupFailed, match="E377.*not_registered.*plait-extra.*plait_factories"
    ):
        plait.load(saved)
    result = plait.check_compatibility(saved)
    assert not result and result.missing_factories == ["not_registered", "not_registered"]


def test_check_compatibility_of_a_good_pipeline(saved):
    result = plait.check_compatibility(saved)
    assert result and result.reasons == []
    assert not plait.check_compatibility(saved / "missing")


def test_to_disk_replaces_an_existing_pipeline_whole(saved):
    nlp = plait.blank("en")
    nlp.to_disk(saved)
    assert not (saved / "test_json_keeper").exists()
    assert plait.load(saved).component_names == []
    assert [p.name for p in saved.parent.iterdir()] == ["pipeline"]


def test_to_disk_failure_leaves_the_old_pipeline(saved):
    class Broken:
        def __call__(self, doc):
            return doc

        def to_disk(self, path, exclude=()):
            raise RuntimeError("disk full")

    Language.component("test_broken_saver", func=lambda doc: doc)
    nlp = plait.blank("en")
    nlp.add_pipe("test_broken_saver")
    nlp._components[0] = ("test_broken_saver", Broken())
    with pytest.raises(RuntimeError):
        nlp.to_disk(saved)
    assert plait.load(saved).component_names == ["test_json_keeper", "off"]
    assert [p.name for p in saved.parent.iterdir()] == ["pipeline"]


def test_to_disk_refuses_to_replace_a_directory_that_is_not_a_pipeline(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(PipelineError, match="E379"):
        plait.blank("en").to_disk(tmp_path)
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_from_bytes_rebuilds_the_whole_pipeline():
    nlp = plait.blank("en")
    nlp.add_pipe("test_json_keeper", config={"size": 4})
    nlp.vocab.strings.add("rare-word")
    again = plait.from_bytes(nlp.to_bytes())
    assert type(again) is type(nlp) and again.component_names == ["test_json_keeper"]
    assert again.get_pipe("test_json_keeper").data["size"] == 4
    assert "rare-word" in again.vocab.strings


def test_blank_from_disk_and_from_bytes_after_adding_the_same_components(saved):
    nlp = plait.blank("en")
    nlp.add_pipe("test_json_keeper")
    nlp.add_pipe("test_json_keeper", name="off")
    nlp.from_disk(saved)
    assert nlp.get_pipe("test_json_keeper").data["learned"] == [1, 2]
    other = plait.blank("en")
    other.add_pipe("test_json_keeper")
    other.add_pipe("test_json_keeper", name="off")
    assert other.from_bytes(nlp.to_bytes()).component_names == ["test_json_keeper", "off"]


@pytest.mark.parametrize("data", [b"", b"\x93\x01\x02\x03", b"\x81\xa3abc\x01"])
def test_from_bytes_rejects_data_that_is_not_a_pipeline(data):
    with pytest.raises(FormatError, match="E376"):
        plait.from_bytes(data)


@pytest.mark.parametrize("part", ["vocab", "tokenizer", "test_json_keeper"])
def test_to_bytes_exclude_each_part(part):
    nlp = plait.blank("en")
    nlp.add_pipe("test_json_keeper")
    nlp.vocab.strings.add("only-here")
    data = nlp.to_bytes(exclude=[part])
    other = plait.blank("en")
    other.add_pipe("test_json_keeper")
    other.from_bytes(data)
    assert ("only-here" in other.vocab.strings) == (part != "vocab")


# --- the fast load path (issue 12): same checks, same results -------------------------------


def _rewrite_checksums(path):
    from plait.loading import CHECKSUM_KEY, directory_checksums

    meta = json.loads((path / "meta.json").read_text())
    meta[CHECKSUM_KEY] = directory_checksums(path)
    (path / "meta.json").write_text(json.dumps(meta))


@pytest.fixture
def saved_weights(tmp_path):
    """A saved pipeline with a big (background-checked) weights file."""
    import numpy as np

    from plait.persist import dump

    nlp = plait.blank("en")
    nlp.add_pipe("test_json_keeper")
    path = tmp_path / "weights"
    nlp.to_disk(path)
    dump({"W": np.arange(1 << 17, dtype=np.float32)}, path / "test_json_keeper" / "big.plait")
    _rewrite_checksums(path)
    return path


def test_file_checksum_matches_hashlib(tmp_path):
    import hashlib

    from plait.loading import file_checksum

    for size in (0, 1, 1 << 20):
        target = tmp_path / f"f{size}"
        target.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
        expected = hashlib.sha256(target.read_bytes()).hexdigest()
        assert file_checksum(target) == f"sha256:{expected}"


def test_load_detects_a_changed_big_file_checked_in_the_background(saved_weights):
    target = saved_weights / "test_json_keeper" / "big.plait"
    data = bytearray(target.read_bytes())
    data[-1] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(FormatError, match="E372.*big.plait"):
        plait.load(saved_weights)


def test_a_damaged_big_file_is_reported_before_an_unknown_factory(saved_weights):
    cfg = (saved_weights / "config.cfg").read_text().replace('"test_json_keeper"', '"nope"')
    (saved_weights / "config.cfg").write_text(cfg)
    _rewrite_checksums(saved_weights)
    target = saved_weights / "test_json_keeper" / "big.plait"
    target.write_bytes(target.read_bytes()[:-4] + b"\0\0\0\1")
    with pytest.raises(FormatError, match="E372.*big.plait"):
        plait.load(saved_weights)


def test_load_restores_the_garbage_collector_state(saved):
    import gc

    assert gc.isenabled()
    plait.load(saved)
    assert gc.isenabled()
    gc.disable()
    try:
        plait.load(saved)
        assert not gc.isenabled()
    finally:
        gc.enable()
    (saved / "tokenizer").unlink()
    with pytest.raises(FormatError):
        plait.load(saved)
    assert gc.isenabled()


def test_load_keeps_the_saved_config_text_and_config_overrides(saved):
    nlp = plait.load(saved)
    assert nlp.config.to_str() == (saved / "config.cfg").read_text()
    nlp = plait.load(saved, config={"components.test_json_keeper.size": 5})
    assert nlp.config["components"]["test_json_keeper"]["size"] == 5


def test_load_of_a_config_with_a_bad_setting_is_a_coded_config_error(saved):
    cfg = (saved / "config.cfg").read_text().replace("size = 3", 'size = "big"')
    (saved / "config.cfg").write_text(cfg)
    _rewrite_checksums(saved)
    with pytest.raises(ConfigError, match="E190"):
        plait.load(saved)


def test_loading_the_shipped_pipeline_does_not_import_config_or_training_machinery(fresh_python):
    # what a load and a first doc need none of: confection (saved configs are plain), the
    # random generator (weights come from the files), the Scorer, the optimizers
    unneeded = ["confection", "numpy.random", "plait.training.scorer", "plait.ml.optimizers"]
    code = ("import sys, plait; nlp = plait.load('en_plait_sm'); nlp('A test.'); "
            f"print([m for m in {unneeded!r} if m in sys.modules])")
    assert fresh_python(code) == "[]"
