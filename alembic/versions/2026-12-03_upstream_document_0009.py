"""The upstream statement's document on every linked hop: citation.upstream_document_id.

A hop linked upstream names a statement in another document. On Citus that statement
lives on its document's shard, and without the document a walk (or a report) must ask
every shard where the statement is; with it, each cross-document hop is one routed query.
Set together with ``upstream_statement_id`` by every writer (the linker, manual links).

Existing links are filled from the statements they name; a link to a statement that no
longer exists stays without a document (the walk reports it ``broken`` as before). On
Citus the fill cannot join ``citation`` to ``statement`` on anything but the document
(``complex joins``), so it reads the links' statements first and writes the documents
with an UPDATE joined to an unnest of the pairs, a form Citus pushes down to every shard.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FILL_BATCH = 10_000
"""Linked statements per UPDATE on Citus."""


def _has_citus() -> bool:
    """A Citus coordinator: migration 0005 has distributed the tables there."""
    bind = op.get_bind()
    found = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'citus'")).first()
    return found is not None


def upgrade() -> None:
    op.add_column("citation", sa.Column("upstream_document_id", sa.BigInteger(), nullable=True))
    if _has_citus():
        _fill_distributed()
        return
    op.execute(
        "UPDATE citation c SET upstream_document_id = s.document_id FROM statement s "
        "WHERE s.id = c.upstream_statement_id AND c.upstream_statement_id IS NOT NULL"
    )


def _fill_distributed() -> None:
    bind = op.get_bind()
    # one connection per worker for the rest of the transaction: the DDL above and the
    # updates below touch the same shards
    bind.execute(sa.text("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'"))
    linked = [
        r[0]
        for r in bind.execute(
            sa.text(
                "SELECT DISTINCT upstream_statement_id FROM citation "
                "WHERE upstream_statement_id IS NOT NULL"
            )
        )
    ]
    for start in range(0, len(linked), FILL_BATCH):
        rows = bind.execute(
            sa.text("SELECT id, document_id FROM statement WHERE id = ANY(CAST(:ids AS bigint[]))"),
            {"ids": linked[start : start + FILL_BATCH]},
        ).all()
        if not rows:
            continue
        bind.execute(
            sa.text(
                "UPDATE citation c SET upstream_document_id = m.document_id "
                "FROM unnest(CAST(:statements AS bigint[]), CAST(:documents AS bigint[])) "
                "AS m(statement_id, document_id) "
                "WHERE c.upstream_statement_id = m.statement_id"
            ),
            {"statements": [r.id for r in rows], "documents": [r.document_id for r in rows]},
        )


def downgrade() -> None:
    op.drop_column("citation", "upstream_document_id")
