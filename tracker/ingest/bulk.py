"""Bulk ingest: read many inputs, prepare them (in processes if asked), write them in batches.

Each batch goes through the one writer, `tracker.store.writer.store_documents`.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError, OperationalError

from tracker.access.actor import Actor
from tracker.db import is_retryable, run_in_transaction
from tracker.errors import TrackerError
from tracker.ingest.extraction import prepare_item
from tracker.ingest.formats import BadItem, RawItem, expand_paths, read_items
from tracker.ingest.writer_thread import WriterThread
from tracker.store.inputs import PreparedDocument
from tracker.store.validation import MAX_STATEMENTS
from tracker.store.writer import WriteOutcome, store_documents

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

DEFAULT_BATCH_SIZE = 200
MAX_RETRIES = 5


@dataclass(slots=True)
class IngestSummary:
    """Totals of one `tracker ingest` run, printed at the end."""

    new_documents: int = 0
    present_documents: int = 0
    failed: list[BadItem] = field(default_factory=list)
    statements: int = 0
    new_sources: int = 0

    @property
    def processed(self) -> int:
        return self.new_documents + self.present_documents + len(self.failed)

    def add(self, outcome: WriteOutcome) -> None:
        self.new_documents += outcome.new_documents
        self.present_documents += outcome.present_documents
        self.statements += outcome.statements
        self.new_sources += outcome.new_sources


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """What `tracker ingest` was asked to do."""

    language: str | None = None
    outlet: str | None = None
    fmt: str = "auto"
    jobs: int = 1
    batch_size: int = DEFAULT_BATCH_SIZE
    actor: Actor | None = None
    """Who the audit rows of the stored documents name (None: whoever runs the process)."""
    max_statements: int = MAX_STATEMENTS


def _prepare(args: tuple[RawItem, str | None, str | None, int]) -> PreparedDocument | BadItem:
    item, language, outlet, max_statements = args
    try:
        return prepare_item(item, language=language, outlet=outlet, max_statements=max_statements)
    except TrackerError as exc:
        return BadItem(item.origin, str(exc))
    except Exception as exc:  # an extractor bug must cost one item, not the batch
        return BadItem(item.origin, f"extraction failed: {type(exc).__name__}: {exc}")


def iter_items(paths: Iterable[str], fmt: str) -> Iterator[RawItem | BadItem]:
    """Every item of every input path, streamed: files are read one at a time."""
    for path in expand_paths(list(paths)):
        yield from read_items(path, fmt)


def prepared_stream(
    items: Iterable[RawItem | BadItem], options: IngestOptions
) -> Iterator[PreparedDocument | BadItem]:
    """Items made ready for writing, in order; extraction fans out over ``jobs`` processes.

    Unreadable items skip the workers and come out as they are met.
    """
    bad: list[BadItem] = []

    def readable() -> Iterator[tuple[RawItem, str | None, str | None, int]]:
        for item in items:
            if isinstance(item, BadItem):
                bad.append(item)
            else:
                yield (item, options.language, options.outlet, options.max_statements)

    if options.jobs <= 1:
        for args in readable():
            yield from _drain(bad)
            yield _prepare(args)
        yield from _drain(bad)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(options.jobs) as pool:
        for result in pool.imap(_prepare, readable(), chunksize=8):
            yield from _drain(bad)
            yield result
        yield from _drain(bad)


def _drain(bad: list[BadItem]) -> Iterator[BadItem]:
    while bad:
        yield bad.pop(0)


def write_with_retry(
    factory: sessionmaker[Session], batch: list[PreparedDocument], actor: Actor | None = None
) -> tuple[WriteOutcome, list[BadItem]]:
    """Write one batch in one transaction; retry on deadlock, isolate a bad document.

    Concurrent ingests lock rows in the same order, but PostgreSQL may still pick a
    victim under contention: the batch is then retried whole. A document the database
    refuses is retried alone, so one bad item never sinks its neighbours.
    """

    def write(session: Session) -> WriteOutcome:
        return store_documents(session, batch, actor)

    try:
        return run_in_transaction(factory, write, attempts=MAX_RETRIES), []
    except DBAPIError as exc:
        if isinstance(exc, OperationalError) and (is_retryable(exc) or exc.connection_invalidated):
            raise
        if len(batch) == 1:
            return WriteOutcome(), [BadItem(batch[0].label, "rejected by the database")]
        total, failed = WriteOutcome(), []
        for one in batch:
            outcome, bad = write_with_retry(factory, [one], actor)
            total.add(outcome)
            failed += bad
        return total, failed


def bulk_ingest(
    factory: sessionmaker[Session],
    items: Iterable[RawItem | BadItem],
    options: IngestOptions,
    on_progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Prepare and store every item, batch by batch; bad items are counted, not fatal.

    Each batch is one transaction, written in order by a writer thread while the next
    batch is extracted (`tracker.ingest.writer_thread`); counters and progress stay in this
    thread. `--jobs` adds extraction processes on top.
    """
    summary = IngestSummary()
    batch: list[PreparedDocument] = []
    writer: WriterThread[list[PreparedDocument], tuple[WriteOutcome, list[BadItem]]] = WriterThread(
        lambda b: write_with_retry(factory, b, options.actor)
    )

    def account(results: list[tuple[WriteOutcome, list[BadItem]]]) -> None:
        for outcome, failed in results:
            summary.add(outcome)
            summary.failed += failed
            if on_progress:
                on_progress(summary)

    try:
        for result in prepared_stream(items, options):
            if isinstance(result, BadItem):
                summary.failed.append(result)
                if on_progress:
                    on_progress(summary)
                continue
            batch.append(result)
            if len(batch) >= options.batch_size:
                writer.submit(batch)
                batch = []
                account(writer.drain())
        if batch:
            writer.submit(batch)
    finally:
        remaining = writer.close()
    account(remaining)
    return summary
