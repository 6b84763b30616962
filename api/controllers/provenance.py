"""/api/v1/provenance: where did this quote come from? (for newsroom systems)."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import Parameter

from api.auth import READER, access
from api.params import Include, including_rejected
from api.schemas import ProvenanceResult
from tracker.service import TrackerService


class ProvenanceController(Controller):
    path = "/provenance"
    tags = ["provenance"]

    @get(
        "/",
        sync_to_thread=True,
        summary="Best matches for a pasted quote, first appearance",
        **access(READER, 400, 422),
    )
    def lookup(
        self,
        service: TrackerService,
        include: Include = None,
        quote: str = Parameter(min_length=1, max_length=5000),
        lang: str | None = Parameter(default=None, pattern="^[a-z]{2,3}$"),
        limit: int = Parameter(default=10, ge=1, le=50),
    ) -> ProvenanceResult:
        items = service.provenance(quote, lang, limit, including_rejected(include))
        return ProvenanceResult(items=items)
