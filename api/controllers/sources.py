"""/api/v1/sources: read and search sources; merge two, split an alias off (admin)."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.params import Parameter

from api.auth import ADMIN, READER, access
from api.preconditions import etag, if_match
from api.schemas import MergeBody, SourcePage, SplitBody
from tracker.access.actor import Actor
from tracker.service import TrackerService
from tracker.views import SourceView


class SourceController(Controller):
    path = "/sources"
    tags = ["sources"]

    @get(
        "/{source_id:int}",
        sync_to_thread=True,
        summary="A source with aliases and counts, its version as ETag",
        description="A merged source still answers, with merged_into naming where it went.",
        **access(READER, 404),
    )
    def read(self, source_id: int, service: TrackerService) -> Response[SourceView]:
        view = service.get_source(source_id)
        return Response(view, headers=etag(view.version))

    @get(
        "/",
        sync_to_thread=True,
        summary="Sources whose name or alias matches q",
        **access(READER, 400, 422),
    )
    def search(
        self,
        service: TrackerService,
        q: str | None = None,
        kind: str | None = None,
        cursor: str | None = None,
        limit: int | None = Parameter(default=None, ge=1, le=500),
    ) -> SourcePage:
        page = service.search_sources(q=q, kind=kind, cursor=cursor, limit=limit)
        return SourcePage(items=page.items, next_cursor=page.next_cursor)

    @post(
        "/{source_id:int}/merge",
        sync_to_thread=True,
        status_code=200,
        summary="Merge this source into another (admin); returns the one kept",
        description=(
            "Aliases, speakers, hops, outlets and affiliations move to `into`; this source "
            "stays as a tombstone (merged_into) so its name resolves there on later "
            "ingests. Anonymous sources are never merged (409). If-Match optional."
        ),
        **access(ADMIN, 400, 404, 409, 412, 422),
    )
    def merge(
        self,
        source_id: int,
        data: MergeBody,
        service: TrackerService,
        actor: Actor,
        request: Request[Any, Any, Any],
    ) -> Response[SourceView]:
        view = service.merge_sources(
            actor,
            source_id,
            data.into,
            note=data.note,
            if_version=if_match(request, required=False),
        )
        return Response(view, headers=etag(view.version))

    @post(
        "/{source_id:int}/split",
        sync_to_thread=True,
        status_code=200,
        summary="Make an alias of this source a source of its own (admin); returns it",
        description=(
            "The new source has this one's kind; statements and hops that named this source "
            "by that alias follow it. Splitting an alias merged in earlier brings the "
            "merged source back. If-Match optional."
        ),
        **access(ADMIN, 400, 404, 409, 412, 422),
    )
    def split(
        self,
        source_id: int,
        data: SplitBody,
        service: TrackerService,
        actor: Actor,
        request: Request[Any, Any, Any],
    ) -> Response[SourceView]:
        view = service.split_source(
            actor,
            source_id,
            data.alias,
            note=data.note,
            if_version=if_match(request, required=False),
        )
        return Response(view, headers=etag(view.version))
