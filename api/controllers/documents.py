"""/api/v1/documents: store a document with its statements, read and list documents."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Response, get, post
from litestar.params import Parameter

from api.schemas import DocumentCreate, DocumentPage
from tracker.errors import ValidationError
from tracker.service import TrackerService
from tracker.views import DocumentView


class DocumentController(Controller):
    path = "/documents"
    tags = ["documents"]

    @post(
        "/",
        sync_to_thread=True,
        summary="Store a document with its statements and chains",
        description=(
            "201 with the stored document, statements (with ids) and chains; 200 with the "
            "existing document when the same text or URL was stored before (nothing written)."
        ),
    )
    def create(
        self,
        data: DocumentCreate,
        service: TrackerService,
        extract: bool = Parameter(
            default=True, description="Run the extractor when no statements are given."
        ),
    ) -> Response[DocumentView]:
        span_errors = data.span_errors()
        if span_errors:
            raise ValidationError(span_errors[0]["message"], span_errors)
        result = service.create_document(data.to_input(), extract=extract)
        return Response(result.document, status_code=201 if result.created else 200)

    @get("/{document_id:int}", sync_to_thread=True, summary="A document with its statements")
    def read(self, document_id: int, service: TrackerService) -> DocumentView:
        return service.get_document(document_id)

    @get("/", sync_to_thread=True, summary="Documents, newest first (keyset pages)")
    def list(
        self,
        service: TrackerService,
        outlet: str | None = None,
        language: str | None = None,
        url: str | None = None,
        cursor: str | None = None,
        limit: int | None = Parameter(default=None, ge=1, le=500),
    ) -> DocumentPage:
        page = service.list_documents(
            outlet=outlet, language=language, url=url, cursor=cursor, limit=limit
        )
        return DocumentPage(items=page.items, next_cursor=page.next_cursor)


__all__: list[Any] = ["DocumentController"]
