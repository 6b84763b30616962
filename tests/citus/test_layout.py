"""The distributed layout on a Citus cluster: which table is sharded how, and identity."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

pytestmark = pytest.mark.citus

EXPECTED_LAYOUT = {
    "document": ("distributed", "id"),
    "statement": ("distributed", "document_id"),
    "citation": ("distributed", "document_id"),
    "document_content_hash": ("distributed", "content_hash"),
    "document_url": ("distributed", "url"),
    "statement_document": ("distributed", "statement_id"),
    "source": ("reference", "<none>"),
    "source_alias": ("reference", "<none>"),
}


def test_tables_are_distributed_or_reference_as_intended(citus_db_url: str) -> None:
    engine = create_engine(citus_db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT table_name::text, citus_table_type, distribution_column, colocation_id "
                "FROM citus_tables"
            )
        ).all()
    engine.dispose()
    layout = {r.table_name: (r.citus_table_type, r.distribution_column) for r in rows}
    assert layout == EXPECTED_LAYOUT
    colocation = {r.table_name: r.colocation_id for r in rows}
    # one colocation group: a document's statements and hops live on its shard
    assert colocation["document"] == colocation["statement"] == colocation["citation"]


def test_document_keys_include_the_distribution_column(citus_db_url: str) -> None:
    engine = create_engine(citus_db_url)
    with engine.connect() as conn:
        keys = dict(
            conn.execute(
                text(
                    "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE contype = 'p' AND conrelid IN "
                    "('statement'::regclass, 'citation'::regclass)"
                )
            ).all()
        )
    engine.dispose()
    assert keys == {
        "statement": "PRIMARY KEY (id, document_id)",
        "citation": "PRIMARY KEY (id, document_id)",
    }


def test_a_content_hash_names_one_document_across_all_shards(citus_db_url: str) -> None:
    """document_content_hash is distributed by the hash itself, so its primary key is
    enforced by the one shard every insert of that hash is routed to."""
    engine = create_engine(citus_db_url)
    digest = "c1" * 32
    try:
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO document_content_hash VALUES (:h, 900001)"), {"h": digest}
            )
        with pytest.raises(IntegrityError) as refused, engine.begin() as conn:
            conn.execute(
                text("INSERT INTO document_content_hash VALUES (:h, 900002)"), {"h": digest}
            )
        assert isinstance(refused.value.orig, psycopg.errors.UniqueViolation)
        with engine.connect() as conn:
            owners = (
                conn.execute(
                    text("SELECT document_id FROM document_content_hash WHERE content_hash = :h"),
                    {"h": digest},
                )
                .scalars()
                .all()
            )
        assert owners == [900001]
    finally:
        with engine.begin() as conn:
            conn.execute(
                text("DELETE FROM document_content_hash WHERE content_hash = :h"), {"h": digest}
            )
        engine.dispose()
