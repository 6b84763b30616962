"""Who is calling: API keys (Bearer), the role each route needs, and the guard between.

Every route declares the role it needs in its ``opt`` (``access(...)`` builds the
decorator arguments): ``public``, ``reader``, ``editor`` or ``admin``. The one guard on
the app reads it; a route that declares nothing needs ``admin`` (closed by default),
and a test fails for it. Reads (``reader``) are public unless TRACKER_READS=key, and
then no key is looked up at all.

The actor comes from ``resolve_actor``, which asks each resolver in
``app.state.actor_resolvers`` in turn; the first is the Bearer key. A web UI can add one
that reads a session cookie (and checks its CSRF token) without touching the guard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import anyio.to_thread
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException

from api.openapi import BEARER, problem_responses
from tracker.access.actor import PUBLIC, Actor, role_allows
from tracker.service import TrackerService

if TYPE_CHECKING:
    from litestar import Request
    from litestar.connection import ASGIConnection
    from litestar.handlers.base import BaseRouteHandler

ROLE_OPT = "role"
"""The ``opt`` key a route declares its role under."""
READER, EDITOR, ADMIN = "reader", "editor", "admin"
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="tracker"'}
INVALID_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="tracker", error="invalid_token"'}


class InvalidCredentials(Exception):
    """Credentials were presented and are not valid (unknown, malformed, revoked)."""


ActorResolver = Callable[["ASGIConnection[Any, Any, Any, Any]", TrackerService], Actor | None]
"""Returns the actor the request's credentials name, None when it carries none of its
kind, or raises InvalidCredentials. Runs in a worker thread (it may query the database)."""


def bearer_actor(
    connection: ASGIConnection[Any, Any, Any, Any], service: TrackerService
) -> Actor | None:
    """The actor of ``Authorization: Bearer KEY``; the key is checked on every request."""
    header = connection.headers.get("authorization")
    if header is None:
        return None
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise InvalidCredentials("the Authorization header must be: Bearer KEY")
    actor = service.authenticate(key.strip())
    if actor is None:
        raise InvalidCredentials("the API key is not valid (unknown or revoked)")
    return actor


DEFAULT_RESOLVERS: tuple[ActorResolver, ...] = (bearer_actor,)


def resolve_actor(
    connection: ASGIConnection[Any, Any, Any, Any], service: TrackerService
) -> Actor | None:
    """The first actor a resolver finds (None: anonymous); raises InvalidCredentials."""
    resolvers = connection.app.state.get("actor_resolvers", DEFAULT_RESOLVERS)
    for resolver in resolvers:
        actor = resolver(connection, service)
        if isinstance(actor, Actor):
            return actor
    return None


def is_automatic_options(handler: BaseRouteHandler) -> bool:
    """Litestar's own answer to OPTIONS on a route (not a handler anyone wrote)."""
    return (
        getattr(handler, "http_methods", None) == {"OPTIONS"}
        and handler.handler_name == "options_handler"
    )


def needed_role(handler: BaseRouteHandler, reads: str) -> str:
    """The role a route needs under the server's read policy (``public`` or ``key``)."""
    if is_automatic_options(handler):
        return PUBLIC  # it lists the allowed methods; CORS preflights carry no key
    declared = handler.opt.get(ROLE_OPT, ADMIN)  # declaring nothing closes the route
    if declared == READER and reads != "key":
        return PUBLIC
    return str(declared)


async def require_role(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """The guard: 401 without a valid key where one is needed, 403 for a lesser role.

    Puts the actor on ``connection.state.actor`` (with the request id) for handlers.
    """
    needed = needed_role(handler, connection.app.state.get("reads", "public"))
    if needed == PUBLIC:
        return
    service = connection.app.state.service
    assert isinstance(service, TrackerService)
    try:
        actor = await anyio.to_thread.run_sync(resolve_actor, connection, service)
    except InvalidCredentials as exc:
        raise NotAuthorizedException(str(exc), headers=INVALID_CHALLENGE) from None
    if actor is None:
        raise NotAuthorizedException(
            "this needs an API key: Authorization: Bearer KEY", headers=CHALLENGE
        )
    if not role_allows(actor.role, needed):
        raise PermissionDeniedException(
            f"key {actor.name!r} has the role {actor.role}; this needs {needed}"
        )
    connection.state.actor = actor.with_request(connection.state.get("request_id"))


def provide_actor(request: Request[Any, Any, Any]) -> Actor:
    """The actor the guard found, for handlers that write (they all need a key)."""
    actor = request.state.get("actor")
    assert isinstance(actor, Actor), "a writing route must declare editor or admin"
    return actor


def access(role: str, *statuses: int) -> dict[str, Any]:
    """Decorator arguments of a route that needs ``role``: its opt, its OpenAPI security
    and its problem responses (``statuses`` plus what the role adds: 401, 403)."""
    if role == PUBLIC:
        return {"opt": {ROLE_OPT: PUBLIC}, "responses": problem_responses(*statuses)}
    if role == READER:
        when = " (only when the server runs with TRACKER_READS=key)"
        return {
            "opt": {ROLE_OPT: READER},
            "security": [{}, {BEARER: []}],
            "responses": problem_responses(
                *sorted({*statuses, 401, 403}),
                note={401: "No valid API key" + when, 403: "Not a reader key" + when},
            ),
        }
    return {
        "opt": {ROLE_OPT: role},
        "security": [{BEARER: []}],
        "responses": problem_responses(*sorted({*statuses, 401, 403})),
    }
