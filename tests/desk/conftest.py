"""Desk session tests: a TestClient without keys (a browser), keys by role, stories."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from api.app import create_app
from tests.keys import issue_key
from tracker.config import Settings
from tracker.service import TrackerService


@pytest.fixture
def service(settings: Settings, engine: Engine) -> TrackerService:
    return TrackerService(settings, engine=engine)


@pytest.fixture
def browser_client(settings: Settings) -> Iterator[TestClient[Any]]:
    """A client that sends no key: it signs in like a browser."""
    with TestClient(app=create_app(settings)) as client:
        yield client


@pytest.fixture
def reader_key(settings: Settings, engine: Engine) -> str:
    return issue_key(settings, engine, "desk-reader", "reader")


@pytest.fixture
def admin_key(settings: Settings, engine: Engine) -> str:
    return issue_key(settings, engine, "desk-admin", "admin")
