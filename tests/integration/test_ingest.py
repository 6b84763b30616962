"""Extraction on ingest, bulk ingest from files, idempotency, re-extraction, stats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine

from api.app import create_app
from tests.keys import bearer
from tracker.cli import main
from tracker.config import Settings, get_settings
from tracker.extract import EXTRACTOR_VERSION
from tracker.provenance.identity import fingerprint
from tracker.synthetic import generate

RELAY_ID = (
    "Pemimpin Korea Utara, Kim Jong Un, memuji hubungan dengan Rusia.\n"
    "Berdasarkan laporan Yonhap yang mengutip media resmi Korea Utara, KCNA, Kim menyatakan "
    "bahwa persahabatan kedua negara ‘tidak tergoyahkan’ sejak pertemuan bulan lalu.\n"
    "“Kerja sama kita akan terus tumbuh,” sambungnya.\n"
    "Harga minyak dunia naik dua persen pada pekan ini."
)


@pytest.fixture
def client(settings: Settings, editor_key: str) -> Any:
    with TestClient(app=create_app(settings)) as test_client:
        test_client.headers.update(bearer(editor_key))
        yield test_client


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def _walk_names(client: TestClient[Any], statement_id: int) -> list[str]:
    walk = client.get(f"/api/v1/statements/{statement_id}/chain").json()
    return [h["source"]["name"] for h in walk["hops"]]


def test_post_without_statements_runs_the_extractor(client: TestClient[Any]) -> None:
    response = client.post("/api/v1/documents", json={"text": RELAY_ID, "outlet": "Kompas"})
    assert response.status_code == 201, response.text
    doc = response.json()
    assert doc["language"] == "id"
    assert doc["outlet"]["name"] == "Kompas"
    statements = doc["statements"]
    assert statements and {s["origin"] for s in statements} == {EXTRACTOR_VERSION}
    relayed = next(s for s in statements if "tidak tergoyahkan" in s["text"])
    assert _walk_names(client, relayed["id"]) == ["Yonhap", "KCNA", "Kim Jong Un"]
    continued = next(s for s in statements if s["text"].startswith("“Kerja sama"))
    assert _walk_names(client, continued["id"]) == ["Yonhap", "KCNA", "Kim Jong Un"]
    kim_ids = {s["speaker"]["id"] for s in statements if s["speaker"]["name"] == "Kim Jong Un"}
    assert len(kim_ids) == 1
    assert not any("Harga minyak" in s["text"] for s in statements)


def test_extract_false_stores_text_only(client: TestClient[Any]) -> None:
    response = client.post("/api/v1/documents?extract=false", json={"text": RELAY_ID})
    assert response.status_code == 201 and response.json()["statements"] == []


def test_sources_merge_across_documents_and_anonymous_never(client: TestClient[Any]) -> None:
    first = "Menteri Budi Santoso mengatakan bahwa harga beras akan turun bulan depan."
    second = (
        "Budi Santoso, Menteri Keuangan, menegaskan bahwa inflasi tetap terkendali. "
        "Seorang pejabat mengatakan bahwa pajak akan naik."
    )
    third = "Seorang pejabat mengatakan bahwa pajak akan turun."
    docs = [
        client.post("/api/v1/documents", json={"text": t}).json() for t in (first, second, third)
    ]
    budi = {
        s["speaker"]["id"] for d in docs for s in d["statements"] if "Budi" in s["speaker"]["name"]
    }
    assert len(budi) == 1
    anonymous = {
        s["speaker"]["id"]
        for d in docs
        for s in d["statements"]
        if s["speaker"]["kind"] == "anonymous"
    }
    assert len(anonymous) == 2


def test_later_role_and_affiliation_enrich_never_erase(client: TestClient[Any]) -> None:
    def post(text_: str, **speaker: Any) -> int:
        start = text_.index("harga")
        body = {
            "text": text_,
            "statements": [
                {
                    "start": start,
                    "end": len(text_),
                    "kind": "indirect",
                    "speaker": {"name": "Budi Santoso", "kind": "person", **speaker},
                }
            ],
        }
        doc = client.post("/api/v1/documents", json=body).json()
        return int(doc["statements"][0]["speaker"]["id"])

    first = post("Budi berkata harga turun.", role="Menteri")
    second = post(
        "Pak Budi berkata harga naik.",
        role="Menteri Keuangan",
        affiliation="Kementerian Keuangan",
    )
    third = post("Budi Santoso berkata harga stabil.")
    assert first == second == third
    source = client.get(f"/api/v1/sources/{first}").json()
    assert source["role"] == "Menteri Keuangan"
    assert source["affiliation"]["name"] == "Kementerian Keuangan"


def test_outlet_from_url_domain(client: TestClient[Any]) -> None:
    doc = client.post(
        "/api/v1/documents",
        json={"text": RELAY_ID, "url": "https://www.antaranews.com/berita/77"},
    ).json()
    assert doc["outlet"]["name"] == "Antara" and doc["outlet"]["state_media"] is True


def test_seed_acceptance(client: TestClient[Any], seed_text: str) -> None:
    body = {"text": seed_text, "outlet": "BBC News Indonesia"}
    doc = client.post("/api/v1/documents", json=body).json()
    scare = next(s for s in doc["statements"] if "tak terkalahkan dan abadi" in s["text"])
    walk = client.get(f"/api/v1/statements/{scare['id']}/chain").json()
    assert [h["source"]["name"] for h in walk["hops"]] == ["Yonhap", "KCNA", "Kim Jong Un"]
    kims = {s["speaker"]["id"] for s in doc["statements"] if "Kim" in s["speaker"]["name"]}
    assert len(kims) == 1


def _write_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(RELAY_ID, encoding="utf-8")
    records = [a.to_record() for a in generate(6, seed=11)]
    lines = (
        [json.dumps(r) for r in records[:3]] + ["{broken"] + [json.dumps(r) for r in records[3:]]
    )
    (folder / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"harga naik \xff\xfe")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "page.html").write_text(
        "<html><body><nav>menu</nav></body></html>", encoding="utf-8"
    )


def test_cli_ingest_reports_and_skips_bad_items(runner: CliRunner, tmp_path: Path) -> None:
    _write_inputs(tmp_path / "in")
    result = runner.invoke(main, ["ingest", str(tmp_path / "in"), "--batch-size", "3"])
    assert result.exit_code == 1, result.output
    assert "7 new, 0 already present, 4 failed" in result.output
    for reason in ("invalid JSON", "not UTF-8", "empty", "no article body"):
        assert reason in result.output
    again = runner.invoke(main, ["ingest", str(tmp_path / "in")])
    assert "0 new, 7 already present, 4 failed" in again.output
    stats = json.loads(runner.invoke(main, ["stats", "--json"]).output)
    assert stats["documents"] == 7 and stats["statements"] > 7
    assert set(stats["sources"]) >= {"person", "news_outlet", "anonymous"}


def test_rerun_with_a_stored_document_stores_new_ones_without_url(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Two documents without a URL are never the same document by URL (None is no URL).

    Regression: a batch holding one stored document counted every new URL-less document
    of the batch as already present, and the run said "0 failed".
    """
    first = tmp_path / "a.txt"
    first.write_text("Menurut Reuters, menteri Budi mengatakan bahwa harga beras akan turun.\n")
    second = tmp_path / "b.txt"
    second.write_text("\u201cKami siap bekerja,\u201d kata Sri Mulyani di Jakarta.\n")
    assert runner.invoke(main, ["ingest", str(first)]).exit_code == 0
    again = runner.invoke(main, ["ingest", str(first), str(second)])
    assert again.exit_code == 0, again.output
    assert "1 new, 1 already present, 0 failed" in again.output
    stats = json.loads(runner.invoke(main, ["stats", "--json"]).output)
    assert stats["documents"] == 2


