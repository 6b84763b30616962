"""An index on citation.inverted_statement_id, for deleting a document.

Deleting a document clears the time inversions that hops of other documents recorded
against its statements (``inverted_statement_id``). Few hops carry one, so a partial
index finds them without reading every hop, as ``ix_citation_upstream_statement_id``
does for upstream links. On Citus the index is made on every shard.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_citation_inverted_statement_id",
        "citation",
        ["inverted_statement_id"],
        unique=False,
        postgresql_where=sa.text("inverted_statement_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_citation_inverted_statement_id", table_name="citation")
