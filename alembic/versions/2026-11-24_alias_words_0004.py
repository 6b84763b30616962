"""Source search by any word of an alias through a GIN index, not a LIKE scan.

`GET /api/v1/sources?q=` matched inner words with `normalized LIKE '% word%'`, which no
btree can serve: a scan of every alias. A stored `to_tsvector('simple', normalized)` and
a GIN index answer "a word starting with …" (a prefix tsquery) from the index.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 01:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ALIAS_WORDS_SQL = "to_tsvector('simple', normalized)"


def upgrade() -> None:
    op.add_column(
        "source_alias",
        sa.Column(
            "words",
            postgresql.TSVECTOR(),
            sa.Computed(ALIAS_WORDS_SQL, persisted=True),
            nullable=True,
        ),
    )
    op.create_index(
        "ix_source_alias_words",
        "source_alias",
        ["words"],
        postgresql_using="gin",
        postgresql_with={"fastupdate": "off"},
    )


def downgrade() -> None:
    op.drop_index("ix_source_alias_words", table_name="source_alias", postgresql_using="gin")
    op.drop_column("source_alias", "words")
