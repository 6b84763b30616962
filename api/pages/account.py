"""Signing in to the desk with an API key, and signing out (both public pages).

/login is public whatever the read policy: with TRACKER_READS=key it is how a browser
gets to read at all.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, QueryParameter
from litestar.response import Redirect, Template

from api.auth import ROLE_OPT
from api.pages.cookie import cleared_cookie, cookie_token, desk_cookie
from api.pages.links import DONE_PARAM, LOGIN_PATH, LOGOUT_PATH, local_path
from api.pages.templating import page
from api.pages.viewer import Sessions, Viewer
from tracker.access.actor import PUBLIC
from tracker.access.sessions import SESSION_SECONDS
from tracker.service import TrackerService

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
BAD_KEY = "That key is not a live API key of this server (unknown, mistyped or revoked)."


def _with_done(path: str, done: str) -> str:
    base, _, anchor = path.partition("#")
    joined = f"{base}{'&' if '?' in base else '?'}{DONE_PARAM}={done}"
    return joined + (f"#{anchor}" if anchor else "")


class AccountPages(Controller):
    include_in_schema = False
    opt = {ROLE_OPT: PUBLIC}

    @get(LOGIN_PATH, sync_to_thread=True)
    def login(
        self,
        sessions: Sessions,
        current_user: Viewer | None,
        next_path: Annotated[str | None, QueryParameter(name="next", max_length=2000)] = None,
    ) -> Template:
        return page(
            "login",
            current_user,
            can_sign_in=sessions.can_sign_in,
            next_path=local_path(next_path, ""),
            error=None,
        )

    @post(LOGIN_PATH, sync_to_thread=True)
    def sign_in(
        self,
        request: Request[Any, Any, Any],
        service: TrackerService,
        sessions: Sessions,
        data: FormData,
    ) -> Response[Any]:
        """A live key starts a session (a new token: the old one, if any, is ended)."""
        key = str(data.get("key") or "").strip()
        next_path = local_path(str(data.get("next") or ""), "")
        request_id = request.state.get("request_id")
        started = service.start_session(key, request_id) if key else None
        if started is None:
            return page(
                "login",
                None,
                422,
                can_sign_in=sessions.can_sign_in,
                next_path=next_path,
                error=BAD_KEY if key else "Enter your API key.",
            )
        old = cookie_token(request)
        if old is not None:
            service.end_session(old, request_id)
        return Redirect(
            _with_done(next_path or "/", "signed-in"),
            status_code=303,
            cookies=[desk_cookie(request, started.token, SESSION_SECONDS)],
        )

    @post(LOGOUT_PATH, sync_to_thread=True)
    def sign_out(self, request: Request[Any, Any, Any], service: TrackerService) -> Redirect:
        """The session ends on the server (a copied cookie is worth nothing after)."""
        token = cookie_token(request)
        if token is not None:
            service.end_session(token, request.state.get("request_id"))
        return Redirect(
            f"/?{DONE_PARAM}=signed-out", status_code=303, cookies=[cleared_cookie(request)]
        )
