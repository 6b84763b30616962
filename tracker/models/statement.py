"""Statements: one quote or claim occurrence inside a document."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Computed,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    Text,
)
from sqlalchemy import (
    text as sa_text,
)
from sqlalchemy.dialects.postgresql import REGCONFIG, TSVECTOR
from sqlmodel import Field, SQLModel

from tracker.models.base import (
    created_at_field,
    in_list_check,
    reviewed_at_field,
    reviewed_by_field,
    version_field,
)
from tracker.vocabulary import REVIEW_STATUSES, STATEMENT_KINDS

SEARCH_VECTOR_SQL = "to_tsvector('simple', text) || to_tsvector(search_config, text)"
"""Words as written plus the language's stems: candidates for the same quote elsewhere."""


class Statement(SQLModel, table=True):
    """A span of a document reported as someone's words.

    ``document_length`` is a copy of the document's text length, pinned by a composite
    foreign key, so the offset CHECK below is enforced by PostgreSQL for every writer.
    ``origin`` is the extractor version that made the row, or ``manual``.
    """

    __tablename__ = "statement"
    __table_args__ = (
        ForeignKeyConstraint(
            ["document_id", "document_length"],
            ["document.id", "document.text_length"],
            ondelete="CASCADE",
            name="fk_statement_document_id_document_length_document",
        ),
        CheckConstraint(
            "start_offset >= 0 AND start_offset < end_offset AND end_offset <= document_length",
            name="offsets",
        ),
        CheckConstraint(in_list_check("kind", STATEMENT_KINDS), name="kind"),
        CheckConstraint(in_list_check("review_status", REVIEW_STATUSES), name="review_status"),
        CheckConstraint("length(origin) > 0", name="origin"),
        CheckConstraint("version >= 1", name="version"),
        Index("ix_statement_document_id_start_offset", "document_id", "start_offset"),
        Index("ix_statement_speaker_id_id", "speaker_id", "id"),
        Index(
            "ix_statement_search_vector",
            "search_vector",
            postgresql_using="gin",
            # a small pending list: cheap inserts, bounded lookups (migration 0003)
            postgresql_with={"fastupdate": "on", "gin_pending_list_limit": "128"},
        ),
        Index("ix_statement_fingerprint", "fingerprint", postgresql_using="hash"),
    )

    id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
    document_id: int = Field(sa_type=BigInteger)
    document_length: int = Field(sa_type=Integer)
    kind: str = Field(sa_type=Text)
    start_offset: int = Field(sa_type=Integer)
    end_offset: int = Field(sa_type=Integer)
    text: str = Field(sa_type=Text)
    cue: str | None = Field(default=None, sa_type=Text)
    cue_start: int | None = Field(default=None, sa_type=Integer)
    cue_end: int | None = Field(default=None, sa_type=Integer)
    speaker_id: int | None = Field(
        default=None,
        sa_column=Column(BigInteger, ForeignKey("source.id", ondelete="SET NULL"), nullable=True),
    )
    speaker_surface: str | None = Field(default=None, sa_type=Text)
    """The raw mention that named the speaker here, kept so a wrong merge can be undone."""
    origin: str = Field(sa_type=Text)
    rule: str | None = Field(default=None, sa_type=Text)
    """The extractor rule (sieve) that made the statement; None when entered by hand."""
    review_status: str = Field(
        default="unreviewed",
        sa_type=Text,
        sa_column_kwargs={"server_default": sa_text("'unreviewed'")},
    )
    reviewed_by: str | None = reviewed_by_field()
    reviewed_at: datetime | None = reviewed_at_field()
    version: int = version_field()
    created_at: datetime = created_at_field()
    fingerprint: str = Field(default="", sa_type=Text)
    """The text with case, punctuation, quote marks and ellipses folded (quote identity)."""
    search_config: str = Field(
        default="simple",
        sa_column=Column(REGCONFIG, nullable=False, server_default=sa_text("'simple'::regconfig")),
    )
    """Text search configuration of the document's language (indonesian, english, simple)."""
    search_vector: str | None = Field(
        default=None,
        sa_column=Column(TSVECTOR, Computed(SEARCH_VECTOR_SQL, persisted=True), nullable=True),
    )
