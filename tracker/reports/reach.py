"""Statements whose chains reach a set of statements through upstream links, on Citus.

The corpus report's chains through state media and a source's "primary of" list follow
upstream links backwards from a seed set until nothing new is met. On one PostgreSQL
that is one recursive query (in ``corpus`` and ``source``); on Citus a recursive query
cannot leave a shard, so the links are followed here a level at a time, each level one
query over every shard (an index probe on ``upstream_statement_id`` each).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.store.visibility import visible_sql

if TYPE_CHECKING:
    from sqlalchemy import TextClause
    from sqlalchemy.orm import Session

_LINKED_INTO_SQL = text(
    """
    SELECT DISTINCT c.statement_id, c.document_id FROM citation c
    JOIN statement st ON st.id = c.statement_id AND st.document_id = c.document_id
    WHERE c.upstream_statement_id = ANY(CAST(:ids AS bigint[])) AND {visible}
    """.format(visible=visible_sql("st"))
)
_PUBLISHED_SQL = text(
    "SELECT id, published_at FROM document WHERE id = ANY(CAST(:ids AS bigint[]))"
)


@dataclass(frozen=True, slots=True)
class Reached:
    """A statement reached, with its document and when that was published."""

    id: int
    document_id: int
    published_at: datetime | None


def reach(session: Session, seed: TextClause, params: dict[str, Any]) -> list[Reached]:
    """Every statement of ``seed`` (rows of ``statement_id, document_id``) and every
    statement linked upstream into one reached, transitively; each once. Rejected
    statements pass nothing on (``tracker.store.visibility``)."""
    reached: dict[int, int] = {}
    level = {r.statement_id: r.document_id for r in session.execute(seed, params)}
    while level:
        reached.update(level)
        rows = session.execute(_LINKED_INTO_SQL, {"ids": sorted(level)}).all()
        level = {r.statement_id: r.document_id for r in rows if r.statement_id not in reached}
    documents = sorted(set(reached.values()))
    published: dict[int, datetime | None] = {}
    if documents:
        published = {
            r.id: r.published_at for r in session.execute(_PUBLISHED_SQL, {"ids": documents})
        }
    return [Reached(s, d, published.get(d)) for s, d in reached.items()]


def newest_first(items: list[Reached]) -> list[Reached]:
    """Newest publication first, unknown times last, then the newest statement."""
    return sorted(
        items,
        key=lambda r: (
            r.published_at is None,
            -(r.published_at.timestamp()) if r.published_at else 0,
            -r.id,
        ),
    )
