"""Listing, search, walk parameters, health and OpenAPI."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient

from tests.api.test_documents_api import assert_problem, seed_body
from tracker.extract import EXTRACTOR_VERSION, NATIVE


def _post_many(client: TestClient[Any], n: int) -> list[dict[str, Any]]:
    docs = []
    for i in range(n):
        text = f"Report {i}. \u201cWater prices will fall by {i} percent,\u201d Ana Ruiz said."
        quote = f"Water prices will fall by {i} percent,"
        start = text.index(quote)
        body = {
            "text": text,
            "language": "en",
            "outlet": "Metro Post" if i % 2 else "Harbor Times",
            "statements": [
                {
                    "start": start,
                    "end": start + len(quote),
                    "kind": "direct",
                    "speaker": {"name": "Ana Ruiz", "kind": "person"},
                }
            ],
        }
        response = client.post("/api/v1/documents", json=body)
        assert response.status_code == 201, response.text
        docs.append(response.json())
    return docs


def test_statements_keyset_pagination(client: TestClient[Any]) -> None:
    docs = _post_many(client, 5)
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/v1/statements", params=params).json()
        seen += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(s["id"] for d in docs for s in d["statements"])


def test_statements_filters(client: TestClient[Any]) -> None:
    docs = _post_many(client, 3)
    by_doc = client.get("/api/v1/statements", params={"document_id": docs[1]["id"]}).json()
    assert [s["document_id"] for s in by_doc["items"]] == [docs[1]["id"]]
    speaker_id = docs[0]["statements"][0]["speaker"]["id"]
    by_speaker = client.get("/api/v1/statements", params={"speaker_id": speaker_id}).json()
    assert len(by_speaker["items"]) == 3
    by_words = client.get("/api/v1/statements", params={"q": "by 2 percent"}).json()
    assert [s["document_id"] for s in by_words["items"]] == [docs[2]["id"]]


def test_bad_cursor_and_limit(client: TestClient[Any]) -> None:
    assert_problem(client.get("/api/v1/statements", params={"cursor": "not-a-cursor"}), 400)
    assert_problem(client.get("/api/v1/statements", params={"limit": 0}), 400)
    assert_problem(client.get("/api/v1/statements", params={"document_id": "x"}), 400)


def test_sources_search_and_read(client: TestClient[Any]) -> None:
    client.post("/api/v1/documents", json=seed_body())
    found = client.get("/api/v1/sources", params={"q": "kim"}).json()["items"]
    assert [s["name"] for s in found] == ["Kim Jong Un"]
    kim = client.get(f"/api/v1/sources/{found[0]['id']}").json()
    assert kim["kind"] == "person" and "Kim Jong Un" in kim["aliases"]
    assert kim["statement_count"] == 1 and kim["citation_count"] == 1
    outlets = client.get("/api/v1/sources", params={"kind": "news_outlet"}).json()["items"]
    assert {s["name"] for s in outlets} == {"Example Daily", "Yonhap", "KCNA"}
    assert_problem(client.get("/api/v1/sources", params={"kind": "blogger"}), 400)


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("kim", True),
        ("KIM JONG UN", True),
        ("jong", True),  # an inner word
        ("jon", True),  # the start of an inner word
        ("kim jo", True),  # words in a row, the last a prefix
        ("Kím  Jong-un", True),  # diacritics, case, punctuation and spacing normalized
        ("ong", False),  # inside a word
        ("jong kim", False),  # not in this order
        ("kim un", False),  # not in a row
        ("kim & (jong | !x):*", False),  # tsquery syntax is just text: "kim jong x"
        ("kim & jong:*", True),
    ],
)
def test_sources_search_by_words(client: TestClient[Any], q: str, found: bool) -> None:
    client.post("/api/v1/documents", json=seed_body())
    items = client.get("/api/v1/sources", params={"q": q}).json()["items"]
    assert ("Kim Jong Un" in {s["name"] for s in items}) is found


def test_sources_search_rejects_a_query_without_words(client: TestClient[Any]) -> None:
    assert_problem(client.get("/api/v1/sources", params={"q": "&|!()"}), 400)


def test_walk_max_depth_parameter(client: TestClient[Any]) -> None:
    doc = client.post("/api/v1/documents", json=seed_body()).json()
    sid = doc["statements"][0]["id"]
    walk = client.get(f"/api/v1/statements/{sid}/chain", params={"max_depth": 2}).json()
    assert len(walk["hops"]) == 2 and walk["flags"] == ["state_media_origin", "truncated"]
    assert_problem(client.get(f"/api/v1/statements/{sid}/chain", params={"max_depth": 0}), 400)


def test_health_and_openapi(client: TestClient[Any]) -> None:
    health = client.get("/health")
    assert health.status_code == 200 and health.json()["database"] == "ok"
    assert health.json()["extractor"] == EXTRACTOR_VERSION
    assert health.json()["extractor_compiled"] is NATIVE
    schema = client.get("/schema/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/statements/{statement_id}/chain" in schema.json()["paths"]


def test_unknown_route_is_problem_404(client: TestClient[Any]) -> None:
    assert_problem(client.get("/api/v1/nothing-here"), 404)


def test_database_down_is_503_problem(tmp_path: Any) -> None:
    from tracker.config import Settings

    unreachable = Settings(
        database_url="postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1",
        data_dir=tmp_path,
        allowed_hosts=("testserver.local",),
    )
    from api.app import create_app

    with TestClient(app=create_app(unreachable)) as down:
        assert_problem(down.get("/health"), 503)
        assert_problem(down.get("/api/v1/statements/1"), 503)
