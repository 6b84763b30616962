"""tests/unit runs without PostgreSQL: a unit test that asks for a database fails."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_database(request: pytest.FixtureRequest) -> None:
    if any(name.startswith("postgresql") for name in request.fixturenames):
        pytest.fail("a unit test needs no database: move it to tests/integration")
