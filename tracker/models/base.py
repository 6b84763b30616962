"""Shared metadata conventions and column helpers for every table."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, Text, func
from sqlalchemy import text as sa_text
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


def version_field() -> int:
    """``version integer NOT NULL DEFAULT 1``: bumped by every review write, served as the
    ETag, and checked against If-Match so that no edit silently overwrites another."""
    return Field(  # type: ignore[no-any-return]
        default=1,
        sa_type=Integer,
        sa_column_kwargs={"server_default": sa_text("1"), "nullable": False},
    )


def reviewed_by_field() -> str | None:
    """Who last reviewed the row: an API key's name, or the CLI's actor."""
    return Field(default=None, sa_type=Text)  # type: ignore[no-any-return]


def reviewed_at_field() -> datetime | None:
    """When the row was last reviewed (``timestamptz``)."""
    return Field(default=None, sa_type=DateTime(timezone=True))  # type: ignore[no-any-return]


def in_list_check(column: str, values: tuple[str, ...]) -> str:
    """SQL text of a CHECK that keeps ``column`` inside a closed vocabulary."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"
