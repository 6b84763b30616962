"""Alembic environment: the URL comes from the caller's config or tracker's settings."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import tracker.models  # noqa: F401  (registers every table on SQLModel.metadata)
from tracker.config import get_settings
from tracker.db import database_url, make_engine

target_metadata = SQLModel.metadata

MIGRATION_LOCK = 7_262_021
"""Advisory lock key: two tracker processes migrating at once take turns."""


def _migrate(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata)
    with context.begin_transaction():
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        _one_connection_per_node(connection)
        context.run_migrations()


def _one_connection_per_node(connection: Connection) -> None:
    """On Citus, DDL on distributed and reference tables in one transaction must not
    follow a parallel multi-shard step (Citus refuses it), and a run of migrations is one
    transaction: run all of it over one connection per node."""
    citus = connection.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'citus'"))
    if citus.first() is not None:
        connection.execute(text("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'"))


def _url() -> str:
    configured = context.config.get_main_option("sqlalchemy.url")
    return configured or database_url(get_settings())


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = make_engine(_url(), pool_pre_ping=False)
    try:
        with engine.connect() as conn:
            _migrate(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
