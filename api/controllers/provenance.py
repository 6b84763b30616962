"""/api/v1/provenance: where did this quote come from? (for newsroom systems)."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import Parameter

from api.schemas import ProvenanceResult
from tracker.service import TrackerService


class ProvenanceController(Controller):
    path = "/provenance"
    tags = ["provenance"]

    @get("/", sync_to_thread=True, summary="Best matches for a pasted quote, first appearance")
    def lookup(
        self,
        service: TrackerService,
        quote: str = Parameter(min_length=1, max_length=5000),
        lang: str | None = Parameter(default=None, pattern="^[a-z]{2,3}$"),
        limit: int = Parameter(default=10, ge=1, le=50),
    ) -> ProvenanceResult:
        return ProvenanceResult(items=service.provenance(quote, lang, limit))
