"""Answer only the Host names this server is meant for (TRACKER_ALLOWED_HOSTS).

A web page elsewhere can point a DNS name of its own at 127.0.0.1 (DNS rebinding) and
then read and write the local API as same-origin; its requests carry its own name in
Host, which this refuses. Litestar's AllowedHostsConfig is not used: it compares the
header with its port ("127.0.0.1:8000" never matches "127.0.0.1") and answers a bare JSON
body, where every error here is problem+json.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware

from api.errors import HostNotAllowedError
from tracker.config import ANY_HOST, host_name

if TYPE_CHECKING:
    from collections.abc import Iterable

    from litestar.types import ASGIApp, Receive, Scope, Send


def header_host(value: str) -> str:
    """The host of a Host header, without its port: "[::1]:8000" is "[::1]"."""
    value = value.strip()
    if value.startswith("["):
        end = value.find("]")
        return host_name(value[: end + 1]) if end > 0 else ""
    return host_name(value.rsplit(":", 1)[0] if value.count(":") == 1 else value)


class AllowedHosts(ASGIMiddleware):
    """400 problem+json for a request whose Host is not listed; X-Forwarded-Host is never
    consulted (a client sets it as it likes)."""

    scopes = (ScopeType.HTTP, ScopeType.WEBSOCKET)

    def __init__(self, hosts: Iterable[str]) -> None:
        self.hosts = frozenset(host_name(h) for h in hosts)
        self.any_host = ANY_HOST in self.hosts

    def allows(self, header: str | None) -> bool:
        return self.any_host or (header is not None and header_host(header) in self.hosts)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        header = _host_header(scope)
        if not self.allows(header):
            raise HostNotAllowedError(
                detail=(
                    f"this server does not answer for host {(header or '(none)')[:100]!r}; "
                    "list it in TRACKER_ALLOWED_HOSTS"
                )
            )
        await next_app(scope, receive, send)


def _host_header(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"host":
            return value.decode("latin-1")
    return None
