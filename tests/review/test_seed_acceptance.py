"""Issue 12's acceptance on the seed article: an editor rejects one statement and replaces
the chain of another; walks, the document report and appearances reflect both; the audit
lists both with the editor's key name and the states before and after; `tracker
reextract` leaves both as the editor left them. Without a key a write gets 401, with a
reader key 403, and neither writes anything."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from tests.keys import bearer
from tests.review.world import database_state
from tracker.cli import main
from tracker.config import get_settings

NEW_CHAIN = [
    {"name": "Kang Dae Sik", "kind": "person", "relation": "said", "cue": "mengatakan"},
    {"name": "Badan Intelijen Nasional", "kind": "government_body", "relation": "citing"},
]


def _names(hops: list[dict[str, Any]]) -> list[str]:
    return [h["source"]["name"] for h in hops]


def test_seed_review_acceptance(
    editor: TestClient[Any],
    reader_key: str,
    seed_text: str,
    engine: Engine,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored = editor.post("/api/v1/documents", json={"text": seed_text, "language": "id"})
    assert stored.status_code == 201, stored.text
    doc = stored.json()
    relayed = next(st for st in doc["statements"] if "Yonhap" in _names(st["chain"]))
    kang = next(st for st in doc["statements"] if st["speaker"]["name"] == "Kang Dae Sik")

    # no key: 401; a reader key: 403; nothing written either way
    before = database_state(engine)
    review = f"/api/v1/statements/{relayed['id']}/review"
    editor_auth = editor.headers.pop("Authorization")
    no_key = editor.post(review, json={"action": "reject"})
    editor.headers["Authorization"] = editor_auth
    assert no_key.status_code == 401, no_key.text
    assert no_key.json()["detail"].startswith("this needs an API key")
    as_reader = editor.post(review, json={"action": "reject"}, headers=bearer(reader_key))
    assert as_reader.status_code == 403
    assert database_state(engine) == before

    # the editor rejects one statement and replaces the chain of another
    assert editor.post(review, json={"action": "reject", "note": "doubled"}).status_code == 200
    etag = editor.get(f"/api/v1/statements/{kang['id']}").headers["etag"]
    replaced = editor.put(
        f"/api/v1/statements/{kang['id']}/chain",
        json={"chain": NEW_CHAIN, "note": "the agency is named in the text"},
        headers={"If-Match": etag},
    )
    assert replaced.status_code == 200, replaced.text

    # the walk, the document report and the appearances reflect both
    assert editor.get(f"/api/v1/statements/{relayed['id']}/chain").status_code == 404
    walk = editor.get(f"/api/v1/statements/{kang['id']}/chain").json()
    assert _names(walk["hops"]) == ["Kang Dae Sik", "Badan Intelijen Nasional"]
    assert [p["name"] for p in walk["primary_sources"]] == ["Badan Intelijen Nasional"]
    report = editor.get(f"/api/v1/documents/{doc['id']}/report").json()
    reported = {st["id"]: st for st in report["statements"]}
    assert relayed["id"] not in reported and len(reported) == len(doc["statements"]) - 1
    assert reported[kang["id"]]["paths"] == ["Kang Dae Sik → Badan Intelijen Nasional"]
    assert reported[kang["id"]]["review_status"] == "edited"
    assert report["summary"]["statements"] == len(doc["statements"]) - 1
    assert editor.get(f"/api/v1/statements/{relayed['id']}/appearances").status_code == 404
    seen = editor.get(f"/api/v1/statements/{kang['id']}/appearances").json()
    own = next(i for i in seen["items"] if i["statement_id"] == kang["id"])
    assert [h["source"]["name"] for h in own["chain"]] == [
        "Kang Dae Sik",
        "Badan Intelijen Nasional",
    ]

    # the audit lists both, with the editor's key name and the states before and after
    trail = editor.get("/api/v1/audit", params={"entity": "statement"}).json()["items"]
    by_action = {row["action"]: row for row in trail}
    assert set(by_action) == {"statement.reject", "statement.chain"}
    rejected_row, chain_row = by_action["statement.reject"], by_action["statement.chain"]
    assert {rejected_row["actor"], chain_row["actor"]} == {"test-editor"}
    assert rejected_row["entity_id"] == relayed["id"] and rejected_row["note"] == "doubled"
    assert (rejected_row["before"]["review_status"], rejected_row["after"]["review_status"]) == (
        "unreviewed",
        "rejected",
    )
    assert _names(chain_row["before"]["chain"]) == _names(kang["chain"])
    assert _names(chain_row["after"]["chain"]) == ["Kang Dae Sik", "Badan Intelijen Nasional"]

    # re-extraction leaves both as the editor left them
    shown = {"include": "rejected"}
    left = {i: editor.get(f"/api/v1/statements/{i}").json() for i in (relayed["id"], kang["id"])}
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(main, ["reextract", str(doc["id"])])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    for ident, view in left.items():
        assert editor.get(f"/api/v1/statements/{ident}").json() == view
    spans = [
        (st["start"], st["end"])
        for st in editor.get(f"/api/v1/documents/{doc['id']}", params=shown).json()["statements"]
    ]
    assert spans.count((relayed["start"], relayed["end"])) == 1  # never re-created
    assert spans.count((kang["start"], kang["end"])) == 1
    walk = editor.get(f"/api/v1/statements/{kang['id']}/chain").json()
    assert _names(walk["hops"]) == ["Kang Dae Sik", "Badan Intelijen Nasional"]
