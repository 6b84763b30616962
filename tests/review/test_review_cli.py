"""`tracker review ...` and `tracker audit`: the review actions from the command line,
recorded under the CLI's actor; mistakes are one line and exit 2, and write nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine

from tests.review.world import database_state, story
from tracker.cli import main
from tracker.config import get_settings
from tracker.service import TrackerService


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    monkeypatch.delenv("TRACKER_ACTOR", raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def _ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_every_review_action_from_the_cli(runner: CliRunner, service: TrackerService) -> None:
    a, b = story(service), story(service)
    out = _ok(
        runner,
        "review",
        "--actor",
        "ines",
        "statement",
        str(a.relayed.id),
        "reject",
        "--note",
        "no such quote",
    )
    assert f"statement {a.relayed.id}: rejected" in out
    chain = json.dumps(
        [
            {"name": "Bay Herald", "kind": "news_outlet", "relation": "reported_by"},
            {"source_id": b.relayed.speaker.id},
        ]
    )
    out = _ok(runner, "review", "--actor", "ines", "chain", str(b.relayed.id), chain)
    assert f"Bay Herald → {b.names['speaker']}" in out
    out = _ok(
        runner,
        "review",
        "--actor",
        "ines",
        "--json",
        "edit",
        str(b.first_hand.id),
        "--kind",
        "indirect",
    )
    assert json.loads(out)["kind"] == "indirect"
    hop = service.get_statement(b.relayed.id).chain[0]
    _ok(runner, "review", "--actor", "ines", "upstream", str(hop.id), str(a.first_hand.id))
    assert service.get_hop(hop.id).upstream_statement_id == a.first_hand.id
    _ok(runner, "review", "--actor", "ines", "upstream", str(hop.id), "none")
    assert service.get_hop(hop.id).upstream_statement_id is None
    _ok(
        runner,
        "review",
        "--actor",
        "ines",
        "merge",
        str(a.first_hand.speaker.id),
        str(a.relayed.speaker.id),
    )
    out = _ok(
        runner, "review", "--actor", "ines", "split", str(a.relayed.speaker.id), a.names["other"]
    )
    assert f"is now source {a.first_hand.speaker.id}" in out
    _ok(runner, "review", "--actor", "ines", "document", str(a.document.id))

    trail = _ok(runner, "audit", "--actor", "ines", "--json")
    actions = [json.loads(line)["action"] for line in trail.splitlines()]
    assert actions == [
        "document.review",
        "source.split",
        "source.merge",
        "citation.upstream",
        "citation.upstream",
        "statement.edit",
        "statement.chain",
        "statement.reject",
    ]
    table = _ok(runner, "audit", "--entity", "statement", "--id", str(a.relayed.id))
    assert "ines\tstatement.reject\tstatement" in table and "no such quote" in table
    assert _ok(runner, "audit", "--since", "2999-01-01") == ""


def test_the_cli_acts_as_tracker_actor_or_the_os_user(
    runner: CliRunner, service: TrackerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    st = story(service).relayed
    monkeypatch.setenv("TRACKER_ACTOR", "copy-desk")
    _ok(runner, "review", "statement", str(st.id), "confirm")
    assert service.get_statement(st.id).reviewed_by == "copy-desk"


@pytest.mark.parametrize(
    "args",
    [
        ["review", "statement", "999999", "confirm"],
        ["review", "chain", "{id}", "not json"],
        ["review", "chain", "{id}", '[{"name": "X", "kind": "planet"}]'],
        ["review", "chain", "{id}", "[]"],
        ["review", "edit", "{id}", "--start", "3", "--end", "2"],
        ["review", "edit", "{id}", "--kind", "partial", "--if-version", "7"],
        ["review", "upstream", "{hop}", "{id}"],
        ["review", "merge", "{speaker}", "{speaker}"],
        ["review", "split", "{speaker}", "Nobody"],
        ["audit", "--cursor", "garbage"],
    ],
)
def test_review_mistakes_exit_2_and_write_nothing(
    runner: CliRunner, service: TrackerService, engine: Engine, args: list[str]
) -> None:
    st = story(service).relayed
    slots = {"{id}": st.id, "{hop}": st.chain[0].id, "{speaker}": st.speaker.id}
    filled = [str(slots.get(a, a)) for a in args]
    before = database_state(engine)
    result = runner.invoke(main, filled)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert database_state(engine) == before
