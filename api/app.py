"""The Litestar application factory: routes, error mapping, OpenAPI, lifecycle."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, cast

from litestar import Litestar, Response, Router, get
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig, ResponseSpec

from api.auth import (
    DEFAULT_RESOLVERS,
    READER,
    ROLE_OPT,
    access,
    provide_actor,
    require_role,
)
from api.body import json_bodies
from api.controllers.audit import AuditController
from api.controllers.citations import CitationController
from api.controllers.documents import DocumentController
from api.controllers.keys import KeyController
from api.controllers.provenance import ProvenanceController
from api.controllers.reports import ReportController
from api.controllers.sources import SourceController
from api.controllers.statements import StatementController
from api.deps import provide_service
from api.errors import EXCEPTION_HANDLERS
from api.hosts import AllowedHosts
from api.methods import AllowEveryMethod
from api.openapi import COMPONENTS
from api.pages.router import desk_router, desk_sessions, template_config, with_error_pages
from api.query import strict_query
from api.reference import reference_plugins, reference_router
from api.request_id import request_id_middleware, send_request_id
from api.schemas import Health
from api.shapes import Stats
from tracker import __version__
from tracker.access.actor import PUBLIC
from tracker.extract import EXTRACTOR_VERSION, native_active
from tracker.service import TrackerService

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from api.pages.viewer import Sessions
    from tracker.config import Settings
    from tracker.migrations import SchemaState


@get(
    "/health",
    sync_to_thread=True,
    summary="Is the database reachable, and is its schema this tracker's?",
    description=(
        "200 with status ok when the database answers and its schema is at the code's head; "
        "503 with the same fields (status unavailable, schema behind or ahead) when it is "
        "not, since every other endpoint would fail: run `tracker db upgrade`."
    ),
    **access(
        PUBLIC,
        responses={503: ResponseSpec(Health, description="Schema not at head, or no database")},
    ),
)
def health(service: TrackerService) -> Response[Health]:
    info = service.health()
    current = info["schema"] == "current"
    body = Health(
        status="ok" if current else "unavailable",
        database=info["database"],
        server_version=info["server_version"],
        version=__version__,
        extractor=EXTRACTOR_VERSION,
        extractor_compiled=native_active(),
        schema=cast("SchemaState", info["schema"]),
    )
    return Response(body, status_code=200 if current else 503)


@get(
    "/api/v1/stats",
    sync_to_thread=True,
    summary="Counts of documents, statements, sources",
    guards=[strict_query],  # as under the /api/v1 router: it takes no parameter at all
    **access(
        READER,
        responses={200: ResponseSpec(Stats, description="The counts", generate_examples=False)},
    ),
)
def stats(service: TrackerService) -> dict[str, Any]:
    return service.stats()


def create_app(
    settings: Settings, *, engine: Engine | None = None, sessions: Sessions | None = None
) -> Litestar:
    """Build the app for ``settings``; the database is opened on startup, not at import.

    ``sessions`` tells the desk's pages who is signed in (default: browsers signed in
    with an API key at /login, api.pages.sessions).
    Every route declares the role it needs (``api.auth.access``); one guard checks it.
    """
    state = State(
        {"service": None, "reads": settings.reads, "actor_resolvers": list(DEFAULT_RESOLVERS)}
    )
    sessions = desk_sessions(state, sessions)

    def open_service(app: Litestar) -> None:
        # One request thread per pooled connection: more threads would wait for one,
        # fewer would leave connections idle (the loop's default is cores + 4).
        asyncio.get_running_loop().set_default_executor(
            ThreadPoolExecutor(settings.db_pool_size, thread_name_prefix="tracker-request")
        )
        app.state.service = TrackerService(settings, engine=engine)

    def close_service(app: Litestar) -> None:
        service = app.state.get("service")
        if isinstance(service, TrackerService):
            service.close()

    # The desk's pages are reads (public unless TRACKER_READS=key); its own routers may
    # declare a narrower role per page, which wins over this one.
    desk_pages = Router(path="/", route_handlers=[desk_router(sessions)], opt={ROLE_OPT: READER})
    api_v1 = Router(
        path="/api/v1",
        route_handlers=[
            DocumentController,
            StatementController,
            CitationController,
            SourceController,
            ProvenanceController,
            ReportController,
            AuditController,
            KeyController,
        ],
        guards=[strict_query, json_bodies],  # after the app's role guard
    )
    return Litestar(
        route_handlers=[api_v1, health, stats, desk_pages],
        dependencies={
            "service": Provide(provide_service, sync_to_thread=False),
            "actor": Provide(provide_actor, sync_to_thread=False),
        },
        guards=[require_role],
        middleware=[
            AllowedHosts(settings.allowed_hosts),
            request_id_middleware,
            AllowEveryMethod(),
        ],
        exception_handlers=with_error_pages(EXCEPTION_HANDLERS),
        template_config=template_config(),
        before_send=[send_request_id],
        on_startup=[open_service],
        on_shutdown=[close_service],
        state=state,
        request_max_body_size=settings.max_body_bytes,
        openapi_config=OpenAPIConfig(
            title="tracker",
            version=__version__,
            description="Quotes, speakers and chains of citations, walked to primary sources.",
            path="/schema",
            components=COMPONENTS,
            render_plugins=reference_plugins(),
            # the API's description is public whatever the read policy
            openapi_router=reference_router(opt={ROLE_OPT: PUBLIC}),
        ),
    )


def app_from_env() -> Litestar:
    """The app for the environment's settings: `tracker serve` hands this to uvicorn,
    whose worker processes each call it (and are tied to the parent's life first)."""
    from tracker.config import get_settings
    from tracker.serving import bind_to_parent

    bind_to_parent()
    return create_app(get_settings())
