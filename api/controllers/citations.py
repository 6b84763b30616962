"""/api/v1/citations: one hop of a chain, and its link to the statement it came from."""

from __future__ import annotations

from litestar import Controller, Response, get, put

from api.auth import EDITOR, READER, access
from api.params import Id
from api.preconditions import IfMatchRequired, etag, if_match
from api.schemas import UpstreamPut
from tracker.access.actor import Actor
from tracker.service import TrackerService
from tracker.views import HopView


class CitationController(Controller):
    path = "/citations"
    tags = ["citations"]

    @get(
        "/{citation_id:int}",
        sync_to_thread=True,
        summary="One hop with its statement, review state and version (ETag)",
        **access(READER, etag=True),
    )
    def read(self, citation_id: Id, service: TrackerService) -> Response[HopView]:
        view = service.get_hop(citation_id)
        return Response(view, headers=etag(view.version))

    @put(
        "/{citation_id:int}/upstream",
        sync_to_thread=True,
        summary="Link the hop to the statement it came from elsewhere, or unlink (null)",
        description=(
            "The walk continues from this hop into that statement's chain. The hop becomes "
            "edited: the automatic linker and re-extraction leave it as it is."
        ),
        **access(EDITOR, etag=True),
    )
    def set_upstream(
        self,
        citation_id: Id,
        data: UpstreamPut,
        service: TrackerService,
        actor: Actor,
        if_match_header: IfMatchRequired = None,
    ) -> Response[HopView]:
        version = if_match(if_match_header, required=True)
        view = service.set_upstream(
            actor, citation_id, data.statement_id, note=data.note, if_version=version
        )
        return Response(view, headers=etag(view.version))
