"""Full-text index: a small GIN pending list instead of none.

With `fastupdate = off` every inserted statement updated the GIN index in place, which
was half of the server's work on ingest (bench/ingest.py: 675 write-only docs/s against
about 1,200 with a pending list). The default 4 MB pending list, though, is scanned
linearly by every lookup until a vacuum merges it (98 ms p50 right after a bulk load).
A 128 kB list keeps most of the insert speed and bounds what a lookup scans; see
docs/PERFORMANCE.md (Ingest, Provenance lookup) for the measurements.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 01:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING_LIST_KB = 128


def upgrade() -> None:
    op.execute(
        "ALTER INDEX ix_statement_search_vector "
        f"SET (fastupdate = on, gin_pending_list_limit = {PENDING_LIST_KB})"
    )


def downgrade() -> None:
    # merge what is pending before the list goes away
    op.execute("SELECT gin_clean_pending_list('ix_statement_search_vector'::regclass)")
    op.execute("ALTER INDEX ix_statement_search_vector RESET (gin_pending_list_limit)")
    op.execute("ALTER INDEX ix_statement_search_vector SET (fastupdate = off)")
