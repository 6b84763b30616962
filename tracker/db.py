"""Engine and sessions; the embedded PostgreSQL server used when no URL is configured."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

import psycopg
from psycopg import sql
from psycopg.rows import namedtuple_row
from sqlalchemy import TextClause, create_engine, event
from sqlalchemy.dialects.postgresql import psycopg as psycopg_dialect
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from sqlalchemy.orm import Session, sessionmaker

from tracker.embedded import start_embedded_server
from tracker.embedded import stop_embedded_servers as stop_embedded_servers

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from tracker.config import Settings

T = TypeVar("T")

POOL_OVERFLOW = 2
"""Connections beyond ``db_pool_size`` a process may open for a moment (then closed)."""

EMBEDDED_DATABASE = "tracker"
"""Name of the database tracker creates inside its embedded server."""


def _ensure_database(admin_uri: str, name: str) -> None:
    with psycopg.connect(admin_uri, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists:
            return
        # another tracker process may create it between our check and our create
        with suppress(psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def database_url(settings: Settings) -> str:
    """The SQLAlchemy URL to use: the configured one, or the embedded server's."""
    if settings.database_url:
        return settings.database_url
    uri = start_embedded_server(settings.data_dir)
    _ensure_database(uri, EMBEDDED_DATABASE)
    base, _, query = uri.partition("?")
    base = base.rsplit("/", 1)[0] + "/" + EMBEDDED_DATABASE
    url = base.replace("postgresql://", "postgresql+psycopg://", 1)
    return url + (f"?{query}" if query else "")


def engine_for(settings: Settings) -> Engine:
    """The engine for ``settings``: its database, ``db_pool_size`` pooled connections.

    A pool smaller than the threads using it would open and close a connection on
    every request over the pool size (a backend fork, and the walk planned again)."""
    return make_engine(
        database_url(settings), pool_size=settings.db_pool_size, max_overflow=POOL_OVERFLOW
    )


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; plain ``postgresql://`` URLs get the psycopg 3 driver.

    Pooled connections are checked with a round trip only after sitting idle for
    ``PING_AFTER_IDLE_S`` (see ``_ping_when_idle``), unless the caller passes
    ``pool_pre_ping`` (True: before every use; False: never).
    """
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    pre_ping = kwargs.pop("pool_pre_ping", None)
    engine = create_engine(url, pool_pre_ping=bool(pre_ping), **kwargs)
    if pre_ping is None:
        _ping_when_idle(engine)
    return engine


PING_AFTER_IDLE_S = 5.0
"""A pooled connection idle this long is pinged before use: the server may have restarted
or dropped it meanwhile. One in steady use is not, which saves a round trip per request."""


def _ping_when_idle(engine: Engine) -> None:
    """SQLAlchemy's pessimistic disconnect check, only for connections that sat idle: a
    dead one is replaced before the request sees it (DisconnectionError makes the pool
    retry with a new connection)."""

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError(f"pooled connection is gone: {exc}") from exc


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded rows usable after commit (responses are built after it)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
"""deadlock_detected and serialization_failure: the transaction may simply be run again."""


def is_retryable(exc: BaseException) -> bool:
    """Whether PostgreSQL asked for the transaction to be retried."""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) in RETRYABLE_SQLSTATES


def sqlstate(exc: BaseException) -> str | None:
    """PostgreSQL's error code behind ``exc`` (SQLAlchemy's or psycopg's), if it sent one."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlstate", None)
    return code if isinstance(code, str) else None


UNAVAILABLE_SQLSTATE_CLASSES = ("08", "53", "57P")
"""connection_exception, insufficient_resources (too many connections, disk full, out of
memory), and admin or crash shutdown, or the server still starting."""


def database_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` says the database cannot serve now (a retry later may succeed):
    no connection, a connection lost, the pool exhausted, the server shutting down or out
    of resources, or a deadlock that outlived every retry.

    Anything else is either a value PostgreSQL refused (`value_refused`) or a bug.
    """
    if isinstance(exc, (SQLAlchemyTimeoutError, DisconnectionError)):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    code = sqlstate(exc)
    if code is None:
        # no code: the client library failed before the server answered (refused, lost)
        orig = getattr(exc, "orig", None) or exc
        return isinstance(orig, psycopg.OperationalError)
    return code.startswith(UNAVAILABLE_SQLSTATE_CLASSES) or code in RETRYABLE_SQLSTATES


REFUSED_VALUE_SQLSTATES = frozenset({"23502", "23514"})
"""not_null_violation and check_violation: a CHECK refused a value."""


def value_refused(exc: BaseException) -> bool:
    """Whether PostgreSQL refused a value as given: a data exception (class 22), a CHECK
    or NOT NULL, or a program limit (class 54: an index row or a tsvector too large).

    `tracker.store.validation` exists so that none of these happens; one that does is a
    rule validation missed.
    """
    code = sqlstate(exc)
    return code is not None and (code.startswith(("22", "54")) or code in REFUSED_VALUE_SQLSTATES)


def run_in_transaction(
    factory: sessionmaker[Session], work: Callable[[Session], T], attempts: int = 5
) -> T:
    """Run ``work`` in one transaction, again from scratch if PostgreSQL picks it as a
    deadlock victim: concurrent writers lock sources in different orders now and then."""
    for attempt in range(attempts):
        try:
            with transaction(factory) as session:
                return work(session)
        except OperationalError as exc:
            if not is_retryable(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back everything on any error."""
    with factory() as session, session.begin():
        yield session


@contextmanager
def statement_session(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session outside any transaction block: each statement it runs commits on its own.

    For reads that are one statement, or that need no snapshot shared across their
    statements: a transaction would cost a BEGIN round trip before the read and a
    COMMIT after it, as much again as a one-query walk's own (and on Citus a BEGIN and
    COMMIT on every worker the read touches). Nothing needing ``SET LOCAL`` may run in it.
    """
    with factory() as session:
        session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        yield session


@cache
def _driver_sql(query: TextClause) -> str:
    """``query`` with psycopg's ``%(name)s`` placeholders, compiled once per query."""
    dialect = psycopg_dialect.dialect()  # type: ignore[no-untyped-call]
    return str(query.compile(dialect=dialect))


def prepared_rows(session: Session, query: TextClause, params: Mapping[str, Any]) -> list[Any]:
    """The rows of ``query``, run as a prepared statement on the session's connection.

    Planned once per pooled connection, then executed from the plan: for a query as
    small as a walk, planning cost as much as running it, and SQLAlchemy's result
    machinery as much again, so this goes to psycopg directly and returns its named
    tuples. psycopg keeps the statement across commits (not across a rollback, which
    makes it prepare again on next use).
    """
    connection = session.connection().connection.driver_connection
    assert connection is not None
    with connection.cursor(row_factory=namedtuple_row) as cursor:
        cursor.execute(_driver_sql(query), params, prepare=True)
        rows: list[Any] = cursor.fetchall()
    return rows
