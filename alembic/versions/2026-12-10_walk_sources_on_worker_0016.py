"""tracker_document_walk on Citus: each document's sources read on the worker, with its hops.

Migration 0015 made a document one routed read (the statements entered, and their hops
from the co-located shard of ``citation``), but still named the sources met with a read
of the reference table ``source`` on the coordinator afterwards: a second query that
Citus plans and runs locally on every walk. Here the routed read brings the sources too:
``tracker_local_read``, called in that read's select list, runs on the node that holds
the document's shards, reads the hops as ``tracker_local_hops`` does and the sources they
name (and the speakers of the statements entered) from that node's own replica of
``source``, with plain queries on the shard tables. Every document entered, the first
and any further one, then comes back named, and a walk makes no read of ``source`` at all.

On one PostgreSQL nothing changes (0015's two reads and one read of ``source`` stay: no
routing to save there). The walk's rows, signature and row type are unchanged.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-10 09:00:00
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCAL_READ_SIGNATURE = "tracker_local_read(bigint, bigint[], bigint[])"

TYPES = (
    "CREATE TYPE tracker_walk_source AS (id bigint, name text, kind text, state_media boolean)",
    "CREATE TYPE tracker_walk_local AS (hops tracker_walk_hop[], sources tracker_walk_source[])",
)
"""A source as a walk names it, and what a document's read brings from its node."""

SOURCE_ROW = "ROW(r.id, r.name, r.kind, r.state_media)::tracker_walk_source"

LOCAL_READ = f"""
CREATE FUNCTION tracker_local_read(
    p_document_id bigint, p_statement_ids bigint[], p_speakers bigint[])
RETURNS tracker_walk_local
LANGUAGE plpgsql STABLE AS $read$
DECLARE
    hops tracker_walk_hop[];
    wanted bigint[];
    shard text;
    sources tracker_walk_source[];
BEGIN
    IF p_document_id IS NULL THEN
        RETURN NULL;  -- a statement not found: no document, no hops, no sources
    END IF;
    hops := tracker_local_hops(p_document_id, p_statement_ids);
    wanted := ARRAY(SELECT h.source_id FROM unnest(hops) h) || p_speakers;
    SELECT shard_name('source'::regclass, d.shardid) INTO shard
      FROM pg_dist_shard d WHERE d.logicalrelid = 'source'::regclass;
    IF shard IS NULL OR to_regclass(shard) IS NULL THEN
        -- no replica of source on this node (never, when called as the walk calls it)
        SELECT array_agg({SOURCE_ROW}) INTO sources FROM source r WHERE r.id = ANY(wanted);
    ELSE
        EXECUTE format('SELECT array_agg({SOURCE_ROW}) FROM %s r WHERE r.id = ANY($1)', shard)
           INTO sources USING wanted;
    END IF;
    RETURN ROW(hops, sources)::tracker_walk_local;
END
$read$
"""
"""Citus only: the hops of ``p_statement_ids`` in ``p_document_id`` and the sources they
and ``p_speakers`` name, read on the node that runs it: inside the walk's fast-path read
of the document's statements, the node holding the document's shards, which holds a
replica of the reference table ``source`` too (a plain query on that replica, not a read
Citus would plan again)."""

READ = """
    -- the statements entered, their hops and the sources those name: one fast-path read of
    -- the document's shard of statements; on the node that runs it tracker_local_read
    -- reads the hops from the co-located shard of citations and the sources from the
    -- node's replica of the reference table
    SELECT array_agg(s.id) AS ids, array_agg(s.speaker_id) AS speakers,
           array_agg(s.review_status) AS statuses,
           tracker_local_read(p_document_id, p_statement_ids, array_agg(s.speaker_id)) AS here
      INTO v_read
      FROM statement s
     WHERE s.document_id = p_document_id AND s.id = ANY(p_statement_ids);
    s_id := v_read.ids;
    s_speaker := v_read.speakers;
    s_status := v_read.statuses;
    v_local := v_read.here;
    hops := v_local.hops;
    r_sources := v_local.sources;"""
"""A document's read (a record target: PL/pgSQL takes no composite in a list of targets)."""

DECLARE_LOCAL = """
    v_read record;
    v_local tracker_walk_local;
    r_sources tracker_walk_source[];"""

