"""The `tracker` CLI through click's CliRunner, against this test's database."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.helpers import doc_with_chain, hop, outlet, person
from tracker import __version__
from tracker.cli import main
from tracker.config import get_settings
from tracker.db import transaction
from tracker.store.writer import store_document


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def _seed(factory: sessionmaker[Session]) -> int:
    quote = "The ties are invincible"
    body = f'Yonhap, citing KCNA, reported: "{quote}," Kim said.'
    chain = [
        hop(outlet("Yonhap"), "reported_by"),
        hop(outlet("KCNA"), "citing"),
        hop(person("Kim")),
    ]
    with transaction(factory) as session:
        doc = store_document(session, doc_with_chain(body, quote, chain), origin="manual")
    return doc.document.statements[0].id


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_chain_tree_and_json(runner: CliRunner, session_factory: sessionmaker[Session]) -> None:
    sid = _seed(session_factory)
    tree = runner.invoke(main, ["chain", str(sid)])
    assert tree.exit_code == 0, tree.output
    lines = tree.output.splitlines()
    order = [next(i for i, line in enumerate(lines) if name in line) for name in ("Yonhap", "KCNA")]
    assert order == sorted(order)
    assert "Kim (person)  <- primary source" in tree.output
    assert "flags: complete" in tree.output
    as_json: dict[str, Any] = json.loads(runner.invoke(main, ["chain", str(sid), "--json"]).output)
    assert [h["source"]["name"] for h in as_json["hops"]] == ["Yonhap", "KCNA", "Kim"]


def test_unknown_statement_is_one_line_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(main, ["chain", "777777"])
    assert result.exit_code == 2
    assert result.output.strip() == "tracker: statement 777777 does not exist"


def test_bad_argument_is_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["chain", "not-a-number"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_db_current_downgrade_upgrade(runner: CliRunner) -> None:
    current = runner.invoke(main, ["db", "current"])
    assert current.exit_code == 0 and "(head)" in current.output
    down = runner.invoke(main, ["db", "downgrade", "base"])
    assert down.exit_code == 0 and "base" in down.output
    up = runner.invoke(main, ["db", "upgrade"])
    assert up.exit_code == 0 and "(head)" in up.output
