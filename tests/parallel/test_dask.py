"""plait.parallel.dask on a real distributed LocalCluster: same docs as nlp.pipe, errors coded."""

from __future__ import annotations

import itertools
import os

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from distributed import Client, LocalCluster

from plait.errors import CompatibilityError, InputError, InputTypeError, PipelineError
from plait.language import Language
from plait.parallel.dask import (
    OUT_COLUMNS,
    apply_files,
    pipe_bag,
    pipe_dataframe,
)
from plait.tokens import DocBin

pytestmark = pytest.mark.dask

_BUILDS = itertools.count()


@Language.factory("dask_marker")
def make_dask_marker(nlp: Language, name: str):
    build = next(_BUILDS)

    def marker(doc):
        for token in doc:
            token.tag_ = "NUM" if token.text.isdigit() else "W"
        if len(doc):
            doc.ents = [doc.char_span(0, len(doc[0].text), label="FIRST")]
        doc.user_data["built"] = (os.getpid(), build)
        return doc
    return marker


@Language.component("dask_fails_on_x")
def dask_fails_on_x(doc):
    if "x" in doc.text:
        raise ValueError("found an x")
    return doc


TEXTS = [f"Text {i} has {i % 5} words. Second sentence {i}!" for i in range(40)]


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as cluster, Client(cluster) as c:
        yield c


@pytest.fixture
def nlp():
    nlp = Language()
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dask_marker")
    return nlp


def _view(doc):
    return (doc.text, [t.text for t in doc], [t.tag_ for t in doc],
            [(e.text, e.label_) for e in doc.ents], [s.text for s in doc.sents])


def test_pipe_bag_gives_same_docs_as_nlp_pipe_built_once_per_worker(client, nlp):
    bag = db.from_sequence(TEXTS, npartitions=6)
    docbins = pipe_bag(nlp, bag).compute()
    assert len(docbins) == 6 and all(isinstance(b, DocBin) for b in docbins)
    merged = DocBin(store_user_data=True)
    for docbin in docbins:
        merged.merge(docbin)
    docs = list(merged.get_docs(nlp.vocab))
    assert [_view(d) for d in docs] == [_view(d) for d in nlp.pipe(TEXTS)]
    builds = {d.user_data["built"] for d in docs}
    pids = {pid for pid, _ in builds}
    assert os.getpid() not in pids
    assert len(builds) == len(pids) <= 2  # one build per worker process


def test_pipe_bag_loads_a_saved_pipeline_by_path(client, nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    bag = db.from_sequence(TEXTS[:10], npartitions=2)
    docbins = pipe_bag(str(tmp_path / "pipeline"), bag).compute()
    docs = [d for b in docbins for d in b.get_docs(nlp.vocab)]
    assert [_view(d) for d in docs] == [_view(d) for d in nlp.pipe(TEXTS[:10])]


def test_pipe_dataframe_adds_columns_row_for_row(client, nlp):
    frame = pd.DataFrame({"id": range(len(TEXTS)), "body": TEXTS})
    df = dd.from_pandas(frame, npartitions=3)
    out = pipe_dataframe(nlp, df, text_column="body",
                         out_columns=["tokens", "tags", "ents", "sents", "n_tokens"]).compute()
    docs = list(nlp.pipe(TEXTS))
    assert out["id"].tolist() == list(range(len(TEXTS)))
    assert out["tokens"].tolist() == [[t.text for t in d] for d in docs]
    assert out["tags"].tolist() == [[t.tag_ for t in d] for d in docs]
    assert out["ents"].tolist() == [
        [(e.text, e.label_, e.start_char, e.end_char) for e in d.ents] for d in docs
    ]
    assert out["sents"].tolist() == [[s.text for s in d.sents] for d in docs]
    assert out["n_tokens"].tolist() == [len(d) for d in docs]


def test_apply_files_writes_one_docbin_per_file_and_merges_them(client, nlp, tmp_path):
    first = tmp_path / "in" / "a.jsonl"
    first.parent.mkdir()
    first.write_text("".join(f'{{"text": "{t}"}}\n' for t in TEXTS[:5]), encoding="utf8")
    second = tmp_path / "in" / "b.txt"
    second.write_text(TEXTS[5], encoding="utf8")
    written = apply_files(nlp, [first, second], tmp_path / "out",
                          merge_into=tmp_path / "all.plaitdb")
    assert written == [tmp_path / "out" / "a.plaitdb", tmp_path / "out" / "b.plaitdb"]
    expected = [_view(d) for d in nlp.pipe(TEXTS[:6])]
    per_file = [d for p in written for d in DocBin().from_disk(p).get_docs(nlp.vocab)]
    assert [_view(d) for d in per_file] == expected
    merged = DocBin().from_disk(tmp_path / "all.plaitdb")
    assert [_view(d) for d in merged.get_docs(nlp.vocab)] == expected


def test_component_error_in_a_worker_reaches_the_client(client):
    nlp = Language()
    nlp.add_pipe("dask_fails_on_x")
    bag = db.from_sequence(["fine", "has x"], npartitions=2)
    with pytest.raises(PipelineError, match="dask_fails_on_x"):
        pipe_bag(nlp, bag).compute()


def test_apply_files_reports_a_missing_input(client, nlp, tmp_path):
    with pytest.raises(OSError, match="E758"):
        apply_files(nlp, [tmp_path / "missing.txt"], tmp_path / "out")


def test_apply_files_refuses_inputs_with_the_same_output(nlp, tmp_path):
    with pytest.raises(InputError, match="E759"):
        apply_files(nlp, [tmp_path / "x" / "a.txt", tmp_path / "y" / "a.txt"], tmp_path)


def test_pipe_dataframe_checks_its_columns(nlp):
    df = dd.from_pandas(pd.DataFrame({"text": ["a"]}), npartitions=1)
    with pytest.raises(InputError, match="E756"):
        pipe_dataframe(nlp, df, text_column="body")
    with pytest.raises(InputError, match="E757"):
        pipe_dataframe(nlp, df, out_columns=["nonsense"])
    assert "ents" in OUT_COLUMNS


def test_pipeline_argument_must_be_a_language_or_a_path():
    with pytest.raises(InputTypeError, match="E755"):
        pipe_bag(42, db.from_sequence(["a"]))


def test_missing_dask_is_a_coded_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(CompatibilityError, match="E754.*plait\\[dask\\]"):
        pipe_bag(Language(), None)
