"""Worker processes for `nlp.pipe(texts, n_process=N)`.

The parent describes the pipeline once (`PipelineSpec`: config text, bytes, modules to
import, extensions; no pickle of the object graph) and starts N workers that rebuild it;
forked workers (the default start method on Linux) use the pipeline they inherit instead.
Batches of texts go out through one shared queue; each comes back as columnar bytes
(`wire.encode_docs`), and the parent yields the docs in input order. At most
`IN_FLIGHT_PER_WORKER` messages per worker are out at once, so an endless generator of texts
streams through in bounded memory. On an error in a worker, an early `break`, `close()` or
Ctrl-C, every worker is stopped before the parent goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import tempfile
import traceback
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import Errors, PipelineError
from .shipping import (
    MMAP_MIN_BYTES,
    InheritedPipeline,
    PipelineSpec,
    build_or_report,
    make_spec,
)
from .wire import decode_docs, encode_docs

if TYPE_CHECKING:
    from ..language import Language
    from ..tokens import Doc

IN_FLIGHT_PER_WORKER = 2
#: texts per message to a worker, at least: with a small batch_size, several of the
#: component batches travel together, so the fixed cost of a message stays negligible
MIN_TEXTS_PER_MESSAGE = 256
#: how often (seconds) the parent checks that its workers are alive while it waits
POLL_SECONDS = 0.25
#: how long (seconds) finished workers get to exit before they are terminated
JOIN_SECONDS = 5.0


class _BatchFailed(Exception):
    """A batch failed in a worker: where (tokenizer, component, sending), what, traceback."""

    def __init__(self, where: str, error: BaseException) -> None:
        root = error.__cause__ if isinstance(error, PipelineError) and error.__cause__ else error
        super().__init__(where, type(root).__name__, str(root), traceback.format_exc())


def run_batch(
    nlp: Language, texts: list[Any], batch_size: int, disable: Iterable[str],
    component_cfg: dict | None,
) -> list[Doc]:
    """Run the pipeline over one batch, one stage at a time (so a failure names its stage)."""
    from ..language import _apply_pipe

    component_cfg = component_cfg or {}
    where = "the tokenizer"
    try:
        docs = [nlp._ensure_doc(text) for text in texts]
        for name, proc in nlp.pipeline:
            if name in disable:
                continue
            where = f"component {name!r}"
            kwargs = dict(component_cfg.get(name, {}))
            kwargs.setdefault("batch_size", batch_size)
            docs = list(_apply_pipe(docs, name, proc, kwargs, nlp.default_error_handler))
    except Exception as e:
        raise _BatchFailed(where, e) from e
    return docs


def _worker_main(
    spec: PipelineSpec | InheritedPipeline, method: str, settings: tuple, inbox: Any,
    outbox: Any, parent: int,
) -> None:
    """Build the pipeline, then process batches until the `None` sentinel arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    try:
        nlp = build_or_report(spec, method)
    except PipelineError as e:
        outbox.put((-1, "setup", str(e)))
        return
    while True:
        try:
            item = inbox.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:  # the parent died without stopping us
                outbox.cancel_join_thread()  # nobody will read what is left in it
                return
            continue
        if item is None:
            return
        index, texts = pickle.loads(item)
        try:
            docs = run_batch(nlp, texts, *settings)
            try:
                payload = encode_docs(docs)
            except Exception as e:
                raise _BatchFailed("sending the docs back", e) from e
        except _BatchFailed as failure:
            outbox.put((index, "error", failure.args))
            continue
        outbox.put((index, "ok", payload))


