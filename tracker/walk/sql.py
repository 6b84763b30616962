"""The recursive walk queries: raw SQL because a CYCLE-safe recursive CTE earns it."""

from __future__ import annotations

from sqlalchemy import text

from tracker.store.visibility import visible_sql

UPSTREAM_VISIBLE_SQL = f"""
    EXISTS (SELECT 1 FROM statement us
            WHERE us.id = w.upstream_statement_id AND {visible_sql("us")})
"""
"""The hop's upstream statement exists and is one reads see (not rejected, unless asked):
a link into a rejected statement leads nowhere, like a link to a deleted one."""

NEXT_HOPS_SQL = f"""
        CROSS JOIN LATERAL (
            SELECT u.* FROM citation u
            WHERE w.upstream_statement_id IS NOT NULL
              AND u.statement_id = w.upstream_statement_id AND u.parent_id IS NULL
              AND {UPSTREAM_VISIBLE_SQL}
          UNION ALL
            SELECT k.* FROM citation k
            WHERE w.upstream_statement_id IS NULL AND k.parent_id = w.citation_id
        ) n
"""
"""The recursive step of every walk: into the upstream statement's roots when the hop
is linked to another document, else down to the hop's children (``w`` is the walk)."""

IS_LEAF_SQL = f"""
    CASE
        WHEN w.upstream_statement_id IS NOT NULL
            THEN NOT ({UPSTREAM_VISIBLE_SQL} AND EXISTS (
                SELECT 1 FROM citation r
                WHERE r.statement_id = w.upstream_statement_id AND r.parent_id IS NULL))
        ELSE NOT EXISTS (SELECT 1 FROM citation k WHERE k.parent_id = w.citation_id)
    END
"""
"""True for a hop the walk cannot continue from: a primary source (or a dead end)."""

# The walk hop by hop, in SQL alone: the reference every other form of the walk must equal
# (tests/integration/test_walk_layouts.py), and what the benches compare them with. The
# service walks over the statements entered instead (ENTERED_ONE_SQL, half the server
# time). One query walks the whole tree (see NEXT_HOPS_SQL). CYCLE marks a hop met twice on
# one path and stops there; the depth bound stops runaway chains. Sources are joined
# inside the recursion and upstream statements through LATERAL lookups, so every join
# is an index probe: the planner cannot know how few rows a walk has. The walked
# statement itself (``head``) comes in the same round trip: no row means no statement,
# one row without a hop means a statement without a chain.
WALK_SQL = text(
    """
    WITH RECURSIVE walk (
        citation_id, statement_id, document_id, parent_walk_id, source_id, source_name,
        source_kind, source_state_media, relation, cue, evidence_start, evidence_end,
        upstream_statement_id, link_method, link_similarity, inverted_statement_id,
        review_status, depth, sort_path
    ) AS (
        SELECT c.id, c.statement_id, c.document_id, NULL::bigint, c.source_id, s.name,
               s.kind, s.state_media, c.relation, c.cue, c.evidence_start, c.evidence_end,
               c.upstream_statement_id, c.link_method, c.link_similarity,
               c.inverted_statement_id, c.review_status, 0, ARRAY[c.position::bigint, c.id]
        FROM citation c JOIN source s ON s.id = c.source_id
        WHERE c.statement_id = :statement_id AND c.parent_id IS NULL
      UNION ALL
        SELECT n.id, n.statement_id, n.document_id, w.citation_id, n.source_id, s.name,
               s.kind, s.state_media, n.relation, n.cue, n.evidence_start, n.evidence_end,
               n.upstream_statement_id, n.link_method, n.link_similarity,
               n.inverted_statement_id, n.review_status, w.depth + 1,
               w.sort_path || ARRAY[n.position::bigint, n.id]
        FROM walk w
    """
    + NEXT_HOPS_SQL
    + """
        JOIN source s ON s.id = n.source_id
        WHERE w.depth < :max_depth
    ) CYCLE citation_id SET is_cycle USING cycle_path
    SELECT head.document_id AS head_document_id, head.speaker_name AS head_speaker_name,
           head.visible AS head_visible,
           w.citation_id, w.statement_id, w.document_id, w.parent_walk_id, w.depth,
           w.relation, w.cue, w.evidence_start, w.evidence_end, w.upstream_statement_id,
           w.link_method, w.link_similarity, w.inverted_statement_id, w.review_status,
           w.is_cycle, w.source_id, w.source_name, w.source_kind, w.source_state_media,
           up.speaker_name AS upstream_speaker_name,
           (w.upstream_statement_id IS NOT NULL AND up.id IS NULL) AS is_broken,
           up.document_id AS upstream_document_id,
    """
    + IS_LEAF_SQL
    + """ AS is_leaf
    FROM (
        SELECT st.document_id, sp.name AS speaker_name, """
    + visible_sql("st")
    + """ AS visible
        FROM statement st LEFT JOIN source sp ON sp.id = st.speaker_id
        WHERE st.id = :statement_id
    ) head
    LEFT JOIN (
        walk w
        LEFT JOIN LATERAL (
            SELECT st.id, st.document_id, sp.name AS speaker_name
            FROM statement st LEFT JOIN source sp ON sp.id = st.speaker_id
            WHERE st.id = w.upstream_statement_id AND """
    + visible_sql("st")
    + """
            LIMIT 1  -- one row by key anyway; keeps the join a lookup per hop (see below)
        ) up ON TRUE
    ) ON TRUE
    ORDER BY w.sort_path
    """
)
"""A statement's walk: one row per hop met (walk order), each also carrying the head.

The ``LIMIT 1`` on the upstream statement keeps that join a nested loop of key lookups:
without it PostgreSQL may flatten the subquery and, misjudging the recursive walk's size
(thousands of rows estimated for a handful), hash the whole ``source`` table for the
speakers' names. At 10 million statements (200,000 sources) that made a walk 34 ms at
p50 instead of about 1 (bench/scale.py, docs/SCALING.md)."""

