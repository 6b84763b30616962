"""A writer thread one batch behind the extractor, so extraction and PostgreSQL overlap.

Why a thread: about half of an ingest's wall time is the server working on a batch
(full-text vectors, indexes, foreign keys) while this process waits, and extraction is
pure CPU. With the batch written by a thread, the next batch is extracted meanwhile:
psycopg releases the GIL while it waits on the server. Measured +12–15% documents per
second on 2 cores (docs/PERFORMANCE.md, Ingest). An earlier attempt, when the writes
were dominated by client CPU and an in-place GIN index, was slower; the balance changed.

While a writer runs, the interpreter's GIL switch interval is 1 ms instead of 5 ms: the
writer gives the GIL up at every round trip to the server and must win it back from the
extracting thread, which otherwise holds it up to 5 ms each time (measured: 528 -> 577
docs/s over 4,000 articles, medians of 3). The previous interval is restored on close.

Batches are written one at a time, in order, one transaction each, exactly as before:
only *when* they are written moves. At most one batch waits in the queue, so memory
stays flat. Outcomes come back to the caller's thread (`drain`), which owns every counter
and progress callback; an exception in the writer is raised again there.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

Batch = TypeVar("Batch")
Result = TypeVar("Result")

_STOP = object()
SWITCH_INTERVAL_S = 0.001


class WriterThread(Generic[Batch, Result]):
    """Run `write` on each submitted batch in a background thread, in order."""

    def __init__(self, write: Callable[[Batch], Result]) -> None:
        self._write = write
        self._todo: queue.Queue[object] = queue.Queue(maxsize=1)
        self._done: queue.Queue[Result] = queue.Queue()
        self._error: BaseException | None = None  # raised once in the caller's thread
        self._failed = False  # after a failure nothing more is written
        self._previous_switch = sys.getswitchinterval()
        sys.setswitchinterval(min(self._previous_switch, SWITCH_INTERVAL_S))
        self._thread = threading.Thread(target=self._run, name="tracker-batch-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            item = self._todo.get()
            if item is _STOP:
                return
            if self._failed:
                continue  # take what is queued after a failure, write nothing more
            try:
                self._done.put(self._write(item))  # type: ignore[arg-type]
            except BaseException as exc:  # re-raised in the caller's thread
                self._error = exc
                self._failed = True

    def submit(self, batch: Batch) -> None:
        """Queue a batch; blocks while the previous one is still waiting to be written."""
        self._raise_if_failed()
        self._todo.put(batch)

    def drain(self) -> list[Result]:
        """The results of the batches written so far (in order), without waiting."""
        results: list[Result] = []
        while True:
            try:
                results.append(self._done.get_nowait())
            except queue.Empty:
                break
        self._raise_if_failed()
        return results

    def close(self) -> list[Result]:
        """Wait for every queued batch; the results not drained yet."""
        self._todo.put(_STOP)
        self._thread.join()
        sys.setswitchinterval(self._previous_switch)
        return self.drain()

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error