class WorkerPool:
    """N worker processes sharing one inbox and one outbox; stopped by `close()`."""

    def __init__(
        self, spec: PipelineSpec | InheritedPipeline, n_process: int, settings: tuple
    ) -> None:
        ctx = multiprocessing.get_context()
        self.method = ctx.get_start_method()
        self.inbox = ctx.Queue(maxsize=n_process * IN_FLIGHT_PER_WORKER)
        self.outbox = ctx.Queue()
        args = (spec, self.method, settings, self.inbox, self.outbox, os.getpid())
        self.procs = [
            ctx.Process(target=_worker_main, args=args, daemon=True, name=f"plait-pipe-{i}")
            for i in range(n_process)
        ]
        for proc in self.procs:
            proc.start()

    def submit(self, index: int, texts: list[Any]) -> None:
        """Queue one batch: Docs travel as their bytes (not with a pickle of their vocab).

        The batch is pickled here, not in the queue's feeder thread: a failure is raised to
        the caller instead of dropping the batch, and the parent's vocab, which grows as
        docs come back, is never read by two threads at once.
        """
        from ..tokens import Doc

        items = [t.to_bytes() if isinstance(t, Doc) else t for t in texts]
        self.inbox.put(pickle.dumps((index, items), protocol=pickle.HIGHEST_PROTOCOL))

    def receive(self) -> tuple[int, bytes]:
        """The next finished batch (any order); raises E750/E751/E752 for a failed worker."""
        while True:
            try:
                index, status, payload = self.outbox.get(timeout=POLL_SECONDS)
            except queue.Empty:
                self._check_alive()
                continue
            if status == "ok":
                return index, payload
            if status == "setup":
                raise PipelineError(payload)
            where, type_name, error, tb = payload
            raise PipelineError(
                Errors.E750.format(where=where, type=type_name, error=error, traceback=tb)
            )

    def _check_alive(self) -> None:
        dead = [proc for proc in self.procs if proc.exitcode not in (None, 0)]
        if dead or not any(proc.is_alive() for proc in self.procs):
            proc = dead[0] if dead else self.procs[0]
            raise PipelineError(Errors.E752.format(pid=proc.pid, code=proc.exitcode))

    def close(self, graceful: bool) -> None:
        """Stop every worker: ask them to exit when `graceful`, else terminate at once."""
        if graceful:
            for _ in self.procs:
                try:
                    self.inbox.put(None, timeout=JOIN_SECONDS)
                except queue.Full:
                    break
            for proc in self.procs:
                proc.join(timeout=JOIN_SECONDS)
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self.procs:
            proc.join(timeout=JOIN_SECONDS)
            if proc.is_alive():
                proc.kill()
                proc.join()
        for q in (self.inbox, self.outbox):
            q.cancel_join_thread()  # undelivered items must not block the parent's exit
            q.close()


def multiprocessing_pipe(
    nlp: Language, texts: Iterable[Any], n_process: int, batch_size: int,
    disable: Iterable[str], component_cfg: dict | None,
) -> Iterator[Doc]:
    """Yield the docs of `texts`, processed by `n_process` workers, in input order.

    Texts travel in messages of `max(batch_size, MIN_TEXTS_PER_MESSAGE)`; components still
    get batches of `batch_size`. An input that fits in one message is processed here:
    starting workers would cost more than they save.
    """
    disable = list(disable)
    per_message = max(batch_size, MIN_TEXTS_PER_MESSAGE)
    stream = iter(texts)
    first = list(islice(stream, per_message))
    if len(first) < per_message:
        yield from nlp._pipe_local(first, batch_size, disable, component_cfg)
        return
    batches = iter(lambda: list(islice(stream, per_message)), [])
    with tempfile.TemporaryDirectory(prefix="plait-pipe-") as tmp:
        ctx_method = multiprocessing.get_context().get_start_method()
        spec: PipelineSpec | InheritedPipeline
        if ctx_method == "fork":
            spec = InheritedPipeline(nlp)
        else:
            big_vectors = nlp.vocab.vectors.data.nbytes >= MMAP_MIN_BYTES
            spec = make_spec(nlp, start_method=ctx_method,
                             vectors_dir=tmp if big_vectors else None)
        pool = WorkerPool(spec, n_process, (batch_size, disable, component_cfg))
        graceful = False
        try:
            yield from _stream(pool, nlp, first, batches, n_process)
            graceful = True
        finally:
            pool.close(graceful)


def _stream(
    pool: WorkerPool, nlp: Language, first: list[Any], batches: Iterator[list[Any]],
    n_process: int,
) -> Iterator[Doc]:
    # Messages sent but not yet yielded (in flight, or done but waiting for an earlier one)
    # never exceed the window, so a slow message cannot let the others run ahead unbounded.
    window = n_process * IN_FLIGHT_PER_WORKER
    pool.submit(0, first)
    sent, received = 1, 0
    done: dict[int, bytes] = {}
    while True:
        while sent - received < window:
            batch = next(batches, None)
            if batch is None:
                break
            pool.submit(sent, batch)
            sent += 1
        if received == sent:
            return
        index, payload = pool.receive()
        done[index] = payload
        while received in done:
            yield from decode_docs(nlp.vocab, done.pop(received))
            received += 1
