"""/api/v1/documents/{id}/report and /api/v1/reports/sources: citation-chain reports."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get
from litestar.params import Parameter, QueryParameter

from api.auth import READER, access
from api.params import Include, including_rejected
from tracker.reports import outputs
from tracker.reports.corpus import MAX_SOURCES_LIMIT
from tracker.service import TrackerService

DOCUMENT_FORMATS = ", ".join(outputs.formats("document"))
SOURCES_FORMATS = ", ".join(outputs.formats("sources"))


class ReportController(Controller):
    tags = ["reports"]

    @get(
        "/documents/{document_id:int}/report",
        sync_to_thread=True,
        summary="A document's citation-chain report, or its PROV / JSON-LD export",
        description=f"format: {DOCUMENT_FORMATS}. PROV-O needs rdflib on the server.",
        **access(READER, 404, 422),
    )
    def document_report(
        self,
        document_id: int,
        service: TrackerService,
        include: Include = None,
        fmt: Annotated[str, QueryParameter(name="format", description=DOCUMENT_FORMATS)] = "json",
    ) -> Response[bytes]:
        rendered = service.export_document(document_id, fmt, including_rejected(include))
        return Response(rendered.content.encode(), media_type=rendered.media_type)

    @get(
        "/reports/sources",
        sync_to_thread=True,
        summary="Most-cited primary sources, busiest relays, chains through state media",
        **access(READER, 400, 422),
    )
    def sources(
        self,
        service: TrackerService,
        include: Include = None,
        fmt: Annotated[str, QueryParameter(name="format", description=SOURCES_FORMATS)] = "json",
        limit: int = Parameter(default=20, ge=1, le=MAX_SOURCES_LIMIT),
    ) -> Response[bytes]:
        outputs.check_format(fmt, "sources")
        rendered = outputs.render(service.sources_report(limit, including_rejected(include)), fmt)
        return Response(rendered.content.encode(), media_type=rendered.media_type)
