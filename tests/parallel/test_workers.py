"""nlp.pipe(n_process=N): same docs and order as one process, errors raised, workers stopped."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from plait.errors import PipelineError, PlaitWarning
from plait.language import Language
from plait.parallel import workers
from plait.tokens import Doc


@Language.factory("par_marker", default_config={"tag": "M"})
def make_par_marker(nlp: Language, name: str, tag: str):
    def marker(doc):
        doc.user_data["tag"] = tag
        doc.user_data[("n", len(doc))] = (len(doc), "tokens")
        doc.cats["long"] = float(len(doc) > 5)
        return doc
    return marker


@Language.component("par_tagger")
def par_tagger(doc):
    for token in doc:
        token.tag_ = "NUM" if token.text.isdigit() else "W"
    if len(doc) > 2:
        doc.ents = [doc.char_span(doc[0].idx, doc[0].idx + len(doc[0].text), label="FIRST")]
    return doc


@Language.component("par_fails_on_x")
def par_fails_on_x(doc):
    if "x" in doc.text:
        raise ValueError("found an x")
    return doc


@Language.component("par_exits_on_x")
def par_exits_on_x(doc):
    if "x" in doc.text:
        os._exit(3)
    return doc


@Language.component("par_slow")
def par_slow(doc):
    time.sleep(0.01)
    return doc


@Language.component("par_slow_on_slow")
def par_slow_on_slow(doc):
    if doc.text == "slow":
        time.sleep(1.0)
    return doc


@Language.component("par_ext_setter")
def par_ext_setter(doc):
    doc._.par_flag = doc.text.upper()
    return doc


@Language.component("par_vectors_kind")
def par_vectors_kind(doc):
    data = doc.vocab.vectors.data
    doc.user_data["mapped"] = isinstance(data, np.memmap) or isinstance(data.base, np.memmap)
    return doc


def _texts(n: int):
    return (f"text number {i} with {'word ' * (i % 7)}end." for i in range(n))


def _summary(docs):
    return [
        (d.text, [t.text for t in d], [t.tag_ for t in d], [(e.text, e.label_) for e in d.ents],
         dict(d.user_data), dict(d.cats))
        for d in docs
    ]


@pytest.fixture(autouse=True)
def _children_before(monkeypatch):
    """Remember the processes alive before each test (others' are not ours to check).

    Also sends each batch in its own message, so that small inputs reach the workers.
    """
    monkeypatch.setattr(workers, "MIN_TEXTS_PER_MESSAGE", 1)
    global _BEFORE
    _BEFORE = {p.pid for p in multiprocessing.active_children()}
    yield


_BEFORE: set[int] = set()


def _new_children() -> list:
    return [p for p in multiprocessing.active_children() if p.pid not in _BEFORE]


def _pipeline(*names: str) -> Language:
    nlp = Language()
    for name in names:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture
def start_method(request, monkeypatch):
    """Make multiprocessing.get_context() use the start method named by the test parameter."""
    method = request.param
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"start method {method} is not available on this platform")
    monkeypatch.setattr(multiprocessing, "get_context",
                        lambda *a, _get=multiprocessing.get_context: _get(method))
    return method


@pytest.mark.parametrize(
    "start_method", ["fork", pytest.param("spawn", marks=pytest.mark.slow)], indirect=True
)
def test_two_processes_give_same_docs_in_same_order(start_method):
    nlp = _pipeline("par_marker", "par_tagger")
    expected = _summary(nlp.pipe(_texts(57), batch_size=5))
    got = _summary(nlp.pipe(_texts(57), batch_size=5, n_process=2))
    assert got == expected
    assert _new_children() == []


def test_docs_from_workers_belong_to_the_parent_vocab():
    nlp = _pipeline("par_tagger")
    docs = list(nlp.pipe(["zyxwv unseen words 1", "more qqq 2", "three"], n_process=2,
                         batch_size=1))
    assert all(doc.vocab is nlp.vocab for doc in docs)
    assert docs[0][0].text == "zyxwv" and nlp.vocab.strings["zyxwv"] in nlp.vocab.strings


def test_as_tuples_with_processes_keeps_contexts():
    nlp = _pipeline("par_marker")
    items = [(t, i) for i, t in enumerate(_texts(12))]
    out = list(nlp.pipe(items, as_tuples=True, n_process=2, batch_size=4))
    assert [c for _, c in out] == list(range(12))
    assert [d.text for d, _ in out] == [t for t, _ in items]


def test_disabled_components_stay_disabled_in_workers():
    nlp = _pipeline("par_marker", "par_tagger")
    got = _summary(nlp.pipe(_texts(9), batch_size=2, n_process=2, disable=["par_tagger"]))
    assert got == _summary(nlp.pipe(_texts(9), batch_size=2, disable=["par_tagger"]))
    assert all(tags == ["" for _ in tags] for _t, _w, tags, *_ in got)


def _input_docs(nlp: Language) -> list[Doc]:
    docs = [nlp.make_doc(t) for t in _texts(6)]
    for i, doc in enumerate(docs):
        doc.user_data["source"] = ("input", i)
    return docs


def test_docs_as_input_travel_as_bytes_and_keep_their_data():
    # regression: docs were pickled with their vocab by the queue's feeder thread while
    # the parent's vocab grew, which could drop a batch and hang the parent
    nlp = _pipeline("par_tagger")
    got = _summary(nlp.pipe(_input_docs(nlp), batch_size=2, n_process=2))
    assert got == _summary(nlp.pipe(_input_docs(nlp), batch_size=2))
    assert [s[4]["source"] for s in got] == [("input", i) for i in range(6)]


def test_input_smaller_than_a_batch_is_processed_without_workers(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(workers, "WorkerPool", no_pool)
    nlp = _pipeline("par_tagger")
    docs = list(nlp.pipe(["one 1", "two 2"], n_process=2, batch_size=10))
    assert [d[1].tag_ for d in docs] == ["NUM", "NUM"]


def test_small_batches_travel_together_in_bigger_messages(monkeypatch):
    monkeypatch.setattr(workers, "MIN_TEXTS_PER_MESSAGE", 8)
    sizes = []
    real = workers.WorkerPool.submit

    def spy(self, index, texts):
        sizes.append(len(texts))
        real(self, index, texts)

    monkeypatch.setattr(workers.WorkerPool, "submit", spy)
    nlp = _pipeline("par_tagger")
    got = _summary(nlp.pipe(_texts(20), batch_size=2, n_process=2))
    assert got == _summary(nlp.pipe(_texts(20), batch_size=2))
    assert sizes == [8, 8, 4]


def test_worker_error_names_component_and_carries_worker_traceback():
    nlp = _pipeline("par_fails_on_x")
    with pytest.raises(PipelineError) as info:
        list(nlp.pipe(["fine", "has x", "fine", "fine"], n_process=2, batch_size=1))
    message = str(info.value)
    assert "[E750]" in message and "component 'par_fails_on_x'" in message
    assert "ValueError: found an x" in message and "Traceback" in message
    assert _new_children() == []


def test_worker_that_dies_is_reported_and_others_are_stopped():
    nlp = _pipeline("par_exits_on_x")
    with pytest.raises(PipelineError, match=r"E752.*code 3"):
        list(nlp.pipe(["fine", "has x", "fine", "fine"], n_process=2, batch_size=1))
    assert _new_children() == []


@pytest.mark.slow
@pytest.mark.parametrize("start_method", ["spawn"], indirect=True)
def test_pipeline_that_cannot_be_built_in_a_worker_raises_e751(start_method, monkeypatch):
    real = workers.make_spec

    def broken_spec(*args, **kwargs):
        spec = real(*args, **kwargs)
        spec.factory_modules.append("plait_no_such_module_for_test")
        return spec

    monkeypatch.setattr(workers, "make_spec", broken_spec)
    nlp = _pipeline("par_tagger")
    with pytest.raises(PipelineError, match=r"E751.*plait_no_such_module_for_test"):
        list(nlp.pipe(["a b", "c d", "e f"], n_process=2, batch_size=1))
    assert _new_children() == []


@pytest.mark.parametrize("start_method", ["fork"], indirect=True)
def test_forked_workers_use_the_inherited_pipeline_without_serializing_it(
    start_method, monkeypatch
):
    def no_spec(*args, **kwargs):
        raise AssertionError("a forked worker must not need the pipeline's bytes")

    monkeypatch.setattr(workers, "make_spec", no_spec)
    nlp = _pipeline("par_marker", "par_tagger")
    expected = _summary(nlp.pipe(_texts(40), batch_size=4))
    assert _summary(nlp.pipe(_texts(40), batch_size=4, n_process=2)) == expected


@pytest.mark.parametrize("start_method", ["fork"], indirect=True)
def test_forked_worker_setup_failure_raises_e751(start_method, monkeypatch):
    def broken_build(self):
        raise ModuleNotFoundError("plait_no_such_module_for_test")

    monkeypatch.setattr(workers.InheritedPipeline, "build", broken_build)
    nlp = _pipeline("par_tagger")
    with pytest.raises(PipelineError, match=r"E751.*plait_no_such_module_for_test"):
        list(nlp.pipe(_texts(600), n_process=2, batch_size=1))
    assert _new_children() == []


def test_closing_the_generator_early_stops_the_workers():
    nlp = _pipeline("par_tagger")
    docs = nlp.pipe(_texts(200), n_process=2, batch_size=4)
    assert next(docs).text.startswith("text number 0")
    assert len(_new_children()) == 2
    docs.close()
    assert _new_children() == []


def test_endless_generator_is_read_only_a_bounded_amount_ahead():
    pulled = 0

    def endless():
        nonlocal pulled
        i = 0
        while True:
            pulled += 1
            i += 1
            yield f"text {i}"

    nlp = _pipeline("par_tagger")
    docs = nlp.pipe(endless(), n_process=2, batch_size=3)
    taken = [next(docs) for _ in range(30)]
    assert [d.text for d in taken] == [f"text {i}" for i in range(1, 31)]
    window = 2 * workers.IN_FLIGHT_PER_WORKER * 3
    assert pulled <= 30 + window + 3
    docs.close()
    assert _new_children() == []


def test_slow_batch_does_not_let_the_other_worker_run_ahead():
    pulled = 0

    def endless():
        nonlocal pulled
        pulled += 1
        yield "slow"
        while True:
            pulled += 1
            yield f"text {pulled}"

    nlp = _pipeline("par_slow_on_slow")
    docs = nlp.pipe(endless(), n_process=2, batch_size=1)
    assert next(docs).text == "slow"
    assert pulled <= 2 * workers.IN_FLIGHT_PER_WORKER + 2
    docs.close()
    assert _new_children() == []


@pytest.mark.slow
@pytest.mark.parametrize("start_method", ["spawn"], indirect=True)
def test_extensions_registered_in_parent_work_in_spawned_workers(start_method):
    Doc.set_extension("par_flag", default=None, force=True)
    Doc.set_extension("par_lambda", getter=lambda doc: len(doc), force=True)
    try:
        nlp = _pipeline("par_ext_setter")
        with pytest.warns(PlaitWarning, match=r"W090.*par_lambda"):
            docs = list(nlp.pipe(["ab cd", "ef gh", "ij"], n_process=2, batch_size=1))
        assert [d._.par_flag for d in docs] == ["AB CD", "EF GH", "IJ"]
        assert [d._.par_lambda for d in docs] == [2, 2, 1]
    finally:
        Doc.remove_extension("par_flag")
        Doc.remove_extension("par_lambda")


@pytest.mark.slow
@pytest.mark.parametrize("start_method", ["spawn"], indirect=True)
def test_large_vectors_are_memory_mapped_by_spawned_workers(start_method):
    # forked workers inherit the parent's table instead
    nlp = _pipeline("par_vectors_kind")
    width = 64
    rng = np.random.default_rng(0)
    for i in range(4200):  # 4200 * 64 * 4 bytes > 1 MiB
        nlp.vocab.set_vector(f"w{i}", rng.random(width, dtype=np.float32))
    assert nlp.vocab.vectors.data.nbytes >= workers.MMAP_MIN_BYTES
    docs = list(nlp.pipe(["w1 w2", "w3", "w4 w5"], n_process=2, batch_size=1))
    assert [d.user_data["mapped"] for d in docs] == [True, True, True]
    assert docs[0][0].has_vector
    assert next(iter(nlp.pipe(["w1 w2"]))).user_data["mapped"] is False


_SCRIPT = """
import multiprocessing, sys
sys.path.insert(0, {folder!r})
import test_workers
from plait.language import Language
from plait.parallel import workers
workers.MIN_TEXTS_PER_MESSAGE = 1
nlp = Language()
nlp.add_pipe("par_slow")
for i, doc in enumerate(nlp.pipe((f"t {{i}}" for i in range(10**9)), n_process=2,
                                 batch_size=2)):
    if i == 3:
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
"""


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] == "Z"  # a zombie has exited
    except FileNotFoundError:
        return True
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False


def _wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if not _gone(pid)]
        if not alive:
            return []
        time.sleep(0.1)
    return alive


def _start_script() -> tuple[subprocess.Popen, list[int]]:
    script = _SCRIPT.format(folder=os.path.dirname(__file__))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert len(pids) == 2
    return proc, pids


@pytest.mark.slow
def test_ctrl_c_in_parent_leaves_no_worker_behind():
    proc, pids = _start_script()
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert "KeyboardInterrupt" in err
    assert _wait_gone(pids, 10) == []


@pytest.mark.slow
def test_workers_exit_on_their_own_when_the_parent_is_killed():
    proc, pids = _start_script()
    proc.kill()
    proc.communicate(timeout=30)
    assert _wait_gone(pids, 20) == []
