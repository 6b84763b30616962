"""tracker_document_walk: fewer routed reads and Citus plans a call, sources read once.

Four changes to 0014's function, measured on the local cluster at 1 million statements
(server CPU per call and per walk; docs/SCALING.md, "Migration 0015"):

1. The statement's document is looked up by a plain variable (``v_statement_id``), not by
   ``p_statement_ids[1]``: Citus defers the shard pruning of a fast-path read whose
   distribution value is a parameter, so PL/pgSQL keeps one generic plan for it, where an
   expression over a parameter made Citus plan the read afresh on every call.
2. The hops are read as one array of ``tracker_walk_hop`` values instead of fifteen
   arrays: one aggregate on the worker, one value sent back and parsed.
3. On Citus the hops come in the same routed read as the statements entered:
   ``tracker_local_hops``, called in that read's select list, runs on the node that holds
   the document's shard of ``statement`` and reads the co-located shard of ``citation``
   there with a plain query. A document is one routed read instead of two.
4. A walk that crosses into other documents names its sources once, at the end, with one
   read of ``source`` for every document entered (``tracker_document_hops`` walks the
   further documents without naming), instead of one read per document.

The walk's rows are those of 0014 (compared on thousands of random walks of that corpus),
cycle-safe by the path each entry brings, bounded by depth, one call per walk; the
function's signature and row type are unchanged, so the code calling it is too.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-09 09:00:00
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ARGUMENTS = (
    "p_document_id bigint, p_roots bigint[], p_statement_ids bigint[], p_depths integer[], "
    "p_paths text[], p_sort_paths text[], p_max_depth integer"
)
HOPS_SIGNATURE = (
    "tracker_document_hops(bigint, bigint[], bigint[], integer[], text[], text[], integer)"
)

LOCAL_HOPS_SIGNATURE = "tracker_local_hops(bigint, bigint[])"

HOP_TYPE = """
CREATE TYPE tracker_walk_hop AS (
    id bigint, statement_id bigint, parent_id bigint, position integer, source_id bigint,
    relation text, cue text, evidence_start integer, evidence_end integer,
    upstream_statement_id bigint, upstream_document_id bigint, link_method text,
    link_similarity double precision, inverted_statement_id bigint, review_status text)
"""
"""One hop as the walk reads it (on Citus the type is made on every node: the worker builds
the array)."""

FIND_DOCUMENT = {
    True: "SELECT sd.document_id INTO p_document_id FROM statement_document sd "
    "WHERE sd.statement_id = v_statement_id;",
    False: "SELECT s.document_id INTO p_document_id FROM statement s WHERE s.id = v_statement_id;",
}
"""Where a statement lives: ``statement_document`` on Citus, its key on one PostgreSQL."""

FOLLOW_BELOW = 32
"""Links of hops at this depth or deeper are left to the caller (as in 0012 and 0014)."""

VISIBLE = (
    "(st.review_status <> 'rejected' OR current_setting('tracker.include_rejected', true) = 'on')"
)
"""tracker.store.visibility.visible_sql('st') as this revision knows it."""

DECLARE = """
    s_id bigint[]; s_speaker bigint[]; s_status text[];
    hops tracker_walk_hop[];
    walked tracker_walk_row[];
    onward record;"""

HOP_ROW = """ROW(c.id, c.statement_id, c.parent_id, c.position, c.source_id, c.relation,
                c.cue, c.evidence_start, c.evidence_end, c.upstream_statement_id,
                c.upstream_document_id, c.link_method, c.link_similarity,
                c.inverted_statement_id, c.review_status)::tracker_walk_hop"""

READ = {
    False: f"""
    -- the statements entered and their hops (a hop's children are its statement's)
    SELECT array_agg(s.id), array_agg(s.speaker_id), array_agg(s.review_status)
      INTO s_id, s_speaker, s_status
      FROM statement s
     WHERE s.document_id = p_document_id AND s.id = ANY(p_statement_ids);
    SELECT array_agg({HOP_ROW})
      INTO hops
      FROM citation c
     WHERE c.document_id = p_document_id AND c.statement_id = ANY(p_statement_ids);""",
    True: """
    -- the statements entered and their hops (a hop's children are its statement's): one
    -- fast-path read of the document's shard of statements, and on the node that runs it
    -- tracker_local_hops reads the hops from the co-located shard of citations
    SELECT array_agg(s.id), array_agg(s.speaker_id), array_agg(s.review_status),
           tracker_local_hops(p_document_id, p_statement_ids)
      INTO s_id, s_speaker, s_status, hops
      FROM statement s
     WHERE s.document_id = p_document_id AND s.id = ANY(p_statement_ids);""",
}
"""The reads of a document: on one PostgreSQL two queries; on Citus one routed read."""

LOCAL_HOPS = f"""
CREATE FUNCTION tracker_local_hops(p_document_id bigint, p_statement_ids bigint[])
RETURNS tracker_walk_hop[]
LANGUAGE plpgsql STABLE AS $hops$
DECLARE
    shard text;
    hops tracker_walk_hop[];
