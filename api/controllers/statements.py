"""/api/v1/statements: read and list statements, and walk their chains."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Response, get
from litestar.params import Parameter, QueryParameter

from api.schemas import StatementPage
from tracker.provenance.appearances import Appearances
from tracker.service import TrackerService
from tracker.views import StatementView

WALK_FORMATS = "json (the walk), prov-json, prov-o, jsonld"


class StatementController(Controller):
    path = "/statements"
    tags = ["statements"]

    @get("/{statement_id:int}", sync_to_thread=True, summary="A statement with its own chain")
    def read(self, statement_id: int, service: TrackerService) -> StatementView:
        return service.get_statement(statement_id)

    @get(
        "/{statement_id:int}/chain",
        sync_to_thread=True,
        summary="Walk the chain to its primary sources, across documents",
    )
    def chain(
        self,
        statement_id: int,
        service: TrackerService,
        max_depth: int | None = Parameter(default=None, ge=1, le=1000),
        fmt: Annotated[str, QueryParameter(name="format", description=WALK_FORMATS)] = "json",
    ) -> Response[Any]:
        if fmt == "json":
            return Response(service.walk(statement_id, max_depth).to_json())
        rendered = service.export_walk(statement_id, fmt)
        return Response(rendered.content.encode(), media_type=rendered.media_type)

    @get(
        "/{statement_id:int}/appearances",
        sync_to_thread=True,
        summary="Every document carrying this statement, oldest first, with flags",
    )
    def appearances(self, statement_id: int, service: TrackerService) -> Appearances:
        return service.appearances(statement_id)

    @get("/", sync_to_thread=True, summary="Statements by document, speaker or words")
    def list(
        self,
        service: TrackerService,
        document_id: int | None = None,
        speaker_id: int | None = None,
        q: str | None = None,
        cursor: str | None = None,
        limit: int | None = Parameter(default=None, ge=1, le=500),
    ) -> StatementPage:
        page = service.list_statements(
            document_id=document_id, speaker_id=speaker_id, q=q, cursor=cursor, limit=limit
        )
        return StatementPage(items=page.items, next_cursor=page.next_cursor)
