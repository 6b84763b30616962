"""The audit trail: one row per review or key action, never changed once written."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Column, Index, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from tracker.models.base import created_at_field


class AuditEntry(SQLModel, table=True):
    """Who did what to which row, with its state before and after.

    Append-only: a trigger (migration 0008) refuses UPDATE, DELETE and TRUNCATE, so not
    even tracker itself can rewrite history. Each row is written in the same transaction
    as the change it records: both commit, or neither.
    """

    __tablename__ = "audit"
    __table_args__ = (
        Index("ix_audit_entity_entity_id_id", "entity", "entity_id", "id"),
        Index("ix_audit_actor_id", "actor", "id"),
        Index("ix_audit_at", "at"),
    )

    id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
    at: datetime = created_at_field()
    actor: str = Field(sa_type=Text)
    """An API key's name, or the actor the CLI ran as (--actor, TRACKER_ACTOR, the OS user)."""
    action: str = Field(sa_type=Text)
    entity: str = Field(sa_type=Text)
    entity_id: int | None = Field(default=None, sa_type=BigInteger)
    before: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    note: str | None = Field(default=None, sa_type=Text)
    request_id: str | None = Field(default=None, sa_type=Text)
