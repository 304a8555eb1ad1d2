"""No file plait writes contains a pickle; no load path unpickles, evals or imports from data."""

import builtins
import importlib
import io
import pickle
import pickletools
import sys

import pytest

import plait
from plait.tokens import Doc, DocBin


def looks_pickled(data: bytes) -> bool:
    """True when the bytes hold a pickle stream (a protocol header that pickletools accepts)."""
    for marker in (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05"):
        start = data.find(marker)
        while start != -1:
            try:
                pickletools.dis(io.BytesIO(data[start:]), out=io.StringIO())
                return True
            except Exception:  # noqa: BLE001 - not a pickle at this offset
                start = data.find(marker, start + 1)
    return False


def saved_artifacts(tmp_path):
    nlp = plait.blank("en")
    if "sentencizer" in nlp.factory_names:
        nlp.add_pipe("sentencizer")
    Doc.set_extension("safety_score", default=None, force=True)
    docs = [nlp("First sentence. Second one."), nlp("More text here.")]
    docs[0]._.safety_score = 0.5
    docs[0].user_data["nested"] = {"a": (1, 2)}
    nlp.to_disk(tmp_path / "pipeline")
    DocBin(docs=docs, store_user_data=True).to_disk(tmp_path / "docs.plaitdb")
    docs[0].to_disk(tmp_path / "doc.bin")
    return nlp, docs


def test_no_saved_file_contains_a_pickle(tmp_path):
    saved_artifacts(tmp_path)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) > 5
    for path in files:
        data = path.read_bytes()
        assert not looks_pickled(data), path


def test_loading_never_unpickles_evals_or_imports_from_data(tmp_path, monkeypatch):
    nlp, _docs = saved_artifacts(tmp_path)
    pipeline_bytes = nlp.to_bytes()
    plait.load(tmp_path / "pipeline")  # first, so that plait's own modules are imported
    list(DocBin().from_disk(tmp_path / "docs.plaitdb").get_docs(nlp.vocab))
    DocBin.open(tmp_path / "docs.plaitdb").close()
    calls = []

    def forbid(name):
        def fail(*args, **kwargs):
            calls.append(name)
            raise AssertionError(f"{name} called while loading")
        return fail

    real_import = importlib.import_module
    loaded = set()

    def tracking_import(name, *args, **kwargs):
        loaded.add(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(pickle, "loads", forbid("pickle.loads"))
    monkeypatch.setattr(pickle, "load", forbid("pickle.load"))
    monkeypatch.setattr(pickle, "Unpickler", forbid("pickle.Unpickler"))
    real_eval = builtins.eval

    def guarded_eval(*args, **kwargs):
        # typing.get_type_hints evaluates annotation strings of registered factories (plait's
        # and the user's code, never the data); anything else is a failure
        if sys._getframe(1).f_globals.get("__name__") != "typing":
            calls.append("eval")
            raise AssertionError("eval called while loading")
        return real_eval(*args, **kwargs)

    monkeypatch.setattr(builtins, "eval", guarded_eval)
    monkeypatch.setattr(builtins, "exec", forbid("exec"))
    monkeypatch.setattr(importlib, "import_module", tracking_import)
    plait.load(tmp_path / "pipeline")
    plait.from_bytes(pipeline_bytes)
    list(DocBin().from_disk(tmp_path / "docs.plaitdb").get_docs(nlp.vocab))
    with DocBin.open(tmp_path / "docs.plaitdb") as f:
        f[1]
    Doc(nlp.vocab).from_disk(tmp_path / "doc.bin")
    assert calls == []
    # only plait's own modules and the fixed compression libraries plait names itself
    allowed = ("plait", ".", "zstandard", "lz4")
    assert all(name.startswith(allowed) for name in loaded), loaded


def test_a_pickle_given_to_loaders_is_refused(tmp_path):
    evil = pickle.dumps({"config": b"x"})
    with pytest.raises(plait.errors.FormatError):
        DocBin().from_bytes(evil)
    with pytest.raises(plait.errors.FormatError):
        plait.from_bytes(evil)
