"""Dependencies injected into controllers: the tracker service held by the app."""

from __future__ import annotations

from litestar.datastructures import State

from tracker.service import TrackerService


def provide_service(state: State) -> TrackerService:
    """The app's one TrackerService (engine and session factory)."""
    service = state.service
    assert isinstance(service, TrackerService)
    return service
