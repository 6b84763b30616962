"""/api/v1/sources: read a source, search sources by name or alias."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import Parameter

from api.schemas import SourcePage
from tracker.service import TrackerService
from tracker.views import SourceView


class SourceController(Controller):
    path = "/sources"
    tags = ["sources"]

    @get("/{source_id:int}", sync_to_thread=True, summary="A source with aliases and counts")
    def read(self, source_id: int, service: TrackerService) -> SourceView:
        return service.get_source(source_id)

    @get("/", sync_to_thread=True, summary="Sources whose name or alias matches q")
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
