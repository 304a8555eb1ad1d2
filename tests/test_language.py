"""Language: factories, pipeline management, from_config, running, meta, save/load."""

from __future__ import annotations

import pickle

import pytest

import plait
from plait.errors import (
    ConfigError,
    InputError,
    InputTypeError,
    LookupFailed,
    PipelineError,
    PlaitError,
)
from plait.language import Language, get_lang_class
from plait.registry import registry
from plait.tokens import Doc
from plait.util import load_config_from_str


class Tagger:
    """A stateful test component: marks docs and counts calls; saves its state."""

    def __init__(self, nlp: Language, name: str, label: str = "X", size: int = 1) -> None:
        self.name = name
        self.label = label
        self.size = size
        self.calls = 0

    @property
    def labels(self) -> list[str]:
        return [self.label]

    def __call__(self, doc: Doc) -> Doc:
        self.calls += 1
        doc.user_data[self.name] = self.label
        return doc

    def to_bytes(self, exclude=()) -> bytes:
        return self.label.encode("utf8")

    def from_bytes(self, data: bytes, exclude=()) -> Tagger:
        self.label = data.decode("utf8")
        return self


Language.factory(
    "test_tagger", default_config={"label": "X", "size": 1}, assigns=["token.tag"], func=Tagger
)


@Language.component("test_upper", requires=["token.tag"])
def upper_component(doc: Doc) -> Doc:
    doc.user_data["upper"] = True
    return doc


@Language.component("test_fails")
def failing_component(doc: Doc) -> Doc:
    raise RuntimeError("boom")


@Language.component("test_bad_return")
def bad_return(doc: Doc):
    return "not a doc"


