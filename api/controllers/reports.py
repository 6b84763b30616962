"""/api/v1/documents/{id}/report and /api/v1/reports/sources: citation-chain reports."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get
from litestar.openapi import ResponseSpec
from litestar.params import Parameter

from api.auth import READER, access
from api.params import Id, Include, format_parameter, including_rejected
from api.shapes import (
    DOCUMENT_REPORT_CONTENT,
    SOURCES_REPORT_CONTENT,
    DocumentReportJson,
    ProvJson,
    SourcesReport,
)
from tracker.reports import outputs
from tracker.reports.corpus import MAX_SOURCES_LIMIT
from tracker.service import TrackerService

DOCUMENT_FORMATS = outputs.formats("document")
SOURCES_FORMATS = outputs.formats("sources")
DOCUMENT_REPORT = ResponseSpec(
    DocumentReportJson | ProvJson,
    description="The report, or the document's export, in the format asked for",
    generate_examples=False,
)
SOURCES_REPORT = ResponseSpec(
    SourcesReport, description="The report in the format asked for", generate_examples=False
)


class ReportController(Controller):
    tags = ["reports"]

    @get(
        "/documents/{document_id:int}/report",
        sync_to_thread=True,
        summary="A document's citation-chain report, or its PROV / JSON-LD export",
        description=(
            "format: json (the report, application/json), md (text/markdown), csv "
            "(text/csv), html (text/html), prov-json (W3C PROV-JSON, application/json), "
            "prov-o (W3C PROV-O, text/turtle), jsonld (schema.org, application/ld+json)."
        ),
        **access(READER, content=DOCUMENT_REPORT_CONTENT, responses={200: DOCUMENT_REPORT}),
    )
    def document_report(
        self,
        document_id: Id,
        service: TrackerService,
        include: Include = None,
        fmt: Annotated[str, format_parameter(DOCUMENT_FORMATS)] = "json",
    ) -> Response[bytes]:
        rendered = service.export_document(document_id, fmt, including_rejected(include))
        return Response(rendered.content.encode(), media_type=rendered.media_type)

    @get(
        "/reports/sources",
        sync_to_thread=True,
        summary="Most-cited primary sources, busiest relays, chains through state media",
        description="format: json (application/json), md, csv, html.",
        **access(READER, content=SOURCES_REPORT_CONTENT, responses={200: SOURCES_REPORT}),
    )
    def sources(
        self,
        service: TrackerService,
        include: Include = None,
        fmt: Annotated[str, format_parameter(SOURCES_FORMATS)] = "json",
        limit: int = Parameter(default=20, ge=1, le=MAX_SOURCES_LIMIT),
    ) -> Response[bytes]:
        outputs.check_format(fmt, "sources")
        rendered = outputs.render(service.sources_report(limit, including_rejected(include)), fmt)
        return Response(rendered.content.encode(), media_type=rendered.media_type)