BEGIN
    IF p_document_id IS NULL THEN
        RETURN NULL;  -- a statement not found: no document, no hops
    END IF;
    shard := shard_name(
        'citation'::regclass, get_shard_id_for_distribution_column('citation', p_document_id));
    IF to_regclass(shard) IS NULL THEN
        -- not on the node that holds the document (never, when called as the walk calls
        -- it): the hops through Citus
        SELECT array_agg({HOP_ROW}) INTO hops
          FROM citation c
         WHERE c.document_id = p_document_id AND c.statement_id = ANY(p_statement_ids);
        RETURN hops;
    END IF;
    EXECUTE format('SELECT array_agg({HOP_ROW.replace("'", "''")}) FROM %s c '
                   'WHERE c.document_id = $1 AND c.statement_id = ANY($2)', shard)
       INTO hops USING p_document_id, p_statement_ids;
    RETURN hops;
END
$hops$
"""
"""Citus only: the hops of ``p_statement_ids`` in ``p_document_id``, read from the node's
own shard of ``citation``. The walk calls it inside its fast-path read of the document's
statements, which Citus sends to the node holding the document's shard of ``statement``;
the co-located shard of ``citation`` is on that node too, so the hops come back with the
statements, one routed read where two were (a plain query on the shard, not a read that
Citus would plan again on the worker)."""

WALK = """
    WITH RECURSIVE
    st AS (
        SELECT * FROM unnest(s_id, s_speaker, s_status) AS x(id, speaker_id, review_status)
    ),
    hop AS (SELECT * FROM unnest(hops)),
    %(sources)s
    walk AS (
        SELECT e.root_id, e.statement_id AS entry_statement_id, st.id IS NOT NULL AS entry_found,
               coalesce(%(visible)s, false) AS entry_visible,
               st.speaker_id AS entry_speaker_id,
               c.id AS citation_id, c.statement_id, NULL::bigint AS parent_walk_id,
               c.source_id, c.relation, c.cue, c.evidence_start, c.evidence_end,
               c.upstream_statement_id, c.upstream_document_id, c.link_method,
               c.link_similarity, c.inverted_statement_id, c.review_status, e.depth,
               CAST(e.path AS bigint[]) || c.id AS path,
               c.id = ANY(CAST(e.path AS bigint[])) AS is_cycle,
               CAST(e.sort_path AS bigint[]) || ARRAY[c.position::bigint, c.id] AS sort_path
        FROM unnest(p_roots, p_statement_ids, p_depths, p_paths, p_sort_paths)
             AS e(root_id, statement_id, depth, path, sort_path)
        LEFT JOIN st ON st.id = e.statement_id
        LEFT JOIN hop c ON c.statement_id = st.id AND c.parent_id IS NULL
                       AND e.depth <= p_max_depth + 1 AND %(visible)s
      UNION ALL
        SELECT w.root_id, w.entry_statement_id, NULL, NULL, NULL, k.id, k.statement_id, w.citation_id,
               k.source_id, k.relation, k.cue, k.evidence_start, k.evidence_end,
               k.upstream_statement_id, k.upstream_document_id, k.link_method,
               k.link_similarity, k.inverted_statement_id, k.review_status, w.depth + 1,
               w.path || k.id, k.id = ANY(w.path),
               w.sort_path || ARRAY[k.position::bigint, k.id]
        FROM walk w JOIN hop k ON k.parent_id = w.citation_id
        WHERE w.upstream_statement_id IS NULL AND NOT w.is_cycle AND w.depth <= p_max_depth
    )
    SELECT %%(select)s
      FROM walk w %(names)s"""
"""The walk over the rows read: entries, their first hops, the hops below; ``select``
is what is taken of each row, ``sources`` and ``names`` name the sources or not."""

SOURCES = """src AS (
        SELECT * FROM unnest(r_id, r_name, r_kind, r_state_media)
            AS z(id, name, kind, state_media)
    ),"""
"""The sources read (``READ_SOURCES``), as rows."""

NAMES = """
      LEFT JOIN src so ON so.id = w.source_id
      LEFT JOIN src sp ON sp.id = w.entry_speaker_id"""

ROW = """ROW(
               w.root_id, w.entry_statement_id, %(document)s, w.entry_found, w.entry_visible,
               w.entry_speaker_id, %(speaker)s, w.citation_id, w.statement_id, w.parent_walk_id,
               w.source_id, %(source)s, w.relation, w.cue,
               w.evidence_start, w.evidence_end, w.upstream_statement_id,
               w.upstream_document_id, w.link_method, w.link_similarity,
               w.inverted_statement_id, w.review_status, w.depth, w.path, w.is_cycle,
               w.sort_path)::tracker_walk_row"""
"""A walk row: named (the sources joined) or not (NULL names, filled in at the end)."""

NAMED_COLUMNS = """w.root_id, w.entry_statement_id, w.document_id, w.entry_found,
               w.entry_visible, w.entry_speaker_id, sp.name, w.citation_id, w.statement_id,
               w.parent_walk_id, w.source_id, so.name, so.kind, so.state_media, w.relation,
               w.cue, w.evidence_start, w.evidence_end, w.upstream_statement_id,
               w.upstream_document_id, w.link_method, w.link_similarity,
               w.inverted_statement_id, w.review_status, w.depth, w.path, w.is_cycle,
               w.sort_path"""
"""The walk rows gathered from every document, named."""

NAMED = {"speaker": "sp.name", "source": "so.name, so.kind, so.state_media"}
UNNAMED = {"speaker": "NULL", "source": "NULL, NULL, NULL"}

READ_SOURCES = """
    SELECT array_agg(r.id), array_agg(r.name), array_agg(r.kind), array_agg(r.state_media)
      INTO r_id, r_name, r_kind, r_state_media
      FROM source r
     WHERE r.id = ANY(v_sources);"""
"""The one read of ``source`` a walk makes (``v_sources``: every hop's source and every
entry's speaker, gathered first by a query on the rows in hand, so that Citus is asked a
plain read of the reference table)."""

FOLLOW = """
        SELECT r.upstream_document_id AS document_id, array_agg(r.root_id) AS roots,
               array_agg(r.upstream_statement_id) AS statement_ids,
               array_agg(r.depth + 1) AS depths, array_agg(r.path::text) AS paths,
               array_agg(r.sort_path::text) AS sort_paths
          FROM unnest(walked) r
         WHERE r.citation_id IS NOT NULL AND r.upstream_statement_id IS NOT NULL
           AND r.upstream_document_id IS NOT NULL AND NOT r.is_cycle
           AND r.depth <= p_max_depth AND r.depth < %(follow_below)s
         GROUP BY r.upstream_document_id"""
"""The documents the walked hops link to, one row each with every entry into it: the depth
bound ends a walk, a hop met again on its path (a cycle) is not followed, and a link stored
without its document, or deeper than the calls may nest, is left to the caller."""

HOPS_FUNCTION = """
CREATE FUNCTION tracker_document_hops(%(arguments)s)
RETURNS SETOF tracker_walk_row
LANGUAGE plpgsql STABLE AS $walk$
#variable_conflict use_column
DECLARE%(declare)s
BEGIN%(read)s
    %(walk_unnamed)s;
    RETURN QUERY SELECT * FROM unnest(walked);
    FOR onward IN %(follow)s
    LOOP
        RETURN QUERY SELECT * FROM tracker_document_hops(
            onward.document_id, onward.roots, onward.statement_ids, onward.depths,
            onward.paths, onward.sort_paths, p_max_depth);
    END LOOP;
