"""The writer thread behind bulk ingest: order, back-pressure, errors in the caller."""

from __future__ import annotations

import sys
import threading
import time

import pytest

from tracker.ingest.writer_thread import WriterThread


def test_batches_are_written_in_order_and_all_results_come_back() -> None:
    written: list[int] = []

    def write(batch: list[int]) -> int:
        time.sleep(0.001)
        written.extend(batch)
        return sum(batch)

    writer: WriterThread[list[int], int] = WriterThread(write)
    results: list[int] = []
    for k in range(20):
        writer.submit([k, k])
        results += writer.drain()
    results += writer.close()
    assert written == [k for k in range(20) for _ in (0, 1)]
    assert results == [2 * k for k in range(20)]


def test_at_most_one_batch_waits() -> None:
    """Back-pressure: with one batch being written and one queued, submit blocks, so an
    ingest never holds more than three batches (flat memory)."""
    release = threading.Event()
    started = threading.Event()

    def write(batch: int) -> int:
        started.set()
        release.wait(5)
        return batch

    writer: WriterThread[int, int] = WriterThread(write)
    writer.submit(1)
    assert started.wait(5)
    writer.submit(2)  # queued
    third = threading.Thread(target=writer.submit, args=(3,))
    third.start()
    time.sleep(0.05)
    assert third.is_alive()  # blocked behind the queued batch
    release.set()
    third.join(5)
    assert not third.is_alive()
    assert writer.close() == [1, 2, 3]


def test_a_failed_write_is_raised_in_the_caller_and_nothing_more_is_written() -> None:
    written: list[int] = []

    def write(batch: int) -> int:
        if batch == 2:
            raise RuntimeError("server went away")
        written.append(batch)
        return batch

    writer: WriterThread[int, int] = WriterThread(write)
    writer.submit(1)
    writer.submit(2)
    with pytest.raises(RuntimeError, match="server went away"):
        for k in range(3, 50):
            writer.submit(k)
            time.sleep(0.001)
    writer.close()
    assert written == [1]


def test_close_raises_a_failure_of_the_last_batch() -> None:
    def write(batch: int) -> int:
        raise ValueError(f"bad batch {batch}")

    writer: WriterThread[int, int] = WriterThread(write)
    writer.submit(7)
    with pytest.raises(ValueError, match="bad batch 7"):
        writer.close()


def test_the_switch_interval_is_short_while_writing_and_restored_after() -> None:
    before = sys.getswitchinterval()
    writer: WriterThread[int, int] = WriterThread(lambda batch: batch)
    assert sys.getswitchinterval() <= 0.001
    writer.submit(1)
    assert writer.close() == [1]
    assert sys.getswitchinterval() == before
