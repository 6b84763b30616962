"""Reports and exports over HTTP: media types, formats, and problem+json errors."""

from __future__ import annotations

import csv
import io
from typing import Any

import prov
import pytest
import rdflib
from litestar.testing import TestClient
from prov.model import ProvDocument
from rdflib.namespace import PROV as PROV_NS
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.reporting import kcna_document, linked_pair, small_document

PROBLEM = "application/problem+json"


@pytest.fixture
def small(session_factory: sessionmaker[Session]) -> Any:
    return small_document(session_factory)


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


def test_document_report_in_every_report_format(client: TestClient[Any], small: Any) -> None:
    url = f"/api/v1/documents/{small.document.id}/report"
    as_json = client.get(url)
    assert as_json.status_code == 200
    assert as_json.headers["content-type"].startswith("application/json")
    body = as_json.json()
    assert body["summary"]["statements"] == 4
    assert body["statements"][0]["chain"] == "Yonhap → KCNA → Kim"
    md = client.get(url, params={"format": "md"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert "Yonhap → KCNA → Kim" in md.text
    page = client.get(url, params={"format": "html"})
    assert page.headers["content-type"].startswith("text/html")
    assert "<mark>" in page.text and "Yonhap → KCNA → Kim" in page.text
    rows = client.get(url, params={"format": "csv"})
    assert rows.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(rows.text)))) == 4


def test_document_exports(client: TestClient[Any], small: Any) -> None:
    url = f"/api/v1/documents/{small.document.id}/report"
    provjson = client.get(url, params={"format": "prov-json"})
    assert provjson.status_code == 200
    loaded = prov.read(io.StringIO(provjson.text), format="json")
    assert isinstance(loaded, ProvDocument)
    assert [str(b.identifier) for b in loaded.bundles] == [f"document:{small.document.id}"]
    jsonld = client.get(url, params={"format": "jsonld"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    graph = jsonld.json()
    assert graph["@context"] == "https://schema.org"
    assert graph["@graph"][0]["url"] == "https://news.example/ties"


def test_prov_o_is_turtle(client: TestClient[Any], small: Any) -> None:
    response = client.get(
        f"/api/v1/documents/{small.document.id}/report", params={"format": "prov-o"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    assert (None, PROV_NS.wasAttributedTo, None) in graph


def test_chain_keeps_its_json_and_gains_exports(
    client: TestClient[Any], session_factory: sessionmaker[Session]
) -> None:
    early, later = linked_pair(session_factory)
    statement_id = later.document.statements[0].id
    url = f"/api/v1/statements/{statement_id}/chain"
    walk = client.get(url).json()
    assert [h["source"]["name"] for h in walk["hops"]] == ["Antara", "KCNA", "Kim"]
    assert client.get(url, params={"format": "json"}).json() == walk
    provjson = client.get(url, params={"format": "prov-json"})
    loaded = prov.read(io.StringIO(provjson.text), format="json")
    assert isinstance(loaded, ProvDocument)
    assert {str(b.identifier) for b in loaded.bundles} == {
        f"document:{early.document.id}",
        f"document:{later.document.id}",
    }
    assert '"prov:Quotation"' in provjson.text and '"prov:PrimarySource"' in provjson.text
    jsonld = client.get(url, params={"format": "jsonld"}).json()
    assert jsonld["@type"] == "Quotation"
    assert jsonld["firstAppearance"]["url"] == "https://antara.example/1"


def test_sources_report(client: TestClient[Any], session_factory: sessionmaker[Session]) -> None:
    small_document(session_factory)
    kcna_document(session_factory)
    body = client.get("/api/v1/reports/sources").json()
    assert body["primary_sources"][0]["source"]["name"] == "Kim"
    assert body["primary_sources"][0]["statements"] == 2
    assert body["relaying_outlets"][0]["source"]["name"] == "KCNA"
    assert body["state_media_total"] == 2
    md = client.get("/api/v1/reports/sources", params={"format": "md", "limit": 1})
    assert md.headers["content-type"].startswith("text/markdown")
    assert "| Kim |" in md.text and "| Lee |" not in md.text
    page = client.get("/api/v1/reports/sources", params={"format": "html"})
    assert page.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/documents/424242/report",
        "/api/v1/documents/424242/report?format=prov-json",
        "/api/v1/documents/424242/report?format=jsonld",
        "/api/v1/statements/424242/chain?format=prov-json",
        "/api/v1/statements/424242/chain?format=jsonld",
    ],
)
def test_unknown_ids_are_404(client: TestClient[Any], path: str) -> None:
    _problem(client.get(path), 404)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/documents/{doc}/report?format=pdf",
        "/api/v1/statements/{statement}/chain?format=md",
        "/api/v1/reports/sources?format=prov-json",
    ],
)
def test_unknown_formats_are_400(client: TestClient[Any], small: Any, path: str) -> None:
    url = path.format(doc=small.document.id, statement=small.document.statements[0].id)
    body = _problem(client.get(url), 400)
    assert body["errors"][0]["field"] == "format"


@pytest.mark.parametrize("limit", ["0", "101", "many"])
def test_sources_limit_is_checked(client: TestClient[Any], limit: str) -> None:
    _problem(client.get("/api/v1/reports/sources", params={"limit": limit}), 400)