END
$walk$
"""
"""The walk in the documents a walk links into: as ``tracker_document_walk``, without the
sources' names, which the walk's first call reads once for all of them."""

WALK_FUNCTION = """
CREATE OR REPLACE FUNCTION tracker_document_walk(%(arguments)s)
RETURNS SETOF tracker_walk_row
LANGUAGE plpgsql STABLE AS $walk$
#variable_conflict use_column
DECLARE%(declare)s
    r_id bigint[]; r_name text[]; r_kind text[]; r_state_media boolean[];
    v_statement_id bigint;
    v_sources bigint[];
    further tracker_walk_row[] := '{}';
BEGIN
    IF p_document_id IS NULL THEN
        -- one entry without its document: the walk of a statement given by id alone,
        -- by a plain variable (a parameter, not an expression over one: Citus then keeps
        -- a generic plan of the read, pruned to the shard when it runs)
        v_statement_id := p_statement_ids[1];
        %(find_document)s
    END IF;%(read)s
    IF NOT EXISTS (SELECT 1 FROM unnest(hops) h WHERE h.upstream_document_id IS NOT NULL) THEN
        -- no hop read links into another document (most walks): the rows are the answer
        v_sources := ARRAY(SELECT h.source_id FROM unnest(hops) h) || s_speaker;%(read_sources)s
        RETURN QUERY %(walk_named)s;
        RETURN;
    END IF;
    %(walk_unnamed)s;
    -- on into the documents the hops link to (one call per document, not per hop)
    FOR onward IN %(follow)s
    LOOP
        further := further || ARRAY(
            SELECT h FROM tracker_document_hops(
                onward.document_id, onward.roots, onward.statement_ids, onward.depths,
                onward.paths, onward.sort_paths, p_max_depth) h);
    END LOOP;
    walked := walked || further;
    -- the sources of every document entered, read once
    v_sources := ARRAY(SELECT w.source_id FROM unnest(walked) w
                       UNION SELECT w.entry_speaker_id FROM unnest(walked) w);%(read_sources)s
    RETURN QUERY
        WITH %(sources)s
        walk AS (SELECT * FROM unnest(walked))
        SELECT %(named_columns)s
          FROM walk w %(names)s;
