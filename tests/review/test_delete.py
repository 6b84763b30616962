"""The admin's deletes: a document goes with everything it carries and the links into it,
a source goes only when nothing names it; each is one transaction with one audit row."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from tests.keys import TEST_ACTOR, bearer
from tests.review.world import Story, database_state, story
from tracker.cli import main
from tracker.config import get_settings
from tracker.service import TrackerService

PROBLEM = "application/problem+json"


@pytest.fixture
def admin(app_client: TestClient[Any], admin_key: str) -> TestClient[Any]:
    app_client.headers.update(bearer(admin_key))
    return app_client


def _linked(service: TrackerService) -> tuple[Story, Story, Any]:
    """Two stories; b's relayed statement continues (by hand) into a's first-hand one."""
    a, b = story(service), story(service)
    hop = b.relayed.chain[1]
    linked = service.set_upstream(TEST_ACTOR, hop.id, a.first_hand.id, if_version=hop.version)
    return a, b, linked


def _audit(client: TestClient[Any], entity: str, ident: int) -> list[dict[str, Any]]:
    response = client.get("/api/v1/audit", params={"entity": entity, "id": ident})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_a_deleted_document_leaves_every_read_and_its_links_go(
    admin: TestClient[Any], service: TrackerService
) -> None:
    a, b, linked = _linked(service)
    gone = [st.id for st in a.document.statements]
    assert service.walk(b.relayed.id).primary_sources[0].name == a.names["other"]

    response = admin.delete(
        f"/api/v1/documents/{a.document.id}",
        params={"note": "pasted twice"},
        headers={"X-Request-Id": "req-delete-1"},
    )

    assert response.status_code == 204, response.text
    assert response.content == b""
    assert admin.get(f"/api/v1/documents/{a.document.id}").status_code == 404
    for ident in gone:
        for path in ("", "/chain", "/appearances"):
            assert admin.get(f"/api/v1/statements/{ident}{path}").status_code == 404
    listed = admin.get("/api/v1/statements", params={"document_id": a.document.id})
    assert listed.json()["items"] == []
    quote = f"harbour will reopen in May {a.n}"
    lookup = admin.get("/api/v1/provenance", params={"quote": quote}).json()["items"]
    assert all(item["statement_id"] not in gone for item in lookup)
    corpus = admin.get("/api/v1/reports/sources", params={"include": "rejected"}).json()
    names = {p["source"]["name"] for p in corpus["primary_sources"]}
    assert a.names["speaker"] not in names and a.names["other"] not in names
    assert b.names["speaker"] in names
    # the other document's hop lost its link: its walk ends where its own chain does
    hop = service.get_hop(linked.id)
    assert hop.upstream_statement_id is None and hop.version == linked.version + 1
    walk = service.walk(b.relayed.id)
    assert "broken" not in walk.flags
    assert [p.name for p in walk.primary_sources] == [b.names["speaker"]]
    kept = [st.id for st in service.get_document(b.document.id).statements]
    assert kept == [st.id for st in b.document.statements]
    row, ingested = _audit(admin, "document", a.document.id)  # newest first
    assert ingested["action"] == "document.ingest"
    assert (row["actor"], row["action"], row["note"], row["request_id"]) == (
        "desk-admin",
        "document.delete",
        "pasted twice",
        "req-delete-1",
    )
    assert row["after"] is None
    before = row["before"]
    assert before["document"]["id"] == a.document.id
    assert before["document"]["text"] == a.document.text
    assert before["removed"] == {"statements": 2, "citations": 4, "anonymous_sources": 0}
    assert before["statement_ids"] == gone
    assert before["unlinked_citations"] == [linked.id]


def test_delete_answers_404_412_and_problem_json(
    admin: TestClient[Any], service: TrackerService, engine: Engine
) -> None:
    s = story(service)
    before = database_state(engine)
    missing = admin.delete("/api/v1/documents/999999")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(PROBLEM)
    stale = admin.delete(f"/api/v1/documents/{s.document.id}", headers={"If-Match": '"7"'})
    assert stale.status_code == 412 and stale.headers["content-type"].startswith(PROBLEM)
    nul = admin.delete(f"/api/v1/documents/{s.document.id}", params={"note": "a\x00b"})
    assert nul.status_code == 400, nul.text
    assert database_state(engine) == before
    current = admin.get(f"/api/v1/documents/{s.document.id}").headers["etag"]
    done = admin.delete(f"/api/v1/documents/{s.document.id}", headers={"If-Match": current})
    assert done.status_code == 204, done.text
    assert admin.delete(f"/api/v1/documents/{s.document.id}").status_code == 404


def test_a_delete_that_fails_midway_leaves_everything_as_it_was(
    service: TrackerService, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _, linked = _linked(service)
    before = database_state(engine)

    def refuse(*_: Any) -> None:
        raise DBAPIError("INSERT INTO audit", {}, Exception("disk full"))

    monkeypatch.setattr("tracker.review.actions.append", refuse)  # after every delete ran
    with pytest.raises(DBAPIError):
        service.delete_document(TEST_ACTOR, a.document.id)
    assert database_state(engine) == before
    assert service.get_document(a.document.id).statements == a.document.statements
    assert service.get_hop(linked.id).upstream_statement_id == a.first_hand.id


def test_a_source_is_deleted_only_when_nothing_names_it(
    admin: TestClient[Any], service: TrackerService, engine: Engine
) -> None:
    s = story(service)
    speaker = s.relayed.speaker.id
    before = database_state(engine)
    named = admin.delete(f"/api/v1/sources/{speaker}")
    assert named.status_code == 409 and named.headers["content-type"].startswith(PROBLEM)
    assert "merge" in named.json()["detail"]
    assert database_state(engine) == before
    assert admin.delete("/api/v1/sources/999999").status_code == 404

    service.delete_document(TEST_ACTOR, s.document.id)
    version = service.get_source(speaker).version
    stale = admin.delete(f"/api/v1/sources/{speaker}", headers={"If-Match": f'"{version + 1}"'})
    assert stale.status_code == 412
    done = admin.delete(
        f"/api/v1/sources/{speaker}",
        params={"note": "nobody"},
        headers={"If-Match": f'"{version}"'},
    )
    assert done.status_code == 204, done.text
    assert admin.get(f"/api/v1/sources/{speaker}").status_code == 404
    with engine.connect() as conn:
        aliases = conn.execute(
            text("SELECT count(*) FROM source_alias WHERE source_id = :id"), {"id": speaker}
        ).scalar_one()
    assert aliases == 0
    [row] = _audit(admin, "source", speaker)
    assert (row["action"], row["actor"], row["note"], row["after"]) == (
        "source.delete",
        "desk-admin",
        "nobody",
        None,
    )
    assert row["before"]["source"]["name"] == s.names["speaker"]
    assert f"Quill{s.n}" in row["before"]["source"]["aliases"]


def test_a_tombstone_goes_with_its_source_and_not_alone(
    service: TrackerService, engine: Engine
) -> None:
    from tracker.errors import ConflictError

    s = story(service)
    gone, kept = s.first_hand.speaker.id, s.relayed.speaker.id
    service.merge_sources(TEST_ACTOR, gone, kept)
    before = database_state(engine)
    with pytest.raises(ConflictError, match="merged into"):
        service.delete_source(TEST_ACTOR, gone)
    assert database_state(engine) == before
    service.delete_document(TEST_ACTOR, s.document.id)
    service.delete_source(TEST_ACTOR, kept)
    with engine.connect() as conn:
        left = conn.execute(
            text("SELECT count(*) FROM source WHERE id IN (:a, :b)"), {"a": gone, "b": kept}
        ).scalar_one()
    assert left == 0
    [row] = service.audit(entity="source", entity_id=kept, limit=1).items
    assert row.before["tombstones"] == [gone]


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    monkeypatch.delenv("TRACKER_ACTOR", raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_delete_from_the_cli(runner: CliRunner, service: TrackerService, engine: Engine) -> None:
    s = story(service)
    speaker = s.relayed.speaker.id
    before = database_state(engine)
    for args in (["document", "999999"], ["source", str(speaker)]):
        result = runner.invoke(main, ["review", "delete", *args])
        assert result.exit_code == 2, result.output
        assert len(result.output.strip().splitlines()) == 1
    assert database_state(engine) == before
    cli = ["review", "--actor", "ines"]
    result = runner.invoke(main, [*cli, "delete", "document", str(s.document.id), "--note", "dup"])
    assert result.exit_code == 0, result.output
    assert f"document {s.document.id} deleted" in result.output
    result = runner.invoke(main, [*cli, "--json", "delete", "source", str(speaker)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"deleted": "source", "id": speaker}
    rows = service.audit(actor="ines").items
    assert [(r.action, r.entity_id, r.note) for r in rows] == [
        ("source.delete", speaker, None),
        ("document.delete", s.document.id, "dup"),
    ]


def test_the_same_text_and_url_can_be_stored_again_after_a_delete(
    service: TrackerService, engine: Engine
) -> None:
    from tracker.store.inputs import DocumentIn

    doc = DocumentIn(
        text="Ana Ruiz said the ferry leaves at noon on Sunday.",
        language="en",
        url="https://example.test/ferry",
    )
    first = service.create_document(doc).document
    service.delete_document(TEST_ACTOR, first.id)
    again = service.create_document(doc)
    assert again.created and again.document.id != first.id
    assert [st.text for st in again.document.statements] == [st.text for st in first.statements]
    with engine.connect() as conn:
        left = conn.execute(
            text("SELECT count(*) FROM statement WHERE document_id = :id"), {"id": first.id}
        ).scalar_one()
    assert left == 0
