"""Re-extraction: run the current extractor again on stored documents, keeping manual work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text

from tracker.errors import NotFoundError
from tracker.extract import EXTRACTOR_VERSION, extract
from tracker.ingest.extraction import statements_from_extraction
from tracker.store.identity import forget_statements
from tracker.store.layout import one_connection_per_node
from tracker.store.writer import add_statements
from tracker.vocabulary import MANUAL_ORIGIN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_DOCUMENT_SQL = text("SELECT id, text, language FROM document WHERE id = :id")
_DELETE_MACHINE_SQL = text(
    """
    DELETE FROM statement st
    WHERE st.document_id = :id AND st.origin <> :manual
      AND NOT EXISTS (SELECT 1 FROM citation c
                      WHERE c.document_id = :id AND c.statement_id = st.id
                        AND c.origin = :manual)
    RETURNING st.id
    """
)
_KEPT_SPANS_SQL = text("SELECT start_offset, end_offset FROM statement WHERE document_id = :id")


@dataclass(frozen=True, slots=True)
class ReextractOutcome:
    document_id: int
    removed: int
    added: int
    kept: int


def reextract_document(session: Session, document_id: int) -> ReextractOutcome:
    """Replace the document's machine-made statements with the current extractor's.

    A statement entered by hand, or one carrying a hop entered by hand, is kept, and a
    new extraction of the same span is not added beside it. The fresh statements go
    through the one writer and are linked upstream again, as on ingest.
    """
    one_connection_per_node(session)
    doc = session.execute(_DOCUMENT_SQL, {"id": document_id}).first()
    if doc is None:
        raise NotFoundError("document", document_id)
    deleted = session.execute(
        _DELETE_MACHINE_SQL, {"id": document_id, "manual": MANUAL_ORIGIN}
    ).all()
    forget_statements(session, [r.id for r in deleted])
    removed = len(deleted)
    kept = {
        (r.start_offset, r.end_offset)
        for r in session.execute(_KEPT_SPANS_SQL, {"id": document_id})
    }
    language = doc.language if doc.language in ("id", "en") else "auto"
    fresh = [
        st
        for st in statements_from_extraction(extract(doc.text, language=language))
        if (st.start, st.end) not in kept
    ]
    add_statements(
        session, document_id, doc.text, fresh, origin=EXTRACTOR_VERSION, language=doc.language
    )
    return ReextractOutcome(document_id, removed=removed, added=len(fresh), kept=len(kept))
