"""One source's record: what it said, the chains it ends, the chains it relayed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.errors import ParameterError
from tracker.provenance.appearances import load_appearing
from tracker.reports.reach import reach
from tracker.store.layout import is_citus
from tracker.store.visibility import visible_sql
from tracker.walk.trees import chain_paths
from tracker.walk.walker import walks

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.views import SourceBrief, SourceView

MAX_PROFILE_LIMIT = 100


@dataclass(frozen=True, slots=True)
class ChainUse:
    """A statement in which the source takes part, with its walked chain as text."""

    statement_id: int
    document_id: int
    text: str
    published_at: datetime | None
    outlet: str | None
    speaker: SourceBrief | None
    paths: list[str]
    """Each root-to-leaf path of the statement's walk as "A → B → C"."""
    flags: list[str]


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """A source with the newest statements it said, ends and relayed, and how many in all."""

    source: SourceView
    said: list[ChainUse]
    said_total: int
    primary_of: list[ChainUse]
    """Statements whose walk ends at this source (also through upstream links)."""
    primary_total: int
    relayed: list[ChainUse]
    """Statements whose chain passes through this source on the way to another."""
    relayed_total: int


# Newest first by statement id: the (speaker_id, id) index serves it.
_SAID_SQL = text(
    """
    SELECT st.id, count(*) OVER () AS total FROM statement st
    WHERE st.speaker_id = :source_id AND {visible}
    ORDER BY st.id DESC LIMIT :limit
    """.format(visible=visible_sql("st"))
)
# Leaf hops of this source end their statement's chain; every statement linked upstream
# into one already reached ends there too (UNION dedupes, so the recursion ends), the
# same reach as the corpus report's chains through state media.
_PRIMARY_SQL = text(
    """
    WITH RECURSIVE reach (statement_id) AS (
        SELECT c.statement_id FROM citation c
        JOIN statement st ON st.id = c.statement_id AND st.document_id = c.document_id
        WHERE c.source_id = :source_id AND c.upstream_statement_id IS NULL AND {visible}
          AND NOT EXISTS (SELECT 1 FROM citation k
                          WHERE k.document_id = c.document_id AND k.parent_id = c.id)
      UNION
        SELECT c.statement_id FROM citation c
        JOIN reach r ON c.upstream_statement_id = r.statement_id
        JOIN statement st ON st.id = c.statement_id AND st.document_id = c.document_id
        WHERE {visible}
    )
    SELECT r.statement_id AS id, count(*) OVER () AS total FROM reach r
    ORDER BY r.statement_id DESC LIMIT :limit
    """.format(visible=visible_sql("st"))
)
_RELAYED_SQL = text(
    """
    SELECT c.statement_id AS id, count(*) OVER () AS total FROM citation c
    JOIN statement st ON st.id = c.statement_id AND st.document_id = c.document_id
    WHERE c.source_id = :source_id AND {visible}
      AND (c.upstream_statement_id IS NOT NULL
           OR EXISTS (SELECT 1 FROM citation k
                      WHERE k.document_id = c.document_id AND k.parent_id = c.id))
    GROUP BY c.statement_id
    ORDER BY c.statement_id DESC LIMIT :limit
    """.format(visible=visible_sql("st"))
)
_PRIMARY_SEED_SQL = text(
    """
    SELECT DISTINCT c.statement_id, c.document_id FROM citation c
    JOIN statement st ON st.id = c.statement_id AND st.document_id = c.document_id
    WHERE c.source_id = :source_id AND c.upstream_statement_id IS NULL AND {visible}
      AND NOT EXISTS (SELECT 1 FROM citation k
                      WHERE k.document_id = c.document_id AND k.parent_id = c.id)
    """.format(visible=visible_sql("st"))
)
"""The statements whose own chain ends at the source (Citus follows links from them)."""


@dataclass(frozen=True, slots=True)
class _Listed:
    id: int
    total: int


def source_profile(
    session: Session, source: SourceView, limit: int, max_depth: int
) -> SourceProfile:
    """``source``'s newest ``limit`` statements of each part it plays, each walked."""
    if not 1 <= limit <= MAX_PROFILE_LIMIT:
        raise ParameterError(
            f"limit must be between 1 and {MAX_PROFILE_LIMIT}", [{"field": "limit"}]
        )
    params = {"source_id": source.id, "limit": limit}
    found: dict[str, Sequence[Any]] = {
        name: session.execute(sql, params).all()
        for name, sql in (("said", _SAID_SQL), ("relayed", _RELAYED_SQL))
    }
    found["primary"] = _primary_of(session, params)
    ids = sorted({r.id for rows in found.values() for r in rows})
    uses = _chain_uses(session, ids, max_depth)
    return SourceProfile(
        source=source,
        said=[uses[r.id] for r in found["said"] if r.id in uses],
        said_total=_total(found["said"]),
        primary_of=[uses[r.id] for r in found["primary"] if r.id in uses],
        primary_total=_total(found["primary"]),
        relayed=[uses[r.id] for r in found["relayed"] if r.id in uses],
        relayed_total=_total(found["relayed"]),
    )


def _primary_of(session: Session, params: dict[str, Any]) -> Sequence[Any]:
    """The newest statements whose walk ends at the source, each with the total."""
    if not is_citus(session):
        return session.execute(_PRIMARY_SQL, params).all()
    reached = sorted((r.id for r in reach(session, _PRIMARY_SEED_SQL, params)), reverse=True)
    return [_Listed(statement_id, len(reached)) for statement_id in reached[: params["limit"]]]


def _total(rows: Sequence[Any]) -> int:
    return int(rows[0].total) if rows else 0


def _chain_uses(session: Session, ids: list[int], max_depth: int) -> dict[int, ChainUse]:
    """Each statement with its document's context and its walk, one walk per statement."""
    uses: dict[int, ChainUse] = {}
    appearing = load_appearing(session, ids)
    walked = walks(session, [(i, item.document_id) for i, item in appearing.items()], max_depth)
    for statement_id, item in appearing.items():
        w = walked.get(statement_id)
        if w is None:
            continue
        uses[statement_id] = ChainUse(
            statement_id=statement_id,
            document_id=item.document_id,
            text=item.text,
            published_at=item.published_at,
            outlet=item.outlet,
            speaker=item.speaker,
            paths=chain_paths(w.hops),
            flags=w.flags,
        )
    return uses
