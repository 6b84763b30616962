"""The start page, quote search and the corpus page."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import Parameter
from litestar.response import Template

from api.pages.templating import page
from api.pages.viewer import Viewer
from tracker.errors import ValidationError
from tracker.service import TrackerService

RECENT_DOCUMENTS = 10
SEARCH_RESULTS = 10


class DeskPages(Controller):
    include_in_schema = False

    @get("/", sync_to_thread=True)
    def start(self, service: TrackerService, current_user: Viewer | None) -> Template:
        return page(
            "start",
            current_user,
            overview=service.overview(RECENT_DOCUMENTS),
            story={},
            feedback=None,
        )

    @get("/search", sync_to_thread=True)
    def search(
        self,
        service: TrackerService,
        current_user: Viewer | None,
        quote: str = Parameter(default="", max_length=5000),
        lang: str | None = Parameter(default=None, pattern="^[a-z]{2,3}$"),
    ) -> Template:
        """An empty quote shows the form; one without words says so next to the box."""
        if not quote.strip():
            return page("search", current_user, quote="", results=None, error=None)
        try:
            results = service.provenance(quote, lang, SEARCH_RESULTS)
        except ValidationError as exc:
            return page("search", current_user, 422, quote=quote, results=None, error=str(exc))
        return page("search", current_user, quote=quote, results=results, error=None)

    @get("/corpus", sync_to_thread=True)
    def corpus(self, service: TrackerService, current_user: Viewer | None) -> Template:
        return page("corpus", current_user, corpus=service.corpus_overview())
