"""A document's page: its text with every statement highlighted, one statement's panel,
and, for an editor, the panel's review forms."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import Parameter
from litestar.response import Template

from api.pages.editing import (
    Feedback,
    LinkSearch,
    SpeakerFields,
    link_candidates,
    review_tools,
)
from api.pages.forms import ChainRow
from api.pages.highlight import highlight
from api.pages.panel import build_panel
from api.pages.templating import page
from api.pages.viewer import Viewer
from tracker.errors import ValidationError
from tracker.reports.statement import DocumentDetail
from tracker.service import TrackerService

LINK_SEARCH_RESULTS = 20


def _link_search(
    service: TrackerService, detail: DocumentDetail, hop_id: int | None, quote: str
) -> LinkSearch | None:
    """The upstream search for one hop of the open statement's own chain."""
    selected = detail.selected
    if hop_id is None or selected is None:
        return None
    if all(hop.id != hop_id for hop in selected.statement.chain):
        return None
    if not quote.strip():
        return LinkSearch(hop_id, quote)
    try:
        found = service.provenance(quote, None, LINK_SEARCH_RESULTS)
    except ValidationError as exc:
        return LinkSearch(hop_id, quote, error=str(exc))
    return LinkSearch(hop_id, quote, link_candidates(found, detail.document.id))


def document_page(
    service: TrackerService,
    current_user: Viewer | None,
    document_id: int,
    statement_id: int | None,
    *,
    feedback: Feedback | None = None,
    rows: list[ChainRow] | None = None,
    speaker: SpeakerFields | None = None,
    link_hop: int | None = None,
    link_quote: str = "",
) -> Template:
    """The page, with the review forms for an editor (drawn again after a refused form,
    with its feedback and what was sent)."""
    detail = service.document_detail(document_id, statement_id)
    selected = detail.selected
    panel = build_panel(selected, detail.document) if selected else None
    tools = None
    if selected is not None and current_user is not None and current_user.can_edit:
        tools = review_tools(
            selected.statement,
            detail.document,
            feedback=feedback,
            rows=rows,
            speaker=speaker,
            link=_link_search(service, detail, link_hop, link_quote),
        )
    return page(
        "document",
        current_user,
        feedback.status if feedback is not None else 200,
        document=detail.document,
        marks=highlight(detail.document.text, detail.document.statements),
        panel=panel,
        review=tools,
        page_feedback=feedback if feedback is not None and selected is None else None,
    )


class DocumentPages(Controller):
    path = "/documents"
    include_in_schema = False

    @get("/{document_id:int}", sync_to_thread=True)
    def document(
        self,
        document_id: int,
        service: TrackerService,
        current_user: Viewer | None,
        statement: int | None = Parameter(default=None, ge=1),
        link_hop: int | None = Parameter(default=None, ge=1),
        link_quote: str = Parameter(default="", max_length=5000),
    ) -> Template:
        """Without JavaScript, ``?statement=ID`` opens that statement's panel; an editor's
        ``link_hop`` and ``link_quote`` search for the statement a hop came from."""
        return document_page(
            service,
            current_user,
            document_id,
            statement,
            link_hop=link_hop,
            link_quote=link_quote,
        )

    @get("/{document_id:int}/statements/{statement_id:int}/panel", sync_to_thread=True)
    def panel(
        self,
        document_id: int,
        statement_id: int,
        service: TrackerService,
        current_user: Viewer | None,
    ) -> Template:
        """The panel alone, for the script that opens it in place of the last one."""
        detail = service.document_detail(document_id, statement_id)
        assert detail.selected is not None
        tools = None
        if current_user is not None and current_user.can_edit:
            tools = review_tools(detail.selected.statement, detail.document)
        return page(
            "panel",
            current_user,
            document=detail.document,
            panel=build_panel(detail.selected, detail.document),
            review=tools,
        )
