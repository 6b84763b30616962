"""The core of the suite again, on the Citus cluster: each test a clean distributed database.

The modules here import the integration and API tests as they are; this conftest hands
them a database on the cluster where they ask for ``db_url`` (and, through it, for the
engine, sessions, settings and clients). Creating and distributing a database takes
seconds on the cluster, so each module gets one, emptied before every test (TRUNCATE runs
on every shard).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import create_engine, text

from api.app import create_app
from tests.citus.conftest import DatabaseFactory
from tracker.config import Settings

TABLES = (
    "citation",
    "statement",
    "document_content_hash",
    "document_url",
    "statement_document",
    "document",
    "source_alias",
    "source",
)
"""Every table a test writes (the lookup tables exist on Citus only)."""


@pytest.fixture(scope="module")
def citus_module_url(citus_database: DatabaseFactory) -> str:
    return citus_database("head")


@pytest.fixture
def db_url(citus_module_url: str) -> Iterator[str]:
    engine = create_engine(citus_module_url)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()
    yield citus_module_url


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient[Any]]:
    """The API tests' client (tests/api/conftest.py), on the cluster's database."""
    with TestClient(app=create_app(settings)) as test_client:
        yield test_client
