"""Provenance across documents: automatic links, appearances, flags, lookup by text."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient

from api.app import create_app
from tests.keys import bearer
from tracker.cli import main
from tracker.config import Settings, get_settings

ANTARA_EARLY = (
    "Pyongyang - Pemimpin Korea Utara, Kim Jong Un, memuji hubungan dengan Rusia. "
    "Media resmi Korea Utara, KCNA, melaporkan pidato itu pada Senin. "
    "“Persahabatan kita tidak akan pernah goyah oleh tekanan apa pun dari Barat,” "
    "kata Kim seperti dikutip KCNA."
)
LATER_CITING_ANTARA = (
    "Jakarta - Pemimpin Korea Utara Kim Jong Un kembali memuji Rusia pekan ini. "
    "“Persahabatan kita tidak akan pernah goyah oleh tekanan apa pun dari Amerika,” "
    "kata Kim, dikutip dari Antara."
)
PUTIN_VERSION = (
    "Moskow - Presiden Rusia Vladimir Putin memuji Korea Utara. "
    "“Persahabatan kita tidak akan pernah goyah oleh tekanan apa pun dari Barat,” kata Putin."
)


@pytest.fixture
def client(settings: Settings, editor_key: str) -> Any:
    with TestClient(app=create_app(settings)) as test_client:
        test_client.headers.update(bearer(editor_key))
        yield test_client


def _post(client: TestClient[Any], text: str, **meta: Any) -> dict[str, Any]:
    response = client.post("/api/v1/documents", json={"text": text, **meta})
    assert response.status_code == 201, response.text
    return dict(response.json())


def _quote_statement(doc: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in doc["statements"] if s["text"].startswith("“Persahabatan"))


def _antara_pair(client: TestClient[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    early = _post(
        client,
        ANTARA_EARLY,
        outlet="Antara",
        url="https://www.antaranews.com/berita/1001",
        published_at="2026-10-06T08:00:00Z",
    )
    later = _post(
        client,
        LATER_CITING_ANTARA,
        outlet="Harian Nusantara",
        published_at="2026-10-07T10:00:00Z",
    )
    return early, later


def test_later_story_walks_through_the_earlier_antara_story(client: TestClient[Any]) -> None:
    early, later = _antara_pair(client)
    statement = _quote_statement(later)
    walk = client.get(f"/api/v1/statements/{statement['id']}/chain").json()
    assert [h["source"]["name"] for h in walk["hops"]] == ["Antara", "KCNA", "Kim Jong Un"]
    antara_hop = walk["hops"][0]
    assert antara_hop["continues_statement_id"] == _quote_statement(early)["id"]
    assert antara_hop["link"]["method"] == "fuzzy"
    assert 0.8 <= antara_hop["link"]["similarity"] < 1.0
    assert walk["hops"][1]["document_id"] == early["id"]
    assert {"altered", "state_media_origin", "complete"} <= set(walk["flags"])
    assert "misattributed" not in walk["flags"]

    appearances = client.get(f"/api/v1/statements/{statement['id']}/appearances").json()
    items = appearances["items"]
    assert [i["document_id"] for i in items] == [early["id"], later["id"]]
    assert [i["first_appearance"] for i in items] == [True, False]
    assert items[0]["outlet"] == "Antara"
    assert "altered" in items[1]["flags"] and "altered" not in items[0]["flags"]
    assert items[1]["diff"] == [{"op": "replace", "from": "barat", "to": "amerika"}]
    assert items[0]["speaker"]["name"] == "Kim Jong Un"


def test_third_story_naming_putin_is_misattributed(client: TestClient[Any]) -> None:
    early, later = _antara_pair(client)
    putin = _post(client, PUTIN_VERSION, outlet="Metro Herald", published_at="2026-10-08T00:00:00Z")
    statement = _quote_statement(putin)
    items = client.get(f"/api/v1/statements/{statement['id']}/appearances").json()["items"]
    by_doc = {i["document_id"]: i for i in items}
    assert set(by_doc) == {early["id"], later["id"], putin["id"]}
    assert "misattributed" in by_doc[putin["id"]]["flags"]
    assert "misattributed" not in by_doc[later["id"]]["flags"]


def test_link_never_goes_forward_in_time(client: TestClient[Any]) -> None:
    later = _post(client, LATER_CITING_ANTARA, published_at="2026-10-01T00:00:00Z")
    _post(client, ANTARA_EARLY, outlet="Antara", published_at="2026-10-06T08:00:00Z")
    walk = client.get(f"/api/v1/statements/{_quote_statement(later)['id']}/chain").json()
    assert "time_inversion" in walk["flags"]
    assert walk["hops"][0]["continues_statement_id"] is None


def test_unknown_publication_time_links_without_inversion(client: TestClient[Any]) -> None:
    _post(client, ANTARA_EARLY, outlet="Antara")
    later = _post(client, LATER_CITING_ANTARA, published_at="2026-10-07T10:00:00Z")
    walk = client.get(f"/api/v1/statements/{_quote_statement(later)['id']}/chain").json()
    assert [h["source"]["name"] for h in walk["hops"]] == ["Antara", "KCNA", "Kim Jong Un"]
    assert "time_inversion" not in walk["flags"]


CLAIM = "harga beras akan turun sepuluh persen bulan depan di seluruh provinsi"


def test_stories_citing_each_other_walk_circular(client: TestClient[Any]) -> None:
    a = _post(
        client,
        f"Menurut laporan Tempo, pemerintah menyatakan bahwa {CLAIM}.",
        outlet="Kompas",
        published_at="2026-10-01T00:00:00Z",
    )
    b = _post(
        client,
        f"Seperti dilansir Kompas, pemerintah menyatakan bahwa {CLAIM}.",
        outlet="Tempo",
        published_at="2026-10-01T00:00:00Z",
    )
    for doc in (a, b):
        claim = next(s for s in doc["statements"] if CLAIM in s["text"])
        walk = client.get(f"/api/v1/statements/{claim['id']}/chain")
        assert walk.status_code == 200
        body = walk.json()
        assert "circular" in body["flags"], body
        assert len(body["hops"]) <= 4


def test_provenance_lookup_by_text(client: TestClient[Any]) -> None:
    early, later = _antara_pair(client)
    response = client.get(
        "/api/v1/provenance",
        params={
            "quote": "persahabatan kita tidak akan pernah goyah oleh tekanan apa pun dari barat"
        },
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert items[0]["statement_id"] == _quote_statement(early)["id"]
    assert items[0]["similarity"] == 1.0
    assert {i["document_id"] for i in items} == {early["id"], later["id"]}
    for item in items:
        assert item["first_appearance"]["document_id"] == early["id"]
        assert [p["name"] for p in item["primary_sources"]] == ["Kim Jong Un"]
    assert client.get("/api/v1/provenance", params={"quote": "zebra quantum"}).json() == {
        "items": []
    }
    problem = client.get("/api/v1/provenance", params={"quote": "…!!"})
    assert problem.status_code == 400
    assert client.get("/api/v1/provenance").status_code == 400


def test_single_source_across_documents(client: TestClient[Any]) -> None:
    quote = "Kami akan membangun tiga bendungan baru sebelum musim hujan tiba"
    docs = []
    for i, outlet in enumerate(("Kompas", "Tempo", "Detik")):
        text = f"Laporan {i}. “{quote},” kata Menteri Budi Santoso di Bandung."
        docs.append(_post(client, text, outlet=outlet, published_at=f"2026-10-0{i + 1}T00:00:00Z"))
    sid = docs[2]["statements"][0]["id"]
    appearances = client.get(f"/api/v1/statements/{sid}/appearances").json()
    assert len(appearances["items"]) == 3
    assert "single_source" in appearances["flags"]
    assert all("single_source" in i["flags"] for i in appearances["items"])


def test_cli_link_and_provenance(db_url: str, monkeypatch: pytest.MonkeyPatch, client: Any) -> None:
    later = _post(client, LATER_CITING_ANTARA, published_at="2026-10-07T10:00:00Z")
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    get_settings.cache_clear()
    runner = CliRunner()
    try:
        assert runner.invoke(main, ["link"]).exit_code == 2
        result = runner.invoke(main, ["link", "--all"])
        assert result.exit_code == 0 and "links made: 0" in result.output
        found = runner.invoke(main, ["provenance", "tidak akan pernah goyah oleh tekanan"])
        assert found.exit_code == 0
        assert f"document {later['id']}" in found.output
        assert runner.invoke(main, ["link", "424242"]).exit_code == 2
    finally:
        get_settings.cache_clear()
