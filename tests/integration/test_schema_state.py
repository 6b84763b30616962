"""Migrations are never a surprise: the embedded default migrates itself, an external
database behind the code is refused in one line, and /health says which it is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine

from api.app import create_app
from tests.integration.processes import (
    private_dir,
    run_tracker,
    start_tracker,
    tracker_env,
    wait_no_postgres,
)
from tracker.cli import main
from tracker.config import Settings, get_settings
from tracker.migrations import current, downgrade

COMMANDS_ON_THE_DATABASE = [
    ["stats"],
    ["stats", "--json"],
    ["chain", "1"],
    ["provenance", "harga beras akan turun"],
    ["link", "--all"],
    ["reextract", "--all"],
    ["report", "--sources"],
    ["report", "1", "--format", "json"],
]


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def _assert_refused(result: Any) -> None:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "`tracker db upgrade`" in lines[0]
    assert "Traceback" not in result.output


def test_stats_on_an_unmigrated_external_database_is_one_line(
    runner: CliRunner, db_url: str
) -> None:
    downgrade(db_url, "base")
    result = runner.invoke(main, ["stats"])
    _assert_refused(result)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert current(db_url) == ""  # refused, not migrated behind the operator's back


@pytest.mark.parametrize("args", COMMANDS_ON_THE_DATABASE, ids=lambda a: " ".join(a))
def test_every_command_refuses_an_external_database_one_step_behind(
    runner: CliRunner, db_url: str, args: list[str]
) -> None:
    downgrade(db_url, "-1")
    before = current(db_url)
    _assert_refused(runner.invoke(main, args))
    assert current(db_url) == before


def test_ingest_refuses_an_external_database_behind_and_writes_nothing(
    runner: CliRunner, db_url: str, tmp_path: Path
) -> None:
    story = tmp_path / "a.txt"
    story.write_text("Menurut Reuters, menteri Budi mengatakan bahwa harga beras akan turun.\n")
    downgrade(db_url, "base")
    _assert_refused(runner.invoke(main, ["ingest", str(story)]))
    assert current(db_url) == ""


def test_serve_refuses_an_external_database_behind(
    runner: CliRunner, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    served: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: served.append((a, kw)))
    downgrade(db_url, "base")
    _assert_refused(runner.invoke(main, ["serve"]))
    assert served == []


def test_db_commands_still_work_when_behind(runner: CliRunner, db_url: str) -> None:
    downgrade(db_url, "base")
    assert runner.invoke(main, ["db", "current"]).exit_code == 0
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    assert runner.invoke(main, ["stats", "--json"]).exit_code == 0


def test_a_revision_this_tracker_does_not_know_is_refused(
    runner: CliRunner, engine: Engine, db_url: str
) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedbeef'"))
    result = runner.invoke(main, ["stats"])
    assert result.exit_code == 2
    assert "f00dfeedbeef" in result.output and "Traceback" not in result.output
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == (
            "f00dfeedbeef"
        )


def test_health_reports_the_schema_current(settings: Settings) -> None:
    with TestClient(app=create_app(settings)) as client:
        response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "current" and body["status"] == "ok"
    assert body["database"] == "ok" and body["server_version"] and body["version"]


@pytest.mark.parametrize("revision", ["base", "-1"])
def test_health_answers_503_when_the_schema_is_behind(
    settings: Settings, db_url: str, revision: str
) -> None:
    downgrade(db_url, revision)
    with TestClient(app=create_app(settings)) as client:
        response = client.get("/health")
    assert response.status_code == 503
    body = response.json()
    assert body["schema"] == "behind" and body["status"] != "ok"
    assert body["database"] == "ok" and "extractor" in body and "version" in body


@pytest.mark.slow
@pytest.mark.embedded
def test_embedded_default_migrates_itself_once_when_two_commands_start_at_once() -> None:
    with private_dir() as root:
        env = tracker_env(root / "data")
        logs = [root / f"stats{i}.log" for i in range(2)]
        procs = [start_tracker(["stats", "--json"], env, log) for log in logs]
        codes = [p.wait(180) for p in procs]
        outputs = [log.read_text() for log in logs]
        assert codes == [0, 0], outputs
        for out in outputs:
            assert json.loads(out.strip().splitlines()[-1])["documents"] == 0
        at = run_tracker(["db", "current"], env)
        assert at.returncode == 0 and "(head)" in at.stdout
        assert wait_no_postgres(root / "data" / "pgdata") == []
