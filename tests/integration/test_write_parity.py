"""One write path: the same articles through `POST /api/v1/documents` and through
`tracker ingest` leave the same sources, statements and hops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from api.app import create_app
from tests.integration.coastal_articles import coastal_articles
from tests.integration.snapshots import differences, snapshot
from tests.keys import bearer, issue_key
from tracker.cli import main
from tracker.config import Settings, get_settings
from tracker.extract import extract


def test_the_articles_hold_the_cases_the_paths_once_split_on() -> None:
    """An acronym typed `unknown` in one sentence and `person` in another, in one corpus."""
    kinds: dict[str, set[str]] = {}
    for record in coastal_articles(50):
        for st in extract(record["text"]).statements:
            for hop in st.chain:
                kinds.setdefault(hop.source.name, set()).add(hop.source.kind)
    assert any({"unknown", "person"} <= found for found in kinds.values())


def test_api_and_cli_store_the_same_articles_alike(
    db_url: str,
    second_db_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    engine: Engine,
) -> None:
    records = coastal_articles(50)
    settings = Settings(
        database_url=db_url, data_dir=tmp_path / "data", allowed_hosts=("testserver.local",)
    )
    key = issue_key(settings, engine, "parity-editor", "editor")
    with TestClient(app=create_app(settings)) as client:
        for record in records:
            response = client.post("/api/v1/documents", json=record, headers=bearer(key))
            assert response.status_code == 201, response.text

    path = tmp_path / "coast.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    monkeypatch.setenv("TRACKER_DATABASE_URL", second_db_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(main, ["ingest", str(path)])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "50 new, 0 already present, 0 failed" in result.output

    posted, ingested = snapshot(db_url), snapshot(second_db_url)
    kinds = {row[1] for row in posted["sources"]}
    # the mix is there ("kantor berita TASS" is a news outlet, no government body)
    assert {"person", "news_outlet", "anonymous"} <= kinds
    assert any(row[7] for row in posted["statements"])  # surfaces: "ujarnya", a surname
    assert len(posted["statements"]) > 150 and len(posted["hops"]) > len(posted["statements"])
    mismatches = {
        table: differences(posted[table], ingested[table], "API", "CLI")
        for table in ("documents", "sources", "statements", "hops")
    }
    assert not any(mismatches.values()), mismatches
