"""Documents ingested through the CLI and read back through the service, on the cluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, NotSupportedError

from tests.citus.conftest import DatabaseFactory
from tracker.cli import main
from tracker.config import Settings, get_settings
from tracker.migrations import alembic_config, upgrade
from tracker.service import TrackerService
from tracker.store.inputs import DocumentIn

pytestmark = pytest.mark.citus

LAYOUT_REVISION = "0005"
"""The migration that distributes the tables (alembic/versions/*_citus_layout_*.py)."""

# Example texts written for these tests.
ARTICLES = [
    {
        "url": "https://kabar.example/anggaran-sekolah",
        "title": "Anggaran sekolah desa",
        "outlet": "Kabar Harian",
        "text": (
            'Menteri Keuangan Rina Hartono mengatakan, "Anggaran tahun depan akan naik '
            'sepuluh persen untuk sekolah desa." Ia menambahkan, "Guru honorer di daerah '
            'terpencil juga akan ditambah."'
        ),
    },
    {
        "url": "https://kabar.example/tersangka",
        "title": "Tiga tersangka ditahan",
        "outlet": "Kabar Harian",
        "text": (
            'Juru bicara kepolisian, Komisaris Besar Agus Wijaya, mengatakan, "Kami sudah '
            'menahan tiga tersangka sejak Selasa malam."'
        ),
    },
]


def _before_layout() -> str:
    script = ScriptDirectory.from_config(alembic_config("postgresql://unused"))
    revision = script.get_revision(LAYOUT_REVISION)
    assert revision is not None and isinstance(revision.down_revision, str)
    return revision.down_revision


def _cli(url: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> Any:
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        get_settings.cache_clear()


@pytest.fixture(scope="module")
def distributed_after_ingest(
    citus_database: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[str, Any]]]:
    """A database that took two articles through `tracker ingest` on today's schema, and
    then the layout migration: what every existing deployment moving to Citus goes through.
    Yields its URL and what the service read before the tables were distributed."""
    url = citus_database(_before_layout())
    feed = tmp_path_factory.mktemp("feed") / "articles.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as monkeypatch:
        result = _cli(url, monkeypatch, "ingest", str(feed))
    assert result.exit_code == 0, result.output
    before = _read_everything(url)
    upgrade(url)
    yield url, before


def _read_everything(url: str) -> dict[str, Any]:
    service = TrackerService(Settings(database_url=url))
    try:
        documents = service.list_documents(limit=10).items
        by_url = {d.url: service.get_document(d.id) for d in documents}
        return {
            "stats": service.stats(),
            "documents": {
                u: (d.id, d.content_hash, d.title, [s.text for s in d.statements])
                for u, d in by_url.items()
            },
            "statements": {
                d.id: [s.text for s in service.list_statements(document_id=d.id).items]
                for d in documents
            },
        }
    finally:
        service.close()


def test_ingested_documents_read_back_the_same_after_distribution(
    distributed_after_ingest: tuple[str, dict[str, Any]],
) -> None:
    url, before = distributed_after_ingest
    after = _read_everything(url)
    assert after == before
    assert before["stats"]["documents"] == 2
    assert set(before["documents"]) == {a["url"] for a in ARTICLES}
    quotes = [t for _, _, _, texts in before["documents"].values() for t in texts]
    assert any("sepuluh persen" in q for q in quotes)
    assert any("tiga tersangka" in q for q in quotes)


def test_layout_migration_keeps_each_document_identity(
    distributed_after_ingest: tuple[str, dict[str, Any]],
) -> None:
    """Every stored document's hash and URL were copied into the lookup tables that keep
    them unique across shards."""
    url, before = distributed_after_ingest
    engine = create_engine(url)
    with engine.connect() as conn:
        hashes = dict(
            conn.execute(text("SELECT content_hash, document_id FROM document_content_hash")).all()
        )
        urls = dict(conn.execute(text("SELECT url, document_id FROM document_url")).all())
    engine.dispose()
    stored = before["documents"]
    assert hashes == {digest: doc_id for doc_id, digest, _, _ in stored.values()}
    assert urls == {u: doc_id for u, (doc_id, _, _, _) in stored.items()}


def test_the_cli_reads_a_distributed_document(
    distributed_after_ingest: tuple[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, before = distributed_after_ingest
    result = _cli(url, monkeypatch, "stats", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == before["stats"]


@pytest.mark.xfail(
    raises=DBAPIError,
    strict=True,
    reason=(
        "issue 15 item 3: Citus refuses today's write transaction (a reference-table write "
        "after a parallel multi-shard read; linking's joins off the distribution column)"
    ),
)
def test_ingest_on_the_distributed_layout(citus_db_url: str) -> None:
    service = TrackerService(Settings(database_url=citus_db_url))
    try:
        stored = service.create_document(
            DocumentIn(
                text='Kepala dinas, Sari Utami, mengatakan, "Jembatan baru dibuka pekan depan."',
                language="id",
                outlet="Warta Kota",
            )
        )
        again = service.get_document(stored.document.id)
    finally:
        service.close()
    assert [s.text for s in again.statements] == ["Jembatan baru dibuka pekan depan."]


@pytest.mark.xfail(
    raises=NotSupportedError,
    strict=True,
    reason="issue 15 item 3: the one-query walk recurses across shards (single-shard walk to come)",
)
def test_walk_on_the_distributed_layout(
    distributed_after_ingest: tuple[str, dict[str, Any]],
) -> None:
    url, before = distributed_after_ingest
    doc_id = next(iter(before["documents"].values()))[0]
    service = TrackerService(Settings(database_url=url))
    try:
        statement = service.list_statements(document_id=doc_id).items[0]
        walk = service.walk(statement.id)
    finally:
        service.close()
    assert walk.hops
