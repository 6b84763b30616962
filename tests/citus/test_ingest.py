"""Rows stored before the layout migration, then distributed, then read, walked and added to."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import pytest
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import create_engine, text

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
EARLY = 'Menteri Keuangan Rina Hartono mengatakan, "Anggaran sekolah desa akan naik."'
LATER = 'Menurut Kabar Harian, Rina Hartono mengatakan, "Anggaran sekolah desa akan naik."'
QUOTE = '"Anggaran sekolah desa akan naik."'

# The schema at 0004 (before the layout), written by hand: the writer of today stores
# columns that later migrations add. The later document's hop is linked by hand into
# the earlier document's statement, as the linker would have done.
ROWS_AT_0004 = """
INSERT INTO source (id, name, normalized_name, kind) VALUES
    (1, 'Kabar Harian', 'kabar harian', 'news_outlet'),
    (2, 'Rina Hartono', 'rina hartono', 'person'),
    (3, 'Warta Kota', 'warta kota', 'news_outlet');
INSERT INTO document (id, text, text_length, language, url, title, outlet_id, content_hash)
VALUES (1, :early, char_length(:early), 'id', 'https://kabar.example/1', 'Anggaran', 1, :h1),
       (2, :later, char_length(:later), 'id', 'https://warta.example/2', 'Menurut', 3, :h2);
INSERT INTO statement (id, document_id, document_length, kind, start_offset, end_offset,
                       text, speaker_id, origin, fingerprint)
VALUES (1, 1, char_length(:early), 'direct', :s1, :s1 + char_length(:quote), :quote, 2,
        'manual', 'anggaran sekolah desa akan naik'),
       (2, 2, char_length(:later), 'direct', :s2, :s2 + char_length(:quote), :quote, 2,
        'manual', 'anggaran sekolah desa akan naik');
INSERT INTO citation (id, statement_id, document_id, parent_id, position, source_id,
                      relation, upstream_statement_id, link_method, origin)
VALUES (1, 1, 1, NULL, 0, 2, 'said', NULL, NULL, 'manual'),
       (2, 2, 2, NULL, 0, 1, 'according_to', 1, 'manual', 'manual');
SELECT setval('source_id_seq', 3), setval('document_id_seq', 2),
       setval('statement_id_seq', 2), setval('citation_id_seq', 2);
"""


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _before_layout() -> str:
    script = ScriptDirectory.from_config(alembic_config("postgresql://unused"))
    revision = script.get_revision(LAYOUT_REVISION)
    assert revision is not None and isinstance(revision.down_revision, str)
    return revision.down_revision


@pytest.fixture(scope="module")
def distributed_later(citus_database: DatabaseFactory) -> Iterator[str]:
    """A database holding two documents stored before the layout migration, then
    migrated to head: what every deployment moving to Citus goes through."""
    url = citus_database(_before_layout())
    engine = create_engine(url)
    params = {
        "early": EARLY,
        "later": LATER,
        "quote": QUOTE,
        "h1": _digest(EARLY),
        "h2": _digest(LATER),
        "s1": EARLY.index(QUOTE),
        "s2": LATER.index(QUOTE),
    }
    with engine.begin() as conn:
        for statement in ROWS_AT_0004.split(";"):
            if statement.strip():
                conn.execute(text(statement), params)
    engine.dispose()
    upgrade(url)
    yield url


def _cli(url: str, monkeypatch: pytest.MonkeyPatch, *args: str) -> Any:
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        get_settings.cache_clear()


def test_rows_stored_before_the_layout_read_back_after_it(distributed_later: str) -> None:
    service = TrackerService(Settings(database_url=distributed_later))
    try:
        stats = service.stats()
        early = service.get_document(1)
        later = service.get_document(2)
    finally:
        service.close()
    assert (stats["documents"], stats["statements"], stats["citations"]) == (2, 2, 2)
    assert [s.text for s in early.statements] == [QUOTE]
    assert later.outlet is not None and later.outlet.name == "Warta Kota"
    assert later.statements[0].chain[0].upstream_statement_id == 1


def test_layout_migration_keeps_each_document_identity(distributed_later: str) -> None:
    """Every stored document's hash and URL were copied into the lookup tables that keep
    them unique across shards, and a link made before names its document (0009)."""
    engine = create_engine(distributed_later)
    with engine.connect() as conn:
        hashes = dict(
            conn.execute(text("SELECT content_hash, document_id FROM document_content_hash")).all()
        )
        urls = dict(conn.execute(text("SELECT url, document_id FROM document_url")).all())
        linked = conn.execute(
            text("SELECT upstream_document_id FROM citation WHERE id = 2 AND document_id = 2")
        ).scalar_one()
    engine.dispose()
    assert hashes == {_digest(EARLY): 1, _digest(LATER): 2}
    assert urls == {"https://kabar.example/1": 1, "https://warta.example/2": 2}
    assert linked == 1


def test_the_walk_crosses_from_the_later_document_into_the_earlier(
    distributed_later: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _cli(distributed_later, monkeypatch, "chain", "2", "--json")
    assert result.exit_code == 0, result.output
    walked = json.loads(result.output)
    assert [h["source"]["name"] for h in walked["hops"]] == ["Kabar Harian", "Rina Hartono"]
    assert [h["document_id"] for h in walked["hops"]] == [2, 1]
    assert walked["hops"][0]["continues_document_id"] == 1
    assert walked["flags"] == ["complete"]


def test_a_document_stored_after_the_layout_is_one_document(distributed_later: str) -> None:
    """The writer on the distributed layout: new text stored once, the same text and the
    same URL found again, nothing written twice."""
    body = 'Kepala dinas, Sari Utami, mengatakan, "Jembatan baru dibuka pekan depan."'
    service = TrackerService(Settings(database_url=distributed_later))
    try:
        first = service.create_document(
            DocumentIn(text=body, language="id", url="https://warta.example/3")
        )
        again = service.create_document(DocumentIn(text=body, language="id"))
        same_url = service.create_document(
            DocumentIn(text=body + " Selesai.", language="id", url="https://warta.example/3")
        )
        stats = service.stats()
    finally:
        service.close()
    assert first.created and not again.created and not same_url.created
    assert again.document.id == same_url.document.id == first.document.id
    assert [s.text for s in first.document.statements] == ['"Jembatan baru dibuka pekan depan."']
    assert stats["documents"] == 3
