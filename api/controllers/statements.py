"""/api/v1/statements: read, list and walk statements; review and correct them."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, patch, post, put
from litestar.params import Parameter, QueryParameter

from api.auth import EDITOR, READER, access
from api.params import Include, including_rejected
from api.preconditions import etag, if_match
from api.schemas import ChainPut, ReviewBody, StatementPage, StatementPatch
from tracker.access.actor import Actor
from tracker.errors import ValidationError
from tracker.provenance.appearances import Appearances
from tracker.service import TrackerService
from tracker.views import StatementView

WALK_FORMATS = "json (the walk), prov-json, prov-o, jsonld"


class StatementController(Controller):
    path = "/statements"
    tags = ["statements"]

    @get(
        "/{statement_id:int}",
        sync_to_thread=True,
        summary="A statement with its own chain (rejected ones too), its version as ETag",
        **access(READER, 404),
    )
    def read(self, statement_id: int, service: TrackerService) -> Response[StatementView]:
        view = service.get_statement(statement_id)
        return Response(view, headers=etag(view.version))

    @get(
        "/{statement_id:int}/chain",
        sync_to_thread=True,
        summary="Walk the chain to its primary sources, across documents",
        **access(READER, 400, 404),
    )
    def chain(
        self,
        statement_id: int,
        service: TrackerService,
        include: Include = None,
        max_depth: int | None = Parameter(default=None, ge=1, le=1000),
        fmt: Annotated[str, QueryParameter(name="format", description=WALK_FORMATS)] = "json",
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
        **access(READER, 404),
    )
    def appearances(
        self, statement_id: int, service: TrackerService, include: Include = None
    ) -> Appearances:
        return service.appearances(statement_id, including_rejected(include))

    @get(
        "/",
        sync_to_thread=True,
        summary="Statements by document, speaker or words",
        **access(READER, 400, 422),
    )
    def list(
        self,
        service: TrackerService,
        document_id: int | None = None,
        speaker_id: int | None = None,
        q: str | None = None,
        cursor: str | None = None,
        include: Include = None,
        limit: int | None = Parameter(default=None, ge=1, le=500),
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
        **access(EDITOR, 400, 404, 412, 422),
    )
    def review(
        self,
        statement_id: int,
        data: ReviewBody,
        service: TrackerService,
        actor: Actor,
        request: Request[Any, Any, Any],
    ) -> Response[StatementView]:
        view = service.review_statement(
            actor,
            statement_id,
            data.action,
            note=data.note,
            if_version=if_match(request, required=False),
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
        **access(EDITOR, 400, 404, 412, 422, 428),
    )
    def edit(
        self,
        statement_id: int,
        data: StatementPatch,
        service: TrackerService,
        actor: Actor,
        request: Request[Any, Any, Any],
    ) -> Response[StatementView]:
        errors = data.speaker_errors()
        if errors:
            raise ValidationError(errors[0]["message"], errors)
        version = if_match(request, required=True)
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
        **access(EDITOR, 400, 404, 412, 422, 428),
    )
    def replace_chain(
        self,
        statement_id: int,
        data: ChainPut,
        service: TrackerService,
        actor: Actor,
        request: Request[Any, Any, Any],
    ) -> Response[StatementView]:
        version = if_match(request, required=True)
        view = service.replace_chain(
            actor,
            statement_id,
            tuple(h.to_hop() for h in data.chain),
            note=data.note,
            if_version=version,
        )
        return Response(view, headers=etag(view.version))
