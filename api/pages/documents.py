"""A document's page: its text with every statement highlighted, one statement's panel."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import Parameter
from litestar.response import Template

from api.pages.highlight import highlight
from api.pages.panel import build_panel
from api.pages.templating import page
from api.pages.viewer import Viewer
from tracker.service import TrackerService


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
    ) -> Template:
        """Without JavaScript, ``?statement=ID`` opens that statement's panel."""
        detail = service.document_detail(document_id, statement)
        panel = build_panel(detail.selected, detail.document) if detail.selected else None
        return page(
            "document",
            current_user,
            document=detail.document,
            marks=highlight(detail.document.text, detail.document.statements),
            panel=panel,
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
        return page(
            "panel",
            current_user,
            document=detail.document,
            panel=build_panel(detail.selected, detail.document),
        )
