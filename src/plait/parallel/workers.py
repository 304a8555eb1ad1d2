"""Worker processes for `nlp.pipe(n_process=N)`.

Each worker gets the pipeline once (its class, the modules that register its factories,
its config text and its bytes: no pickle of the object graph), then takes batches of texts
from a shared queue and sends each batch back as a list of `Doc.to_bytes()` payloads. The
parent yields docs in input order and keeps a bounded number of batches in flight, so a
generator of unknown length streams through.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import Errors, PipelineError

if TYPE_CHECKING:
    from ..language import Language
    from ..tokens import Doc

_IN_FLIGHT_PER_WORKER = 2


def _worker(pipeline: tuple, disable: list[str], component_cfg: dict | None,
            batch_size: int, inbox: Any, outbox: Any) -> None:
    """Build the pipeline, then process batches until the `None` sentinel arrives."""
    from ..language_io import pipeline_from_bytes

    try:
        nlp = pipeline_from_bytes(*pipeline)
    except BaseException:  # noqa: BLE001 - reported to the parent, which raises
        outbox.put((-1, "error", traceback.format_exc()))
        return
    while True:
        item = inbox.get()
        if item is None:
            return
        index, texts = item
        try:
            docs = nlp.pipe(texts, batch_size=batch_size, disable=disable,
                            component_cfg=component_cfg)
            outbox.put((index, "ok", [doc.to_bytes() for doc in docs]))
        except BaseException as e:  # noqa: BLE001
            outbox.put((index, "error", f"{type(e).__name__}: {e}"))


def multiprocessing_pipe(
    nlp: Language, texts: Iterable[Any], n_process: int, batch_size: int,
    disable: Iterable[str], component_cfg: dict | None,
) -> Iterator[Doc]:
    """Yield the docs of `texts`, processed by `n_process` workers, in input order."""
    from ..language_io import reduce_args
    from ..tokens import Doc

    ctx = multiprocessing.get_context()
    inbox, outbox = ctx.Queue(), ctx.Queue()
    args = (reduce_args(nlp), list(disable), component_cfg, batch_size, inbox, outbox)
    workers = [ctx.Process(target=_worker, args=args, daemon=True) for _ in range(n_process)]
    for proc in workers:
        proc.start()
    stream = iter(texts)
    batches = iter(lambda: list(islice(stream, batch_size)), [])
    sent = received = 0
    done: dict[int, list[bytes]] = {}
    try:
        for batch in islice(batches, n_process * _IN_FLIGHT_PER_WORKER):
            inbox.put((sent, batch))
            sent += 1
        while received < sent:
            index, status, payload = outbox.get()
            if status == "error":
                raise PipelineError(Errors.E204.format(error=payload))
            done[index] = payload
            for batch in islice(batches, 1):
                inbox.put((sent, batch))
                sent += 1
            while received in done:
                for data in done.pop(received):
                    yield Doc(nlp.vocab).from_bytes(data)
                received += 1
    finally:
        for _ in workers:
            inbox.put(None)
        for proc in workers:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
        inbox.close()
        outbox.close()