class Batcher:
    """A component with its own `pipe` method, which must be used by nlp.pipe."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.batches: list[int] = []

    def __call__(self, doc: Doc) -> Doc:
        return doc

    def pipe(self, docs, batch_size: int = 128):
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) == batch_size:
                self.batches.append(len(batch))
                yield from batch
                batch = []
        if batch:
            self.batches.append(len(batch))
            yield from batch


Language.factory("test_batcher", func=Batcher)


@pytest.fixture
def nlp() -> Language:
    return Language()


def test_blank_english_makes_english_pipeline():
    nlp = plait.blank("en")
    assert nlp.lang == "en" and nlp.meta["lang"] == "en"
    assert [t.text for t in nlp("Hello world!")] == ["Hello", "world", "!"]


def test_unknown_language_is_coded_error_naming_entry_point_group():
    with pytest.raises(LookupFailed, match=r"E187.*plait_languages"):
        get_lang_class("zz_not_a_language")
    with pytest.raises(LookupFailed):
        plait.blank("zz_not_a_language")


def test_unknown_factory_is_coded_error_naming_entry_point_group(nlp):
    with pytest.raises(LookupFailed, match=r"E185.*plait_factories"):
        nlp.add_pipe("no_such_factory")


def test_add_pipe_returns_component_and_records_config(nlp):
    proc = nlp.add_pipe("test_tagger", config={"label": "Y"})
    assert isinstance(proc, Tagger) and proc.label == "Y"
    assert nlp.pipe_names == ["test_tagger"]
    assert nlp.config["components"]["test_tagger"] == {
        "factory": "test_tagger", "label": "Y", "size": 1
    }
    assert nlp.get_pipe_meta("test_tagger").assigns == ["token.tag"]


def test_two_components_from_one_factory_with_different_names(nlp):
    a = nlp.add_pipe("test_tagger", name="a", config={"label": "A"})
    b = nlp.add_pipe("test_tagger", name="b", config={"label": "B"})
    assert a is not b and nlp.pipe_names == ["a", "b"]
    doc = nlp("one two")
    assert doc.user_data == {"a": "A", "b": "B"}
    assert nlp.config["components"]["b"]["label"] == "B"


def test_add_pipe_positions(nlp):
    nlp.add_pipe("test_tagger", name="c")
    nlp.add_pipe("test_tagger", name="a", first=True)
    nlp.add_pipe("test_tagger", name="b", before="c")
    nlp.add_pipe("test_tagger", name="d", after="c")
    nlp.add_pipe("test_tagger", name="e", last=True)
    nlp.add_pipe("test_tagger", name="x", before=0)
    assert nlp.pipe_names == ["x", "a", "b", "c", "d", "e"]


@pytest.mark.parametrize(
    "kwargs,error",
    [
        ({"before": "a", "after": "a"}, PipelineError),
        ({"before": "missing"}, PipelineError),
        ({"after": 7}, PipelineError),
        ({"before": 1.5}, InputTypeError),
    ],
)
def test_add_pipe_rejects_bad_positions(nlp, kwargs, error):
    nlp.add_pipe("test_tagger", name="a")
    with pytest.raises(error):
        nlp.add_pipe("test_tagger", name="b", **kwargs)


def test_add_pipe_rejects_duplicate_name_and_callables(nlp):
    nlp.add_pipe("test_tagger")
    with pytest.raises(PipelineError, match="E170"):
        nlp.add_pipe("test_tagger")
    with pytest.raises(InputTypeError, match="E169"):
        nlp.add_pipe(upper_component)


def test_add_pipe_validates_config_against_factory_signature(nlp):
    with pytest.raises(ConfigError, match=r"E190.*components.t.*'size'.*int.*'big'"):
        nlp.add_pipe("test_tagger", name="t", config={"size": "big"})
    with pytest.raises(ConfigError, match=r"E189.*'colour'"):
        nlp.add_pipe("test_tagger", name="t", config={"colour": 1})
    with pytest.raises(InputTypeError, match="E192"):
        nlp.add_pipe("test_tagger", name="t", config=["label"])
    assert nlp.pipe_names == []


def test_factory_requires_nlp_and_name_arguments():
    with pytest.raises(ConfigError, match="E166"):
        Language.factory("test_bad_factory", func=lambda x: x)
    with pytest.raises(ConfigError, match="E161"):
        Language.factory("test_bad_assigns", assigns=["tag"], func=Tagger)


def test_language_specific_factory_is_preferred():
    English = get_lang_class("en")

    @English.factory("test_lang_specific")
    def make_en(nlp, name):
        return lambda doc: doc

    @Language.factory("test_lang_specific")
    def make_generic(nlp, name):
        return lambda doc: doc

    assert "en.test_lang_specific" in registry.factories
    en_proc = plait.blank("en").add_pipe("test_lang_specific")
    generic = Language().add_pipe("test_lang_specific")
    assert ".make_en." in en_proc.__qualname__
    assert ".make_generic." in generic.__qualname__
    assert English.has_factory("test_lang_specific") and Language.has_factory("test_tagger")
    assert English.get_factory_meta("test_tagger").factory == "test_tagger"


def test_pipeline_management_keeps_config_and_meta_in_sync(nlp):
    nlp.add_pipe("test_tagger", name="a")
    nlp.add_pipe("test_tagger", name="b", config={"label": "B"})
    nlp.config["initialize"]["components"] = {"a": {"x": 1}, "b": {"y": 2}}
    nlp.rename_pipe("a", "first")
    assert nlp.pipe_names == ["first", "b"]
    assert nlp.config["initialize"]["components"] == {"first": {"x": 1}, "b": {"y": 2}}
    nlp.replace_pipe("b", "test_upper")
    assert nlp.config["components"]["b"] == {"factory": "test_upper"}
    name, proc = nlp.remove_pipe("first")
    assert name == "first" and isinstance(proc, Tagger)
    assert nlp.config["nlp"]["pipeline"] == ["b"] and nlp.meta["pipeline"] == ["b"]
    assert nlp.config["initialize"]["components"] == {}
    assert nlp.has_pipe("b") and not nlp.has_pipe("first")
    with pytest.raises(LookupFailed, match="E168"):
        nlp.get_pipe("first")
    with pytest.raises(LookupFailed):
        nlp.rename_pipe("nope", "x")


def test_disable_enable_and_select_pipes(nlp):
    nlp.add_pipe("test_tagger", name="a")
    nlp.add_pipe("test_tagger", name="b")
    nlp.disable_pipe("a")
    assert nlp.pipe_names == ["b"] and nlp.component_names == ["a", "b"]
    assert nlp.disabled == ["a"] and nlp.config["nlp"]["disabled"] == ["a"]
    assert "a" not in nlp("x").user_data
    nlp.enable_pipe("a")
    with nlp.select_pipes(disable="b"):
        assert nlp.pipe_names == ["a"]
    assert nlp.pipe_names == ["a", "b"]
    disabled = nlp.select_pipes(enable=["b"])
    assert disabled == ["a"] and nlp.pipe_names == ["b"]
    disabled.restore()
    assert nlp.pipe_names == ["a", "b"]
    with pytest.raises(PipelineError, match="E174"):
        nlp.select_pipes()
    with pytest.raises(PipelineError, match="E175"):
        nlp.select_pipes(enable=["a"], disable=["a"])


def test_component_error_is_reraised_with_component_name(nlp):
    nlp.add_pipe("test_fails")
    with pytest.raises(PipelineError, match=r"E162.*'test_fails'.*boom") as info:
        nlp("text")
    assert isinstance(info.value.__cause__, RuntimeError)
    with pytest.raises(PipelineError, match="test_fails"):
        list(nlp.pipe(["a", "b"]))


def test_error_handler_can_skip_failures(nlp):
    nlp.add_pipe("test_fails")
    seen = []
    nlp.set_error_handler(lambda name, proc, docs, e: seen.append((name, type(e).__name__)))
    assert list(nlp.pipe(["a", "b"])) == []
    assert seen == [("test_fails", "RuntimeError")] * 2
    with pytest.raises(InputTypeError):
        nlp.set_error_handler("not callable")


def test_component_must_return_doc(nlp):
    nlp.add_pipe("test_bad_return")
    with pytest.raises(PipelineError, match="E184"):
        nlp("text")


def test_make_doc_checks_type_and_length(nlp):
    with pytest.raises(InputTypeError, match="E176"):
        nlp(42)
    nlp.max_length = 5
    with pytest.raises(InputError, match="E177"):
        nlp("too long text")


def test_pipe_streams_a_generator_in_order_and_uses_component_pipe(nlp):
    batcher = nlp.add_pipe("test_batcher")
    texts = (f"text {i}" for i in range(25))
    docs = nlp.pipe(texts, batch_size=10)
    first = next(docs)
    assert first.text == "text 0"
    rest = [doc.text for doc in docs]
    assert rest == [f"text {i}" for i in range(1, 25)]
    assert batcher.batches == [10, 10, 5]


def test_pipe_as_tuples_keeps_contexts(nlp):
    nlp.add_pipe("test_tagger")
    out = list(nlp.pipe([("a b", 1), ("c", {"id": 2})], as_tuples=True))
    assert [(d.text, c) for d, c in out] == [("a b", 1), ("c", {"id": 2})]
    with pytest.raises(InputError, match="E182"):
        list(nlp.pipe(["no context"], as_tuples=True))


def test_pipe_rejects_bad_arguments(nlp):
    with pytest.raises(InputError, match="E180"):
        nlp.pipe(["a"], batch_size=0)
    with pytest.raises(InputError, match="E181"):
        nlp.pipe(["a"], n_process=0)


def test_pipe_passes_component_cfg_and_disable(nlp):
    nlp.add_pipe("test_tagger", name="a")
    nlp.add_pipe("test_tagger", name="b")
    docs = list(nlp.pipe(["x"], disable=["a"]))
    assert docs[0].user_data == {"b": "X"}


def test_meta_has_every_field_and_is_validated(nlp):
    nlp.add_pipe("test_tagger", config={"label": "L"})
    meta = nlp.meta
    for key in ("lang", "name", "version", "plait_version", "description", "author", "email",
                "url", "license", "sources", "pipeline", "components", "disabled", "labels",
                "performance"):
        assert key in meta
    assert meta["plait_version"].startswith(">=") and ",<" in meta["plait_version"]
    assert meta["labels"] == {"test_tagger": ["L"]}
    nlp.meta = {"name": "mine", "version": "1.2.3"}
    assert nlp.meta["name"] == "mine"
    with pytest.raises(ConfigError, match="E159"):
        nlp.meta = {"name": 5}
    with pytest.raises(ConfigError, match="E160"):
        nlp.meta = {"extra": object()}
    with pytest.raises(ConfigError, match="E158"):
        nlp.meta = ["not", "a", "dict"]


def test_from_config_builds_pipeline_with_variables_kept(tmp_path):
    config = load_config_from_str(
        """
