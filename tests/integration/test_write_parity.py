"""One write path: the same articles through `POST /api/v1/documents` and through
`tracker ingest` leave the same sources, statements and hops."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy import text

from api.app import create_app
from tests.integration.coastal_articles import coastal_articles
from tracker.cli import main
from tracker.config import Settings, get_settings
from tracker.db import make_engine
from tracker.extract import extract

_SOURCES_SQL = text(
    """
    SELECT s.name, s.kind, s.role, s.state_media, a.name AS affiliation, d.url AS scope,
           ARRAY(SELECT al.alias FROM source_alias al WHERE al.source_id = s.id
                 ORDER BY al.alias) AS aliases
    FROM source s LEFT JOIN source a ON a.id = s.affiliation_id
    LEFT JOIN document d ON d.id = s.scope_document_id
    """
)
_DOCUMENTS_SQL = text(
    """
    SELECT d.url, d.language, d.title, d.published_at, o.name AS outlet, o.state_media
    FROM document d LEFT JOIN source o ON o.id = d.outlet_id
    """
)
_STATEMENTS_SQL = text(
    """
    SELECT d.url, st.start_offset, st.end_offset, st.kind, st.cue, st.origin,
           st.speaker_surface, sp.name AS speaker, sp.kind AS speaker_kind
    FROM statement st JOIN document d ON d.id = st.document_id
    LEFT JOIN source sp ON sp.id = st.speaker_id
    """
)
_HOPS_SQL = text(
    """
    SELECT d.url, st.start_offset, st.end_offset, c.position, p.position AS parent_position,
           s.name AS source, s.kind AS source_kind, c.relation, c.cue, c.evidence_start,
           c.evidence_end, c.source_surface, c.link_method,
           ud.url AS upstream_url, us.start_offset AS upstream_start
    FROM citation c JOIN statement st ON st.id = c.statement_id
    JOIN document d ON d.id = c.document_id JOIN source s ON s.id = c.source_id
    LEFT JOIN citation p ON p.id = c.parent_id
    LEFT JOIN statement us ON us.id = c.upstream_statement_id
    LEFT JOIN document ud ON ud.id = us.document_id
    """
)


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a write stores, by value: no row ids, which differ between databases."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                name: sorted(
                    (tuple(tuple(v) if isinstance(v, list) else v for v in row) for row in rows),
                    key=repr,
                )
                for name, rows in (
                    ("sources", conn.execute(_SOURCES_SQL).all()),
                    ("documents", conn.execute(_DOCUMENTS_SQL).all()),
                    ("statements", conn.execute(_STATEMENTS_SQL).all()),
                    ("hops", conn.execute(_HOPS_SQL).all()),
                )
            }
    finally:
        engine.dispose()


def _differences(a: list[tuple[Any, ...]], b: list[tuple[Any, ...]]) -> list[str]:
    only_a = [f"API only: {row}" for row in a if row not in b]
    only_b = [f"CLI only: {row}" for row in b if row not in a]
    return (only_a + only_b)[:12]


def test_the_articles_hold_the_cases_the_paths_once_split_on() -> None:
    """An acronym typed `unknown` in one sentence and `person` in another, in one corpus."""
    kinds: dict[str, set[str]] = {}
    for record in coastal_articles(50):
        for st in extract(record["text"]).statements:
            for hop in st.chain:
                kinds.setdefault(hop.source.name, set()).add(hop.source.kind)
    assert any({"unknown", "person"} <= found for found in kinds.values())


@pytest.mark.xfail(
    strict=True,
    reason="two write paths: only the API joins an `unknown` mention to a typed source "
    "(the CLI stores FRMA and GLPX twice: 2 sources, 18 statements and 18 hops differ)",
)
def test_api_and_cli_store_the_same_articles_alike(
    db_url: str, second_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = coastal_articles(50)
    settings = Settings(database_url=db_url, data_dir=tmp_path / "data")
    with TestClient(app=create_app(settings)) as client:
        for record in records:
            response = client.post("/api/v1/documents", json=record)
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
    assert {"person", "news_outlet", "anonymous", "government_body"} <= kinds  # the mix is there
    assert any(row[7] for row in posted["statements"])  # surfaces: "ujarnya", a surname
    assert len(posted["statements"]) > 150 and len(posted["hops"]) > len(posted["statements"])
    differences = {
        table: _differences(posted[table], ingested[table])
        for table in ("documents", "sources", "statements", "hops")
    }
    assert not any(differences.values()), differences
