"""Benchmark: what review costs reads. The walk with the visibility predicate (rejected
statements hidden) against the same walk without it, and an API key lookup (done only
for writes, and for reads under TRACKER_READS=key) against a bare round trip.

Both sides of each pair run interleaved in the same process on the same data (the chain
walk bench's generator, 10,000 statements by default), in alternating blocks, and the
ratio of medians is printed. Never a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from _pg import bench_database
from chain_walk import _sample, grow
from sqlalchemy import text
from sqlalchemy.orm import Session

from tracker.access.actor import Actor
from tracker.access.keys import authenticate, create_key
from tracker.db import make_engine, make_session_factory
from tracker.store.visibility import visible_sql
from tracker.walk.model import DEFAULT_MAX_DEPTH
from tracker.walk.sql import WALK_SQL

BLOCK = 100
"""Walks per block; the two sides alternate block by block, so drift hits both alike."""


def baseline_walk_sql() -> Any:
    """WALK_SQL as it was before review: the visibility predicate replaced by TRUE."""
    sql = str(WALK_SQL.text)
    for alias in ("us", "st"):
        sql = sql.replace(visible_sql(alias), "TRUE")
    assert "current_setting" not in sql
    return text(sql)


def _time(fn: Callable[[], Any]) -> int:
    started = time.perf_counter_ns()
    fn()
    return time.perf_counter_ns() - started


def _stats(ns: list[int]) -> tuple[float, float]:
    ordered = sorted(ns)
    return statistics.median(ordered) / 1e6, ordered[int(len(ordered) * 0.99) - 1] / 1e6


def interleaved(
    factory: Any, sides: dict[str, Callable[[Session, int], Any]], ids: list[int]
) -> dict[str, list[int]]:
    """Each side on every id, block by block in turn; one committed session per call."""
    timings: dict[str, list[int]] = {name: [] for name in sides}
    for start in range(0, len(ids), BLOCK):
        for name, fn in sides.items():
            for ident in ids[start : start + BLOCK]:
                with factory() as session, session.begin():
                    session.connection()
                    timings[name].append(_time(lambda s=session, i=ident, f=fn: f(s, i)))
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000, help="statements generated")
    parser.add_argument("--walks", type=int, default=2_000, help="timed calls per side")
    parser.add_argument("--url", default=None, help="a database to fill (default: embedded)")
    args = parser.parse_args(argv)
    with bench_database(args.url) as url:
        grow(url, args.n)
        engine = make_engine(url)
        factory = make_session_factory(engine)
        ids = _sample(url, "all", args.walks, seed=7)
        params = {"max_depth": DEFAULT_MAX_DEPTH - 1}
        before = baseline_walk_sql()
        walks = {
            "walk (review)": lambda s, i: s.execute(WALK_SQL, {**params, "statement_id": i}).all(),
            "walk (before)": lambda s, i: s.execute(before, {**params, "statement_id": i}).all(),
        }
        interleaved(factory, walks, ids[:200])  # warm-up: caches, pool, prepared plans
        walk_times = interleaved(factory, walks, ids)
        with factory() as session, session.begin():
            key = create_key(session, Actor("bench"), "bench-editor", "editor").key
        lookups = {
            "key lookup": lambda s, _i: authenticate(s, key),
            "SELECT 1": lambda s, _i: s.execute(text("SELECT 1")).all(),
        }
        interleaved(factory, lookups, ids[:200])
        lookup_times = interleaved(factory, lookups, ids)
        engine.dispose()
    print(f"{args.n} statements, {args.walks} calls per side, medians and p99 in ms")
    for name, ns in {**walk_times, **lookup_times}.items():
        p50, p99 = _stats(ns)
        print(f"  {name:<14} p50 {p50:6.3f}  p99 {p99:6.3f}")
    walk_ratio = _stats(walk_times["walk (review)"])[0] / _stats(walk_times["walk (before)"])[0]
    key_extra = _stats(lookup_times["key lookup"])[0] - _stats(lookup_times["SELECT 1"])[0]
    print(f"walk with the visibility predicate / without: {walk_ratio:.2f}x (p50)")
    print(f"a key lookup costs {key_extra:.3f} ms more than a bare round trip (p50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
