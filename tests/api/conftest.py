"""A Litestar test client on create_app, backed by this test's own database.

``client`` sends an editor key (writes need one since issue 12); ``anonymous_client``
sends none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar.testing import TestClient

from api.app import create_app
from tests.keys import bearer
from tracker.config import Settings


@pytest.fixture
def client(settings: Settings, editor_key: str) -> Iterator[TestClient[Any]]:
    with TestClient(app=create_app(settings)) as test_client:
        test_client.headers.update(bearer(editor_key))
        yield test_client


@pytest.fixture
def anonymous_client(settings: Settings) -> Iterator[TestClient[Any]]:
    with TestClient(app=create_app(settings)) as test_client:
        yield test_client