END
$walk$
"""
"""Every hop the walks of ``p_roots`` meet from the statements they enter in
``p_document_id`` (NULL: the one entry's own, looked up first), there and in the documents
its hops link to, with the names of the sources met."""


def _has_citus() -> bool:
    """A Citus coordinator: migration 0005 has distributed the tables there."""
    bind = op.get_bind()
    found = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'citus'")).first()
    return found is not None


def _revision_0014() -> ModuleType:
    """Migration 0014, whose function the downgrade gives back as it was."""
    path = Path(__file__).with_name("2026-12-08_walk_statement_hops_0014.py")
    spec = importlib.util.spec_from_file_location("tracker_revision_0014", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def functions(citus: bool) -> tuple[str, str]:
    """The two functions' definitions (``tracker_document_hops`` first: the walk calls it)."""
    named_walk = WALK % {"visible": VISIBLE, "sources": SOURCES, "names": NAMES}
    unnamed_walk = WALK % {"visible": VISIBLE, "sources": "", "names": ""}
    values = {
        "arguments": ARGUMENTS,
        "declare": DECLARE,
        "read": READ[citus],
        "read_sources": READ_SOURCES,
        "sources": SOURCES,
        "names": NAMES,
        "find_document": FIND_DOCUMENT[citus],
        "follow": FOLLOW % {"follow_below": FOLLOW_BELOW},
        "walk_named": named_walk % {"select": f"({ROW % dict(NAMED, document='p_document_id')}).*"},
        "walk_unnamed": unnamed_walk
        % {"select": f"array_agg({ROW % dict(UNNAMED, document='p_document_id')}) INTO walked"},
        "named_columns": NAMED_COLUMNS,
    }
    return HOPS_FUNCTION % values, WALK_FUNCTION % values


def upgrade() -> None:
    citus = _has_citus()
    op.execute(HOP_TYPE)
    if citus:
        op.execute(LOCAL_HOPS)
    for definition in functions(citus):
        op.execute(definition)


def downgrade() -> None:
    citus = _has_citus()
    base = _revision_0014()
    walk = base.WALK % {"visible": base.VISIBLE}
    values = {
        "find_document": base.FIND_DOCUMENT[citus],
        "walk_rows": walk % f"({base.ROW}).*",
        "walk_into_array": walk % f"array_agg({base.ROW}) INTO walked",
        "follow_below": base.FOLLOW_BELOW,
    }
    op.execute(base.FUNCTION % values)
    op.execute(f"DROP FUNCTION IF EXISTS {HOPS_SIGNATURE}")
    op.execute(f"DROP FUNCTION IF EXISTS {LOCAL_HOPS_SIGNATURE}")
    op.execute("DROP TYPE IF EXISTS tracker_walk_hop")
