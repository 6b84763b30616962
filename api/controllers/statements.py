"""/api/v1/statements: read, list and walk statements; review and correct them."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Response, get, patch, post, put
from litestar.openapi import ResponseSpec
from litestar.params import Parameter

from api.auth import EDITOR, READER, access
from api.params import (
    Cursor,
    DocumentFilter,
    Id,
    Include,
    Limit,
    SpeakerFilter,
    Text,
    format_parameter,
    including_rejected,
)
from api.preconditions import IfMatchOptional, IfMatchRequired, etag, if_match
from api.schemas import ChainPut, ReviewBody, StatementPage, StatementPatch
from api.shapes import WALK_CONTENT, ProvJson, WalkJson
from tracker.access.actor import Actor
from tracker.errors import ValidationError
from tracker.provenance.appearances import Appearances
from tracker.reports import outputs
from tracker.service import TrackerService
from tracker.views import StatementView
from tracker.walk.model import MAX_DEPTH_LIMIT

WALK_FORMATS = outputs.formats("walk")


WALK_JSON = ResponseSpec(
    WalkJson | ProvJson,
    description="The walk, or its export in the format asked for",
    generate_examples=False,
)


class StatementController(Controller):
    path = "/statements"
    tags = ["statements"]

    @get(
        "/{statement_id:int}",
        sync_to_thread=True,
        summary="A statement with its own chain (rejected ones too), its version as ETag",
        **access(READER, etag=True),
    )
    def read(self, statement_id: Id, service: TrackerService) -> Response[StatementView]:
        view = service.get_statement(statement_id)
        return Response(view, headers=etag(view.version))

    @get(
        "/{statement_id:int}/chain",
        sync_to_thread=True,
        summary="Walk the chain to its primary sources, across documents",
        description=(
            "format json is the walk (below); prov-json (application/json), prov-o "
            "(text/turtle) and jsonld (application/ld+json) export it as W3C PROV or "
            "schema.org."
        ),
        **access(READER, content=WALK_CONTENT, responses={200: WALK_JSON}),
    )
    def chain(
        self,
        statement_id: Id,
        service: TrackerService,
        include: Include = None,
        max_depth: int | None = Parameter(default=None, ge=1, le=MAX_DEPTH_LIMIT),
        fmt: Annotated[
            str, format_parameter(WALK_FORMATS, "json (the walk), prov-json, prov-o, jsonld")
        ] = "json",
    ) -> Response[Any]:
        rejected = including_rejected(include)
        if fmt == "json":
            return Response(service.walk(statement_id, max_depth, rejected).to_json())
        rendered = service.export_walk(statement_id, fmt, rejected)
        return Response(rendered.content.encode(), media_type=rendered.media_type)

    @get(
        "/{statement_id:int}/appearances",
        sync_to_thread=True,
        summary="Every document carrying this statement, oldest first, with flags",
        **access(READER),
    )
    def appearances(
        self, statement_id: Id, service: TrackerService, include: Include = None
    ) -> Appearances:
        return service.appearances(statement_id, including_rejected(include))

    @get(
        "/",
        sync_to_thread=True,
        summary="Statements by document, speaker or words",
        **access(READER),
    )
    def list(
        self,
        service: TrackerService,
        document_id: DocumentFilter = None,
        speaker_id: SpeakerFilter = None,
        q: Text = None,
        cursor: Cursor = None,
        include: Include = None,
        limit: Limit = None,
    ) -> StatementPage:
        page = service.list_statements(
            document_id=document_id,
            speaker_id=speaker_id,
            q=q,
            cursor=cursor,
            limit=limit,
            include_rejected=including_rejected(include),
        )
        return StatementPage(items=page.items, next_cursor=page.next_cursor)

    @post(
        "/{statement_id:int}/review",
        sync_to_thread=True,
        status_code=200,
        summary="Confirm or reject a statement",
        description=(
            "confirm also confirms the statement's unreviewed hops; reject hides it from "
            "walks, appearances, lookups, lists and reports (include=rejected shows it). "
            "If-Match is optional here (412 when stale)."
        ),
        **access(EDITOR, etag=True),
    )
    def review(
        self,
        statement_id: Id,
        data: ReviewBody,
        service: TrackerService,
        actor: Actor,
        if_match_header: IfMatchOptional = None,
    ) -> Response[StatementView]:
        view = service.review_statement(
            actor,
            statement_id,
            data.action,
            note=data.note,
            if_version=if_match(if_match_header, required=False),
        )
        return Response(view, headers=etag(view.version))

    @patch(
        "/{statement_id:int}",
        sync_to_thread=True,
        summary="Correct a statement's span, kind or speaker (If-Match required)",
        description=(
            "Body: any of start and end, kind, speaker ({name, kind} or {id}). A new "
            "speaker also replaces the old one in the statement's own chain. The "
            "statement becomes edited."
        ),
        **access(EDITOR, etag=True),
    )
    def edit(
        self,
        statement_id: Id,
        data: StatementPatch,
        service: TrackerService,
        actor: Actor,
        if_match_header: IfMatchRequired = None,
    ) -> Response[StatementView]:
        errors = data.speaker_errors()
        if errors:
            raise ValidationError(errors[0]["message"], errors)
        version = if_match(if_match_header, required=True)
        view = service.edit_statement(
            actor, statement_id, data.to_edit(), note=data.note, if_version=version
        )
        return Response(view, headers=etag(view.version))

    @put(
        "/{statement_id:int}/chain",
        sync_to_thread=True,
        summary="Replace a statement's chain, nearest relay first (If-Match required)",
        description=(
            "Each hop is {name, kind, relation?, cue?} (resolved like the extractor's "
            "mentions) or {source_id, relation?}. The speaker stays if the new chain names "
            "it, else the last hop (the primary source) becomes the speaker. The statement "
            "and its new hops become edited (origin manual)."
        ),
        **access(EDITOR, etag=True),
    )
    def replace_chain(
        self,
        statement_id: Id,
        data: ChainPut,
        service: TrackerService,
        actor: Actor,
        if_match_header: IfMatchRequired = None,
    ) -> Response[StatementView]:
        version = if_match(if_match_header, required=True)
        view = service.replace_chain(
            actor,
            statement_id,
            tuple(h.to_hop() for h in data.chain),
            note=data.note,
            if_version=version,
        )
        return Response(view, headers=etag(view.version))
