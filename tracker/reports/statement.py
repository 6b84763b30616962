"""One statement's whole story: its walk to the primary sources and its appearances.

What a fact-checker reads about a statement in one place (the desk's panel), read in
one transaction so that the walk and the appearances agree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.errors import NotFoundError
from tracker.provenance.appearances import appearances
from tracker.store import documents
from tracker.walk.walker import walk

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.provenance.appearances import Appearance, Appearances
    from tracker.views import DocumentView, StatementView
    from tracker.walk.model import Walk


@dataclass(frozen=True, slots=True)
class StatementDetail:
    """A statement with its walk and every document carrying its words."""

    statement: StatementView
    walk: Walk
    appearances: Appearances

    @property
    def own_appearance(self) -> Appearance | None:
        """This statement among its appearances (it is always there unless rejected)."""
        return next(
            (a for a in self.appearances.items if a.statement_id == self.statement.id), None
        )

    @property
    def flags(self) -> list[str]:
        """The walk's flags and what the other appearances add (altered, single_source …)."""
        own = self.own_appearance
        return sorted({*self.walk.flags, *(own.flags if own else ())})


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """A document with its statements, and one of them opened in full (or none)."""

    document: DocumentView
    selected: StatementDetail | None


def statement_detail(
    session: Session, statement_id: int, max_depth: int, statement: StatementView | None = None
) -> StatementDetail:
    """The statement (read unless given), its walk bounded by ``max_depth``, its appearances."""
    view = statement or documents.get_statement(session, statement_id)
    return StatementDetail(
        statement=view,
        walk=walk(session, statement_id, max_depth, document_id=view.document_id),
        appearances=appearances(session, statement_id),
    )


def document_detail(
    session: Session, document_id: int, statement_id: int | None, max_depth: int
) -> DocumentDetail:
    """The document, and the statement ``statement_id`` of it in full when one is asked for.

    A statement of another document is a NotFoundError: a link to a document's panel
    never silently shows a stranger's statement.
    """
    document = documents.get_document(session, document_id)
    if statement_id is None:
        return DocumentDetail(document, None)
    view = next((s for s in document.statements if s.id == statement_id), None)
    if view is None:
        raise NotFoundError(f"statement {statement_id} of document", document_id)
    return DocumentDetail(document, statement_detail(session, statement_id, max_depth, view))
