"""A statement's panel as the templates need it: diagram, flags and appearances timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from api.pages.diagram import Diagram, chain_diagram
from tracker.provenance.identity import word_runs
from tracker.walk.trees import chain_paths

if TYPE_CHECKING:
    from tracker.provenance.appearances import Appearance
    from tracker.reports.statement import StatementDetail
    from tracker.views import DocumentView


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One appearance on the timeline, with its wording against the first appearance."""

    appearance: Appearance
    runs: list[dict[str, str]] | None
    """Word runs from the first appearance's words to these (altered ones only)."""
    misattributed: bool
    current: bool
    """The statement whose panel this is."""


@dataclass(frozen=True, slots=True)
class Panel:
    """Everything a statement's panel shows."""

    detail: StatementDetail
    document_id: int
    diagram: Diagram
    paths: list[str]
    timeline: list[TimelineEntry]
    first: Appearance | None


def document_label(document: DocumentView) -> str:
    """How the diagram names the document it starts from."""
    if document.title:
        return document.title
    if document.outlet is not None:
        return f"{document.outlet.name} story {document.id}"
    return f"Document {document.id}"


def build_panel(detail: StatementDetail, document: DocumentView) -> Panel:
    """Lay out the walk and line up the appearances, oldest first."""
    items = detail.appearances.items
    first = items[0] if items else None
    timeline = [
        TimelineEntry(
            appearance=item,
            runs=word_runs(first.text, item.text)
            if first is not None and item.diff is not None
            else None,
            misattributed="misattributed" in item.flags,
            current=item.statement_id == detail.statement.id,
        )
        for item in items
    ]
    return Panel(
        detail=detail,
        document_id=document.id,
        diagram=chain_diagram(detail.walk, document_label(document)),
        paths=chain_paths(detail.walk.hops),
        timeline=timeline,
        first=first,
    )
