"""Documents: one ingested article, wire story or transcript."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from tracker.models.base import (
    created_at_field,
    reviewed_at_field,
    reviewed_by_field,
    version_field,
)


class Document(SQLModel, table=True):
    """An article as ingested.

    ``text_length`` is stored so statements can reference (id, text_length) by foreign
    key and CHECK their offsets against it: the database itself refuses a span that
    runs past the end of the text.
    """

    __tablename__ = "document"
    __table_args__ = (
        UniqueConstraint("content_hash"),
        UniqueConstraint("id", "text_length"),
        CheckConstraint("text_length = char_length(text)", name="text_length"),
        CheckConstraint("length(btrim(text)) > 0", name="text_not_blank"),
        CheckConstraint("language ~ '^[a-z]{2,3}$'", name="language"),
        CheckConstraint("version >= 1", name="version"),
        Index("uq_document_url", "url", unique=True, postgresql_where="url IS NOT NULL"),
        Index("ix_document_outlet_id_id", "outlet_id", "id"),
        Index("ix_document_published_at_id", "published_at", "id"),
        Index("ix_document_language_id", "language", "id"),
    )

    id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
    text: str = Field(sa_type=Text)
    text_length: int = Field(sa_type=Integer)
    language: str = Field(sa_type=Text)
    url: str | None = Field(default=None, sa_type=Text)
    title: str | None = Field(default=None, sa_type=Text)
    outlet_id: int | None = Field(
        default=None,
        sa_column=Column(BigInteger, ForeignKey("source.id", ondelete="SET NULL"), nullable=True),
    )
    published_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    ingested_at: datetime = created_at_field()
    content_hash: str = Field(sa_type=Text)
    """sha256 of the text: the same text is the same document."""
    reviewed_by: str | None = reviewed_by_field()
    """Who marked the document reviewed (``POST /documents/{id}/review``)."""
    reviewed_at: datetime | None = reviewed_at_field()
    version: int = version_field()
