"""The desk's router (pages and /static), its templates, and HTML problem pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from litestar import MediaType, Request, Response, Router
from litestar.datastructures import CacheControlHeader
from litestar.di import Provide
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from api.auth import ROLE_OPT
from api.pages.account import AccountPages
from api.pages.csrf import DeskForms
from api.pages.desk import DeskPages
from api.pages.documents import DocumentPages
from api.pages.links import NOT_PAGES
from api.pages.review import ReviewPages
from api.pages.security import PAGE_HEADERS, page_response_headers
from api.pages.sessions import KeySessions
from api.pages.sources import SourcePages
from api.pages.stories import StoryPages
from api.pages.templating import make_environment
from api.pages.viewer import VIEWER_STATE, NoSessions, Sessions, Viewer, known_viewer
from tracker.access.actor import PUBLIC

if TYPE_CHECKING:
    from litestar.datastructures import State
    from litestar.types import ExceptionHandler, ExceptionHandlersMap

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(make_environment()))


def desk_sessions(state: State, sessions: Sessions | None = None) -> Sessions:
    """The app's Sessions (API-key sessions unless others are given), their actor
    resolvers added to ``state``'s after the Bearer key's."""
    chosen = sessions or KeySessions(state)
    if isinstance(chosen, KeySessions):
        state["actor_resolvers"] = [*state["actor_resolvers"], *chosen.actor_resolvers()]
    return chosen


def desk_router(sessions: Sessions | None = None) -> Router:
    """Every page under /, the stylesheet and script under /static.

    ``sessions`` says who is signed in (see api.pages.viewer); by default nobody. Every
    page that is not a read must carry its form token (api.pages.csrf).
    """
    chosen: Sessions = sessions or NoSessions()

    def current_user(request: Request[Any, Any, Any]) -> Viewer | None:
        viewer = chosen.viewer(request)
        request.scope.setdefault("state", {})[VIEWER_STATE] = viewer  # for error pages
        return viewer

    def provide_sessions() -> Sessions:
        return chosen

    pages = Router(
        path="/",
        route_handlers=[
            DeskPages,
            AccountPages,
            DocumentPages,
            SourcePages,
            StoryPages,
            ReviewPages,
        ],
        middleware=[DeskForms()],
        dependencies={
            "current_user": Provide(current_user, sync_to_thread=True),
            "sessions": Provide(provide_sessions, sync_to_thread=False),
        },
        response_headers=page_response_headers(),
        include_in_schema=False,
    )
    static = create_static_files_router(
        path="/static",
        directories=[STATIC_DIR],
        cache_control=CacheControlHeader(max_age=3600),
        include_in_schema=False,
        opt={ROLE_OPT: PUBLIC},  # the sign-in page needs them whatever the read policy
    )
    return Router(path="/", route_handlers=[pages, static], include_in_schema=False)


def is_page_request(request: Request[Any, Any, Any]) -> bool:
    return not request.url.path.startswith(NOT_PAGES)


def _html_problem(handler: ExceptionHandler[Any]) -> ExceptionHandler[Any]:
    """``handler`` (the API's one error mapping) with its problem shown as a page on pages.

    The viewer shown is the one the request's Sessions found already, if any: an error
    page asks the database nothing (it may be the database that failed).
    """

    def handle(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
        response: Response[Any] = handler(request, exc)
        if not is_page_request(request) or not isinstance(response.content, dict):
            return response
        return Template(
            template_name="desk/error.html.j2",
            context={"problem": response.content, "current_user": known_viewer(request)},
            status_code=response.status_code or 500,
            media_type=MediaType.HTML,
            headers={**PAGE_HEADERS, "Cache-Control": "no-store"},
        )

    return handle


def with_error_pages(handlers: ExceptionHandlersMap) -> ExceptionHandlersMap:
    """The same status for every error, as a page for people and problem+json for the API."""
    return {key: _html_problem(handler) for key, handler in handlers.items()}


__all__ = ["NOT_PAGES", "desk_router", "desk_sessions", "template_config", "with_error_pages"]
