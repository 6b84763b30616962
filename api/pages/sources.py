"""A source's page: who it is, what it said, the chains it ends and the chains it relayed."""

from __future__ import annotations

from litestar import Controller, get
from litestar.response import Template

from api.pages.templating import page
from api.pages.viewer import Viewer
from tracker.service import TrackerService


class SourcePages(Controller):
    path = "/sources"
    include_in_schema = False

    @get("/{source_id:int}", sync_to_thread=True)
    def source(
        self, source_id: int, service: TrackerService, current_user: Viewer | None
    ) -> Template:
        return page("source", current_user, profile=service.source_profile(source_id))
