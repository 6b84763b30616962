"""What schemathesis found the API and its OpenAPI document disagreeing on, each pinned
by a plain request: a parameter outside its schema is a 400 (never quietly a default), a
malformed If-Match a 400 (a well-formed one not the row's still a 412), OPTIONS names
every method of its path, and the router's own answers carry X-Request-Id too."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from api.errors import PROBLEM_JSON
from tests.review.world import database_state, story
from tracker.config import Settings
from tracker.service import TrackerService


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


@pytest.mark.parametrize(
    "query",
    [
        "limit=1&limit=500",  # Litestar kept the last one
        "include=null",  # read as "not sent"
        "limit=null",
        "limit=0",
        "document_id=0",
        "document_id=9223372036854775808",  # one past a bigint
        "cursor=!!",
    ],
)
def test_a_query_parameter_outside_its_schema_is_a_400(
    anonymous_client: TestClient[Any], query: str
) -> None:
    body = _problem(anonymous_client.get(f"/api/v1/statements?{query}"), 400)
    assert body["instance"] == "/api/v1/statements"


def test_free_text_may_be_the_word_null(anonymous_client: TestClient[Any]) -> None:
    response = anonymous_client.get("/api/v1/statements?q=null")
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("since", ["0.5", "2026-10-08", "2026-10-08T09:00:00"])
def test_since_must_be_an_rfc3339_time_with_its_offset(client: TestClient[Any], since: str) -> None:
    body = _problem(client.get("/api/v1/audit", params={"since": since}), 400)
    assert body["errors"] == [{"field": "since", "message": "not an RFC 3339 date-time"}]


def test_since_with_an_offset_is_taken(client: TestClient[Any]) -> None:
    response = client.get("/api/v1/audit", params={"since": "2026-10-08T09:00:00+07:00"})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("if_match", ["1", '"1", "2"', "abc", '"1'])
def test_a_malformed_if_match_is_a_400_and_writes_nothing(
    client: TestClient[Any], settings: Settings, engine: Engine, if_match: str
) -> None:
    statement = story(TrackerService(settings, engine=engine)).first_hand
    before = database_state(engine)
    response = client.patch(
        f"/api/v1/statements/{statement.id}",
        json={"kind": "indirect"},
        headers={"If-Match": if_match},
    )
    body = _problem(response, 400)
    assert body["errors"][0]["field"] == "If-Match"
    assert database_state(engine) == before


@pytest.mark.parametrize("if_match", ['"999"', 'W/"1"', '"abc"'])
def test_a_well_formed_entity_tag_not_the_rows_is_a_412(
    client: TestClient[Any], settings: Settings, engine: Engine, if_match: str
) -> None:
    """RFC 9110 compares If-Match strongly: a weak tag, or one of no version, never
    matches; well-formed, it is a failed precondition, not a malformed header."""
    statement = story(TrackerService(settings, engine=engine)).first_hand
    before = database_state(engine)
    response = client.patch(
        f"/api/v1/statements/{statement.id}",
        json={"kind": "indirect"},
        headers={"If-Match": if_match},
    )
    _problem(response, 412)
    assert database_state(engine) == before


def test_options_names_every_method_of_the_path(anonymous_client: TestClient[Any]) -> None:
    response = anonymous_client.options("/api/v1/statements/1")
    allowed = {m.strip() for m in response.headers["allow"].split(",")}
    assert {"GET", "PATCH", "OPTIONS"} <= allowed
    not_allowed = anonymous_client.request("TRACE", "/api/v1/statements/1")
    assert not_allowed.status_code == 405
    assert {m.strip() for m in not_allowed.headers["allow"].split(",")} == allowed


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/api/v1/no-such-path", 404), ("TRACE", "/api/v1/statements", 405)],
)
def test_the_routers_own_answers_carry_a_request_id(
    anonymous_client: TestClient[Any], method: str, path: str, status: int
) -> None:
    response = anonymous_client.request(method, path, headers={"X-Request-Id": "abc-1"})
    assert response.status_code == status
    assert response.headers["x-request-id"] == "abc-1"


def test_every_operation_documents_400_and_503(
    anonymous_client: TestClient[Any],
) -> None:
    spec = anonymous_client.get("/schema/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for code in ("400", "503"):
                content = operation["responses"][code]["content"]
                if (path, code) == ("/health", "503"):
                    # its own body: the same fields as its 200, status "unavailable"
                    assert content["application/json"]["schema"]["$ref"].endswith("/Health")
                    continue
                assert PROBLEM_JSON in content, (method, path, code)


def test_reports_are_declared_as_the_objects_they_return(
    anonymous_client: TestClient[Any],
) -> None:
    spec = anonymous_client.get("/schema/openapi.json").json()
    for path in ("/api/v1/documents/{document_id}/report", "/api/v1/reports/sources"):
        schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ]
        assert schema.get("type") != "string", (path, schema)
        assert "$ref" in schema or "oneOf" in schema or "anyOf" in schema, (path, schema)


@pytest.mark.parametrize(
    "path", ["/api/v1/audit?limt=5", "/api/v1/statements?=false", "/api/v1/stats?x=1"]
)
def test_an_unknown_query_parameter_is_a_400(client: TestClient[Any], path: str) -> None:
    body = _problem(client.get(path), 400)
    assert body["errors"][0]["message"] == "unknown"
