"""How `tracker serve` sizes its workers' pools against the server's connection limit."""

from __future__ import annotations

import os

from tracker.serving import RESERVED_CONNECTIONS, default_workers, pool_per_worker


def test_the_requested_pool_when_all_workers_fit() -> None:
    assert pool_per_worker(8, workers=2, max_connections=100) == 8


def test_many_workers_share_the_limit_less_the_reserve() -> None:
    pool = pool_per_worker(8, workers=16, max_connections=100)
    assert pool == (100 - RESERVED_CONNECTIONS) // 16
    assert pool * 16 <= 100 - RESERVED_CONNECTIONS


def test_a_worker_keeps_two_connections_whatever_the_limit() -> None:
    assert pool_per_worker(8, workers=64, max_connections=100) == 2


def test_the_default_is_one_worker_per_usable_core() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))
