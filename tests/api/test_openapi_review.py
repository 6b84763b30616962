"""The OpenAPI description: the bearer scheme, and every review, audit and key endpoint
with its statuses as problem+json."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

BODY = {413, 415, 422}
"""What a JSON body adds: too large or deep, not JSON, invalid fields."""
WRITES = {
    ("post", "/api/v1/documents"): {400, 401, 403, 503, *BODY},
    ("post", "/api/v1/statements/{statement_id}/review"): {400, 401, 403, 404, 412, 503, *BODY},
    ("patch", "/api/v1/statements/{statement_id}"): {400, 401, 403, 404, 412, 428, 503, *BODY},
    ("put", "/api/v1/statements/{statement_id}/chain"): {400, 401, 403, 404, 412, 428, 503, *BODY},
    ("put", "/api/v1/citations/{citation_id}/upstream"): {400, 401, 403, 404, 412, 428, 503, *BODY},
    ("post", "/api/v1/sources/{source_id}/merge"): {400, 401, 403, 404, 409, 412, 503, *BODY},
    ("post", "/api/v1/sources/{source_id}/split"): {400, 401, 403, 404, 409, 412, 503, *BODY},
    ("post", "/api/v1/documents/{document_id}/review"): {400, 401, 403, 404, 412, 503, *BODY},
    ("delete", "/api/v1/documents/{document_id}"): {400, 401, 403, 404, 412, 503},
    ("delete", "/api/v1/sources/{source_id}"): {400, 401, 403, 404, 409, 412, 503},
    ("get", "/api/v1/audit"): {400, 401, 403, 503},  # no body: a bad parameter is a 400
    ("post", "/api/v1/keys"): {400, 401, 403, 409, 503, *BODY},
    ("delete", "/api/v1/keys/{name}"): {400, 401, 403, 404, 409, 503},
}


def test_every_write_documents_its_statuses_and_the_bearer_scheme(
    anonymous_client: TestClient[Any],
) -> None:
    spec = anonymous_client.get("/schema/openapi.json").json()
    scheme = spec["components"]["securitySchemes"]["bearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    problem = spec["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "instance"} <= set(problem["properties"])
    for (method, path), statuses in WRITES.items():
        operation = spec["paths"][path][method]
        assert operation["security"] == [{"bearer": []}], (method, path)
        documented = {int(code) for code in operation["responses"] if int(code) >= 400}
        assert documented == statuses, (method, path, documented)
        for code in statuses:
            content = operation["responses"][str(code)]["content"]
            assert content["application/problem+json"]["schema"] == {
                "$ref": "#/components/schemas/Problem"
            }, (method, path, code)


def test_reads_are_open_and_say_when_a_key_is_needed(anonymous_client: TestClient[Any]) -> None:
    spec = anonymous_client.get("/schema/openapi.json").json()
    walk = spec["paths"]["/api/v1/statements/{statement_id}/chain"]["get"]
    assert walk["security"] == [{}, {"bearer": []}]
    assert "TRACKER_READS=key" in walk["responses"]["401"]["description"]
    assert "include" in {p["name"] for p in walk["parameters"]}
