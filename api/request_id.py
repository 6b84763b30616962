"""Every request gets an id (the client's X-Request-Id when sane), echoed in the response
and recorded with the audit rows the request writes."""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING

from litestar.enums import ScopeType

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Message, Receive, Scope, Send

HEADER = b"x-request-id"
_SANE_RE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def request_id_of(scope: Scope) -> str:
    """The client's X-Request-Id if it is short and plain, else a new random one."""
    for name, value in scope.get("headers", ()):
        if name.lower() == HEADER:
            given = value.decode("latin-1")
            if _SANE_RE.match(given):
                return given
    return uuid.uuid4().hex


def assigned_request_id(scope: Scope) -> str:
    """The request's id, made on first use and kept in ``scope["state"]``."""
    state = scope.setdefault("state", {})
    request_id = state.get("request_id")
    if not isinstance(request_id, str):
        request_id = state["request_id"] = request_id_of(scope)
    return request_id


def request_id_middleware(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: the id in ``scope["state"]["request_id"]`` before guards and
    handlers run (they record it with what they write)."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == ScopeType.HTTP:
            assigned_request_id(scope)
        await app(scope, receive, send)

    return middleware


def send_request_id(message: Message, scope: Scope) -> None:
    """Litestar's before_send hook: X-Request-Id on every response, also those the router
    answers itself before any middleware runs (404 for no route, 405 with Allow)."""
    if message["type"] != "http.response.start" or scope["type"] != ScopeType.HTTP:
        return
    request_id = assigned_request_id(scope).encode("latin-1")
    headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != HEADER]
    headers.append((HEADER, request_id))
    message["headers"] = headers
