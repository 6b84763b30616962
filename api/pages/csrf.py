"""Cross-site request forgery: every form on the desk carries a token bound to its cookie.

The token is an HMAC of the browser's cookie token (the session token once signed in, a
random seed on the sign-in page before that), so it needs no server secret shared among
workers, changes at every sign-in, and cannot be made by another site, which can
neither read the HttpOnly cookie nor have it sent (SameSite=Strict). ``DeskForms`` checks
it on every page request that is not a read, before the guard and the handler run: a
POST without a valid token is refused with 403 and writes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jinja2 import pass_context
from litestar import Request
from litestar.enums import ScopeType
from litestar.exceptions import PermissionDeniedException
from litestar.middleware import ASGIMiddleware
from markupsafe import Markup

from api.pages.cookie import COOKIE_NAME, cookie_token, desk_cookie
from tracker.access.sessions import new_token

if TYPE_CHECKING:
    from jinja2.runtime import Context
    from litestar.connection import ASGIConnection
    from litestar.types import ASGIApp, Message, Receive, Scope, Send

FIELD = "csrf_token"
"""The form field the token travels in."""
STATE_KEY = "desk_forms"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_CONTEXT = b"tracker desk form v1"


def form_token(cookie_value: str) -> str:
    """The token forms carry for a browser holding ``cookie_value``."""
    digest = hmac.new(cookie_value.encode("ascii"), _CONTEXT, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(slots=True)
class FormGuard:
    """This request's cookie token (or a new seed) and what the check found."""

    seed: str
    issued: bool
    """The seed is new: the response sets the cookie if a form used it."""
    used: bool = False
    checked: bool = False
    """A write whose token matched (the session resolver asks before naming an actor)."""


def form_guard(connection: ASGIConnection[Any, Any, Any, Any]) -> FormGuard | None:
    found = connection.scope.get("state", {}).get(STATE_KEY)
    return found if isinstance(found, FormGuard) else None


def token_checked(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """Whether this request is a read, or a write whose form token was checked."""
    if connection.scope.get("method", "GET") in SAFE_METHODS:
        return True
    guard = form_guard(connection)
    return guard is not None and guard.checked


@pass_context
def csrf_field(context: Context) -> Markup:
    """The hidden input every posting form carries (``{{ csrf_field() }}``)."""
    request = context.get("request")
    guard = form_guard(request) if request is not None else None
    if guard is None:
        return Markup("")
    guard.used = True
    return Markup('<input type="hidden" name="{}" value="{}">').format(
        FIELD, form_token(guard.seed)
    )


class DeskForms(ASGIMiddleware):
    """On the desk's pages: refuse writes without the form token; hand out a seed cookie
    to a browser without one when a page it is sent shows a form."""

    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        request: Request[Any, Any, Any] = Request(scope, receive)
        token = cookie_token(request)
        guard = FormGuard(seed=token or new_token(), issued=token is None)
        scope.setdefault("state", {})[STATE_KEY] = guard
        if scope.get("method", "GET") not in SAFE_METHODS:
            sent = (await request.form()).get(FIELD)
            if (
                token is None
                or not isinstance(sent, str)
                or not hmac.compare_digest(sent.encode(), form_token(token).encode())
            ):
                raise PermissionDeniedException(
                    "this form was not sent from this desk, or the page is too old: "
                    "reload the page and send it again"
                )
            guard.checked = True
        if not guard.issued:
            await next_app(scope, receive, send)
            return

        async def send_with_seed(message: Message) -> None:
            if message["type"] == "http.response.start" and guard.used:
                headers = list(message.get("headers", []))
                if not any(_sets_our_cookie(name, value) for name, value in headers):
                    headers.append(desk_cookie(request, guard.seed, None).to_encoded_header())
                    message = {**message, "headers": headers}
            await send(message)

        await next_app(scope, receive, send_with_seed)


def _sets_our_cookie(name: bytes, value: bytes) -> bool:
    """Whether a header sets the desk's cookie already (signing in and out do)."""
    return name.lower() == b"set-cookie" and value.startswith(COOKIE_NAME.encode() + b"=")
