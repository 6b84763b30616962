"""/api/v1/provenance: where did this quote come from? (for newsroom systems)."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter

from api.auth import READER, access
from api.params import WORDS_FORMAT, Include, including_rejected
from api.schemas import ProvenanceResult
from tracker.provenance.lookup import MAX_LOOKUP_LIMIT, MAX_QUOTE_LENGTH
from tracker.service import TrackerService

Quote = Annotated[
    str,
    Parameter(
        min_length=1,
        max_length=MAX_QUOTE_LENGTH,
        description="The words to look for (at least one letter or digit)",
        schema_extra={"format": WORDS_FORMAT},
    ),
]


class ProvenanceController(Controller):
    path = "/provenance"
    tags = ["provenance"]

    @get(
        "/",
        sync_to_thread=True,
        summary="Best matches for a pasted quote, first appearance",
        **access(READER),
    )
    def lookup(
        self,
        service: TrackerService,
        quote: Quote,
        include: Include = None,
        lang: str | None = Parameter(default=None, pattern="^[a-z]{2,3}$"),
        limit: int = Parameter(default=10, ge=1, le=MAX_LOOKUP_LIMIT),
    ) -> ProvenanceResult:
        items = service.provenance(quote, lang, limit, including_rejected(include))
        return ProvenanceResult(items=items)
