"""Finding the same quote elsewhere: fingerprint hits and full-text candidates, verified."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.fingerprint import (
    MATCH_THRESHOLD,
    candidate_query,
    fingerprint,
    search_config,
    similarity,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CANDIDATE_LIMIT = 100
"""Full-text candidates verified per lookup; ranked, so the likeliest come first."""


@dataclass(frozen=True, slots=True)
class Match:
    """A stored statement that carries the same (or a lightly edited) quote."""

    statement_id: int
    document_id: int
    text: str
    fingerprint: str
    similarity: float
    published_at: datetime | None
    outlet_id: int | None
    speaker_id: int | None
    kind: str


_COLUMNS = """
    s.id, s.document_id, s.text, s.fingerprint, s.speaker_id, s.kind,
    d.published_at, d.outlet_id
"""
_BY_FINGERPRINT_SQL = f"""
    SELECT {_COLUMNS} FROM statement s JOIN document d ON d.id = s.document_id
    WHERE s.fingerprint = :fingerprint {{extra}}
    LIMIT :limit
"""
_BY_SEARCH_SQL = f"""
    SELECT {_COLUMNS} FROM statement s JOIN document d ON d.id = s.document_id
    CROSS JOIN (SELECT to_tsquery('simple', :q) || to_tsquery(CAST(:cfg AS regconfig), :q)
                AS query) q
    WHERE s.search_vector @@ q.query {{extra}}
    ORDER BY ts_rank(s.search_vector, q.query) DESC, s.id
    LIMIT :limit
"""


_CUSTOM_PLANS = text("SET LOCAL plan_cache_mode = force_custom_plan")


def find_matches(
    session: Session,
    quote: str,
    *,
    language: str | None = None,
    outlet_id: int | None = None,
    citing_source_id: int | None = None,
    exclude_document_id: int | None = None,
    threshold: float = MATCH_THRESHOLD,
    limit: int = CANDIDATE_LIMIT,
) -> list[Match]:
    """Statements whose text matches ``quote``, best first, each with its similarity.

    Exact fingerprint hits come from a hash index; near misses (a changed word, a
    truncation, reordered clauses) from a GIN full-text index, then are verified here.
    ``outlet_id`` keeps documents of one outlet; ``citing_source_id`` keeps statements
    with a not-yet-linked hop citing that source.
    """
    fp = fingerprint(quote)
    if not fp:
        return []
    clauses: list[str] = []
    params: dict[str, Any] = {"fingerprint": fp, "limit": limit}
    if outlet_id is not None:
        clauses.append("AND d.outlet_id = :outlet_id")
        params["outlet_id"] = outlet_id
    if exclude_document_id is not None:
        clauses.append("AND s.document_id <> :exclude_document_id")
        params["exclude_document_id"] = exclude_document_id
    if citing_source_id is not None:
        clauses.append(
            "AND EXISTS (SELECT 1 FROM citation c WHERE c.statement_id = s.id "
            "AND c.source_id = :citing_source_id AND c.upstream_statement_id IS NULL)"
        )
        params["citing_source_id"] = citing_source_id
    extra = " ".join(clauses)
    # The right plan depends on the words asked for (rare pair: GIN; none: nothing);
    # a cached generic plan knows no words and falls back to scanning every statement.
    session.execute(_CUSTOM_PLANS)
    found: dict[int, Match] = {}
    for row in session.execute(text(_BY_FINGERPRINT_SQL.format(extra=extra)), params):
        found[row.id] = _match(row, 1.0)
    query = candidate_query(quote)
    if query is not None:
        params.update(q=query, cfg=search_config(language))
        for row in session.execute(text(_BY_SEARCH_SQL.format(extra=extra)), params):
            if row.id in found:
                continue
            score = 1.0 if row.fingerprint == fp else similarity(quote, row.text)
            if score >= threshold:
                found[row.id] = _match(row, score)
    return sorted(found.values(), key=lambda m: (-m.similarity, m.statement_id))


def _match(row: Any, score: float) -> Match:
    return Match(
        statement_id=row.id,
        document_id=row.document_id,
        text=row.text,
        fingerprint=row.fingerprint,
        similarity=score,
        published_at=row.published_at,
        outlet_id=row.outlet_id,
        speaker_id=row.speaker_id,
        kind=row.kind,
    )
