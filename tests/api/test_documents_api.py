"""POST and GET documents: success, idempotency and every error path, on real PostgreSQL."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from tracker.db import transaction
from tracker.store.inputs import DocumentIn, SourceIn, StatementIn
from tracker.store.writer import store_document

ARTICLE = (
    "Seoul (Tuesday). Yonhap, citing the state outlet KCNA, said Kim praised the ties. "
    "\u201cOur friendship is invincible and eternal,\u201d Kim said."
)
QUOTE = "Our friendship is invincible and eternal,"


def seed_body(**overrides: Any) -> dict[str, Any]:
    start = ARTICLE.index(QUOTE)
    body: dict[str, Any] = {
        "text": ARTICLE,
        "language": "en",
        "url": "https://example.test/kim-ties",
        "title": "Kim praises ties",
        "outlet": "Example Daily",
        "published_at": "2026-10-08T09:00:00Z",
        "statements": [
            {
                "start": start,
                "end": start + len(QUOTE),
                "kind": "direct",
                "cue": "said",
                "text": QUOTE,
                "speaker": {"name": "Kim Jong Un", "kind": "person"},
                "chain": [
                    {"name": "Yonhap", "kind": "news_outlet", "relation": "reported_by"},
                    {"name": "KCNA", "kind": "news_outlet", "relation": "citing"},
                    {"name": "Kim Jong Un", "kind": "person", "relation": "said"},
                ],
            }
        ],
    }
    body.update(overrides)
    return body


def counts(engine: Engine) -> tuple[int, ...]:
    with engine.connect() as conn:
        return tuple(
            conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("document", "statement", "citation", "source", "source_alias")
        )


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_seed_style_chain_round_trip(client: TestClient[Any], engine: Engine) -> None:
    created = client.post("/api/v1/documents", json=seed_body())
    assert created.status_code == 201, created.text
    doc = created.json()
    assert doc["outlet"]["name"] == "Example Daily"
    [statement] = doc["statements"]
    assert statement["text"] == QUOTE and statement["origin"] == "manual"
    assert [h["source"]["name"] for h in statement["chain"]] == ["Yonhap", "KCNA", "Kim Jong Un"]

    walk = client.get(f"/api/v1/statements/{statement['id']}/chain").json()
    assert walk["statement_id"] == statement["id"]
    assert walk["document_id"] == doc["id"]
    assert [h["source"]["name"] for h in walk["hops"]] == ["Yonhap", "KCNA", "Kim Jong Un"]
    assert [h["position"] for h in walk["hops"]] == [0, 1, 2]
    assert {"relation", "cue", "document_id"} <= set(walk["hops"][0])
    assert [p["name"] for p in walk["primary_sources"]] == ["Kim Jong Un"]
    assert walk["flags"] == ["complete", "state_media_origin"]  # KCNA, from the outlet list
    assert [h["source"]["state_media"] for h in walk["hops"]] == [False, True, False]

    before = counts(engine)
    again = client.post("/api/v1/documents", json=seed_body())
    assert again.status_code == 200
    assert again.json()["id"] == doc["id"]
    assert counts(engine) == before


def test_same_url_different_text_is_the_same_document(client: TestClient[Any]) -> None:
    first = client.post("/api/v1/documents", json=seed_body()).json()
    other = client.post(
        "/api/v1/documents",
        json={"text": "A corrected version of the story.", "url": seed_body()["url"]},
    )
    assert other.status_code == 200 and other.json()["id"] == first["id"]


def test_get_document_and_statement(client: TestClient[Any]) -> None:
    doc = client.post("/api/v1/documents", json=seed_body()).json()
    fetched = client.get(f"/api/v1/documents/{doc['id']}")
    assert fetched.status_code == 200 and fetched.json()["text"] == ARTICLE
    sid = doc["statements"][0]["id"]
    statement = client.get(f"/api/v1/statements/{sid}").json()
    assert statement["speaker"]["name"] == "Kim Jong Un"
    assert statement["start"] == ARTICLE.index(QUOTE)


def test_malformed_json_is_400_and_writes_nothing(client: TestClient[Any], engine: Engine) -> None:
    before = counts(engine)
    response = client.post(
        "/api/v1/documents",
        content=b'{"text": "unterminated',
        headers={"content-type": "application/json"},
    )
    assert_problem(response, 400)
    assert counts(engine) == before


def test_offsets_out_of_range_are_422_and_write_nothing(
    client: TestClient[Any], engine: Engine
) -> None:
    body = seed_body()
    body["statements"][0]["end"] = len(ARTICLE) + 5
    body["statements"][0].pop("text")
    before = counts(engine)
    problem = assert_problem(client.post("/api/v1/documents", json=body), 422)
    assert problem["errors"][0]["field"] == "statements[0].end"
    assert counts(engine) == before


def test_unknown_kinds_are_422(client: TestClient[Any], engine: Engine) -> None:
    body = seed_body()
    body["statements"][0]["kind"] = "rumour"
    before = counts(engine)
    problem = assert_problem(client.post("/api/v1/documents", json=body), 422)
    assert "statements" in problem["errors"][0]["field"]
    body = seed_body()
    body["statements"][0]["chain"][0]["kind"] = "blogger"
    assert_problem(client.post("/api/v1/documents", json=body), 422)
    assert counts(engine) == before


def test_span_text_mismatch_and_blank_text_are_422(client: TestClient[Any]) -> None:
    body = seed_body()
    body["statements"][0]["text"] = "something else"
    assert_problem(client.post("/api/v1/documents", json=body), 422)
    assert_problem(client.post("/api/v1/documents", json={"text": "   \n "}), 422)
    assert_problem(client.post("/api/v1/documents", json={"title": "no text"}), 422)


def test_unknown_upstream_statement_is_422_and_writes_nothing(
    client: TestClient[Any], engine: Engine
) -> None:
    body = seed_body()
    body["statements"][0]["chain"][0]["upstream_statement_id"] = 987654
    before = counts(engine)
    assert_problem(client.post("/api/v1/documents", json=body), 422)
    assert counts(engine) == before


def test_body_over_limit_is_413(client: TestClient[Any], engine: Engine) -> None:
    before = counts(engine)
    huge = {"text": "kata " * (2 * 1024 * 1024 // 5 + 10)}
    assert_problem(client.post("/api/v1/documents", json=huge), 413)
    assert counts(engine) == before


def test_unknown_ids_are_404(client: TestClient[Any]) -> None:
    for path in (
        "/api/v1/documents/424242",
        "/api/v1/statements/424242",
        "/api/v1/statements/424242/chain",
        "/api/v1/sources/424242",
    ):
        problem = assert_problem(client.get(path), 404)
        assert "424242" in problem["detail"]


def test_nul_characters_are_422_never_500(client: TestClient[Any], engine: Engine) -> None:
    before = counts(engine)
    for path, value in (("url", "https://e.x/\x00"), ("title", "a\x00b")):
        assert_problem(client.post("/api/v1/documents", json=seed_body(**{path: value})), 422)
    body = seed_body()
    body["statements"][0]["chain"][1]["name"] = "KC\x00NA"
    problem = assert_problem(client.post("/api/v1/documents", json=body), 422)
    assert problem["errors"][0]["field"] == "statements[0].chain[1].name"
    assert counts(engine) == before
    # in a query parameter it is a malformed request: 400 (README: 400 versus 422)
    for path in ("/api/v1/statements", "/api/v1/sources"):
        assert_problem(client.get(path, params={"q": "a\x00"}), 400)
    assert_problem(client.get("/api/v1/documents", params={"url": "\x00"}), 400)


def test_oversized_url_title_outlet_are_422(client: TestClient[Any], engine: Engine) -> None:
    before = counts(engine)
    for field, value in (
        ("url", "https://e.x/" + "u" * 5000),
        ("title", "t" * 1001),
        ("outlet", "o" * 301),
    ):
        problem = assert_problem(
            client.post("/api/v1/documents", json=seed_body(**{field: value})), 422
        )
        assert problem["errors"][0]["field"] == field
    assert counts(engine) == before


def test_statements_say_which_rule_made_them(
    client: TestClient[Any], session_factory: sessionmaker[Session]
) -> None:
    manual = client.post("/api/v1/documents", json=seed_body()).json()
    assert [s["rule"] for s in manual["statements"]] == [None]  # entered by hand
    text_ = "Harbour fees will rise in May, the port authority said on Monday."
    words = "Harbour fees will rise in May"
    extracted = StatementIn(
        start=0,
        end=len(words),
        kind="indirect",
        speaker=SourceIn("port authority", "government_body"),
        rule="reported_speech",
    )
    with transaction(session_factory) as session:
        stored = store_document(
            session, DocumentIn(text=text_, statements=(extracted,)), origin="rules-test"
        )
    [statement] = stored.document.statements
    assert statement.rule == "reported_speech"
    assert client.get(f"/api/v1/statements/{statement.id}").json()["rule"] == "reported_speech"
    document = client.get(f"/api/v1/documents/{stored.document.id}").json()
    assert [s["rule"] for s in document["statements"]] == ["reported_speech"]
