"""Review tests: a service on the test database, keys by role, clients that send them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from api.app import create_app
from tests.keys import bearer, issue_key
from tracker.config import Settings
from tracker.service import TrackerService


@pytest.fixture
def service(settings: Settings, engine: Engine) -> TrackerService:
    return TrackerService(settings, engine=engine)


@pytest.fixture
def admin_key(settings: Settings, engine: Engine) -> str:
    return issue_key(settings, engine, "desk-admin", "admin")


@pytest.fixture
def reader_key(settings: Settings, engine: Engine) -> str:
    return issue_key(settings, engine, "desk-reader", "reader")


@pytest.fixture
def app_client(settings: Settings) -> Iterator[TestClient[Any]]:
    """A client sending no key: each request names its own."""
    with TestClient(app=create_app(settings)) as client:
        yield client


@pytest.fixture
def editor(app_client: TestClient[Any], editor_key: str) -> TestClient[Any]:
    app_client.headers.update(bearer(editor_key))
    return app_client
