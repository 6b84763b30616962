"""The Litestar application factory: routes, error mapping, OpenAPI, lifecycle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from litestar import Litestar, Router, get
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig

from api.auth import (
    DEFAULT_RESOLVERS,
    READER,
    ROLE_OPT,
    access,
    provide_actor,
    require_role,
)
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
from api.openapi import COMPONENTS
from api.request_id import request_id_middleware
from api.schemas import Health
from tracker import __version__
from tracker.access.actor import PUBLIC
from tracker.extract import EXTRACTOR_VERSION, NATIVE
from tracker.service import TrackerService

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from tracker.config import Settings


@get("/health", sync_to_thread=True, summary="Is the database reachable?", **access(PUBLIC))
def health(service: TrackerService) -> Health:
    info = service.health()
    return Health(
        status="ok",
        database=info["database"],
        server_version=info["server_version"],
        version=__version__,
        extractor=EXTRACTOR_VERSION,
        extractor_compiled=NATIVE,
    )


@get(
    "/api/v1/stats",
    sync_to_thread=True,
    summary="Counts of documents, statements, sources",
    **access(READER),
)
def stats(service: TrackerService) -> dict[str, Any]:
    return service.stats()


def create_app(settings: Settings, *, engine: Engine | None = None) -> Litestar:
    """Build the app for ``settings``; the database is opened on startup, not at import.

    Every route declares the role it needs (``api.auth.access``); one guard checks it.
    """
    state = State(
        {"service": None, "reads": settings.reads, "actor_resolvers": list(DEFAULT_RESOLVERS)}
    )

    def open_service(app: Litestar) -> None:
        app.state.service = TrackerService(settings, engine=engine)

    def close_service(app: Litestar) -> None:
        service = app.state.get("service")
        if isinstance(service, TrackerService):
            service.close()

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
    )
    return Litestar(
        route_handlers=[api_v1, health, stats],
        dependencies={
            "service": Provide(provide_service, sync_to_thread=False),
            "actor": Provide(provide_actor, sync_to_thread=False),
        },
        guards=[require_role],
        middleware=[request_id_middleware],
        exception_handlers=EXCEPTION_HANDLERS,
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
            # the API's description is public whatever the read policy
            openapi_router=Router(path="/schema", route_handlers=[], opt={ROLE_OPT: PUBLIC}),
        ),
    )


def app_from_env() -> Litestar:
    """The app for the environment's settings: `tracker serve` hands this to uvicorn."""
    from tracker.config import get_settings

    return create_app(get_settings())
