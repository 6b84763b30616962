"""Upstream links: a hop continued into another document's statement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

from tracker.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_SET_LINK = text(
    """
    UPDATE citation
    SET upstream_statement_id = :upstream, link_method = :method, link_similarity = :similarity
    WHERE id = :citation_id
    RETURNING statement_id
    """
)


def set_upstream_link(
    session: Session,
    citation_id: int,
    upstream_statement_id: int,
    *,
    method: str = "manual",
    similarity: float | None = None,
) -> None:
    """Point hop ``citation_id`` at ``upstream_statement_id``, recording how it was found."""
    exists = session.execute(
        text("SELECT 1 FROM statement WHERE id = :id"), {"id": upstream_statement_id}
    ).first()
    if exists is None:
        raise ValidationError(
            f"upstream statement {upstream_statement_id} does not exist",
            [{"field": "upstream_statement_id", "message": "does not exist"}],
        )
    row = session.execute(
        _SET_LINK,
        {
            "citation_id": citation_id,
            "upstream": upstream_statement_id,
            "method": method,
            "similarity": similarity,
        },
    ).first()
    if row is None:
        raise NotFoundError("citation", citation_id)
    if row.statement_id == upstream_statement_id:
        raise ValidationError("a hop cannot continue into its own statement")
