"""The core of the suite again, on the Citus cluster: each test a clean distributed database.

The modules here import the integration and API tests as they are; this conftest hands
them a database on the cluster where they ask for ``db_url`` (and, through it, for the
engine, sessions, settings and clients). Creating and distributing a database takes
seconds on the cluster, so each module gets one, emptied before every test (TRUNCATE runs
on every shard).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.citus.conftest import DatabaseFactory

TABLES = (
    "citation",
    "statement",
    "document_content_hash",
    "document_url",
    "statement_document",
    "document",
    "source_alias",
    "source",
    "api_key",
)
"""Every table a test writes (the lookup tables exist on Citus only), but the audit trail."""


@pytest.fixture(scope="module")
def citus_module_url(citus_database: DatabaseFactory) -> str:
    return citus_database("head")


@pytest.fixture
def db_url(citus_module_url: str) -> Iterator[str]:
    engine = create_engine(citus_module_url)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        with engine.begin() as conn:
            # the audit trail refuses TRUNCATE by a trigger, which replica mode skips (a
            # local table: distributed ones must not, Citus truncates shards by trigger)
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            conn.execute(text("TRUNCATE audit RESTART IDENTITY"))
    finally:
        engine.dispose()
    yield citus_module_url
