"""API keys for tests: made through the service, as `tracker keys create` makes them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.access.actor import Actor
from tracker.service import TrackerService

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from tracker.config import Settings

TEST_ACTOR = Actor("tests")


def issue_key(settings: Settings, engine: Engine, name: str, role: str) -> str:
    """A new key named ``name`` with ``role`` in the test's database."""
    return TrackerService(settings, engine=engine).create_key(TEST_ACTOR, name, role).key


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}
