"""Where each statement lives, on Citus: statement_document, distributed by statement id.

Statement ids are global (one sequence), but statements are sharded by document: a read
given a statement id alone (``GET /statements/{id}/chain``, ``tracker chain ID``) had to
ask every shard where it is. This table answers from the one shard that holds the id,
as document_content_hash and document_url do for a document's text and URL (0005). The
writer fills it beside every statement it stores; re-extraction removes the rows of the
statements it deletes. Nothing on plain PostgreSQL, where the statement's primary key
answers the same question.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _has_citus() -> bool:
    """A Citus coordinator: migration 0005 has distributed the tables there."""
    bind = op.get_bind()
    found = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'citus'")).first()
    return found is not None


def upgrade() -> None:
    if not _has_citus():
        return
    op.execute(
        "CREATE TABLE statement_document ("
        " statement_id bigint NOT NULL CONSTRAINT pk_statement_document PRIMARY KEY,"
        " document_id bigint NOT NULL)"
    )
    op.execute(
        "SELECT create_distributed_table('statement_document', 'statement_id', "
        "colocate_with => 'none')"
    )
    op.execute("INSERT INTO statement_document SELECT id, document_id FROM statement")


def downgrade() -> None:
    if not _has_citus():
        return
    op.execute("DROP TABLE statement_document")