# The walk on one PostgreSQL (tracker.walk.entered): the statements a chain may enter,
# found by a recursion over statements, not hops (a hop's children belong to its
# statement, so one index read brings a statement's whole tree), and every hop of each.
# Python walks those rows. The recursion goes one level past the bound (``<=``): a hop
# at the deepest position still needs to know whether its link leads anywhere. Levels
# count statements entered, never more than the hops taken to enter them, so the bound
# reaches every statement the walk can. It does not stop at rejected statements (their
# hops come without rows: the walk stops there); a cycle only repeats up to the bound.
_ENTERED = (
    """
    WITH RECURSIVE entered (statement_id, level) AS (
        %s
      UNION
        SELECT c.upstream_statement_id, e.level + 1
        FROM entered e JOIN citation c ON c.statement_id = e.statement_id
        WHERE c.upstream_statement_id IS NOT NULL AND e.level <= :max_depth
    )
    SELECT st.id AS entered_id, st.document_id AS entered_document_id,
           sp.name AS entered_speaker_name, """
    + visible_sql("st")
    + """ AS entered_visible,
           c.id AS citation_id, c.statement_id, c.document_id, c.parent_id, c.relation,
           c.cue, c.evidence_start, c.evidence_end, c.upstream_statement_id, c.link_method,
           c.link_similarity, c.inverted_statement_id, c.review_status, c.source_id,
           s.name AS source_name, s.kind AS source_kind, s.state_media AS source_state_media
    FROM (SELECT DISTINCT statement_id FROM entered) e
    JOIN statement st ON st.id = e.statement_id
    LEFT JOIN source sp ON sp.id = st.speaker_id
    LEFT JOIN citation c ON c.statement_id = st.id AND """
    + visible_sql("st")
    + """
    LEFT JOIN source s ON s.id = c.source_id
    ORDER BY c.position, c.id
    """
)
"""The query of ``ENTERED_SQL`` and ``ENTERED_ONE_SQL``, seeded by ``%s``."""

ENTERED_SQL = text(
    _ENTERED % "SELECT h.id, 0 FROM unnest(CAST(:statement_ids AS bigint[])) AS h(id)"
)
"""One row per hop of every statement the walks of ``:statement_ids`` may enter within
``:max_depth`` (as in ``WALK_SQL``), hops in sibling order; a statement without hops (or
rejected and hidden) as one row without a hop. A statement that does not exist has no row.

PostgreSQL plans this one on every run: planned for any array, the recursion looks so
costly that the plan for the array given always wins. One plan for many walks is worth
it (a document's statements at once); a single walk takes ``ENTERED_ONE_SQL``."""

