"""tracker_document_walk delegated to the worker that holds the document (Citus only).

Migration 0012 made the Citus walk one call of ``tracker_document_walk`` on the
coordinator; inside it, every read of a document (its statements, its hops) was a routed
query: planned by Citus on the coordinator, deparsed, sent to the worker, parsed and
planned again there, about 0.2 to 0.4 ms each on the local cluster, three of them for a
walk inside one document. Here the function is distributed by its document argument and
co-located with ``document`` (``create_distributed_function``), so a call made outside
a transaction block with the document given is sent whole to the worker holding that
document's shards (one hop from the coordinator), and there the function reads the
shards of ``statement`` and ``citation`` and the node's copy of ``source`` directly:
plain single-table queries, no distributed planning at all.

Whether the shards are on this node is asked of Citus's metadata (``pg_dist_placement``
against the node's group), not of the tables present, so a shard moved away and waiting
to be dropped is never read. Anywhere else (a call on the coordinator: inside a
transaction block, where Citus does not delegate, or without the document; a call
following a link into a document on another node) the function reads through the
distributed tables as 0012 did. Its rows are the same either way.

On plain PostgreSQL nothing changes: the one-query walk serves there.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08 03:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SIGNATURE = "tracker_document_walk(bigint, bigint[], bigint[], integer[], text[], text[], integer)"

FIND_DOCUMENT = (
    "SELECT sd.document_id INTO p_document_id FROM statement_document sd "
    "WHERE sd.statement_id = p_statement_ids[1];"
)
"""Where a statement lives (as in 0012, on Citus)."""

FOLLOW_BELOW = 32
"""As in 0012: links of hops at this depth or deeper are left to the caller."""

VISIBLE = (
    "(st.review_status <> 'rejected' OR current_setting('tracker.include_rejected', true) = 'on')"
)
"""tracker.store.visibility.visible_sql('st') as this revision knows it."""

DISTRIBUTED_READS = """    IF p_document_id IS NOT NULL THEN
        -- the document's shards and the sources' on this node (a call delegated to the
        -- worker holding the document): read them directly, no distributed planning
        s_shard := get_shard_id_for_distribution_column('statement', p_document_id);
        c_shard := get_shard_id_for_distribution_column('citation', p_document_id);
        r_shard := get_shard_id_for_distribution_column('source');
        SELECT count(*) = 3 INTO here FROM pg_dist_placement p
         WHERE p.shardid IN (s_shard, c_shard, r_shard)
           AND p.groupid = (SELECT g.groupid FROM pg_dist_local_group g);
    END IF;
    IF here THEN
        EXECUTE format($read$
            SELECT array_agg(s.id), array_agg(s.speaker_id), array_agg(s.review_status)
              FROM %s s WHERE s.document_id = $1 AND s.id = ANY($2)$read$,
            shard_name('statement', s_shard))
          INTO s_id, s_speaker, s_status USING p_document_id, p_statement_ids;
        EXECUTE format($read$
            SELECT array_agg(c.id), array_agg(c.statement_id), array_agg(c.parent_id),
                   array_agg(c.position), array_agg(c.source_id), array_agg(c.relation),
                   array_agg(c.cue), array_agg(c.evidence_start), array_agg(c.evidence_end),
                   array_agg(c.upstream_statement_id), array_agg(c.upstream_document_id),
                   array_agg(c.link_method), array_agg(c.link_similarity),
                   array_agg(c.inverted_statement_id), array_agg(c.review_status)
              FROM %s c WHERE c.document_id = $1$read$,
            shard_name('citation', c_shard))
          INTO c_id, c_statement, c_parent, c_position, c_source, c_relation, c_cue, c_start,
               c_end, c_up_statement, c_up_document, c_method, c_similarity, c_inverted,
               c_status
         USING p_document_id;
        EXECUTE format($read$
            SELECT array_agg(r.id), array_agg(r.name), array_agg(r.kind),
                   array_agg(r.state_media)
              FROM %s r WHERE r.id = ANY($1)$read$,
            shard_name('source', r_shard))
          INTO r_id, r_name, r_kind, r_state_media USING c_source || s_speaker;
    ELSE
        -- the document's rows: two single-table reads filtered on the document (on Citus a
        -- fast-path routed query each), then everything below runs on these arrays alone
        SELECT array_agg(s.id), array_agg(s.speaker_id), array_agg(s.review_status)
          INTO s_id, s_speaker, s_status
          FROM statement s
         WHERE s.document_id = p_document_id AND s.id = ANY(p_statement_ids);
        SELECT array_agg(c.id), array_agg(c.statement_id), array_agg(c.parent_id),
               array_agg(c.position), array_agg(c.source_id), array_agg(c.relation),
               array_agg(c.cue), array_agg(c.evidence_start), array_agg(c.evidence_end),
               array_agg(c.upstream_statement_id), array_agg(c.upstream_document_id),
               array_agg(c.link_method), array_agg(c.link_similarity),
               array_agg(c.inverted_statement_id), array_agg(c.review_status)
          INTO c_id, c_statement, c_parent, c_position, c_source, c_relation, c_cue, c_start,
               c_end, c_up_statement, c_up_document, c_method, c_similarity, c_inverted, c_status
          FROM citation c
         WHERE c.document_id = p_document_id;
        SELECT array_agg(r.id), array_agg(r.name), array_agg(r.kind), array_agg(r.state_media)
          INTO r_id, r_name, r_kind, r_state_media
          FROM source r
         WHERE r.id = ANY(c_source || s_speaker);
    END IF;
