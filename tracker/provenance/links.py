"""Upstream links: a hop continued into another document's statement, made by hand or
automatically (a hop citing outlet X continued into X's own matching statement)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import TextClause, text

from tracker.errors import NotFoundError, ValidationError
from tracker.provenance.matching import Match, find_matches
from tracker.provenance.rules import publication_order, published_later
from tracker.store.holds import hold_targets
from tracker.store.layout import is_citus, one_connection_per_node
from tracker.store.visibility import visible_sql

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Joins inside one document only (statement, hop and document share it), and outlets
# are screened by a query of their own: Citus runs neither a correlated subquery nor a
# join on anything but the document across shards.
_OUTBOUND_SQL = text(
    """
    SELECT c.id AS citation_id, c.source_id, s.id AS statement_id, s.text,
           d.id AS document_id, d.published_at, d.language
    FROM citation c
    JOIN statement s ON s.id = c.statement_id AND s.document_id = c.document_id
    JOIN document d ON d.id = c.document_id
    JOIN source src ON src.id = c.source_id
    WHERE c.document_id = ANY(:document_ids) AND c.upstream_statement_id IS NULL
      AND c.review_status = 'unreviewed' AND src.kind = 'news_outlet' AND {visible}
    ORDER BY c.id
    """.format(visible=visible_sql("s"))
)
_INBOUND_SQL = text(
    """
    SELECT s.id AS statement_id, s.text, d.id AS document_id, d.outlet_id, d.published_at,
           d.language
    FROM statement s JOIN document d ON d.id = s.document_id
    WHERE d.id = ANY(:document_ids) AND d.outlet_id = ANY(:outlet_ids) AND {visible}
    ORDER BY s.id
    """.format(visible=visible_sql("s"))
)
_OUTLETS_SQL = text(
    "SELECT DISTINCT outlet_id FROM document "
    "WHERE id = ANY(:document_ids) AND outlet_id IS NOT NULL"
)
# Which of these sources publish documents, which are cited by a hop not linked yet: an
# index probe per source here; on Citus each shard lists what it holds (a correlated
# subquery over a set-returning function is refused there).
_PUBLISHING_SQL = {
    False: text(
        "SELECT o FROM unnest(CAST(:ids AS bigint[])) o "
        "WHERE EXISTS (SELECT 1 FROM document WHERE outlet_id = o)"
    ),
    True: text(
        "SELECT DISTINCT outlet_id FROM document WHERE outlet_id = ANY(CAST(:ids AS bigint[]))"
    ),
}
_CITED_SQL = {
    False: text(
        "SELECT o FROM unnest(CAST(:ids AS bigint[])) o WHERE EXISTS "
        "(SELECT 1 FROM citation WHERE source_id = o AND upstream_statement_id IS NULL)"
    ),
    True: text(
        "SELECT DISTINCT source_id FROM citation "
        "WHERE source_id = ANY(CAST(:ids AS bigint[])) AND upstream_statement_id IS NULL"
    ),
}
_CITING_HOPS_SQL = text(
    """
    SELECT c.id, c.document_id, d.published_at
    FROM citation c JOIN document d ON d.id = c.document_id
    WHERE c.document_id = :document_id AND c.statement_id = :statement_id
      AND c.source_id = :source_id AND c.upstream_statement_id IS NULL
      AND c.review_status = 'unreviewed'
    """
)
# Every hop is written with its document: one shard on Citus, the primary key's index here.
_LINK_SQL = text(
    """
    UPDATE citation
    SET upstream_statement_id = :upstream, upstream_document_id = :upstream_document,
        link_method = :method, link_similarity = :similarity, inverted_statement_id = NULL
    WHERE id = :citation_id AND document_id = :document_id AND upstream_statement_id IS NULL
      AND review_status = 'unreviewed'
    """
)
_INVERT_SQL = text(
    "UPDATE citation SET inverted_statement_id = :statement WHERE id = :citation_id "
    "AND document_id = :document_id AND upstream_statement_id IS NULL "
    "AND review_status = 'unreviewed'"
)


@dataclass(slots=True)
class LinkReport:
    """What a linking pass did."""

    linked: int = 0
    time_inversions: int = 0


def _best(matches: list[Match]) -> Match | None:
    """The most similar match; among equals the first published."""
    if not matches:
        return None
    top = max(m.similarity for m in matches)
    tied = [m for m in matches if m.similarity == top]
    return min(tied, key=lambda m: publication_order(m.published_at, m.document_id, m.statement_id))


def _apply(
    session: Session,
    hop: tuple[int, int],
    match: Match,
    citing_published: datetime | None,
    report: LinkReport,
) -> None:
    """Link hop ``(citation id, document id)`` to ``match``, or note a time inversion."""
    citation_id, document_id = hop
    if not hold_targets(session, [(match.statement_id, match.document_id)]):
        return  # removed by a write that committed while this one ran
    if published_later(match.published_at, citing_published):
        session.execute(
            _INVERT_SQL,
            {
                "citation_id": citation_id,
                "document_id": document_id,
                "statement": match.statement_id,
            },
        )
        report.time_inversions += 1
        return
    method = "fingerprint" if match.similarity >= 1.0 else "fuzzy"
    session.execute(
        _LINK_SQL,
        {
            "citation_id": citation_id,
            "document_id": document_id,
            "upstream": match.statement_id,
            "upstream_document": match.document_id,
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

    Only unreviewed hops of statements reads see are linked: a hop a reviewer confirmed
    or edited keeps its link (or its lack of one) exactly as left, and a rejected
    statement is neither linked nor linked to.

    Outbound: a hop citing outlet X is continued into the matching statement of an
    earlier document by X. Inbound: hops elsewhere that cite this document's outlet are
    continued into this document's matching statement. A match published after the
    citing document is recorded as a time inversion instead of a link.
    """
    report = LinkReport()
    if not document_ids:
        return report
    one_connection_per_node(session)
    citus = is_citus(session)
    ids = {"document_ids": document_ids}
    outbound = session.execute(_OUTBOUND_SQL, ids).all()
    publishing = _among(session, _PUBLISHING_SQL[citus], {h.source_id for h in outbound})
    for hop in outbound:
        if hop.source_id not in publishing:
            continue
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
        earlier = [m for m in matches if not published_later(m.published_at, hop.published_at)]
        best = _best(earlier) or _best(matches)
        if best is not None:
            _apply(session, (hop.citation_id, hop.document_id), best, hop.published_at, report)
    outlets = {r.outlet_id for r in session.execute(_OUTLETS_SQL, ids)}
    cited = _among(session, _CITED_SQL[citus], outlets)
    if not cited:
        return report
    for own in session.execute(_INBOUND_SQL, {**ids, "outlet_ids": sorted(cited)}).all():
        for match in find_matches(
            session,
            own.text,
            language=own.language,
            citing_source_id=own.outlet_id,
            exclude_document_id=own.document_id,
        ):
            for hop in session.execute(
                _CITING_HOPS_SQL,
                {
                    "document_id": match.document_id,
                    "statement_id": match.statement_id,
                    "source_id": own.outlet_id,
                },
            ).all():
                upstream = Match(
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
                _apply(session, (hop.id, hop.document_id), upstream, hop.published_at, report)
    return report


def _among(session: Session, query: TextClause, ids: set[int]) -> set[int]:
    """Those of ``ids`` the screening ``query`` keeps (none asked, none kept)."""
    if not ids:
        return set()
    return {r[0] for r in session.execute(query, {"ids": sorted(ids)})}


_STATEMENT_DOCUMENT_SQL = text("SELECT document_id FROM statement WHERE id = :id")
_SET_LINK = text(
    """
    UPDATE citation
    SET upstream_statement_id = :upstream, upstream_document_id = :upstream_document,
        link_method = :method, link_similarity = :similarity
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
    upstream = session.execute(_STATEMENT_DOCUMENT_SQL, {"id": upstream_statement_id}).first()
    if upstream is None or not hold_targets(
        session, [(upstream_statement_id, upstream.document_id)]
    ):
        raise ValidationError(
            f"upstream statement {upstream_statement_id} does not exist",
            [{"field": "upstream_statement_id", "message": "does not exist"}],
        )
    row = session.execute(
        _SET_LINK,
        {
            "citation_id": citation_id,
            "upstream": upstream_statement_id,
            "upstream_document": upstream.document_id,
            "method": method,
            "similarity": similarity,
        },
    ).first()
    if row is None:
        raise NotFoundError("citation", citation_id)
    if row.statement_id == upstream_statement_id:
        raise ValidationError("a hop cannot continue into its own statement")
