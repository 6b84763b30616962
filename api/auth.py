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

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import anyio.to_thread
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException

from api.openapi import BEARER, Contract, operation_class, problem_responses
from tracker.access.actor import PUBLIC, Actor, role_allows
from tracker.service import TrackerService

if TYPE_CHECKING:
    from litestar import Request
    from litestar.connection import ASGIConnection
    from litestar.handlers.base import BaseRouteHandler
    from litestar.openapi import ResponseSpec
    from litestar.openapi.spec import Reference, Schema

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


def access(
    role: str,
    *statuses: int,
    etag: bool = False,
    content: Mapping[str, Schema | Reference] | None = None,
    responses: Mapping[int, ResponseSpec] | None = None,
) -> dict[str, Any]:
    """Decorator arguments of a route that needs ``role``: its opt, its OpenAPI security,
    its own problem statuses (``statuses``: those no mechanism implies, such as 409) and its
    operation class, which adds the rest (``api.openapi.complete``): 401 and 403 for a
    key, 404 for a path id, 412 and 428 for If-Match, 413, 415 and 422 for a body.

    ``etag``: its 2xx responses carry ETag; ``content``: media types besides JSON;
    ``responses``: more of its own (a second success status).
    """
    contract = Contract(role, etag=etag, content=content or {})
    arguments: dict[str, Any] = {
        "opt": {ROLE_OPT: role},
        "operation_class": operation_class(contract),
    }
    own = dict(responses or {})
    if role == PUBLIC:
        return {**arguments, "responses": {**problem_responses(400, *statuses), **own}}
    if role == READER:
        when = " (only when the server runs with TRACKER_READS=key)"
        notes = {401: "No valid API key" + when, 403: "Not a reader key" + when}
        security: list[dict[str, list[str]]] = [{}, {BEARER: []}]
    else:
        roles = "admin" if role == ADMIN else f"{role} or admin"
        notes = {
            401: f"No API key, or one that is unknown or revoked: this needs a {roles} key "
            "(WWW-Authenticate: Bearer)",
            403: f"The key's role may not do this: it needs {roles}",
        }
        security = [{BEARER: []}]
    return {
        **arguments,
        "security": security,
        "responses": {
            **problem_responses(*sorted({400, *statuses, 401, 403}), note=notes),
            **own,
        },
    }
