"""PipelineSpec: a pipeline rebuilt from config and bytes, with extensions and mapped vectors."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from plait.errors import PipelineError, PlaitWarning
from plait.language import Language
from plait.parallel.shipping import (
    attach_vectors,
    build_or_report,
    collect_extensions,
    make_spec,
    register_extensions,
    registry_modules,
    write_vectors,
)
from plait.tokens import Doc, Token
from plait.vocab import Vocab


def _upper(token):
    return token.text.upper()


def test_spec_rebuilds_an_equal_pipeline_after_a_pickle_round_trip():
    nlp = Language()
    nlp.add_pipe("sentencizer")
    spec = pickle.loads(pickle.dumps(make_spec(nlp, start_method="spawn")))
    rebuilt = spec.build()
    assert rebuilt is not nlp and rebuilt.pipe_names == ["sentencizer"]
    text = "One. Two! Three"
    assert [s.text for s in rebuilt(text).sents] == [s.text for s in nlp(text).sents]


def test_forked_workers_get_no_extensions_others_get_the_sendable_ones():
    Token.set_extension("ship_upper", getter=_upper, force=True)
    try:
        assert make_spec(Language(), start_method="fork").extensions == []
        sent = make_spec(Language(), start_method="spawn").extensions
        assert ("Token", "ship_upper", (None, None, _upper, None)) in sent
    finally:
        Token.remove_extension("ship_upper")


def test_unsendable_extension_warns_and_is_left_out():
    Doc.set_extension("ship_lambda", getter=lambda doc: 1, force=True)
    try:
        with pytest.warns(PlaitWarning, match="W090.*ship_lambda"):
            found = collect_extensions("spawn")
        assert all(name != "ship_lambda" for _cls, name, _ext in found)
    finally:
        Doc.remove_extension("ship_lambda")


def test_register_extensions_restores_defaults_getters_and_methods():
    specs = [("Doc", "ship_default", ([], None, None, None)),
             ("Token", "ship_getter", (None, None, _upper, None))]
    register_extensions(specs)
    try:
        doc = Doc(Vocab(), words=["ab", "c"])
        assert doc._.ship_default == [] and doc[0]._.ship_getter == "AB"
    finally:
        Doc.remove_extension("ship_default")
        Token.remove_extension("ship_getter")


def test_registry_modules_never_lists_plait_or_main():
    modules = registry_modules()
    assert not any(m.split(".")[0] == "plait" or m in ("__main__", "__mp_main__") for m in modules)


def test_vectors_written_once_come_back_memory_mapped(tmp_path):
    vocab = Vocab()
    for i, word in enumerate(["a", "b", "c"]):
        vocab.set_vector(word, np.full(4, i, dtype=np.float32))
    write_vectors(vocab, str(tmp_path / "v"))
    other = Vocab()
    other.strings.add_many(["a", "b", "c"])
    attach_vectors(other, str(tmp_path / "v"))
    assert isinstance(other.vectors.data, np.memmap) or isinstance(other.vectors.data.base,
                                                                   np.memmap)
    assert other.get_vector("c").tolist() == [2.0] * 4 and other.has_vector("b")


def test_build_failure_is_e751_with_the_cause():
    spec = make_spec(Language(), start_method="spawn")
    spec.factory_modules.append("plait_no_such_module_for_test")
    with pytest.raises(PipelineError, match="E751.*ModuleNotFoundError"):
        build_or_report(spec, "spawn")
