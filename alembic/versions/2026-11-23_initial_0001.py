"""Initial schema: source, source_alias, document, statement, citation.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 23:14:56.428189
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("normalized_name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("affiliation_id", sa.BigInteger(), nullable=True),
        sa.Column("state_media", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "external_ids",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("scope_document_id", sa.BigInteger(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('person', 'organization', 'news_outlet', 'government_body', 'document', 'anonymous', 'unknown')",
            name=op.f("ck_source_kind"),
        ),
        sa.CheckConstraint("length(btrim(name)) > 0", name=op.f("ck_source_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["affiliation_id"],
            ["source.id"],
            name=op.f("fk_source_affiliation_id_source"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
    )
    op.create_index("ix_source_affiliation_id", "source", ["affiliation_id"], unique=False)
    op.create_index(
        "uq_source_normalized_name_kind",
        "source",
        ["normalized_name", "kind"],
        unique=True,
        postgresql_where=sa.text("kind <> 'anonymous'"),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_length", sa.Integer(), nullable=False),
        sa.Column("language", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet_id", sa.BigInteger(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "ingested_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.CheckConstraint("language ~ '^[a-z]{2,3}$'", name=op.f("ck_document_language")),
        sa.CheckConstraint("length(btrim(text)) > 0", name=op.f("ck_document_text_not_blank")),
        sa.CheckConstraint("text_length = char_length(text)", name=op.f("ck_document_text_length")),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["source.id"],
            name=op.f("fk_document_outlet_id_source"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_document_content_hash")),
        sa.UniqueConstraint("id", "text_length", name=op.f("uq_document_id_text_length")),
    )
    op.create_index("ix_document_language_id", "document", ["language", "id"], unique=False)
    op.create_index("ix_document_outlet_id_id", "document", ["outlet_id", "id"], unique=False)
    op.create_index("ix_document_published_at_id", "document", ["published_at", "id"], unique=False)
    op.create_index(
        "uq_document_url", "document", ["url"], unique=True, postgresql_where="url IS NOT NULL"
    )
    op.create_foreign_key(
        op.f("fk_source_scope_document_id_document"),
        "source",
        "document",
        ["scope_document_id"],
        ["id"],
        ondelete="CASCADE",
    )
    op.create_table(
        "source_alias",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("source_id", sa.BigInteger(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("normalized", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_source_alias_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_alias")),
    )
    op.create_index(
        "ix_source_alias_normalized",
        "source_alias",
        ["normalized"],
        unique=False,
        postgresql_ops={"normalized": "text_pattern_ops"},
    )
    op.create_index(
        "uq_source_alias_source_id_normalized",
        "source_alias",
        ["source_id", "normalized"],
        unique=True,
    )
    op.create_table(
        "statement",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("document_length", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("speaker_id", sa.BigInteger(), nullable=True),
        sa.Column("speaker_surface", sa.Text(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column(
            "review_status", sa.Text(), server_default=sa.text("'unreviewed'"), nullable=False
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('direct', 'indirect', 'mixed', 'partial')", name=op.f("ck_statement_kind")
        ),
        sa.CheckConstraint(
            "review_status IN ('unreviewed', 'confirmed', 'corrected', 'rejected')",
            name=op.f("ck_statement_review_status"),
        ),
        sa.CheckConstraint("length(origin) > 0", name=op.f("ck_statement_origin")),
        sa.CheckConstraint(
            "start_offset >= 0 AND start_offset < end_offset AND end_offset <= document_length",
            name=op.f("ck_statement_offsets"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id", "document_length"],
            ["document.id", "document.text_length"],
            name="fk_statement_document_id_document_length_document",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["source.id"],
            name=op.f("fk_statement_speaker_id_source"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement")),
    )
    op.create_index(
        "ix_statement_document_id_start_offset",
        "statement",
        ["document_id", "start_offset"],
        unique=False,
    )
    op.create_index("ix_statement_speaker_id_id", "statement", ["speaker_id", "id"], unique=False)
    op.create_table(
        "citation",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("statement_id", sa.BigInteger(), nullable=False),
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("parent_id", sa.BigInteger(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.BigInteger(), nullable=False),
        sa.Column("source_surface", sa.Text(), nullable=True),
        sa.Column("relation", sa.Text(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
        sa.Column("upstream_statement_id", sa.BigInteger(), nullable=True),
        sa.Column("link_method", sa.Text(), nullable=True),
        sa.Column("link_similarity", sa.Float(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column(
            "review_status", sa.Text(), server_default=sa.text("'unreviewed'"), nullable=False
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("relation ~ '^[a-z][a-z_]{0,39}$'", name=op.f("ck_citation_relation")),
        sa.CheckConstraint(
            "review_status IN ('unreviewed', 'confirmed', 'corrected', 'rejected')",
            name=op.f("ck_citation_review_status"),
        ),
        sa.CheckConstraint(
            "(evidence_start IS NULL AND evidence_end IS NULL) OR (evidence_start >= 0 AND evidence_start < evidence_end)",
            name=op.f("ck_citation_evidence"),
        ),
        sa.CheckConstraint(
            "link_similarity IS NULL OR (link_similarity >= 0 AND link_similarity <= 1)",
            name=op.f("ck_citation_link_similarity"),
        ),
        sa.CheckConstraint(
            "parent_id IS NULL OR parent_id <> id", name=op.f("ck_citation_not_own_parent")
        ),
        sa.CheckConstraint("position >= 0", name=op.f("ck_citation_position")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_citation_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["citation.id"],
            name=op.f("fk_citation_parent_id_citation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_citation_source_id_source"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statement.id"],
            name=op.f("fk_citation_statement_id_statement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citation")),
    )
    op.create_index("ix_citation_document_id", "citation", ["document_id"], unique=False)
    op.create_index("ix_citation_parent_id", "citation", ["parent_id"], unique=False)
    op.create_index("ix_citation_source_id", "citation", ["source_id"], unique=False)
    op.create_index(
        "ix_citation_statement_id_parent_id_position",
        "citation",
        ["statement_id", "parent_id", "position"],
        unique=False,
    )
    op.create_index(
        "ix_citation_upstream_statement_id",
        "citation",
        ["upstream_statement_id"],
        unique=False,
        postgresql_where=sa.text("upstream_statement_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_citation_upstream_statement_id",
        table_name="citation",
        postgresql_where=sa.text("upstream_statement_id IS NOT NULL"),
    )
    op.drop_index("ix_citation_statement_id_parent_id_position", table_name="citation")
    op.drop_index("ix_citation_source_id", table_name="citation")
    op.drop_index("ix_citation_parent_id", table_name="citation")
    op.drop_index("ix_citation_document_id", table_name="citation")
    op.drop_table("citation")
    op.drop_index("ix_statement_speaker_id_id", table_name="statement")
    op.drop_index("ix_statement_document_id_start_offset", table_name="statement")
    op.drop_table("statement")
    op.drop_index("uq_source_alias_source_id_normalized", table_name="source_alias")
    op.drop_index("ix_source_alias_normalized", table_name="source_alias")
    op.drop_table("source_alias")
    op.drop_constraint(op.f("fk_source_scope_document_id_document"), "source", type_="foreignkey")
    op.drop_index("uq_document_url", table_name="document", postgresql_where="url IS NOT NULL")
    op.drop_index("ix_document_published_at_id", table_name="document")
    op.drop_index("ix_document_outlet_id_id", table_name="document")
    op.drop_index("ix_document_language_id", table_name="document")
    op.drop_table("document")
    op.drop_index(
        "uq_source_normalized_name_kind",
        table_name="source",
        postgresql_where=sa.text("kind <> 'anonymous'"),
    )
    op.drop_index("ix_source_affiliation_id", table_name="source")
    op.drop_table("source")
