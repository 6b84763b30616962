"""Desk sessions: a browser signed in with an API key, the key never in the cookie.

- ``desk_session``: the SHA-256 of a random session token (the cookie holds the token),
  the key it was started with, and when it expires. A request's session is found by the
  hash and joined to ``api_key``, so a revoked key ends its sessions at once; signing
  out deletes the row.

On Citus it stays a plain table on the coordinator beside ``api_key`` (docs/SCALING.md).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "desk_session",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("token_hash", sa.Text(), nullable=False),
        sa.Column("key_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "token_hash ~ '^[0-9a-f]{64}$'", name=op.f("ck_desk_session_token_hash")
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["api_key.id"],
            name=op.f("fk_desk_session_key_id_api_key"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_desk_session_token_hash")),
    )
    op.create_index("ix_desk_session_expires_at", "desk_session", ["expires_at"])
    op.create_index("ix_desk_session_key_id", "desk_session", ["key_id"])


def downgrade() -> None:
    op.drop_index("ix_desk_session_key_id", table_name="desk_session")
    op.drop_index("ix_desk_session_expires_at", table_name="desk_session")
    op.drop_table("desk_session")
