"""Sources (people, bodies, outlets, documents, anonymous) and their aliases."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Column, Computed, ForeignKey, Index, Text
from sqlalchemy import text as sa_text
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlmodel import Field, SQLModel

from tracker.models.base import created_at_field, in_list_check, version_field
from tracker.vocabulary import SOURCE_KINDS


class Source(SQLModel, table=True):
    """Anyone or anything a statement can come from.

    ``normalized_name`` plus ``kind`` is unique for every non-anonymous source, so two
    concurrent ingests that meet the same name converge on one row (ON CONFLICT);
    anonymous sources carry the document they appeared in and are never merged.
    """

    __tablename__ = "source"
    __table_args__ = (
        CheckConstraint(in_list_check("kind", SOURCE_KINDS), name="kind"),
        CheckConstraint("length(btrim(name)) > 0", name="name_not_blank"),
        Index(
            "uq_source_normalized_name_kind",
            "normalized_name",
            "kind",
            unique=True,
            postgresql_where=sa_text("kind <> 'anonymous'"),
        ),
        CheckConstraint("version >= 1", name="version"),
        CheckConstraint("merged_into IS NULL OR merged_into <> id", name="not_merged_into_itself"),
        Index("ix_source_affiliation_id", "affiliation_id"),
        Index(
            "ix_source_merged_into",
            "merged_into",
            postgresql_where=sa_text("merged_into IS NOT NULL"),
        ),
    )

    id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
    name: str = Field(sa_type=Text)
    normalized_name: str = Field(sa_type=Text)
    kind: str = Field(sa_type=Text)
    role: str | None = Field(default=None, sa_type=Text)
    description: str | None = Field(default=None, sa_type=Text)
    affiliation_id: int | None = Field(
        default=None,
        sa_column=Column(BigInteger, ForeignKey("source.id", ondelete="SET NULL"), nullable=True),
    )
    state_media: bool = Field(default=False, sa_column_kwargs={"server_default": sa_text("false")})
    external_ids: dict[str, Any] = Field(
        default_factory=dict,
        sa_column=Column(JSONB, nullable=False, server_default=sa_text("'{}'::jsonb")),
    )
    scope_document_id: int | None = Field(
        default=None,
        sa_column=Column(
            BigInteger,
            ForeignKey("document.id", ondelete="CASCADE", use_alter=True),
            nullable=True,
        ),
    )
    """For anonymous sources: the one document they belong to."""
    merged_into: int | None = Field(
        default=None,
        sa_column=Column(BigInteger, ForeignKey("source.id", ondelete="SET NULL"), nullable=True),
    )
    """Set when a reviewer merged this source into another: the row stays as a tombstone,
    so its name keeps resolving to the source it was merged into on later ingests."""
    version: int = version_field()
    created_at: datetime = created_at_field()


ALIAS_WORDS_SQL = "to_tsvector('simple', normalized)"


class SourceAlias(SQLModel, table=True):
    """A surface form of a source; its normalized form is unique per source."""

    __tablename__ = "source_alias"
    __table_args__ = (
        Index("uq_source_alias_source_id_normalized", "source_id", "normalized", unique=True),
        Index(
            "ix_source_alias_normalized",
            "normalized",
            postgresql_ops={"normalized": "text_pattern_ops"},
        ),
        # any word of any alias, by prefix: GET /sources?q= (migration 0004)
        Index(
            "ix_source_alias_words",
            "words",
            postgresql_using="gin",
            postgresql_with={"fastupdate": "off"},
        ),
    )

    id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
    source_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("source.id", ondelete="CASCADE"), nullable=False)
    )
    alias: str = Field(sa_type=Text)
    normalized: str = Field(sa_type=Text)
    # the normalized alias's words, so a search for an inner word ("jong") uses an index
    words: str | None = Field(
        default=None,
        sa_column=Column(TSVECTOR, Computed(ALIAS_WORDS_SQL, persisted=True), nullable=True),
    )
