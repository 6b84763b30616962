"""Rules every request meets: allowed hosts, 400 for malformed parameters, 405 with Allow, and
a /schema page that loads nothing from another site (issue 14, items 5 and 7)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from litestar.testing import TestClient

from api.app import create_app
from tests.api.test_documents_api import assert_problem, seed_body
from tracker.config import Settings

EVIL = {"host": "rebound.example"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/health"),
        ("GET", "/api/v1/stats"),
        ("GET", "/api/v1/documents"),
        ("POST", "/api/v1/documents"),
        ("GET", "/schema"),
        ("GET", "/schema/openapi.json"),
        ("GET", "/static/desk.css"),
    ],
)
def test_a_host_not_allowed_is_400_on_every_route(
    client: TestClient[Any], method: str, path: str
) -> None:
    kwargs: dict[str, Any] = {"json": seed_body()} if method == "POST" else {}
    problem = assert_problem(client.request(method, path, headers=EVIL, **kwargs), 400)
    assert problem["title"] == "Host not allowed"
    assert "TRACKER_ALLOWED_HOSTS" in problem["detail"]
    assert client.get("/api/v1/stats").json()["documents"] == 0


def test_pages_refuse_a_host_not_allowed_too(client: TestClient[Any]) -> None:
    for path in ("/", "/corpus", "/search?quote=harga"):
        page = client.get(path, headers=EVIL)
        assert page.status_code == 400
        assert "Host not allowed" in page.text


def test_forwarded_host_headers_do_not_get_a_request_past(client: TestClient[Any]) -> None:
    headers = {**EVIL, "x-forwarded-host": "localhost", "forwarded": "host=localhost"}
    assert_problem(client.get("/health", headers=headers), 400)


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"])
def test_loopback_names_are_served_on_any_port(client: TestClient[Any], host: str) -> None:
    assert client.get("/api/v1/stats", headers={"host": host}).status_code == 200


def test_a_configured_host_list_replaces_the_default(settings: Settings) -> None:
    listed = dataclasses.replace(settings, allowed_hosts=("news.example.org",))
    with TestClient(app=create_app(listed), base_url="http://news.example.org") as client:
        assert client.get("/api/v1/stats").status_code == 200
        assert_problem(client.get("/api/v1/stats", headers={"host": "localhost"}), 400)


def test_trace_and_other_unsupported_methods_are_405_with_allow(client: TestClient[Any]) -> None:
    for method, path, allowed in (
        ("TRACE", "/api/v1/documents", {"GET", "POST"}),
        ("DELETE", "/api/v1/documents", {"GET", "POST"}),
        ("TRACE", "/health", {"GET"}),
        ("PUT", "/api/v1/stats", {"GET"}),
    ):
        response = client.request(method, path)
        assert_problem(response, 405)
        allow = {m.strip() for m in response.headers["allow"].split(",")}
        assert allowed <= allow and method not in allow, (method, path, allow)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/statements?cursor=bm9wZQ",
        "/api/v1/documents?cursor=%7B%7D",
        "/api/v1/sources?kind=blogger",
        "/api/v1/provenance?quote=%E2%80%A6%21%21",
        "/api/v1/reports/sources?format=pdf",
        "/api/v1/statements/1/chain?format=md",
        "/api/v1/documents/1/report?format=pdf",
        "/api/v1/statements?limit=0",
        "/api/v1/statements?document_id=x",
    ],
)
def test_malformed_parameters_are_400_as_the_readme_says(
    client: TestClient[Any], path: str
) -> None:
    problem = assert_problem(client.get(path), 400)
    assert problem["errors"]


def test_the_schema_page_loads_nothing_from_another_site(client: TestClient[Any]) -> None:
    page = client.get("/schema")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script" not in page.text and "style=" not in page.text
    loaded = re.findall(r'<(?:link|img|iframe)[^>]*(?:href|src)="([^"]+)"', page.text)
    assert loaded, "the page has its stylesheet"
    for url in loaded:
        assert url.startswith("/") and not url.startswith("//"), url
        assert client.get(url).status_code == 200, url
    assert "POST" in page.text and "/api/v1/documents" in page.text
    assert 'id="schema-DocumentCreate"' in page.text


def test_the_schema_stays_available_to_tools(client: TestClient[Any]) -> None:
    schema = client.get("/schema/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/documents" in schema.json()["paths"]
    assert client.get("/schema/openapi.yaml").status_code == 200
    for cdn_page in ("/schema/swagger", "/schema/redoc", "/schema/elements", "/schema/rapidoc"):
        assert client.get(cdn_page).status_code == 404, cdn_page
