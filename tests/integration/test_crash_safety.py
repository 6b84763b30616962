"""Crash safety with real processes: kill -9 mid-ingest loses nothing and duplicates
nothing; kill -9 of the server and an ingest leaves an embedded server the next tracker
process recovers, and the last one to exit stops it."""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.integration.processes import (
    free_port,
    get_json,
    kill_9,
    postgres_pids,
    private_dir,
    run_tracker,
    start_tracker,
    stop,
    tracker_env,
    wait_for_health,
    wait_no_postgres,
)
from tracker.db import make_engine
from tracker.synthetic import generate

pytestmark = pytest.mark.slow

ARTICLES = 2000
SUMMARY = re.compile(r"documents: (\d+) new, (\d+) already present, (\d+) failed")


@pytest.fixture
def workdir() -> Iterator[Path]:
    with private_dir() as root:
        yield root


def _write_articles(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for article in generate(count, seed=23):
            out.write(json.dumps(article.to_record(), ensure_ascii=False) + "\n")
    return path


def _count(url: str, sql: str) -> int:
    engine = make_engine(url, pool_pre_ping=False)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar_one())
    finally:
        engine.dispose()


def _wait_until(check: Any, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    """Poll ``check()`` until true; fail if ``proc`` finished first (killed too late)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the process finished before it could be killed"
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("the condition never held")


def _snapshot(url: str) -> dict[str, Any]:
    """What an ingest stored, independent of ids and order: per document (by URL) its
    statements' spans and kinds and its hops, and the sources by kind."""
    engine = make_engine(url, pool_pre_ping=False)
    try:
        with engine.connect() as conn:
            statements = conn.execute(
                text(
                    "SELECT d.url, s.start_offset, s.end_offset, s.kind "
                    "FROM statement s JOIN document d ON d.id = s.document_id"
                )
            ).all()
            hops = conn.execute(
                text(
                    "SELECT d.url, count(*) FROM citation c JOIN document d "
                    "ON d.id = c.document_id GROUP BY d.url"
                )
            ).all()
            sources = conn.execute(text("SELECT kind, count(*) FROM source GROUP BY kind")).all()
            duplicates = conn.execute(
                text(
                    "SELECT normalized_name, kind FROM source WHERE kind <> 'anonymous' "
                    "GROUP BY normalized_name, kind HAVING count(*) > 1"
                )
            ).all()
            documents = conn.execute(text("SELECT count(*), count(DISTINCT url) FROM document"))
            document_count, distinct_urls = documents.one()
    finally:
        engine.dispose()
    return {
        "documents": document_count,
        "distinct_urls": distinct_urls,
        "statements": sorted(tuple(row) for row in statements),
        "hops": dict(tuple(row) for row in hops),
        "sources": dict(tuple(row) for row in sources),
        "duplicate_sources": [tuple(row) for row in duplicates],
    }


def test_kill_9_mid_ingest_then_reruns_store_exactly_every_article_once(
    db_url: str, second_db_url: str, workdir: Path
) -> None:
    articles = _write_articles(workdir / "articles.jsonl", ARTICLES)
    env = tracker_env(database_url=db_url)
    count_documents = "SELECT count(*) FROM document"

    first = start_tracker(
        ["ingest", str(articles), "--batch-size", "50"], env, workdir / "ingest.log"
    )
    _wait_until(lambda: _count(db_url, count_documents) >= 300, first)
    kill_9(first)
    stored_before_kill = _count(db_url, count_documents)
    assert 300 <= stored_before_kill < ARTICLES

    rerun = run_tracker(["ingest", str(articles), "--batch-size", "333"], env)
    assert rerun.returncode == 0, rerun.stderr
    summary = SUMMARY.search(rerun.stdout)
    assert summary, rerun.stdout
    new, present, failed = (int(g) for g in summary.groups())
    assert (new, present, failed) == (ARTICLES - stored_before_kill, stored_before_kill, 0)

    again = run_tracker(["ingest", str(articles), "--batch-size", "1000"], env)
    assert again.returncode == 0, again.stderr
    assert SUMMARY.search(again.stdout).groups() == (str(0), str(ARTICLES), str(0))  # type: ignore[union-attr]

    clean = run_tracker(["ingest", str(articles)], tracker_env(database_url=second_db_url))
    assert clean.returncode == 0, clean.stderr
    crashed, reference = _snapshot(db_url), _snapshot(second_db_url)
    assert crashed["documents"] == crashed["distinct_urls"] == ARTICLES
    assert crashed["duplicate_sources"] == []
    assert len(crashed["statements"]) > ARTICLES  # synthetic articles carry several each
    assert crashed == reference


@pytest.mark.embedded
def test_kill_9_of_serve_and_ingest_then_the_next_process_recovers(workdir: Path) -> None:
    data_dir = workdir / "data"
    pgdata = data_dir / "pgdata"
    articles = _write_articles(workdir / "articles.jsonl", 600)
    env = tracker_env(data_dir)
    port = free_port()
    serve = start_tracker(["serve", "--port", str(port), "--workers", "2"], env, workdir / "s.log")
    assert wait_for_health(serve, port)[0] == 200
    ingest = start_tracker(["ingest", str(articles), "--batch-size", "50"], env, workdir / "i.log")

    def some_stored() -> bool:
        return bool(get_json(port, "/api/v1/stats")[1]["documents"] >= 100)

    _wait_until(some_stored, ingest)
    kill_9(ingest)
    kill_9(serve)
    time.sleep(0.5)
    assert postgres_pids(pgdata), "postgres outlived every tracker process, as the issue says"

    stats = run_tracker(["stats", "--json"], env)
    assert stats.returncode == 0, stats.stderr
    stored = json.loads(stats.stdout)["documents"]
    assert 100 <= stored < 600
    assert wait_no_postgres(pgdata) == [], "the last tracker process left postgres running"

    finish = run_tracker(["ingest", str(articles)], env)
    assert finish.returncode == 0, finish.stderr
    assert SUMMARY.search(finish.stdout).groups() == (str(600 - stored), str(stored), "0")  # type: ignore[union-attr]

    serve = start_tracker(["serve", "--port", str(port)], env, workdir / "s2.log")
    status, body = wait_for_health(serve, port)
    assert status == 200 and body["schema"] == "current"
    assert get_json(port, "/api/v1/stats")[1]["documents"] == 600
    stop(serve)
    assert wait_no_postgres(pgdata) == []
    assert json.loads((pgdata / ".handle_pids.json").read_text()) == []
