"""The desk's one cookie: a session token (signed in) or a form seed (not yet signed in).

Either way it is a random token, HttpOnly (no script reads it), SameSite=Strict (no other
site's page sends it), Path=/, and Secure when the desk is served over HTTPS. The API key
itself never goes into it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from litestar.datastructures import Cookie

from tracker.access.sessions import is_token

if TYPE_CHECKING:
    from litestar.connection import ASGIConnection

COOKIE_NAME = "tracker_session"


def cookie_token(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    """The token the browser sent, if it has a token's shape (anything else is ignored)."""
    value = connection.cookies.get(COOKIE_NAME)
    return value if value is not None and is_token(value) else None


def desk_cookie(
    connection: ASGIConnection[Any, Any, Any, Any], token: str, max_age: int | None
) -> Cookie:
    """The cookie carrying ``token``; ``max_age`` None lasts until the browser closes."""
    return Cookie(
        key=COOKIE_NAME,
        value=token,
        max_age=max_age,
        path="/",
        secure=connection.url.scheme == "https",
        httponly=True,
        samesite="strict",
    )


def cleared_cookie(connection: ASGIConnection[Any, Any, Any, Any]) -> Cookie:
    """The cookie removed (the same attributes, expired at once)."""
    return desk_cookie(connection, "", 0)
