"""/api/v1/sources: read and search sources; merge two, split an alias off, delete one
(admin)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, delete, get, post
from litestar.params import Parameter

from api.auth import ADMIN, READER, access
from api.params import WORDS_FORMAT, Cursor, Id, Limit, NoteParameter
from api.preconditions import IfMatchOptional, etag, if_match
from api.schemas import MergeBody, SourceKind, SourcePage, SplitBody
from tracker.access.actor import Actor
from tracker.service import TrackerService
from tracker.store.validation import check_text_param
from tracker.views import SourceView

SearchWords = Annotated[
    str | None,
    Parameter(
        description="Names or aliases with a word starting with these (letters or digits)",
        schema_extra={"format": WORDS_FORMAT, "pattern": "^[^\\x00]*$"},
    ),
]
SourceKindFilter = Annotated[SourceKind | None, Parameter(description="Only sources of this kind")]


class SourceController(Controller):
    path = "/sources"
    tags = ["sources"]

    @get(
        "/{source_id:int}",
        sync_to_thread=True,
        summary="A source with aliases and counts, its version as ETag",
        description="A merged source still answers, with merged_into naming where it went.",
        **access(READER, etag=True),
    )
    def read(self, source_id: Id, service: TrackerService) -> Response[SourceView]:
        view = service.get_source(source_id)
        return Response(view, headers=etag(view.version))

    @get(
        "/",
        sync_to_thread=True,
        summary="Sources whose name or alias matches q",
        **access(READER),
    )
    def search(
        self,
        service: TrackerService,
        q: SearchWords = None,
        kind: SourceKindFilter = None,
        cursor: Cursor = None,
        limit: Limit = None,
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
        **access(ADMIN, 409, etag=True),
    )
    def merge(
        self,
        source_id: Id,
        data: MergeBody,
        service: TrackerService,
        actor: Actor,
        if_match_header: IfMatchOptional = None,
    ) -> Response[SourceView]:
        view = service.merge_sources(
            actor,
            source_id,
            data.into,
            note=data.note,
            if_version=if_match(if_match_header, required=False),
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
        **access(ADMIN, 409, etag=True),
    )
    def split(
        self,
        source_id: Id,
        data: SplitBody,
        service: TrackerService,
        actor: Actor,
        if_match_header: IfMatchOptional = None,
    ) -> Response[SourceView]:
        view = service.split_source(
            actor,
            source_id,
            data.alias,
            note=data.note,
            if_version=if_match(if_match_header, required=False),
        )
        return Response(view, headers=etag(view.version))

    @delete(
        "/{source_id:int}",
        sync_to_thread=True,
        summary="Delete a source that nothing names any more (admin)",
        description=(
            "Its aliases go with it, and so do tombstones of sources merged into it. A "
            "source still named by a statement, a hop or a document (as its outlet) is "
            "refused with 409: merge it into another first. A tombstone (merged_into) is "
            "refused with 409, as merge refuses it. The note goes in the query. If-Match "
            "optional (412 when stale)."
        ),
        **access(ADMIN, 409),
    )
    def delete(
        self,
        source_id: Id,
        service: TrackerService,
        actor: Actor,
        note: NoteParameter = None,
        if_match_header: IfMatchOptional = None,
    ) -> None:
        service.delete_source(
            actor,
            source_id,
            note=check_text_param(note, "note"),
            if_version=if_match(if_match_header, required=False),
        )