ENTERED_ONE_SQL = text(_ENTERED % "SELECT CAST(:statement_id AS bigint), 0")
"""``ENTERED_SQL`` for one statement, ``:statement_id``: planned once per connection
(prepared; its generic plan is the plan), where the array form is planned every run,
which would cost twice the walk itself."""

WALK_ENTERED_SQL = text(
    "SELECT * FROM tracker_walk_entered(:statement_id, :document_id, :max_depth)"
)
"""What ``ENTERED_ONE_SQL`` gives, gathered by a function a document at a time (migration
0016), for Citus, where a recursive query may not leave a shard: one row of arrays (the
statements entered, their hops field by field, the sources met), every column NULL when
the statement does not exist or is not in ``:document_id``."""

# The walk seeded with many statements at once, keeping only which sources each one
# ends at: the primary sources of every appearance of a document's words in one query.
PRIMARY_SOURCES_SQL = text(
    """
    WITH RECURSIVE walk (root_id, citation_id, source_id, upstream_statement_id, depth) AS (
        SELECT c.statement_id, c.id, c.source_id, c.upstream_statement_id, 0
        FROM citation c
        WHERE c.statement_id = ANY(:ids) AND c.parent_id IS NULL
      UNION ALL
        SELECT w.root_id, n.id, n.source_id, n.upstream_statement_id, w.depth + 1
        FROM walk w
    """
    + NEXT_HOPS_SQL
    + """
        WHERE w.depth < :max_depth
    ) CYCLE citation_id SET is_cycle USING cycle_path
    SELECT DISTINCT w.root_id, w.source_id FROM walk w
    WHERE NOT w.is_cycle AND
    """
    + IS_LEAF_SQL
)
"""``(root_id, source_id)`` for each of ``:ids`` and each primary source its walk ends at."""

# ---------------------------------------------------------------- one document at a time
#
# On Citus a recursive CTE runs only inside one shard: filtered on the document in its
# anchor and in its recursive term alike, and without the CYCLE clause (it fails on the
# worker). Such a query cost about 1.3 ms of server CPU per call on the local cluster,
# nearly all of it planning (Citus plans it on the coordinator, deparses it, and the
# worker parses and plans it again; no generic plan is kept). So the walk goes one
# document at a time (tracker.walk.per_document) through a function (migrations 0012,
# 0014, 0015) that reads the statements entered and their hops (a hop's children belong to
# its statement) filtered on the document: on Citus one fast-path read of the statements,
# which brings the hops from the co-located shard on the node that answers it. It walks
# them with a recursive query over those rows alone (planned once per connection by
# PL/pgSQL), with cycle detection by the explicit path each entry brings, and names the
# sources met with one read per walk. Each entry comes back once even without hops (its
# statement found or not, seen or rejected, and its speaker; a rejected one is not walked
# into unless the transaction shows rejected statements); a hop's children are the rows
# that name it as parent, which is why the walk goes one level past the bound
# (``:max_depth + 1``): those rows only say whether a hop at the bound has children. Hops
# linked into another document name it (``upstream_document_id``): the function goes on
# into each such document itself, so a walk is one round trip whatever documents it
# crosses. Given no document (``:document_id`` NULL, one entry) the function finds the
# entry's own first.
DOCUMENT_WALK_SQL = text(
    "SELECT * FROM tracker_document_walk(:document_id, CAST(:roots AS bigint[]), "
    "CAST(:statement_ids AS bigint[]), CAST(:depths AS integer[]), "
    "CAST(:paths AS text[]), CAST(:sort_paths AS text[]), :max_depth)"
)
"""Every hop the walks of ``:roots`` meet from the statements they enter in
``:document_id``, there and in the documents its hops link to (a call per document,
made by the function itself, up to ``FOLLOW_BELOW``)."""

FOLLOW_BELOW = 32
"""The function follows links of hops above this depth only (migrations 0012 to 0015): deeper,
the caller goes on with further calls, so the function's calls never nest deeper."""
