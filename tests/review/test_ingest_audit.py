"""Every ingest leaves one audit row per document it stores (``document.ingest``), by the
key's name or the CLI's actor, in the same transaction as the document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from tests.review.world import database_state
from tracker.cli import main
from tracker.config import get_settings
from tracker.service import TrackerService
from tracker.store.inputs import DocumentIn, SourceIn, StatementIn

STORY = "Dana Voss said the bridge will close in March {n}. Nobody else spoke."


def _ingests(service: TrackerService) -> list[Any]:
    return [r for r in service.audit(entity="document").items if r.action == "document.ingest"]


def test_a_document_posted_is_audited_once_under_the_key(
    editor: TestClient[Any], service: TrackerService
) -> None:
    body = {"text": STORY.format(n=1), "title": "Bridge", "url": "https://example.test/b1"}
    first = editor.post("/api/v1/documents", json=body, headers={"X-Request-Id": "req-ingest-1"})
    assert first.status_code == 201, first.text
    stored = first.json()
    [row] = _ingests(service)
    assert (row.actor, row.entity, row.entity_id, row.request_id) == (
        "test-editor",
        "document",
        stored["id"],
        "req-ingest-1",
    )
    assert row.before is None
    assert row.after == {
        "id": stored["id"],
        "title": "Bridge",
        "url": "https://example.test/b1",
        "statements": len(stored["statements"]),
    }
    again = editor.post("/api/v1/documents", json=body)
    assert again.status_code == 200  # stored before: nothing written, no second row
    assert len(_ingests(service)) == 1


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    monkeypatch.delenv("TRACKER_ACTOR", raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_tracker_ingest_audits_each_document_under_its_actor(
    runner: CliRunner, service: TrackerService, tmp_path: Path
) -> None:
    for n in (1, 2):
        (tmp_path / f"story{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    result = runner.invoke(main, ["ingest", "--actor", "ines", "--lang", "en", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = _ingests(service)
    assert [r.actor for r in rows] == ["ines", "ines"]
    listed = {d.id: d for d in service.list_documents().items}
    assert {r.entity_id for r in rows} == set(listed)
    for row in rows:
        statements = service.get_document(row.entity_id, include_rejected=True).statements
        assert row.after["statements"] == len(statements) >= 1
    again = runner.invoke(main, ["ingest", "--actor", "ines", "--lang", "en", str(tmp_path)])
    assert again.exit_code == 0, again.output
    assert len(_ingests(service)) == 2  # already present: no rows


def test_a_document_and_its_audit_row_are_stored_together_or_not_at_all(
    service: TrackerService, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = STORY.format(n=3)
    statement = StatementIn(
        0, text.index(" said"), "direct", speaker=SourceIn("Dana Voss", "person")
    )
    doc = DocumentIn(text=text, language="en", statements=(statement,))
    before = database_state(engine)

    def refuse(*_: Any) -> None:
        raise DBAPIError("INSERT INTO audit", {}, Exception("disk full"))

    monkeypatch.setattr("tracker.store.writer.append_created", refuse)
    with pytest.raises(DBAPIError):
        service.create_document(doc, extract=False)
    assert database_state(engine) == before
    assert service.list_documents().items == []
