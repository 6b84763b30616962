"""Shared metadata conventions and column helpers for every table."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, func
from sqlmodel import Field, SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Stable constraint names keep Alembic's autogenerate diffs empty between runs."""

SQLModel.metadata.naming_convention = NAMING_CONVENTION


def utcnow() -> datetime:
    """Aware UTC now; the database default is authoritative, this is for Python-side rows."""
    return datetime.now(UTC)


def created_at_field() -> datetime:
    """A `timestamptz NOT NULL DEFAULT now()` column."""
    return Field(  # type: ignore[no-any-return]
        default_factory=utcnow,
        sa_type=DateTime(timezone=True),
        sa_column_kwargs={"server_default": func.now(), "nullable": False},
    )


def in_list_check(column: str, values: tuple[str, ...]) -> str:
    """SQL text of a CHECK that keeps ``column`` inside a closed vocabulary."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"
