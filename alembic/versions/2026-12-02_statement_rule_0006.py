"""The extractor rule (sieve) that made each statement, so accuracy can be broken down by rule.

Nullable: statements entered by hand, and those stored before this revision, have none.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 17:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("statement", sa.Column("rule", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("statement", "rule")
