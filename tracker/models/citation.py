"""Citations: the hops of a statement's chain of citations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    Text,
)
from sqlalchemy import (
    text as sa_text,
)
from sqlmodel import Field, SQLModel

from tracker.models.base import (
    created_at_field,
    in_list_check,
    reviewed_at_field,
    reviewed_by_field,
    version_field,
)
from tracker.vocabulary import RELATION_PATTERN, REVIEW_STATUSES


class Citation(SQLModel, table=True):
    """One hop: the source at this point of the chain and how it passed the words on.

    Hops form a tree per statement: ``parent_id`` is the hop that cited this one (None
    for the nearest relay), so one hop citing two sources is two children. An
    ``upstream_statement_id`` (with its ``upstream_document_id``) continues the walk into
    another document's statement. It carries no foreign key on purpose: statements are
    sharded by document on Citus, where cross-shard keys are impossible, and a dangling
    link is reported by the walk as ``broken`` instead.
    """

    __tablename__ = "citation"
    __table_args__ = (
        CheckConstraint("position >= 0", name="position"),
        CheckConstraint(f"relation ~ '{RELATION_PATTERN}'", name="relation"),
        CheckConstraint(
            "(evidence_start IS NULL AND evidence_end IS NULL) OR "
            "(evidence_start >= 0 AND evidence_start < evidence_end)",
            name="evidence",
        ),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        CheckConstraint(
            "link_similarity IS NULL OR (link_similarity >= 0 AND link_similarity <= 1)",
            name="link_similarity",
        ),
        CheckConstraint(in_list_check("review_status", REVIEW_STATUSES), name="review_status"),
        CheckConstraint("version >= 1", name="version"),
        Index(
            "ix_citation_statement_id_parent_id_position", "statement_id", "parent_id", "position"
        ),
        Index("ix_citation_parent_id", "parent_id"),
        Index("ix_citation_source_id", "source_id"),
        Index("ix_citation_document_id", "document_id"),
        Index(
            "ix_citation_upstream_statement_id",
            "upstream_statement_id",
            postgresql_where=sa_text("upstream_statement_id IS NOT NULL"),
        ),
        Index(
            "ix_citation_inverted_statement_id",
            "inverted_statement_id",
            postgresql_where=sa_text("inverted_statement_id IS NOT NULL"),
        ),
    )

    id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
    statement_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("statement.id", ondelete="CASCADE"), nullable=False)
    )
    document_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("document.id", ondelete="CASCADE"), nullable=False)
    )
    """The statement's document, repeated so hops shard with their statement."""
    parent_id: int | None = Field(
        default=None,
        sa_column=Column(BigInteger, ForeignKey("citation.id", ondelete="CASCADE"), nullable=True),
    )
    position: int = Field(sa_type=Integer)
    """0 for the nearest relay, counting towards the primary source."""
    source_id: int = Field(
        sa_column=Column(BigInteger, ForeignKey("source.id", ondelete="RESTRICT"), nullable=False)
    )
    source_surface: str | None = Field(default=None, sa_type=Text)
    """The raw mention of the source at this hop, kept so a wrong merge can be undone."""
    relation: str = Field(default="said", sa_type=Text)
    cue: str | None = Field(default=None, sa_type=Text)
    evidence_start: int | None = Field(default=None, sa_type=Integer)
    evidence_end: int | None = Field(default=None, sa_type=Integer)
    upstream_statement_id: int | None = Field(default=None, sa_type=BigInteger)
    upstream_document_id: int | None = Field(default=None, sa_type=BigInteger)
    """The upstream statement's document, set with ``upstream_statement_id``: on Citus the
    walk crosses into that document's shard without asking every shard where it lives."""
    link_method: str | None = Field(default=None, sa_type=Text)
    """How an upstream link was made: manual, fingerprint, fuzzy."""
    link_similarity: float | None = Field(default=None, sa_type=Float)
    inverted_statement_id: int | None = Field(default=None, sa_type=BigInteger)
    """A matching statement of the cited outlet published after the citing document:
    reported as ``time_inversion`` and never linked."""
    origin: str = Field(sa_type=Text)
    review_status: str = Field(
        default="unreviewed",
        sa_type=Text,
        sa_column_kwargs={"server_default": sa_text("'unreviewed'")},
    )
    reviewed_by: str | None = reviewed_by_field()
    reviewed_at: datetime | None = reviewed_at_field()
    version: int = version_field()
    created_at: datetime = created_at_field()
