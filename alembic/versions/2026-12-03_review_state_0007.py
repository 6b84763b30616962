"""Review state: `corrected` becomes `edited`, who reviewed what and when, versions, merges.

- statement and citation: the review status ``corrected`` is renamed ``edited`` (the
  word of the review actions), in the CHECK and in any row that used it; both get
  ``reviewed_by`` and ``reviewed_at``.
- document: ``reviewed_by`` and ``reviewed_at`` (a document marked reviewed).
- document, statement, citation and source: ``version``, bumped by every review write,
  served as the ETag and checked against If-Match.
- source: ``merged_into``, the tombstone a merge leaves so the merged name keeps
  resolving to the source it was merged into.

On Citus (0005) the new columns live in the tables' shards like the others; nothing here
changes the layout.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_STATUSES = "'unreviewed', 'confirmed', 'edited', 'rejected'"
OLD_STATUSES = "'unreviewed', 'confirmed', 'corrected', 'rejected'"
REVIEWED_TABLES = ("statement", "citation")
VERSIONED_TABLES = ("document", "statement", "citation", "source")


def _statuses(table: str, allowed: str, rename: tuple[str, str]) -> None:
    op.drop_constraint(op.f(f"ck_{table}_review_status"), table, type_="check")
    op.execute(
        sa.text(f"UPDATE {table} SET review_status = :new WHERE review_status = :old").bindparams(
            old=rename[0], new=rename[1]
        )
    )
    op.create_check_constraint(
        op.f(f"ck_{table}_review_status"), table, f"review_status IN ({allowed})"
    )


def upgrade() -> None:
    for table in REVIEWED_TABLES:
        _statuses(table, NEW_STATUSES, ("corrected", "edited"))
    for table in (*REVIEWED_TABLES, "document"):
        op.add_column(table, sa.Column("reviewed_by", sa.Text(), nullable=True))
        op.add_column(table, sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
    for table in VERSIONED_TABLES:
        # a constant default: PostgreSQL adds the column without rewriting the table
        op.add_column(
            table,
            sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        )
        op.create_check_constraint(op.f(f"ck_{table}_version"), table, "version >= 1")
    op.add_column("source", sa.Column("merged_into", sa.BigInteger(), nullable=True))
    op.create_foreign_key(
        op.f("fk_source_merged_into_source"),
        "source",
        "source",
        ["merged_into"],
        ["id"],
        ondelete="SET NULL",
    )
    op.create_check_constraint(
        op.f("ck_source_not_merged_into_itself"),
        "source",
        "merged_into IS NULL OR merged_into <> id",
    )
    op.create_index(
        "ix_source_merged_into",
        "source",
        ["merged_into"],
        postgresql_where=sa.text("merged_into IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_source_merged_into", table_name="source")
    op.drop_constraint(op.f("ck_source_not_merged_into_itself"), "source", type_="check")
    op.drop_constraint(op.f("fk_source_merged_into_source"), "source", type_="foreignkey")
    op.drop_column("source", "merged_into")
    for table in VERSIONED_TABLES:
        op.drop_constraint(op.f(f"ck_{table}_version"), table, type_="check")
        op.drop_column(table, "version")
    for table in (*REVIEWED_TABLES, "document"):
        op.drop_column(table, "reviewed_at")
        op.drop_column(table, "reviewed_by")
    for table in REVIEWED_TABLES:
        _statuses(table, OLD_STATUSES, ("edited", "corrected"))