[paths]
label = "FROM_VAR"

[nlp]
lang = "en"
pipeline = ["one", "two"]
disabled = ["two"]
batch_size = 7

[components]

[components.one]
factory = "test_tagger"
label = ${paths.label}

[components.two]
factory = "test_tagger"
size = 3
"""
    )
    nlp = get_lang_class("en").from_config(config)
    assert nlp.component_names == ["one", "two"] and nlp.disabled == ["two"]
    assert nlp.get_pipe("one").label == "FROM_VAR" and nlp.batch_size == 7
    assert nlp.config["components"]["one"]["label"] == "${paths.label}"
    text = nlp.config.to_str()
    assert "label = ${paths.label}" in text
    nlp2 = get_lang_class("en").from_config(load_config_from_str(text))
    assert nlp2.config.to_str() == text
    assert nlp2.get_pipe("one").label == "FROM_VAR"


def test_from_config_disable_enable_exclude():
    config = {
        "nlp": {"lang": None, "pipeline": ["a", "b", "c"]},
        "components": {n: {"factory": "test_tagger"} for n in "abc"},
    }
    nlp = Language.from_config(config, disable=["a"], exclude="c")
    assert nlp.component_names == ["a", "b"] and nlp.disabled == ["a"]
    nlp = Language.from_config(config, enable=["b"])
    assert nlp.pipe_names == ["b"] and nlp.disabled == ["a", "c"]
    with pytest.raises(PipelineError, match="E175"):
        Language.from_config(config, enable=["b"], disable=["b"])


def test_from_config_errors_are_coded():
    with pytest.raises(ConfigError, match="E198"):
        Language.from_config({"nlp": {"lang": "en"}})
    with pytest.raises(ConfigError, match="E201"):
        Language.from_config({"nlp": {"pipeline": ["x"]}, "components": {}})
    with pytest.raises(ConfigError, match="E202"):
        Language.from_config({"nlp": {"pipeline": ["x"]}, "components": {"x": {}}})
    with pytest.raises(ConfigError, match=r"E190.*\[nlp\].*batch_size"):
        Language.from_config({"nlp": {"batch_size": "many"}})
    with pytest.raises(LookupFailed, match=r"E150.*plait_tokenizers"):
        Language.from_config({"nlp": {"tokenizer": {"@tokenizers": "nope.v1"}}})
    with pytest.raises(ConfigError, match=r"E190.*label"):
        Language.from_config({
            "nlp": {"pipeline": ["x"]},
            "components": {"x": {"factory": "test_tagger", "label": 3}},
        })


def test_from_config_never_resolves_training_section():
    config = {"training": {"logger": {"@loggers": "not_registered.v1"}}}
    nlp = Language.from_config(config)
    assert nlp.config["training"]["logger"] == {"@loggers": "not_registered.v1"}


def test_creation_callbacks_run_in_order():
    calls = []

    @registry.callbacks("test_after_creation.v1")
    def after_creation():
        def callback(nlp):
            calls.append("after_creation")
            nlp.meta["name"] = "renamed"
            return nlp
        return callback

    @registry.callbacks("test_after_pipeline.v1")
    def after_pipeline():
        def callback(nlp):
            calls.append(("after_pipeline", nlp.pipe_names))
            return nlp
        return callback

    @registry.callbacks("test_bad_before.v1")
    def bad_before():
        return lambda cls: "not a class"

    config = {
        "nlp": {
            "pipeline": ["t"],
            "after_creation": {"@callbacks": "test_after_creation.v1"},
            "after_pipeline_creation": {"@callbacks": "test_after_pipeline.v1"},
        },
        "components": {"t": {"factory": "test_tagger"}},
    }
    nlp = Language.from_config(config)
    assert calls == ["after_creation", ("after_pipeline", ["t"])]
    assert nlp.meta["name"] == "renamed"
    with pytest.raises(ConfigError, match="E199"):
        Language.from_config({"nlp": {"before_creation": {"@callbacks": "test_bad_before.v1"}}})


def test_sourced_component_copies_config_and_strings():
    source = Language()
    source.add_pipe("test_tagger", name="src", config={"label": "S"})
    source.vocab.strings.add("only-in-source")
    nlp = plait.blank("xx") if _has_lang("xx") else Language()
    proc = nlp.add_pipe("src", name="copied", source=source)
    assert proc is source.get_pipe("src")
    assert "only-in-source" in nlp.vocab.strings
    assert nlp.config["components"]["copied"] == {"factory": "test_tagger", "label": "S",
                                                  "size": 1}
    with pytest.raises(LookupFailed, match="E195"):
        nlp.add_pipe("missing", source=source)


def test_from_config_sources_from_saved_pipeline_once(tmp_path):
    source = Language()
    source.add_pipe("test_tagger", name="t", config={"label": "SAVED"})
    source.to_disk(tmp_path / "src")
    config = {
        "nlp": {"pipeline": ["t1", "t2"]},
        "components": {
            "t1": {"source": str(tmp_path / "src"), "component": "t"},
            "t2": {"source": str(tmp_path / "src"), "component": "t"},
        },
    }
    nlp = Language.from_config(config)
    assert nlp.get_pipe("t1") is nlp.get_pipe("t2")  # the source was loaded once
    assert nlp.get_pipe("t1").label == "SAVED"
    assert nlp.config["components"]["t1"]["factory"] == "test_tagger"


def _has_lang(code: str) -> bool:
    try:
        get_lang_class(code)
    except PlaitError:
        return False
    return True


def test_save_and_reload_gives_same_pipeline(tmp_path, nlp):
    nlp.add_pipe("test_tagger", name="a", config={"label": "A"})
    nlp.add_pipe("test_upper", name="up")
    nlp.disable_pipe("up")
    nlp.get_pipe("a").label = "CHANGED"
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "config.cfg").exists() and (tmp_path / "p" / "meta.json").exists()
    loaded = plait.util.load_model_from_path(tmp_path / "p")
    assert loaded.component_names == ["a", "up"] and loaded.disabled == ["up"]
    assert loaded.get_pipe("a").label == "CHANGED"
    assert loaded.config.to_str() == nlp.config.to_str()
    assert loaded.meta == nlp.meta


def test_to_bytes_round_trip_and_exclude(nlp):
    nlp.add_pipe("test_tagger", config={"label": "A"})
    nlp.get_pipe("test_tagger").label = "B"
    data = nlp.to_bytes()
    other = Language.from_config(nlp.config)
    assert other.get_pipe("test_tagger").label == "A"
    other.from_bytes(data)
    assert other.get_pipe("test_tagger").label == "B"
    other.get_pipe("test_tagger").label = "C"
    other.from_bytes(data, exclude=["test_tagger"])
    assert other.get_pipe("test_tagger").label == "C"
    with pytest.raises(InputError, match="E007"):
        nlp.to_bytes(exclude=["no_such_part"])


def test_pickle_goes_through_pipeline_bytes(nlp):
    nlp.add_pipe("test_tagger", config={"label": "P"})
    copy = pickle.loads(pickle.dumps(nlp))
    assert copy.pipe_names == ["test_tagger"] and copy.get_pipe("test_tagger").label == "P"


def test_analyze_pipes_via_language(nlp):
    nlp.add_pipe("test_tagger")
    nlp.add_pipe("test_upper")
    result = nlp.analyze_pipes()
    assert result["problems"] == {"test_tagger": [], "test_upper": []}
