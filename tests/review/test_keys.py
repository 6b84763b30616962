"""API keys: never stored in clear, made and revoked from the CLI, and the first admin key
`tracker serve` makes on an empty database (shown once, in a 0600 file, able to ingest)."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.engine import Engine

from api.app import create_app
from tests.keys import TEST_ACTOR, bearer
from tracker.access.bootstrap import ADMIN_KEY_FILE
from tracker.cli import _announce_first_admin_key, main
from tracker.config import Settings, get_settings
from tracker.service import TrackerService

TABLES_SQL = text(
    "SELECT table_name FROM information_schema.tables "
    "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
)


def _rows_holding(engine: Engine, needle: str) -> list[str]:
    """Every table whose rows, as text (all columns), contain ``needle``."""
    found = []
    with engine.connect() as conn:
        for (table,) in conn.execute(TABLES_SQL):
            hit = conn.execute(
                text(f'SELECT count(*) FROM "{table}" t WHERE strpos(t::text, :needle) > 0'),
                {"needle": needle},
            ).scalar_one()
            if hit:
                found.append(table)
    return found


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    monkeypatch.setenv("TRACKER_ACTOR", "night-editor")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_keys_from_the_cli_are_printed_once_and_never_stored_in_clear(
    runner: CliRunner, engine: Engine, settings: Settings
) -> None:
    made = runner.invoke(main, ["keys", "create", "desk", "--role", "editor"])
    assert made.exit_code == 0, made.output
    key = made.output.strip()
    assert key.startswith("trk_") and len(key) == 47 and "\n" not in key
    as_json = runner.invoke(main, ["keys", "create", "wire", "--role", "reader", "--json"])
    payload = json.loads(as_json.output)
    assert payload["name"] == "wire" and payload["role"] == "reader"
    assert payload["key"] != key

    with TestClient(app=create_app(settings)) as client:
        stored = client.post(
            "/api/v1/documents", json={"text": "Ana Ruiz said so."}, headers=bearer(key)
        )
        assert stored.status_code == 201
        client.get("/api/v1/audit", headers=bearer(key))
    for secret in (key, key.removeprefix("trk_"), payload["key"].removeprefix("trk_")):
        assert _rows_holding(engine, secret) == []
    assert _rows_holding(engine, "desk")  # the scan does see what is stored

    listed = runner.invoke(main, ["keys", "list"])
    assert "desk\teditor\tactive" in listed.output and key not in listed.output
    assert runner.invoke(main, ["keys", "revoke", "desk"]).exit_code == 0
    assert "revoked" in runner.invoke(main, ["keys", "list"]).output
    with TestClient(app=create_app(settings)) as client:
        refused = client.post("/api/v1/documents", json={"text": "Once more."}, headers=bearer(key))
        assert refused.status_code == 401
    audit = runner.invoke(main, ["audit", "--entity", "api_key", "--json"])
    rows = [json.loads(line) for line in audit.output.splitlines()]
    assert [(r["action"], r["actor"]) for r in rows] == [
        ("key.revoke", "night-editor"),
        ("key.create", "night-editor"),
        ("key.create", "night-editor"),
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["keys", "create", "x y", "--role", "editor"],
        ["keys", "create", "x", "--role", "root"],
        ["keys", "revoke", "nobody"],
    ],
)
def test_key_mistakes_are_one_line_and_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_a_key_name_is_never_reused(runner: CliRunner) -> None:
    assert runner.invoke(main, ["keys", "create", "desk", "--role", "editor"]).exit_code == 0
    assert runner.invoke(main, ["keys", "revoke", "desk"]).exit_code == 0
    again = runner.invoke(main, ["keys", "create", "desk", "--role", "editor"])
    assert again.exit_code == 2 and "exists already" in again.output


def test_first_serve_makes_one_admin_key_that_can_ingest(
    settings: Settings, engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    service = TrackerService(settings, engine=engine)
    data_dir = tmp_path / "fresh-data"
    _announce_first_admin_key(service, data_dir)
    out, err = capsys.readouterr()
    key = out.strip()
    assert key.startswith("trk_") and out == key + "\n"
    path = data_dir / ADMIN_KEY_FILE
    assert str(path) in err
    assert path.read_text() == key + "\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [(k.name, k.role) for k in service.list_keys()] == [("admin", "admin")]

    _announce_first_admin_key(service, data_dir)  # the next start: nothing new, nothing shown
    assert capsys.readouterr() == ("", "")
    assert len(service.list_keys()) == 1
    assert _rows_holding(engine, key.removeprefix("trk_")) == []

    with TestClient(app=create_app(settings)) as client:
        stored = client.post(
            "/api/v1/documents",
            json={"text": '"The tide is late," Ana Ruiz said.'},
            headers=bearer(key),
        )
        assert stored.status_code == 201, stored.text
        assert (
            client.post(
                "/api/v1/keys", json={"name": "desk", "role": "editor"}, headers=bearer(key)
            ).status_code
            == 201
        )


def test_no_first_key_once_any_key_existed(
    settings: Settings, engine: Engine, tmp_path: Path, editor_key: str
) -> None:
    service = TrackerService(settings, engine=engine)
    service.revoke_key(TEST_ACTOR, "test-editor")
    assert service.first_admin_key(tmp_path) is None  # a revoked key still counts
    assert not (tmp_path / ADMIN_KEY_FILE).exists()


def test_first_key_replaces_a_stale_key_file(
    settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    stale = tmp_path / ADMIN_KEY_FILE
    stale.write_text("trk_old\n")
    stale.chmod(0o644)
    first = TrackerService(settings, engine=engine).first_admin_key(tmp_path)
    assert first is not None
    assert stale.read_text() == first.key + "\n"
    assert stat.S_IMODE(stale.stat().st_mode) == 0o600
