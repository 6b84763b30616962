"""Review actions over HTTP: each changes what it says, answers with the new ETag, and
leaves one audit row with the key's name, the request id and the state before and after."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests.keys import bearer
from tests.review.world import story
from tracker.service import TrackerService


def _audit(client: TestClient[Any], entity: str, ident: int) -> list[dict[str, Any]]:
    response = client.get("/api/v1/audit", params={"entity": entity, "id": ident})
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def _etag(response: Any) -> str:
    return str(response.headers["etag"])


def test_confirm_confirms_the_statement_and_its_hops_and_is_audited(
    editor: TestClient[Any], service: TrackerService
) -> None:
    s = story(service)
    st = s.relayed
    response = editor.post(
        f"/api/v1/statements/{st.id}/review",
        json={"action": "confirm", "note": "checked the wire"},
        headers={"X-Request-Id": "req-confirm-1"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["review_status"] == "confirmed" and body["reviewed_by"] == "test-editor"
    assert {h["review_status"] for h in body["chain"]} == {"confirmed"}
    assert body["version"] == st.version + 1 and _etag(response) == f'"{st.version + 1}"'
    assert response.headers["x-request-id"] == "req-confirm-1"
    [row] = _audit(editor, "statement", st.id)
    assert (row["actor"], row["action"], row["note"]) == (
        "test-editor",
        "statement.confirm",
        "checked the wire",
    )
    assert row["request_id"] == "req-confirm-1"
    assert row["before"]["review_status"] == "unreviewed"
    assert [h["review_status"] for h in row["before"]["chain"]] == ["unreviewed"] * 3
    assert row["after"]["review_status"] == "confirmed"
    assert row["after"]["version"] == row["before"]["version"] + 1


def test_a_rejected_statement_leaves_every_read_unless_asked_for(
    editor: TestClient[Any], service: TrackerService
) -> None:
    s = story(service)
    st = s.relayed
    doc_id = s.document.id
    assert (
        editor.post(f"/api/v1/statements/{st.id}/review", json={"action": "reject"}).status_code
        == 200
    )

    kept = editor.get(f"/api/v1/statements/{st.id}")
    assert kept.status_code == 200 and kept.json()["review_status"] == "rejected"
    ids = [x["id"] for x in editor.get(f"/api/v1/documents/{doc_id}").json()["statements"]]
    assert ids == [s.first_hand.id]
    listed = editor.get("/api/v1/statements", params={"document_id": doc_id}).json()["items"]
    assert [x["id"] for x in listed] == [s.first_hand.id]
    walk = editor.get(f"/api/v1/statements/{st.id}/chain")
    assert walk.status_code == 404 and "rejected" in walk.json()["detail"]
    assert editor.get(f"/api/v1/statements/{st.id}/appearances").status_code == 404
    assert editor.get(f"/api/v1/statements/{st.id}/chain?format=jsonld").status_code == 404
    report = editor.get(f"/api/v1/documents/{doc_id}/report").json()
    assert [x["id"] for x in report["statements"]] == [s.first_hand.id]
    lookup = editor.get("/api/v1/provenance", params={"quote": f"harbour will reopen in May {s.n}"})
    assert all(i["statement_id"] != st.id for i in lookup.json()["items"])
    corpus = editor.get("/api/v1/reports/sources").json()
    assert all(p["source"]["name"] != f"Coastpress{s.n}" for p in corpus["primary_sources"])

    shown = {"include": "rejected"}
    assert editor.get(f"/api/v1/statements/{st.id}/chain", params=shown).status_code == 200
    assert editor.get(f"/api/v1/statements/{st.id}/appearances", params=shown).status_code == 200
    all_ids = [
        x["id"]
        for x in editor.get(f"/api/v1/documents/{doc_id}", params=shown).json()["statements"]
    ]
    assert all_ids == [st.id, s.first_hand.id]
    report = editor.get(f"/api/v1/documents/{doc_id}/report", params=shown).json()
    assert len(report["statements"]) == 2
    assert editor.get("/api/v1/documents/1", params={"include": "everything"}).status_code == 400


def test_patch_needs_if_match_and_refuses_a_stale_version(
    editor: TestClient[Any], service: TrackerService
) -> None:
    st = story(service).relayed
    path = f"/api/v1/statements/{st.id}"
    missing = editor.patch(path, json={"kind": "mixed"})
    assert missing.status_code == 428, missing.text
    assert missing.headers["content-type"].startswith("application/problem+json")
    blind = editor.patch(path, json={"kind": "mixed"}, headers={"If-Match": "*"})
    assert blind.status_code == 428
    current = editor.get(path)
    etag = _etag(current)
    done = editor.patch(path, json={"kind": "mixed"}, headers={"If-Match": etag})
    assert done.status_code == 200 and done.json()["kind"] == "mixed"
    stale = editor.patch(path, json={"kind": "indirect"}, headers={"If-Match": etag})
    assert stale.status_code == 412, stale.text
    assert "version" in stale.json()["detail"]
    assert editor.get(path).json()["kind"] == "mixed"  # the stale edit wrote nothing
    assert len(_audit(editor, "statement", st.id)) == 1
    garbage = editor.patch(path, json={"kind": "mixed"}, headers={"If-Match": 'W/"2"'})
    assert garbage.status_code == 412


def test_patch_span_and_speaker_edit_the_statement_and_its_chain(
    editor: TestClient[Any], service: TrackerService
) -> None:
    s = story(service)
    st = s.relayed
    text = s.document.text
    start = text.index("The harbour")
    end = text.index(" the minister said")
    response = editor.patch(
        f"/api/v1/statements/{st.id}",
        json={"start": start, "end": end, "speaker": {"name": "Ines Varga", "kind": "person"}},
        headers={"If-Match": f'"{st.version}"'},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["text"] == text[start:end] and body["review_status"] == "edited"
    assert body["speaker"]["name"] == "Ines Varga"
    # the old speaker was the chain's primary source: the correction reaches it too
    assert [h["source"]["name"] for h in body["chain"]] == [
        f"Northwire{s.n}",
        f"Coastpress{s.n}",
        "Ines Varga",
    ]
    walk = editor.get(f"/api/v1/statements/{st.id}/chain").json()
    assert [p["name"] for p in walk["primary_sources"]] == ["Ines Varga"]
    [row] = _audit(editor, "statement", st.id)
    assert row["before"]["speaker"]["name"] == s.names["speaker"]
    assert (row["before"]["start"], row["after"]["start"]) == (st.start, start)
    assert row["after"]["speaker"]["name"] == "Ines Varga"


def test_patch_refuses_what_it_cannot_store(
    editor: TestClient[Any], service: TrackerService
) -> None:
    st = story(service).relayed
    path = f"/api/v1/statements/{st.id}"
    match = {"If-Match": f'"{st.version}"'}
    assert editor.patch(path, json={"start": 5, "end": 100000}, headers=match).status_code == 422
    assert editor.patch(path, json={"kind": "shouted"}, headers=match).status_code == 422
    assert editor.patch(path, json={}, headers=match).status_code == 422
    both = {"speaker": {"id": st.speaker.id, "name": "X", "kind": "person"}}
    assert editor.patch(path, json=both, headers=match).status_code == 422
    assert editor.patch(path, json={"speaker": {"id": 999999}}, headers=match).status_code == 422
    malformed = {**match, "Content-Type": "application/json"}
    assert editor.patch(path, content=b"{not json", headers=malformed).status_code == 400
    assert editor.patch(path, content=b"{not json", headers=match).status_code == 415
    assert (
        editor.patch("/api/v1/statements/999999", json={"kind": "mixed"}, headers=match).status_code
        == 404
    )
    assert editor.get(path).json()["version"] == st.version  # nothing was written
    assert _audit(editor, "statement", st.id) == []


def test_put_chain_replaces_the_chain_and_the_walk_follows(
    editor: TestClient[Any], service: TrackerService
) -> None:
    s = story(service)
    st = s.relayed
    chain = [
        {"name": "Bay Herald", "kind": "news_outlet", "relation": "reported_by", "cue": "per"},
        {"source_id": st.speaker.id, "relation": "said"},
    ]
    path = f"/api/v1/statements/{st.id}/chain"
    assert editor.put(path, json={"chain": chain}).status_code == 428
    response = editor.put(
        path, json={"chain": chain, "note": "wire misread"}, headers={"If-Match": f'"{st.version}"'}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert [h["source"]["name"] for h in body["chain"]] == ["Bay Herald", s.names["speaker"]]
    assert {h["origin"] for h in body["chain"]} == {"manual"}
    assert {h["review_status"] for h in body["chain"]} == {"edited"}
    assert body["review_status"] == "edited" and body["speaker"]["id"] == st.speaker.id
    walk = editor.get(path).json()
    assert [h["source"]["name"] for h in walk["hops"]] == ["Bay Herald", s.names["speaker"]]
    [row] = _audit(editor, "statement", st.id)
    assert row["action"] == "statement.chain" and row["note"] == "wire misread"
    assert [h["source"]["name"] for h in row["before"]["chain"]] == [
        f"Northwire{s.n}",
        f"Coastpress{s.n}",
        s.names["speaker"],
    ]
    assert [h["source"]["name"] for h in row["after"]["chain"]] == [
        "Bay Herald",
        s.names["speaker"],
    ]
    stale = editor.put(path, json={"chain": chain}, headers={"If-Match": f'"{st.version}"'})
    assert stale.status_code == 412


def test_a_new_chain_without_the_speaker_makes_its_primary_source_the_speaker(
    editor: TestClient[Any], service: TrackerService
) -> None:
    st = story(service).relayed
    chain = [
        {"name": "Bay Herald", "kind": "news_outlet"},
        {"name": "Port Authority", "kind": "government_body"},
    ]
    body = editor.put(
        f"/api/v1/statements/{st.id}/chain",
        json={"chain": chain},
        headers={"If-Match": f'"{st.version}"'},
    ).json()
    assert body["speaker"]["name"] == "Port Authority"
    bad = [{"name": "Bay Herald", "kind": "news_outlet", "source_id": 1}]
    refused = editor.put(
        f"/api/v1/statements/{st.id}/chain",
        json={"chain": bad},
        headers={"If-Match": f'"{body["version"]}"'},
    )
    assert refused.status_code == 422
    empty = editor.put(
        f"/api/v1/statements/{st.id}/chain",
        json={"chain": []},
        headers={"If-Match": f'"{body["version"]}"'},
    )
    assert empty.status_code == 422


def test_upstream_link_continues_the_walk_and_unlinking_stops_it(
    editor: TestClient[Any], service: TrackerService
) -> None:
    citing, cited = story(service), story(service)
    hop = citing.relayed.chain[1]  # Coastpress, cited by Northwire
    path = f"/api/v1/citations/{hop.id}/upstream"
    read = editor.get(f"/api/v1/citations/{hop.id}")
    assert read.json()["statement_id"] == citing.relayed.id
    linked = editor.put(
        path, json={"statement_id": cited.first_hand.id}, headers={"If-Match": _etag(read)}
    )
    assert linked.status_code == 200, linked.text
    assert linked.json()["upstream_statement_id"] == cited.first_hand.id
    assert linked.json()["review_status"] == "edited"
    walk = editor.get(f"/api/v1/statements/{citing.relayed.id}/chain").json()
    assert [p["name"] for p in walk["primary_sources"]] == [cited.names["other"]]
    unlinked = editor.put(path, json={"statement_id": None}, headers={"If-Match": _etag(linked)})
    assert unlinked.status_code == 200 and unlinked.json()["upstream_statement_id"] is None
    walk = editor.get(f"/api/v1/statements/{citing.relayed.id}/chain").json()
    assert [p["name"] for p in walk["primary_sources"]] == [citing.names["speaker"]]
    rows = _audit(editor, "citation", hop.id)
    assert [r["action"] for r in rows] == ["citation.upstream"] * 2
    assert rows[1]["before"]["upstream_statement_id"] is None
    assert rows[1]["after"]["upstream_statement_id"] == cited.first_hand.id
    assert rows[0]["after"]["upstream_statement_id"] is None
    own = editor.put(
        path, json={"statement_id": citing.relayed.id}, headers={"If-Match": _etag(unlinked)}
    )
    assert own.status_code == 422
    assert editor.put(path, json={}, headers={"If-Match": _etag(unlinked)}).status_code == 422


def test_document_review_is_recorded(editor: TestClient[Any], service: TrackerService) -> None:
    doc = story(service).document
    response = editor.post(f"/api/v1/documents/{doc.id}/review")
    assert response.status_code == 200, response.text
    assert response.json()["reviewed_by"] == "test-editor"
    assert response.json()["reviewed_at"] is not None
    row, ingested = _audit(editor, "document", doc.id)  # newest first
    assert (row["action"], ingested["action"]) == ("document.review", "document.ingest")
    assert row["before"]["reviewed_by"] is None and row["after"]["reviewed_by"] == "test-editor"
    assert "statements" not in row["after"] or row["after"]["statements"] == []
    stale = editor.post(f"/api/v1/documents/{doc.id}/review", headers={"If-Match": '"1"'})
    assert stale.status_code == 412


def test_merge_moves_everything_and_later_mentions_follow(
    app_client: TestClient[Any], admin_key: str, editor_key: str, service: TrackerService
) -> None:
    admin = bearer(admin_key)
    s = story(service)
    gone, kept = s.first_hand.speaker.id, s.relayed.speaker.id
    response = app_client.post(
        f"/api/v1/sources/{gone}/merge", json={"into": kept, "note": "same person"}, headers=admin
    )
    assert response.status_code == 200, response.text
    assert response.json()["id"] == kept
    assert s.names["other"] in response.json()["aliases"]
    assert app_client.get("/api/v1/stats").json()["sources"]["person"] == 1  # tombstone left out
    tombstone = app_client.get(f"/api/v1/sources/{gone}").json()
    assert tombstone["merged_into"] == kept and tombstone["aliases"] == []
    walk = app_client.get(f"/api/v1/statements/{s.first_hand.id}/chain").json()
    assert [p["id"] for p in walk["primary_sources"]] == [kept]
    rows = app_client.get(
        "/api/v1/audit", params={"entity": "source", "id": gone}, headers=admin
    ).json()["items"]
    [row] = rows
    assert row["actor"] == "desk-admin" and row["action"] == "source.merge"
    assert row["before"]["source"]["merged_into"] is None
    assert row["after"]["source"]["merged_into"] == kept
    assert row["after"]["moved"]["statements"] == [s.first_hand.id]
    # a later document naming the merged source lands on the one it was merged into
    later = app_client.post(
        "/api/v1/documents",
        json={
            "text": f"{s.names['other']} said the quay is finished.",
            "statements": [
                {
                    "start": 0,
                    "end": 10,
                    "kind": "indirect",
                    "speaker": {"name": s.names["other"], "kind": "person"},
                }
            ],
        },
        headers=bearer(editor_key),
    )
    assert later.status_code == 201, later.text
    assert later.json()["statements"][0]["speaker"]["id"] == kept
    again = app_client.post(f"/api/v1/sources/{gone}/merge", json={"into": kept}, headers=admin)
    assert again.status_code == 409
    missing = app_client.post(f"/api/v1/sources/{kept}/merge", json={"into": 999999}, headers=admin)
    assert missing.status_code == 422
    assert (
        app_client.post(
            f"/api/v1/sources/{kept}/merge", json={"into": kept}, headers=admin
        ).status_code
        == 422
    )


def test_anonymous_sources_are_never_merged(
    app_client: TestClient[Any], admin_key: str, editor_key: str
) -> None:
    doc = app_client.post(
        "/api/v1/documents",
        json={
            "text": "A senior official said the pier is unsafe. Ana Ruiz agreed.",
            "statements": [
                {
                    "start": 0,
                    "end": 42,
                    "kind": "indirect",
                    "speaker": {"name": "a senior official", "kind": "anonymous"},
                },
                {
                    "start": 43,
                    "end": 58,
                    "kind": "indirect",
                    "speaker": {"name": "Ana Ruiz", "kind": "person"},
                },
            ],
        },
        headers=bearer(editor_key),
    ).json()
    anonymous, named = (st["speaker"]["id"] for st in doc["statements"])
    for source, into in ((anonymous, named), (named, anonymous)):
        response = app_client.post(
            f"/api/v1/sources/{source}/merge", json={"into": into}, headers=bearer(admin_key)
        )
        assert response.status_code == 409, response.text
        assert "anonymous" in response.json()["detail"]


def test_split_makes_an_alias_a_source_and_its_statements_follow(
    app_client: TestClient[Any], admin_key: str, service: TrackerService
) -> None:
    s = story(service)
    source = s.relayed.speaker.id
    response = app_client.post(
        f"/api/v1/sources/{source}/split", json={"alias": f"Quill{s.n}"}, headers=bearer(admin_key)
    )
    assert response.status_code == 200, response.text
    new = response.json()
    assert new["name"] == f"Quill{s.n}" and new["kind"] == "person" and new["id"] != source
    st = app_client.get(f"/api/v1/statements/{s.relayed.id}").json()
    assert st["speaker"]["id"] == new["id"]
    walk = app_client.get(f"/api/v1/statements/{s.relayed.id}/chain").json()
    assert [p["id"] for p in walk["primary_sources"]] == [new["id"]]
    rows = app_client.get(
        "/api/v1/audit", params={"entity": "source", "id": source}, headers=bearer(admin_key)
    ).json()["items"]
    [row] = rows
    assert row["action"] == "source.split" and row["after"]["new_source"]["id"] == new["id"]
    assert row["after"]["moved"]["statements"] == [s.relayed.id]
    assert f"Quill{s.n}" in row["before"]["source"]["aliases"]
    assert f"Quill{s.n}" not in row["after"]["source"]["aliases"]
    own = app_client.post(
        f"/api/v1/sources/{source}/split",
        json={"alias": s.names["speaker"]},
        headers=bearer(admin_key),
    )
    assert own.status_code == 422
    stranger = app_client.post(
        f"/api/v1/sources/{source}/split", json={"alias": "Nobody Here"}, headers=bearer(admin_key)
    )
    assert stranger.status_code == 422


def test_split_undoes_a_merge(
    app_client: TestClient[Any], admin_key: str, service: TrackerService
) -> None:
    s = story(service)
    gone, kept = s.first_hand.speaker.id, s.relayed.speaker.id
    admin = bearer(admin_key)
    assert (
        app_client.post(
            f"/api/v1/sources/{gone}/merge", json={"into": kept}, headers=admin
        ).status_code
        == 200
    )
    back = app_client.post(
        f"/api/v1/sources/{kept}/split", json={"alias": s.names["other"]}, headers=admin
    )
    assert back.status_code == 200, back.text
    assert back.json()["id"] == gone and back.json()["merged_into"] is None


def test_keys_over_http_are_shown_once_and_revocation_is_immediate(
    app_client: TestClient[Any], admin_key: str
) -> None:
    admin = bearer(admin_key)
    made = app_client.post(
        "/api/v1/keys", json={"name": "night-desk", "role": "editor"}, headers=admin
    )
    assert made.status_code == 201, made.text
    key = made.json()["key"]
    assert key.startswith("trk_") and len(key) == 47
    listed = app_client.get("/api/v1/keys", headers=admin).json()["items"]
    assert "night-desk" in [k["name"] for k in listed]
    assert all("key" not in k and "key_hash" not in k for k in listed)
    assert app_client.get("/api/v1/audit", headers=bearer(key)).status_code == 200
    assert app_client.delete("/api/v1/keys/night-desk", headers=admin).status_code == 200
    refused = app_client.get("/api/v1/audit", headers=bearer(key))
    assert (
        refused.status_code == 401
        and 'error="invalid_token"' in refused.headers["www-authenticate"]
    )
    assert app_client.delete("/api/v1/keys/night-desk", headers=admin).status_code == 409
    assert (
        app_client.post(
            "/api/v1/keys", json={"name": "night-desk", "role": "reader"}, headers=admin
        ).status_code
        == 409
    )
    assert (
        app_client.post(
            "/api/v1/keys", json={"name": "bad name!", "role": "reader"}, headers=admin
        ).status_code
        == 422
    )
    assert (
        app_client.post(
            "/api/v1/keys", json={"name": "x", "role": "root"}, headers=admin
        ).status_code
        == 422
    )
    rows = app_client.get("/api/v1/audit", params={"entity": "api_key"}, headers=admin).json()[
        "items"
    ]
    actions = [(r["action"], r["after"]["name"]) for r in rows]
    assert ("key.revoke", "night-desk") in actions and ("key.create", "night-desk") in actions
    assert all(key not in str(r) for r in rows)


def test_a_malformed_authorization_header_is_401(app_client: TestClient[Any]) -> None:
    for value in ("Basic abc", "Bearer", "Bearer not-a-key", "Bearer trk_" + "A" * 43):
        response = app_client.post(
            "/api/v1/documents", json={"text": "x"}, headers={"Authorization": value}
        )
        assert response.status_code == 401, value
        assert response.headers["x-request-id"]  # errors carry the request id too


def test_audit_pages_newest_first_and_filters(
    editor: TestClient[Any], service: TrackerService
) -> None:
    stories = [story(service) for _ in range(3)]
    for s in stories:
        editor.post(f"/api/v1/statements/{s.relayed.id}/review", json={"action": "confirm"})
    first = editor.get("/api/v1/audit", params={"entity": "statement", "limit": 2}).json()
    assert [r["entity_id"] for r in first["items"]] == [
        stories[2].relayed.id,
        stories[1].relayed.id,
    ]
    rest = editor.get(
        "/api/v1/audit", params={"entity": "statement", "limit": 2, "cursor": first["next_cursor"]}
    ).json()
    assert [r["entity_id"] for r in rest["items"]] == [stories[0].relayed.id]
    assert rest["next_cursor"] is None
    assert editor.get("/api/v1/audit", params={"actor": "nobody"}).json()["items"] == []
    assert (
        editor.get("/api/v1/audit", params={"since": "2999-01-01T00:00:00Z"}).json()["items"] == []
    )
    assert editor.get("/api/v1/audit", params={"since": "not a time"}).status_code == 400
    assert editor.get("/api/v1/audit", params={"cursor": "garbage"}).status_code == 400
