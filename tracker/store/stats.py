"""Counts of what the database holds, for /api/v1/stats and `tracker stats`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.vocabulary import SOURCE_KINDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.views import DocumentView

_COUNTS_SQL = text(
    """
    SELECT (SELECT count(*) FROM document) AS documents,
           (SELECT count(*) FROM statement) AS statements,
           (SELECT count(*) FROM citation) AS citations
    """
)
_SOURCES_SQL = text(
    "SELECT kind, count(*) AS n FROM source WHERE merged_into IS NULL GROUP BY kind"
)
"""Sources by kind; the tombstones merges leave are no longer sources of their own."""


def stats(session: Session) -> dict[str, Any]:
    """``{"documents", "statements", "sources": {kind: n}, "citations"}``, every kind listed."""
    counts = session.execute(_COUNTS_SQL).one()
    by_kind = dict.fromkeys(SOURCE_KINDS, 0)
    for row in session.execute(_SOURCES_SQL):
        by_kind[row.kind] = row.n
    return {
        "documents": counts.documents,
        "statements": counts.statements,
        "sources": by_kind,
        "citations": counts.citations,
    }


@dataclass(frozen=True, slots=True)
class Overview:
    """The corpus at a glance: its counts and the newest documents (without statements)."""

    stats: dict[str, Any]
    recent: list[DocumentView]


def overview(session: Session, recent: int) -> Overview:
    """``stats`` and the ``recent`` newest documents, read in the caller's transaction."""
    from tracker.store.documents import list_documents

    return Overview(stats(session), list_documents(session, limit=recent).items)
