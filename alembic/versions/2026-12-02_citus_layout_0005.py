"""Citus layout: document-scoped tables sharded by document, sources as reference tables.

Applies only when the database has the citus extension (a Citus coordinator); on plain
PostgreSQL it does nothing, so the schema stays exactly what the models say.

What Citus refuses in today's schema, and what this migration does instead (the list
and the reasons are in docs/SCALING.md, "Layout"):

- a UNIQUE or PRIMARY KEY without the distribution column: statement and citation get
  PRIMARY KEY (id, document_id); document's UNIQUE (content_hash) and unique index on
  url move into two lookup tables, ``document_content_hash`` and ``document_url``,
  each distributed by its own key, so each key is unique across all shards;
- a foreign key from a reference table to a distributed one: source.scope_document_id
  loses its foreign key (an anonymous source's document is kept by the write path);
- a foreign key between distributed tables without the distribution column on both
  sides: citation's keys to statement and to its parent hop become (statement_id,
  document_id) and (parent_id, document_id);
- a distributed table cannot be created while a local table references it: the
  foreign keys are dropped first and added back once every table is distributed.

The shard count is Citus's `citus.shard_count` (32 unless the database sets another).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 16:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFERENCE_TABLES = ("source", "source_alias")
DISTRIBUTED_BY_DOCUMENT = (
    ("document", "id"),
    ("statement", "document_id"),
    ("citation", "document_id"),
)
LOOKUP_TABLES = (("document_content_hash", "content_hash"), ("document_url", "url"))

# (table, constraint, definition today, definition on Citus)
FOREIGN_KEYS = (
    (
        "statement",
        "fk_statement_document_id_document_length_document",
        "FOREIGN KEY (document_id, document_length) REFERENCES document (id, text_length) ON DELETE CASCADE",
        "FOREIGN KEY (document_id, document_length) REFERENCES document (id, text_length) ON DELETE CASCADE",
    ),
    (
        "citation",
        "fk_citation_document_id_document",
        "FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE",
        "FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE",
    ),
    (
        "citation",
        "fk_citation_statement_id_statement",
        "FOREIGN KEY (statement_id) REFERENCES statement (id) ON DELETE CASCADE",
        "FOREIGN KEY (statement_id, document_id) REFERENCES statement (id, document_id) ON DELETE CASCADE",
    ),
    (
        "citation",
        "fk_citation_parent_id_citation",
        "FOREIGN KEY (parent_id) REFERENCES citation (id) ON DELETE CASCADE",
        "FOREIGN KEY (parent_id, document_id) REFERENCES citation (id, document_id) ON DELETE CASCADE",
    ),
)
SCOPE_FOREIGN_KEY = (
    "source",
    "fk_source_scope_document_id_document",
    "FOREIGN KEY (scope_document_id) REFERENCES document (id) ON DELETE CASCADE",
)


def _has_citus() -> bool:
    bind = op.get_bind()
    found = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'citus'")).first()
    return found is not None


def _one_connection_per_node() -> None:
    """DDL on distributed and reference tables joined by foreign keys, in one
    transaction, must not follow a parallel multi-shard step (Citus refuses it)."""
    op.execute("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'")


def upgrade() -> None:
    if not _has_citus():
        return
    _one_connection_per_node()
    for table, name, _today, _citus in FOREIGN_KEYS:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    table, name, _today = SCOPE_FOREIGN_KEY
    op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    _move_document_identity()
    for table in ("statement", "citation"):
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT pk_{table}")
        op.execute(f"ALTER TABLE {table} ADD CONSTRAINT pk_{table} PRIMARY KEY (id, document_id)")
    for table in REFERENCE_TABLES:
        op.execute(f"SELECT create_reference_table('{table}')")
    for table, column in DISTRIBUTED_BY_DOCUMENT:
        colocate = "none" if table == "document" else "document"
        op.execute(
            f"SELECT create_distributed_table('{table}', '{column}', colocate_with => '{colocate}')"
        )
    for table, column in LOOKUP_TABLES:
        op.execute(f"SELECT create_distributed_table('{table}', '{column}')")
    for table in (
        *REFERENCE_TABLES,
        *(t for t, _ in DISTRIBUTED_BY_DOCUMENT),
        *(t for t, _ in LOOKUP_TABLES),
    ):
        # the rows were copied into the shards; the coordinator's own copy is dead weight
        op.execute(f"SELECT truncate_local_data_after_distributing_table('{table}')")
    for table, name, _today, on_citus in FOREIGN_KEYS:
        op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {on_citus}")


def _move_document_identity() -> None:
    """Content hash and URL stay unique across shards through tables keyed (and
    distributed) by them: one row per hash, one per URL, naming its document."""
    op.execute(
        "CREATE TABLE document_content_hash ("
        " content_hash text NOT NULL CONSTRAINT pk_document_content_hash PRIMARY KEY,"
        " document_id bigint NOT NULL)"
    )
    op.execute(
        "CREATE TABLE document_url ("
        " url text NOT NULL CONSTRAINT pk_document_url PRIMARY KEY,"
        " document_id bigint NOT NULL)"
    )
    op.execute("INSERT INTO document_content_hash SELECT content_hash, id FROM document")
    op.execute("INSERT INTO document_url SELECT url, id FROM document WHERE url IS NOT NULL")
    op.execute("ALTER TABLE document DROP CONSTRAINT uq_document_content_hash")
    op.execute("DROP INDEX uq_document_url")
    # lookups by hash or URL on the document itself stay indexed (non-unique)
    op.execute("CREATE INDEX ix_document_content_hash ON document (content_hash)")
    op.execute("CREATE INDEX ix_document_url ON document (url) WHERE url IS NOT NULL")


def downgrade() -> None:
    if not _has_citus():
        return
    _one_connection_per_node()
    for table, name, _today, _citus in FOREIGN_KEYS:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    bind = op.get_bind()
    for table in (
        *(t for t, _ in LOOKUP_TABLES),
        "citation",
        "statement",
        "document",
        *REFERENCE_TABLES,
    ):
        # one call takes every table joined to this one by a foreign key back to local
        still = bind.execute(
            sa.text("SELECT 1 FROM pg_dist_partition WHERE logicalrelid = CAST(:t AS regclass)"),
            {"t": table},
        ).first()
        if still:
            op.execute(f"SELECT undistribute_table('{table}', cascade_via_foreign_keys => true)")
    for table in ("statement", "citation"):
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT pk_{table}")
        op.execute(f"ALTER TABLE {table} ADD CONSTRAINT pk_{table} PRIMARY KEY (id)")
    op.execute("DROP INDEX ix_document_content_hash")
    op.execute("DROP INDEX ix_document_url")
    op.execute("ALTER TABLE document ADD CONSTRAINT uq_document_content_hash UNIQUE (content_hash)")
    op.execute("CREATE UNIQUE INDEX uq_document_url ON document (url) WHERE url IS NOT NULL")
    op.execute("DROP TABLE document_url")
    op.execute("DROP TABLE document_content_hash")
    for table, name, today, _citus in FOREIGN_KEYS:
        op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {today}")
    table, name, today = SCOPE_FOREIGN_KEY
    op.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {today}")