SOURCES = """src AS (
        SELECT * FROM unnest(r_sources) AS z(id, name, kind, state_media)
    ),"""
"""The sources the document's read brought, as rows."""

HOPS_FUNCTION = """
CREATE OR REPLACE FUNCTION tracker_document_hops(%(arguments)s)
RETURNS SETOF tracker_walk_row
LANGUAGE plpgsql STABLE AS $walk$
#variable_conflict use_column
DECLARE%(declare)s%(declare_local)s
BEGIN%(read)s
    %(walk_named_into_array)s;
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
"""The walk in the documents a walk links into, named by their own reads."""

WALK_FUNCTION = """
CREATE OR REPLACE FUNCTION tracker_document_walk(%(arguments)s)
RETURNS SETOF tracker_walk_row
LANGUAGE plpgsql STABLE AS $walk$
#variable_conflict use_column
DECLARE%(declare)s%(declare_local)s
    v_statement_id bigint;
    further tracker_walk_row[] := '{}';
BEGIN
    IF p_document_id IS NULL THEN
        -- one entry without its document: the walk of a statement given by id alone,
        -- by a plain variable (Citus then keeps a generic plan of the read)
        v_statement_id := p_statement_ids[1];
        %(find_document)s
    END IF;%(read)s
    IF NOT EXISTS (SELECT 1 FROM unnest(hops) h WHERE h.upstream_document_id IS NOT NULL) THEN
        -- no hop read links into another document (most walks): the rows are the answer
        RETURN QUERY %(walk_named)s;
        RETURN;
    END IF;
    %(walk_named_into_array)s;
    -- on into the documents the hops link to (one call per document, not per hop), each
    -- named by its own read
    FOR onward IN %(follow)s
    LOOP
        further := further || ARRAY(
            SELECT h FROM tracker_document_hops(
                onward.document_id, onward.roots, onward.statement_ids, onward.depths,
                onward.paths, onward.sort_paths, p_max_depth) h);
    END LOOP;
    RETURN QUERY SELECT * FROM unnest(walked || further);
END
$walk$
"""
"""As 0015's, with every document named by its own read: no read of ``source`` after."""


def _has_citus() -> bool:
    """A Citus coordinator: migration 0005 has distributed the tables there."""
    bind = op.get_bind()
    found = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'citus'")).first()
    return found is not None


def _revision_0015() -> ModuleType:
    """Migration 0015, whose templates this one reuses and whose functions the downgrade
    gives back."""
    path = Path(__file__).with_name("2026-12-09_walk_fewer_plans_0015.py")
    spec = importlib.util.spec_from_file_location("tracker_revision_0015", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def functions() -> tuple[str, str]:
    """The two functions' definitions on Citus (``tracker_document_hops`` first)."""
    base = _revision_0015()
    named = base.WALK % {"visible": base.VISIBLE, "sources": SOURCES, "names": base.NAMES}
    row = base.ROW % dict(base.NAMED, document="p_document_id")
    values = {
        "arguments": base.ARGUMENTS,
        "declare": base.DECLARE,
        "declare_local": DECLARE_LOCAL,
        "read": READ,
        "find_document": base.FIND_DOCUMENT[True],
        "follow": base.FOLLOW % {"follow_below": base.FOLLOW_BELOW},
        "walk_named": named % {"select": f"({row}).*"},
        "walk_named_into_array": named % {"select": f"array_agg({row}) INTO walked"},
    }
    return HOPS_FUNCTION % values, WALK_FUNCTION % values


def upgrade() -> None:
    if not _has_citus():
        return  # one PostgreSQL: 0015's walk stays as it is
    for definition in TYPES:
        op.execute(definition)
    op.execute(LOCAL_READ)
    for definition in functions():
        op.execute(definition)


def downgrade() -> None:
    if not _has_citus():
        return
    for definition in _revision_0015().functions(True):
        op.execute(definition.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
    op.execute(f"DROP FUNCTION IF EXISTS {LOCAL_READ_SIGNATURE}")
    op.execute("DROP TYPE IF EXISTS tracker_walk_local")
    op.execute("DROP TYPE IF EXISTS tracker_walk_source")
