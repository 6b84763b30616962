"""The corpus in shares: how many statements reach a named source, end anonymous, pass state media.

The document report's summary, over the corpus's newest statements in one set-based walk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text

from tracker.errors import ParameterError
from tracker.store.layout import is_citus
from tracker.store.visibility import visible_sql
from tracker.vocabulary import NAMED_PRIMARY_KINDS
from tracker.walk.sql import IS_LEAF_SQL, NEXT_HOPS_SQL, UPSTREAM_VISIBLE_SQL
from tracker.walk.walker import walks_by_document

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.reports.corpus import SourcesReport

DEFAULT_SHARES_SAMPLE = 5000
MAX_SHARES_SAMPLE = 100_000


@dataclass(frozen=True, slots=True)
class CorpusShares:
    """Disjoint named / anonymous / unresolved counts (as in a document report's summary),
    plus how many pass through state media, over the newest ``statements`` statements."""

    statements: int
    named_primary: int
    anonymous: int
    unresolved: int
    via_state_media: int
    sample: int
    """How many of the newest statements were asked for (``statements`` <= it)."""

    def share(self, count: int) -> float:
        """``count`` as a share of the statements read, 0 when there are none."""
        return count / self.statements if self.statements else 0.0


@dataclass(frozen=True, slots=True)
class CorpusOverview:
    """The corpus report (who is cited, who relays, state media) with the corpus's shares."""

    sources: SourcesReport
    shares: CorpusShares


# Every picked statement walked at once (the walk of tracker.walk.sql seeded with many
# roots); per statement: do all ends name someone, does one end anonymous, was the walk
# cut (a cycle, the depth bound or a dead link), does a hop pass state media. Then the
# document report's rules: named = every end named and nothing cut; anonymous = an
# anonymous end and not named; unresolved = the rest, statements without a chain too.
_SHARES_SQL = text(
    """
    WITH RECURSIVE picked AS (
        SELECT st.id FROM statement st WHERE """
    + visible_sql("st")
    + """ ORDER BY st.id DESC LIMIT :sample
    ), walk (root_id, citation_id, source_id, upstream_statement_id, depth) AS (
        SELECT c.statement_id, c.id, c.source_id, c.upstream_statement_id, 0
        FROM citation c
        WHERE c.statement_id IN (SELECT id FROM picked) AND c.parent_id IS NULL
      UNION ALL
        SELECT w.root_id, n.id, n.source_id, n.upstream_statement_id, w.depth + 1
        FROM walk w
    """
    + NEXT_HOPS_SQL
    + """
        WHERE w.depth < :max_depth
    ) CYCLE citation_id SET is_cycle USING cycle_path,
    hops AS (
        SELECT w.root_id, w.is_cycle, s.kind, s.state_media,
               (w.upstream_statement_id IS NOT NULL AND NOT """
    + UPSTREAM_VISIBLE_SQL
    + """) AS is_broken,
    """
    + IS_LEAF_SQL
    + """ AS is_leaf, w.depth
        FROM walk w JOIN source s ON s.id = w.source_id
    ), per_statement AS (
        SELECT root_id,
               bool_and(kind = ANY(:named)) FILTER (WHERE is_leaf AND NOT is_cycle) AS all_named,
               bool_or(kind = 'anonymous') FILTER (WHERE is_leaf AND NOT is_cycle)
                   AS any_anonymous,
               bool_or(is_cycle OR is_broken OR (depth >= :max_depth AND NOT is_leaf)) AS cut,
               bool_or(state_media) AS state_media
        FROM hops GROUP BY root_id
    )
    SELECT (SELECT count(*) FROM picked) AS statements,
           count(*) FILTER (WHERE all_named AND NOT cut) AS named,
           count(*) FILTER (WHERE any_anonymous AND NOT (all_named AND NOT cut)) AS anonymous,
           count(*) FILTER (WHERE state_media) AS state_media
    FROM per_statement
    """
)


def corpus_shares(
    session: Session, max_depth: int, sample: int = DEFAULT_SHARES_SAMPLE
) -> CorpusShares:
    """Shares over the newest ``sample`` statements: one query, however many."""
    if not 1 <= sample <= MAX_SHARES_SAMPLE:
        raise ParameterError(
            f"sample must be between 1 and {MAX_SHARES_SAMPLE}", [{"field": "sample"}]
        )
    if is_citus(session):
        return _walked_shares(session, max_depth, sample)
    params = {"sample": sample, "max_depth": max_depth - 1, "named": sorted(NAMED_PRIMARY_KINDS)}
    row = session.execute(_SHARES_SQL, params).one()
    statements, named, anonymous = int(row.statements), int(row.named), int(row.anonymous)
    return CorpusShares(
        statements=statements,
        named_primary=named,
        anonymous=anonymous,
        unresolved=statements - named - anonymous,
        via_state_media=int(row.state_media),
        sample=sample,
    )


_NEWEST_SQL = text(
    "SELECT st.id, st.document_id FROM statement st WHERE "
    + visible_sql("st")
    + " ORDER BY st.id DESC LIMIT :sample"
)


def _walked_shares(session: Session, max_depth: int, sample: int) -> CorpusShares:
    """The same shares from the walks themselves, for Citus: a recursive query there may
    not leave a shard, so the newest statements are walked a document at a time (their
    flags follow the rules the query above spells out)."""
    picked = session.execute(_NEWEST_SQL, {"sample": sample}).all()
    walked = walks_by_document(session, [(r.id, r.document_id) for r in picked], max_depth)
    flags = [set(w.flags) for w in walked.values()]
    named = sum(1 for f in flags if "complete" in f)
    anonymous = sum(1 for f in flags if "anonymous" in f and "complete" not in f)
    return CorpusShares(
        statements=len(picked),
        named_primary=named,
        anonymous=anonymous,
        unresolved=len(picked) - named - anonymous,
        via_state_media=sum(1 for f in flags if "state_media_origin" in f),
        sample=sample,
    )