"""
"""The document's rows: read straight from the shards when this node holds them (see
the module docstring), else through the distributed tables."""

READS_0012 = """    -- the document's rows: two single-table reads filtered on the document (on Citus a
    -- fast-path routed query each), then everything below runs on these arrays alone
    SELECT array_agg(s.id), array_agg(s.speaker_id), array_agg(s.review_status)
      INTO s_id, s_speaker, s_status
      FROM statement s
     WHERE s.document_id = p_document_id AND s.id = ANY(p_statement_ids);
    SELECT array_agg(c.id), array_agg(c.statement_id), array_agg(c.parent_id),
           array_agg(c.position), array_agg(c.source_id), array_agg(c.relation),
           array_agg(c.cue), array_agg(c.evidence_start), array_agg(c.evidence_end),
           array_agg(c.upstream_statement_id), array_agg(c.upstream_document_id),
           array_agg(c.link_method), array_agg(c.link_similarity),
           array_agg(c.inverted_statement_id), array_agg(c.review_status)
      INTO c_id, c_statement, c_parent, c_position, c_source, c_relation, c_cue, c_start,
           c_end, c_up_statement, c_up_document, c_method, c_similarity, c_inverted, c_status
      FROM citation c
     WHERE c.document_id = p_document_id;
    SELECT array_agg(r.id), array_agg(r.name), array_agg(r.kind), array_agg(r.state_media)
      INTO r_id, r_name, r_kind, r_state_media
      FROM source r
     WHERE r.id = ANY(c_source || s_speaker);
"""
"""The reads of 0012: through the distributed tables (routed by Citus)."""

FUNCTION = """CREATE OR REPLACE FUNCTION tracker_document_walk(
    p_document_id bigint, p_roots bigint[], p_statement_ids bigint[], p_depths integer[],
    p_paths text[], p_sort_paths text[], p_max_depth integer)
RETURNS SETOF tracker_walk_row
LANGUAGE plpgsql STABLE AS $walk$
#variable_conflict use_column
DECLARE
    s_id bigint[]; s_speaker bigint[]; s_status text[];
    c_id bigint[]; c_statement bigint[]; c_parent bigint[]; c_position integer[];
    c_source bigint[]; c_relation text[]; c_cue text[]; c_start integer[]; c_end integer[];
    c_up_statement bigint[]; c_up_document bigint[]; c_method text[];
    c_similarity double precision[]; c_inverted bigint[]; c_status text[];
    r_id bigint[]; r_name text[]; r_kind text[]; r_state_media boolean[];
    walked tracker_walk_row[];
    onward record;
    here boolean := false; s_shard bigint; c_shard bigint; r_shard bigint;
BEGIN
    IF p_document_id IS NULL THEN
        -- one entry without its document: the walk of a statement given by id alone
        %(find_document)s
    END IF;
