"""OPTIONS lists every method of a path in Allow (405 already does).

Litestar answers OPTIONS with a handler it makes for the first route registered on a
path; that handler keeps the route it was made for, which a second handler on the same
path (GET and PATCH of /statements/{id}) replaces, so its Allow named only the first
handler's methods. This sends the path's full list, as the 405 for the same path does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.routes import HTTPRoute

from api.auth import is_automatic_options

if TYPE_CHECKING:
    from litestar.types import ASGIApp, Message, Receive, Scope, Send


def allowed_methods(scope: Scope) -> str | None:
    """The Allow value for the path ``scope`` was routed to, or None if unknown."""
    app = scope.get("litestar_app")
    template = scope.get("path_template")  # "/statements/{statement_id}", as path_format
    if app is None or template is None:
        return None
    methods = {
        method
        for route in app.routes
        if isinstance(route, HTTPRoute) and route.path_format == template
        for method in route.methods
    }
    return ", ".join(sorted(methods)) or None


class AllowEveryMethod(ASGIMiddleware):
    """Rewrites Allow on Litestar's own OPTIONS answers to the path's every method."""

    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        handler = scope.get("route_handler")
        allow = allowed_methods(scope) if handler and is_automatic_options(handler) else None
        if allow is None:
            await next_app(scope, receive, send)
            return

        async def send_allow(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                headers.append((b"allow", allow.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        await next_app(scope, receive, send_allow)
