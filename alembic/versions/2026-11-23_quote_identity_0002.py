"""Quote identity: fingerprints, full-text search vectors, time-inversion candidates.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 23:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from tracker.provenance.identity import fingerprint

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_VECTOR_SQL = "to_tsvector('simple', text) || to_tsvector(search_config, text)"


def upgrade() -> None:
    op.add_column(
        "statement", sa.Column("fingerprint", sa.Text(), server_default="", nullable=False)
    )
    op.alter_column("statement", "fingerprint", server_default=None)
    op.add_column(
        "statement",
        sa.Column(
            "search_config",
            postgresql.REGCONFIG(),
            server_default=sa.text("'simple'::regconfig"),
            nullable=False,
        ),
    )
    bind = op.get_bind()
    bind.execute(
        sa.text(
            "UPDATE statement s SET search_config = CASE d.language "
            "WHEN 'id' THEN 'indonesian'::regconfig WHEN 'en' THEN 'english'::regconfig "
            "ELSE 'simple'::regconfig END FROM document d WHERE d.id = s.document_id"
        )
    )
    rows = bind.execute(sa.text("SELECT id, text FROM statement")).all()
    if rows:
        bind.execute(
            sa.text("UPDATE statement SET fingerprint = :fp WHERE id = :id"),
            [{"id": r.id, "fp": fingerprint(r.text)} for r in rows],
        )
    op.add_column(
        "statement",
        sa.Column(
            "search_vector",
            postgresql.TSVECTOR(),
            sa.Computed(SEARCH_VECTOR_SQL, persisted=True),
            nullable=True,
        ),
    )
    # fastupdate off: a pending list makes every lookup scan it until the next vacuum,
    # and lookup latency matters more here than a little insert speed
    op.create_index(
        "ix_statement_search_vector",
        "statement",
        ["search_vector"],
        postgresql_using="gin",
        postgresql_with={"fastupdate": "off"},
    )
    op.create_index(
        "ix_statement_fingerprint", "statement", ["fingerprint"], postgresql_using="hash"
    )
    op.add_column("citation", sa.Column("inverted_statement_id", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    op.drop_column("citation", "inverted_statement_id")
    op.drop_index("ix_statement_fingerprint", table_name="statement", postgresql_using="hash")
    op.drop_index("ix_statement_search_vector", table_name="statement", postgresql_using="gin")
    op.drop_column("statement", "search_vector")
    op.drop_column("statement", "search_config")
    op.drop_column("statement", "fingerprint")
