"""/api/v1/documents: store a document with its statements, read, list, review and delete
them."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Response, delete, get, post
from litestar.openapi import ResponseSpec
from litestar.params import Parameter

from api.auth import ADMIN, EDITOR, READER, access
from api.params import Cursor, Id, Include, Limit, NoteParameter, Text, including_rejected
from api.preconditions import IfMatchOptional, etag, if_match
from api.schemas import DocumentCreate, DocumentPage, DocumentReviewBody
from tracker.access.actor import Actor
from tracker.errors import ValidationError
from tracker.service import TrackerService
from tracker.store.validation import check_text_param
from tracker.views import DocumentView

STORED_BEFORE = ResponseSpec(
    DocumentView,
    description="The same text or URL was stored before: that document, nothing written",
    generate_examples=False,
)


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
        **access(EDITOR, etag=True, responses={200: STORED_BEFORE}),
    )
    def create(
        self,
        data: DocumentCreate,
        service: TrackerService,
        actor: Actor,
        extract: bool = Parameter(
            default=True, description="Run the extractor when no statements are given."
        ),
    ) -> Response[DocumentView]:
        span_errors = data.span_errors()
        if span_errors:
            raise ValidationError(span_errors[0]["message"], span_errors)
        result = service.create_document(data.to_input(), extract=extract, actor=actor)
        return Response(
            result.document,
            status_code=201 if result.created else 200,
            headers=etag(result.document.version),
        )

    @get(
        "/{document_id:int}",
        sync_to_thread=True,
        summary="A document with its statements, its version as ETag",
        **access(READER, etag=True),
    )
    def read(
        self, document_id: Id, service: TrackerService, include: Include = None
    ) -> Response[DocumentView]:
        view = service.get_document(document_id, including_rejected(include))
        return Response(view, headers=etag(view.version))

    @get(
        "/",
        sync_to_thread=True,
        summary="Documents, newest first (keyset pages)",
        **access(READER),
    )
    def list(
        self,
        service: TrackerService,
        outlet: Text = None,
        language: Text = None,
        url: Text = None,
        cursor: Cursor = None,
        limit: Limit = None,
    ) -> DocumentPage:
        page = service.list_documents(
            outlet=outlet, language=language, url=url, cursor=cursor, limit=limit
        )
        return DocumentPage(items=page.items, next_cursor=page.next_cursor)

    @post(
        "/{document_id:int}/review",
        sync_to_thread=True,
        status_code=200,
        summary="Mark a document reviewed (If-Match optional)",
        **access(EDITOR, etag=True),
    )
    def review(
        self,
        document_id: Id,
        service: TrackerService,
        actor: Actor,
        data: DocumentReviewBody | None = None,
        if_match_header: IfMatchOptional = None,
    ) -> Response[DocumentView]:
        view = service.review_document(
            actor,
            document_id,
            note=data.note if data is not None else None,
            if_version=if_match(if_match_header, required=False),
        )
        return Response(view, headers=etag(view.version))

    @delete(
        "/{document_id:int}",
        sync_to_thread=True,
        summary="Delete a document with its statements and chains (admin)",
        description=(
            "Its statements, hops and anonymous sources go with it, in one transaction with "
            "one audit row (document.delete). Hops of other documents that continued into "
            "one of its statements lose that upstream link. The note goes in the query "
            "(a DELETE carries no body). If-Match optional (412 when stale)."
        ),
        **access(ADMIN),
    )
    def delete(
        self,
        document_id: Id,
        service: TrackerService,
        actor: Actor,
        note: NoteParameter = None,
        if_match_header: IfMatchOptional = None,
    ) -> None:
        service.delete_document(
            actor,
            document_id,
            note=check_text_param(note, "note"),
            if_version=if_match(if_match_header, required=False),
        )


__all__: list[Any] = ["DocumentController"]
