"""nlp.pipe(n_process=2): same docs, same order as one process; the pipeline ships as bytes."""

from __future__ import annotations

import multiprocessing

import pytest

from plait.errors import PipelineError
from plait.language import Language


@Language.factory("par_marker", default_config={"tag": "M"})
def make_par_marker(nlp: Language, name: str, tag: str):
    def marker(doc):
        doc.user_data["tag"] = tag
        doc.user_data["n"] = len(doc)
        return doc
    return marker


@Language.component("par_fails_on_x")
def par_fails_on_x(doc):
    if "x" in doc.text:
        raise ValueError("found an x")
    return doc


def _texts(n: int):
    return (f"text number {i} with {'word ' * (i % 7)}end." for i in range(n))


def _summary(docs):
    return [(d.text, [t.text for t in d], dict(d.user_data)) for d in docs]


@pytest.mark.slow
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_two_processes_give_same_docs_in_same_order(method, monkeypatch):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"start method {method} is not available on this platform")
    monkeypatch.setattr(multiprocessing, "get_context",
                        lambda *a, _get=multiprocessing.get_context: _get(method))
    nlp = Language()
    nlp.add_pipe("par_marker", config={"tag": "T"})
    expected = _summary(nlp.pipe(_texts(57), batch_size=5))
    got = _summary(nlp.pipe(_texts(57), batch_size=5, n_process=2))
    assert got == expected
    assert got[3][2]["tag"] == "T"


@pytest.mark.slow
def test_as_tuples_with_processes_keeps_contexts():
    nlp = Language()
    nlp.add_pipe("par_marker")
    items = [(t, i) for i, t in enumerate(_texts(12))]
    out = list(nlp.pipe(items, as_tuples=True, n_process=2, batch_size=4))
    assert [c for _, c in out] == list(range(12))
    assert [d.text for d, _ in out] == [t for t, _ in items]


@pytest.mark.slow
def test_worker_failure_is_raised_in_parent():
    nlp = Language()
    nlp.add_pipe("par_fails_on_x")
    with pytest.raises(PipelineError, match=r"E204.*par_fails_on_x"):
        list(nlp.pipe(["fine", "has x", "fine"], n_process=2, batch_size=1))
