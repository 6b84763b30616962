"""A source's page: who it is, what it said, the chains it ends and the chains it relayed;
for an admin, the form that merges it into another source."""

from __future__ import annotations

from dataclasses import dataclass, field

from litestar import Controller, get
from litestar.params import Parameter
from litestar.response import Template

from api.pages.editing import Feedback
from api.pages.templating import page
from api.pages.viewer import Viewer
from tracker.errors import ValidationError
from tracker.service import TrackerService
from tracker.views import SourceView

MERGE_CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class MergeSearch:
    """Sources found by name to merge this one into (never itself, never anonymous)."""

    query: str
    candidates: list[SourceView] = field(default_factory=list)
    error: str | None = None


def _merge_search(service: TrackerService, source: SourceView, query: str) -> MergeSearch:
    if not query.strip():
        return MergeSearch(query)
    try:
        found = service.search_sources(q=query, limit=MERGE_CANDIDATES + 1).items
    except ValidationError as exc:
        return MergeSearch(query, error=str(exc))
    others = [s for s in found if s.id != source.id and s.kind != "anonymous"]
    return MergeSearch(query, others[:MERGE_CANDIDATES])


def source_page(
    service: TrackerService,
    current_user: Viewer | None,
    source_id: int,
    *,
    merge_query: str = "",
    feedback: Feedback | None = None,
) -> Template:
    """The page, with the merge form for an admin (and its answer after a refusal)."""
    profile = service.source_profile(source_id)
    merge = None
    if current_user is not None and current_user.can_admin:
        merge = _merge_search(service, profile.source, merge_query)
    return page(
        "source",
        current_user,
        feedback.status if feedback is not None else 200,
        profile=profile,
        merge=merge,
        feedback=feedback,
    )


class SourcePages(Controller):
    path = "/sources"
    include_in_schema = False

    @get("/{source_id:int}", sync_to_thread=True)
    def source(
        self,
        source_id: int,
        service: TrackerService,
        current_user: Viewer | None,
        merge_q: str = Parameter(default="", max_length=300),
    ) -> Template:
        return source_page(service, current_user, source_id, merge_query=merge_q)
