"""The corpus report: most-cited primary sources, busiest relays, chains via state media."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.errors import ParameterError
from tracker.reports.reach import Reached, newest_first, reach
from tracker.store.layout import is_citus
from tracker.store.visibility import visible_sql
from tracker.views import SourceBrief
from tracker.walk.trees import chain_paths
from tracker.walk.walker import walks

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.walk.model import Walk

MAX_SOURCES_LIMIT = 100


@dataclass(frozen=True, slots=True)
class SourceCount:
    """A source with how many statements and documents it accounts for."""

    source: SourceBrief
    statements: int
    documents: int
    hops: int = 0


@dataclass(frozen=True, slots=True)
class StateMediaChain:
    """A statement whose chain ends in or passes through state media."""

    statement_id: int
    document_id: int
    published_at: datetime | None
    paths: list[str]
    state_media: list[str]
    ends_in_state_media: bool


@dataclass(frozen=True, slots=True)
class SourcesReport:
    """The corpus's most-cited primary sources, busiest relays and state-media chains."""

    primary_sources: list[SourceCount]
    relaying_outlets: list[SourceCount]
    state_media_chains: list[StateMediaChain]
    state_media_total: int
    limit: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# Leaf hops end a statement's own chain: no hop cites further and no link goes upstream.
# A statement whose chain continues into another document's statement is counted there,
# under the upstream statement, not again under its own id.
_PRIMARY_SQL = text(
    """
    SELECT s.id, s.name, s.kind, s.state_media,
           count(DISTINCT c.statement_id) AS statements,
           count(DISTINCT c.document_id) AS documents, count(*) AS hops
    FROM citation c JOIN source s ON s.id = c.source_id
    JOIN statement st ON st.id = c.statement_id AND st.document_id = c.document_id
    WHERE c.upstream_statement_id IS NULL AND {visible}
      AND NOT EXISTS (SELECT 1 FROM citation k
                      WHERE k.document_id = c.document_id AND k.parent_id = c.id)
    GROUP BY s.id
    ORDER BY statements DESC, documents DESC, s.name, s.id
    LIMIT :limit
    """.format(visible=visible_sql("st"))
)
_RELAY_SQL = text(
    """
    SELECT s.id, s.name, s.kind, s.state_media,
           count(DISTINCT c.statement_id) AS statements,
           count(DISTINCT c.document_id) AS documents, count(*) AS hops
    FROM citation c JOIN source s ON s.id = c.source_id
    JOIN statement st ON st.id = c.statement_id AND st.document_id = c.document_id
    WHERE s.kind = 'news_outlet' AND {visible}
      AND (c.upstream_statement_id IS NOT NULL
           OR EXISTS (SELECT 1 FROM citation k
                      WHERE k.document_id = c.document_id AND k.parent_id = c.id))
    GROUP BY s.id
    ORDER BY statements DESC, documents DESC, s.name, s.id
    LIMIT :limit
    """.format(visible=visible_sql("st"))
)
# Statements with a state-media hop of their own, then (UNION dedupes, so it ends) every
# statement whose hop links upstream into one already reached; rejected ones pass nothing on.
_STATE_MEDIA_SQL = text(
    """
    WITH RECURSIVE reach (statement_id) AS (
        SELECT c.statement_id FROM citation c JOIN source s ON s.id = c.source_id
        JOIN statement st ON st.id = c.statement_id
        WHERE s.state_media AND {visible}
      UNION
        SELECT c.statement_id FROM citation c
        JOIN reach r ON c.upstream_statement_id = r.statement_id
        JOIN statement st ON st.id = c.statement_id
        WHERE {visible}
    )
    SELECT st.id, st.document_id, d.published_at, count(*) OVER () AS total
    FROM reach r JOIN statement st ON st.id = r.statement_id
    JOIN document d ON d.id = st.document_id
    ORDER BY d.published_at DESC NULLS LAST, st.id DESC
    LIMIT :limit
    """.format(visible=visible_sql("st"))
)
_STATE_MEDIA_SEED_SQL = text(
    """
    SELECT DISTINCT c.statement_id, c.document_id
    FROM citation c JOIN source s ON s.id = c.source_id
    JOIN statement st ON st.id = c.statement_id AND st.document_id = c.document_id
    WHERE s.state_media AND {visible}
    """.format(visible=visible_sql("st"))
)
"""The statements with a state-media hop of their own (Citus follows links from them)."""


def sources_report(session: Session, limit: int = 20) -> SourcesReport:
    """The corpus at a glance, in three set-based queries plus one walk per listed chain."""
    if not 1 <= limit <= MAX_SOURCES_LIMIT:
        raise ParameterError(
            f"limit must be between 1 and {MAX_SOURCES_LIMIT}", [{"field": "limit"}]
        )
    primary = [_source_count(r) for r in session.execute(_PRIMARY_SQL, {"limit": limit})]
    relays = [_source_count(r) for r in session.execute(_RELAY_SQL, {"limit": limit})]
    listed, total = _state_media_statements(session, limit)
    walked = walks(session, [(r.id, r.document_id) for r in listed])
    chains = [_state_media_chain(walked[r.id], r.published_at) for r in listed if r.id in walked]
    return SourcesReport(
        primary_sources=primary,
        relaying_outlets=relays,
        state_media_chains=chains,
        state_media_total=total,
        limit=limit,
    )


def _state_media_statements(session: Session, limit: int) -> tuple[list[Reached], int]:
    """The newest ``limit`` statements whose chains pass state media, and how many in all."""
    if is_citus(session):
        everything = newest_first(reach(session, _STATE_MEDIA_SEED_SQL, {}))
        return everything[:limit], len(everything)
    rows = session.execute(_STATE_MEDIA_SQL, {"limit": limit}).all()
    listed = [Reached(r.id, r.document_id, r.published_at) for r in rows]
    return listed, int(rows[0].total) if rows else 0


def _source_count(row: Any) -> SourceCount:
    return SourceCount(
        source=SourceBrief(row.id, row.name, row.kind, row.state_media),
        statements=int(row.statements),
        documents=int(row.documents),
        hops=int(row.hops),
    )


def _state_media_chain(w: Walk, published_at: datetime | None) -> StateMediaChain:
    names = list(dict.fromkeys(h.source.name for h in w.hops if h.source.state_media))
    return StateMediaChain(
        statement_id=w.statement_id,
        document_id=w.document_id,
        published_at=published_at,
        paths=chain_paths(w.hops),
        state_media=names,
        ends_in_state_media=any(s.state_media for s in w.primary_sources),
    )