%(reads)s    WITH RECURSIVE
    st AS (
        SELECT * FROM unnest(s_id, s_speaker, s_status) AS x(id, speaker_id, review_status)
    ),
    hop AS (
        SELECT * FROM unnest(c_id, c_statement, c_parent, c_position, c_source, c_relation,
                             c_cue, c_start, c_end, c_up_statement, c_up_document, c_method,
                             c_similarity, c_inverted, c_status)
            AS y(id, statement_id, parent_id, position, source_id, relation, cue,
                 evidence_start, evidence_end, upstream_statement_id, upstream_document_id,
                 link_method, link_similarity, inverted_statement_id, review_status)
    ),
    src AS (
        SELECT * FROM unnest(r_id, r_name, r_kind, r_state_media)
            AS z(id, name, kind, state_media)
    ),
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
    SELECT array_agg(ROW(
               w.root_id, w.entry_statement_id, p_document_id, w.entry_found, w.entry_visible,
               w.entry_speaker_id, sp.name, w.citation_id, w.statement_id, w.parent_walk_id,
               w.source_id, so.name, so.kind, so.state_media, w.relation, w.cue,
               w.evidence_start, w.evidence_end, w.upstream_statement_id,
               w.upstream_document_id, w.link_method, w.link_similarity,
               w.inverted_statement_id, w.review_status, w.depth, w.path, w.is_cycle,
               w.sort_path)::tracker_walk_row)
      INTO walked
      FROM walk w
      LEFT JOIN src so ON so.id = w.source_id
      LEFT JOIN src sp ON sp.id = w.entry_speaker_id;
    RETURN QUERY SELECT * FROM unnest(walked);
    -- on into the documents the hops link to (one call per document, not per hop): the
    -- depth bound ends it, a hop met again on its path (a cycle) is not followed, and a
    -- link stored without its document, or deeper than the calls may nest, is left to
    -- the caller (and, read here from this node's shards, so is a document whose shards
    -- are on another node: the caller's next call is sent there)
    FOR onward IN
        SELECT r.upstream_document_id AS document_id, array_agg(r.root_id) AS roots,
               array_agg(r.upstream_statement_id) AS statement_ids,
               array_agg(r.depth + 1) AS depths, array_agg(r.path::text) AS paths,
               array_agg(r.sort_path::text) AS sort_paths
          FROM unnest(walked) r
         WHERE r.citation_id IS NOT NULL AND r.upstream_statement_id IS NOT NULL
           AND r.upstream_document_id IS NOT NULL AND NOT r.is_cycle
           AND r.depth <= p_max_depth AND r.depth < %(follow_below)s%(onward_here)s
         GROUP BY r.upstream_document_id
    LOOP
        RETURN QUERY SELECT * FROM tracker_document_walk(
            onward.document_id, onward.roots, onward.statement_ids, onward.depths,
            onward.paths, onward.sort_paths, p_max_depth);
    END LOOP;
END
$walk$
"""

ONWARD_HERE = """
           AND (NOT here OR EXISTS (
               SELECT 1 FROM pg_dist_placement p
                WHERE p.shardid = get_shard_id_for_distribution_column(
                          'statement', r.upstream_document_id)
                  AND p.groupid = (SELECT g.groupid FROM pg_dist_local_group g)))"""
"""A call reading this node's shards follows links only into documents whose shards are
on this node too; the others go back to the caller, whose next call Citus sends to the
node holding them (a routed read from one worker to another cost several times a call)."""

DISTRIBUTE = (
    f"SELECT create_distributed_function('{SIGNATURE}', 'p_document_id', "
    "colocate_with := 'document')"
)


def _has_citus() -> bool:
    """A Citus coordinator: migration 0005 has distributed the tables there."""
    bind = op.get_bind()
    found = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'citus'")).first()
    return found is not None


def _function(reads: str, onward_here: str) -> str:
    values = {
        "find_document": FIND_DOCUMENT,
        "visible": VISIBLE,
        "follow_below": FOLLOW_BELOW,
        "reads": reads,
        "onward_here": onward_here,
    }
    return FUNCTION % values


def upgrade() -> None:
    if not _has_citus():
        return
    op.execute(_function(DISTRIBUTED_READS, ONWARD_HERE))
    op.execute(DISTRIBUTE)


def downgrade() -> None:
    if not _has_citus():
        return
    # dropping a distributed function is the one way to undistribute it
    op.execute(f"DROP FUNCTION {SIGNATURE}")
    op.execute(_function(READS_0012, "").replace("CREATE OR REPLACE FUNCTION", "CREATE FUNCTION"))
