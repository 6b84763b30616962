"""Signed-in browsers: the desk's sessions, and the actor resolver that names their key.

A session is started at /login with an API key (tracker.access.sessions keeps only the
hash of a random token; the browser keeps the token in the desk's cookie). Its actor
joins the same resolution as Bearer keys (``app.state.actor_resolvers``), so the guard,
the roles and the audit trail treat a page action exactly like an API call by that key.
Two rules keep it to the desk: the resolver never answers under /api/, /schema or
/health (the API stays Bearer-only), and it names no actor for a write whose form token
was not checked (api.pages.csrf).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from api.pages.cookie import cookie_token
from api.pages.csrf import token_checked
from api.pages.links import NOT_PAGES
from api.pages.viewer import VIEWER_STATE, Viewer
from tracker.access.actor import Actor
from tracker.service import TrackerService

if TYPE_CHECKING:
    from litestar.connection import ASGIConnection
    from litestar.datastructures import State

_LOOKED_UP = "desk_session_actor"
"""Where a request keeps the session actor once looked up (False: none)."""


def session_actor(
    connection: ASGIConnection[Any, Any, Any, Any], service: TrackerService
) -> Actor | None:
    """The key behind the request's desk session, or None; an actor resolver.

    Looked up once per request (the guard and the page both ask) and never cached
    across requests: a revoked key or an ended session stops working at once.
    """
    if connection.url.path.startswith(NOT_PAGES) or not token_checked(connection):
        return None
    state = connection.scope.setdefault("state", {})
    known = state.get(_LOOKED_UP)
    if known is None:
        token = cookie_token(connection)
        actor = service.session_actor(token) if token is not None else None
        state[_LOOKED_UP] = actor or False
        state[VIEWER_STATE] = _viewer(actor)
        return actor
    return known if isinstance(known, Actor) else None


def _viewer(actor: Actor | None) -> Viewer | None:
    return Viewer(actor.name, actor.role or "") if actor is not None else None


class KeySessions:
    """Sessions started with API keys (the desk's default): sign-in works once the
    server has a live key; the viewer is the key's name and role."""

    def __init__(self, state: State) -> None:
        self._state = state

    def _service(self) -> TrackerService:
        service = self._state.get("service")
        assert isinstance(service, TrackerService), "the app has started"
        return service

    @property
    def can_sign_in(self) -> bool:
        return self._service().can_sign_in()

    def viewer(self, request: ASGIConnection[Any, Any, Any, Any]) -> Viewer | None:
        return _viewer(session_actor(request, self._service()))

    def actor_resolvers(self) -> list[Any]:
        return [session_actor]
