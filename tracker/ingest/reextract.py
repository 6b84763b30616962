"""Re-extraction: run the current extractor again on stored documents, keeping people's work."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text

from tracker.errors import NotFoundError
from tracker.extract import EXTRACTOR_VERSION, extract
from tracker.ingest.extraction import statements_from_extraction
from tracker.store.holds import lock_for_removal
from tracker.store.identity import forget_statements
from tracker.store.layout import one_connection_per_node
from tracker.store.relinking import StatementSpan, carry_links
from tracker.store.writer import add_statements
from tracker.vocabulary import MANUAL_ORIGIN, UNREVIEWED

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_DOCUMENT_SQL = text(
    "SELECT d.id, d.text, d.language, o.name AS outlet FROM document d"
    " LEFT JOIN source o ON o.id = d.outlet_id WHERE d.id = :id"
)
_DELETE_MACHINE_SQL = text(
    """
    DELETE FROM statement st
    WHERE st.document_id = :id AND st.origin <> :manual AND st.review_status = :unreviewed
      AND NOT EXISTS (SELECT 1 FROM citation c
                      WHERE c.document_id = :id AND c.statement_id = st.id
                        AND (c.origin = :manual OR c.review_status <> :unreviewed))
    RETURNING st.id, st.start_offset, st.end_offset
    """
)
_KEPT_SPANS_SQL = text("SELECT start_offset, end_offset FROM statement WHERE document_id = :id")
# Spans a reviewer moved a statement away from: the extractor would find them again and
# put back, beside the corrected statement, the very span the reviewer corrected.
_EDITED_AWAY_SPANS_SQL = text(
    """
    SELECT CAST(a.before ->> 'start' AS int) AS start_offset,
           CAST(a.before ->> 'end' AS int) AS end_offset
    FROM audit a JOIN statement st ON st.id = a.entity_id
    WHERE st.document_id = :id AND a.entity = 'statement' AND a.action = 'statement.edit'
    """
)


@dataclass(frozen=True, slots=True)
class ReextractOutcome:
    document_id: int
    removed: int
    added: int
    kept: int
    relinked: int = 0
    """Hops of other documents that continued into a replaced statement and now continue
    into the statement that replaced it."""
    unlinked: int = 0
    """Such hops whose statement nothing replaced: they lost the link."""


def reextract_document(session: Session, document_id: int) -> ReextractOutcome:
    """Replace the document's machine-made statements with the current extractor's.

    Only unreviewed machine-made statements whose hops are all unreviewed and machine-made
    are replaced. A statement entered by hand, one a reviewer confirmed, edited or
    rejected, or one carrying a hop entered or reviewed by hand, stays exactly as it is,
    and the extractor's statement of the same span is not added beside it (so a rejected
    statement never comes back; nor does the span a reviewer corrected a statement away
    from). The fresh statements go through the one writer and are linked upstream
    again, as on ingest; the linker leaves reviewed hops alone. Hops of other documents
    that continued into a replaced statement follow its replacement
    (``tracker.store.relinking``).
    """
    one_connection_per_node(session)
    doc = session.execute(_DOCUMENT_SQL, {"id": document_id}).first()
    if doc is None or not lock_for_removal(session, document_id):
        raise NotFoundError("document", document_id)
    params = {"id": document_id, "manual": MANUAL_ORIGIN, "unreviewed": UNREVIEWED}
    deleted = session.execute(_DELETE_MACHINE_SQL, params).all()
    forget_statements(session, [r.id for r in deleted])
    removed = len(deleted)
    kept = {
        (r.start_offset, r.end_offset)
        for r in session.execute(_KEPT_SPANS_SQL, {"id": document_id})
    }
    blocked = kept | {
        (r.start_offset, r.end_offset)
        for r in session.execute(_EDITED_AWAY_SPANS_SQL, {"id": document_id})
    }
    language = doc.language if doc.language in ("id", "en") else "auto"
    fresh = [
        st
        for st in statements_from_extraction(
            extract(doc.text, language=language, outlet=doc.outlet)
        )
        if (st.start, st.end) not in blocked
    ]
    add_statements(
        session, document_id, doc.text, fresh, origin=EXTRACTOR_VERSION, language=doc.language
    )
    old = [StatementSpan(r.id, r.start_offset, r.end_offset) for r in deleted]
    carried = carry_links(session, document_id, old)
    return ReextractOutcome(
        document_id,
        removed=removed,
        added=len(fresh),
        kept=len(kept),
        relinked=carried.followed,
        unlinked=carried.removed,
    )
