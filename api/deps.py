"""Dependencies injected into controllers: the tracker service held by the app."""

from __future__ import annotations

from typing import Any

from litestar.datastructures import State

from tracker.service import TrackerService


def provide_service(state: State) -> TrackerService:
    """The app's one TrackerService (engine and session factory)."""
    service = state.service
    assert isinstance(service, TrackerService)
    return service


def cursor_params(cursor: str | None, limit: int | None) -> dict[str, Any]:
    return {"cursor": cursor, "limit": limit}
