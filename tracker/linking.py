"""Automatic upstream links: a hop citing outlet X continued into X's own statement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import text

from tracker.matching import Match, find_matches

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_OUTBOUND_SQL = text(
    """
    SELECT c.id AS citation_id, c.source_id, s.id AS statement_id, s.text,
           d.id AS document_id, d.published_at, d.language
    FROM citation c
    JOIN statement s ON s.id = c.statement_id
    JOIN document d ON d.id = s.document_id
    JOIN source src ON src.id = c.source_id
    WHERE c.document_id = ANY(:document_ids) AND c.upstream_statement_id IS NULL
      AND src.kind = 'news_outlet'
      AND EXISTS (SELECT 1 FROM document o WHERE o.outlet_id = c.source_id AND o.id <> d.id)
    ORDER BY c.id
    """
)
_INBOUND_SQL = text(
    """
    SELECT s.id AS statement_id, s.text, d.id AS document_id, d.outlet_id, d.published_at,
           d.language
    FROM statement s JOIN document d ON d.id = s.document_id
    WHERE d.id = ANY(:document_ids) AND d.outlet_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM citation c WHERE c.source_id = d.outlet_id
                  AND c.document_id <> d.id AND c.upstream_statement_id IS NULL)
    ORDER BY s.id
    """
)
_CITING_HOPS_SQL = text(
    """
    SELECT c.id, d.published_at FROM citation c JOIN document d ON d.id = c.document_id
    WHERE c.statement_id = :statement_id AND c.source_id = :source_id
      AND c.upstream_statement_id IS NULL
    """
)
_LINK_SQL = text(
    """
    UPDATE citation SET upstream_statement_id = :upstream, link_method = :method,
                        link_similarity = :similarity, inverted_statement_id = NULL
    WHERE id = :citation_id AND upstream_statement_id IS NULL
    """
)
_INVERT_SQL = text(
    "UPDATE citation SET inverted_statement_id = :statement WHERE id = :citation_id "
    "AND upstream_statement_id IS NULL"
)


@dataclass(slots=True)
class LinkReport:
    """What a linking pass did."""

    linked: int = 0
    time_inversions: int = 0


def _is_later(candidate: datetime | None, citing: datetime | None) -> bool:
    """True when the cited statement appeared after the citing one (unknown time: never)."""
    return candidate is not None and citing is not None and candidate > citing


def _best(matches: list[Match]) -> Match | None:
    if not matches:
        return None
    top = max(m.similarity for m in matches)
    tied = [m for m in matches if m.similarity == top]
    return min(
        tied,
        key=lambda m: (
            m.published_at is None,
            m.published_at.timestamp() if m.published_at else 0.0,
            m.statement_id,
        ),
    )


def _apply(
    session: Session,
    citation_id: int,
    match: Match,
    citing_published: datetime | None,
    report: LinkReport,
) -> None:
    if _is_later(match.published_at, citing_published):
        session.execute(_INVERT_SQL, {"citation_id": citation_id, "statement": match.statement_id})
        report.time_inversions += 1
        return
    method = "fingerprint" if match.similarity >= 1.0 else "fuzzy"
    session.execute(
        _LINK_SQL,
        {
            "citation_id": citation_id,
            "upstream": match.statement_id,
            "method": method,
            "similarity": match.similarity,
        },
    )
    report.linked += 1


def link_document(session: Session, document_id: int) -> LinkReport:
    """Link one document (see `link_documents`)."""
    return link_documents(session, [document_id])


def link_documents(session: Session, document_ids: list[int]) -> LinkReport:
    """Link these documents' hops to the cited outlets' statements, and the other way round.

    Outbound: a hop citing outlet X is continued into the matching statement of an
    earlier document by X. Inbound: hops elsewhere that cite this document's outlet are
    continued into this document's matching statement. A match published after the
    citing document is recorded as a time inversion instead of a link.
    """
    report = LinkReport()
    if not document_ids:
        return report
    ids = {"document_ids": document_ids}
    for hop in session.execute(_OUTBOUND_SQL, ids).all():
        matches = [
            m
            for m in find_matches(
                session,
                hop.text,
                language=hop.language,
                outlet_id=hop.source_id,
                exclude_document_id=hop.document_id,
            )
            if m.statement_id != hop.statement_id
        ]
        earlier = [m for m in matches if not _is_later(m.published_at, hop.published_at)]
        best = _best(earlier) or _best(matches)
        if best is not None:
            _apply(session, hop.citation_id, best, hop.published_at, report)
    for own in session.execute(_INBOUND_SQL, ids).all():
        for match in find_matches(
            session,
            own.text,
            language=own.language,
            citing_source_id=own.outlet_id,
            exclude_document_id=own.document_id,
        ):
            for hop in session.execute(
                _CITING_HOPS_SQL,
                {"statement_id": match.statement_id, "source_id": own.outlet_id},
            ).all():
                cited = Match(
                    statement_id=own.statement_id,
                    document_id=own.document_id,
                    text=own.text,
                    fingerprint="",
                    similarity=match.similarity,
                    published_at=own.published_at,
                    outlet_id=own.outlet_id,
                    speaker_id=None,
                    kind="",
                )
                _apply(session, hop.id, cited, hop.published_at, report)
    return report