def test_cli_ingest_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(main, ["ingest", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad_option = runner.invoke(main, ["ingest", str(tmp_path), "--format", "pdf"])
    assert bad_option.exit_code == 2


def test_cli_ingest_stdin_and_jobs(runner: CliRunner, tmp_path: Path) -> None:
    records = "\n".join(json.dumps(a.to_record()) for a in generate(8, seed=5))
    result = runner.invoke(main, ["ingest", "-", "--format", "jsonl"], input=records)
    assert result.exit_code == 0 and "8 new" in result.output
    path = tmp_path / "more.jsonl"
    path.write_text("\n".join(json.dumps(a.to_record()) for a in generate(6, seed=6)))
    parallel = runner.invoke(main, ["ingest", str(path), "--jobs", "2"])
    assert parallel.exit_code == 0 and "6 new" in parallel.output, parallel.output


def test_reextract_keeps_manual_statements(
    client: TestClient[Any], runner: CliRunner, engine: Engine
) -> None:
    doc = client.post("/api/v1/documents", json={"text": RELAY_ID}).json()
    quote = "Harga minyak dunia naik dua persen"
    start = RELAY_ID.index(quote)
    with engine.begin() as conn:
        machine_before = conn.execute(
            text("SELECT count(*) FROM statement WHERE document_id = :d"), {"d": doc["id"]}
        ).scalar_one()
        conn.execute(
            text("UPDATE statement SET origin = 'rules-0.0.1' WHERE document_id = :d"),
            {"d": doc["id"]},
        )
        speaker = conn.execute(text("SELECT id FROM source LIMIT 1")).scalar_one()
        conn.execute(
            text(
                "INSERT INTO statement (document_id, document_length, kind, start_offset, "
                "end_offset, text, speaker_id, origin, fingerprint) VALUES (:d, :n, 'indirect', "
                ":s, :e, :t, :sp, 'manual', :fp)"
            ),
            {
                "d": doc["id"],
                "n": len(RELAY_ID),
                "s": start,
                "e": start + len(quote),
                "t": quote,
                "sp": speaker,
                "fp": fingerprint(quote),
            },
        )
    result = runner.invoke(main, ["reextract", str(doc["id"])])
    assert result.exit_code == 0, result.output
    assert f"{machine_before} removed, {machine_before} added, 1 kept" in result.output
    with engine.connect() as conn:
        origins = conn.execute(
            text("SELECT origin, count(*) FROM statement WHERE document_id = :d GROUP BY origin"),
            {"d": doc["id"]},
        ).all()
    assert dict(origins) == {"manual": 1, EXTRACTOR_VERSION: machine_before}
    assert runner.invoke(main, ["reextract"]).exit_code == 2
    assert runner.invoke(main, ["reextract", "999999"]).exit_code == 2


def test_the_documents_own_outlet_is_no_hop_on_ingest_and_reextraction(
    client: TestClient[Any], runner: Any
) -> None:
    """POST /api/v1/documents passes its `outlet` to the extractor, and so does reextract
    with the stored document's outlet: "told Reuters" in a Reuters story is first-hand."""
    told = "The plant will close in May, chief executive Anna Berg told Reuters."
    own = client.post("/api/v1/documents", json={"text": told, "outlet": "Reuters"}).json()
    other = client.post(
        "/api/v1/documents", json={"text": told + " ", "outlet": "The Daily Ledger"}
    ).json()
    (mine,) = own["statements"]
    (theirs,) = other["statements"]
    assert _walk_names(client, mine["id"]) == ["Anna Berg"]
    assert _walk_names(client, theirs["id"]) == ["Reuters", "Anna Berg"]
    result = runner.invoke(main, ["reextract", str(own["id"])])
    assert result.exit_code == 0, result.output
    (again,) = client.get(f"/api/v1/documents/{own['id']}").json()["statements"]
    assert _walk_names(client, again["id"]) == ["Anna Berg"]


def test_stats_count_what_was_stored(client: TestClient[Any]) -> None:
    client.post("/api/v1/documents", json={"text": RELAY_ID})
    stats = client.get("/api/v1/stats").json()
    assert stats["documents"] == 1 and stats["statements"] >= 3
    assert stats["sources"]["news_outlet"] >= 2 and stats["citations"] >= stats["statements"]


def test_documents_list_newest_first_by_language_url_and_outlet(client: TestClient[Any]) -> None:
    for article in generate(4, seed=3):
        record = article.to_record()
        assert client.post("/api/v1/documents", json=record).status_code == 201
    listing = client.get("/api/v1/documents", params={"language": "en"}).json()
    assert len(listing["items"]) == 2
    ids = [d["id"] for d in listing["items"]]
    assert ids == sorted(ids, reverse=True)
    url = "https://news.example/3/0"
    by_url = client.get("/api/v1/documents", params={"url": url}).json()["items"]
    assert [d["url"] for d in by_url] == [url]
    outlet = by_url[0]["outlet"]["name"]
    by_outlet = client.get("/api/v1/documents", params={"outlet": outlet.lower()}).json()["items"]
    assert by_outlet and all(d["outlet"]["name"] == outlet for d in by_outlet)


def test_bulk_and_single_paths_resolve_outlets_alike(
    runner: CliRunner, client: TestClient[Any], tmp_path: Path
) -> None:
    record = {"text": RELAY_ID, "outlet": "AP", "url": "https://example.test/ap/1"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record), encoding="utf-8")
    assert runner.invoke(main, ["ingest", str(path)]).exit_code == 0
    posted = client.post(
        "/api/v1/documents", json={"text": RELAY_ID + " Lagi.", "outlet": "The Associated Press"}
    ).json()
    listed = client.get("/api/v1/documents", params={"url": record["url"]}).json()["items"]
    assert listed[0]["outlet"]["id"] == posted["outlet"]["id"]
    assert posted["outlet"]["name"] == "Associated Press"


def test_description_named_later_is_one_source(client: TestClient[Any]) -> None:
    text_ = (
        "Pada hari Senin, seorang juru bicara kepolisian mengungkapkan bahwa tiga orang "
        "telah ditahan.\n"
        "Menurut data terbaru, juru bicara kepolisian Andi Pratama mengatakan bahwa "
        "penyelidikan masih berlangsung."
    )
    doc = client.post("/api/v1/documents", json={"text": text_}).json()
    speakers = {s["speaker"]["id"] for s in doc["statements"]}
    names = {s["speaker"]["name"] for s in doc["statements"]}
    assert len(doc["statements"]) == 2
    assert names == {"Andi Pratama"} and len(speakers) == 1
    surfaces = {s["speaker_surface"] for s in doc["statements"]}
    assert any(surface and surface.startswith("seorang") for surface in surfaces)
