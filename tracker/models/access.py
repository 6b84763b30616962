"""API keys: who may call the HTTP API, with which role; only a hash of each key is kept."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from tracker.models.base import created_at_field, in_list_check
from tracker.vocabulary import ROLES


class ApiKey(SQLModel, table=True):
    """One named key. The key itself is shown once at creation and never stored.

    ``key_hash`` is the SHA-256 of the key: a random 256-bit key needs no slow hash (there
    is nothing to guess), and a hash lets a request find its key with one index probe.
    A revoked key keeps its row (its name stays in the audit trail) and stops working
    at once: every request that needs a key reads ``revoked_at``.
    """

    __tablename__ = "api_key"
    __table_args__ = (
        UniqueConstraint("name"),
        UniqueConstraint("key_hash"),
        CheckConstraint(in_list_check("role", ROLES), name="role"),
        CheckConstraint("name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$'", name="name"),
        CheckConstraint("key_hash ~ '^[0-9a-f]{64}$'", name="key_hash"),
        Index("ix_api_key_revoked_at", "revoked_at"),
    )

    id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
    name: str = Field(sa_type=Text)
    role: str = Field(sa_type=Text)
    key_hash: str = Field(sa_type=Text)
    created_at: datetime = created_at_field()
    revoked_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    last_used_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    """Updated at most once a minute per key, so reads of a busy key do not write each time."""


class DeskSession(SQLModel, table=True):
    """A browser signed in to the desk with an API key: the key stays with its owner.

    The cookie holds a random token; only its SHA-256 is kept here, with the key it was
    started with. Every request reads the key's ``revoked_at`` through ``key_id``, so
    revoking a key ends its sessions at once; signing out deletes the row.
    """

    __tablename__ = "desk_session"
    __table_args__ = (
        UniqueConstraint("token_hash"),
        CheckConstraint("token_hash ~ '^[0-9a-f]{64}$'", name="token_hash"),
        Index("ix_desk_session_expires_at", "expires_at"),
        Index("ix_desk_session_key_id", "key_id"),
    )

    id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
    token_hash: str = Field(sa_type=Text)
    key_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("api_key.id", ondelete="CASCADE"), nullable=False)
    )
    created_at: datetime = created_at_field()
    expires_at: datetime = Field(sa_type=DateTime(timezone=True))
