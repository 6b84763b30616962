"""Re-extraction replaces a document's unreviewed statements with new rows: hops of other
documents that continued into the old rows must follow them to their replacements, or lose
the link when nothing replaces them; never point at a statement that is gone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.engine import Engine

from tests.keys import TEST_ACTOR
from tests.review.world import story
from tracker.cli import main
from tracker.config import get_settings
from tracker.service import TrackerService
from tracker.store.inputs import DocumentIn

BRIDGE = (
    "The council met on Tuesday.\n"
    '"The bridge will open in March," mayor Tomas Brenner said.\n'
    '"Traffic will fall by a third," engineer Ana Ruiz told reporters.\n'
)
"""Written for these tests: two first-hand quotes the extractor finds."""


def _extracted(service: TrackerService, fragment: str) -> tuple[int, int]:
    """A fresh copy of BRIDGE (its own text, so stories never collide): its id and the
    statement holding ``fragment``."""
    doc = service.create_document(DocumentIn(text=BRIDGE, language="en")).document
    [st] = [st for st in doc.statements if fragment in BRIDGE[st.start : st.end]]
    assert st.review_status == "unreviewed"
    return doc.id, st.id


def _linked_story(service: TrackerService, upstream: int) -> tuple[int, int]:
    """A story whose relayed quote's nearest hop continues into ``upstream``: the statement
    and the hop."""
    relayed = story(service).relayed
    hop = relayed.chain[-1]
    service.set_upstream(TEST_ACTOR, hop.id, upstream, if_version=hop.version)
    return relayed.id, hop.id


def _hop_links(engine: Engine, citation_id: int) -> tuple[int | None, int | None]:
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT upstream_statement_id, inverted_statement_id FROM citation WHERE id = :i"),
            {"i": citation_id},
        ).one()
    return row.upstream_statement_id, row.inverted_statement_id


def _statement_at(engine: Engine, document_id: int, fragment: str) -> int:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, start_offset, end_offset FROM statement WHERE document_id = :d"),
            {"d": document_id},
        ).all()
    [ident] = [int(r.id) for r in rows if fragment in BRIDGE[r.start_offset : r.end_offset]]
    return ident


def test_a_link_into_a_replaced_statement_follows_its_replacement(
    service: TrackerService, engine: Engine
) -> None:
    document_id, old = _extracted(service, "bridge will open")
    relayed, hop = _linked_story(service, old)
    speaker = service.walk(old).primary_sources[0].id

    [outcome] = service.reextract([document_id])

    new = _statement_at(engine, document_id, "bridge will open")
    assert new != old and outcome.removed == outcome.added == 2
    assert outcome.relinked == 1 and outcome.unlinked == 0
    assert _hop_links(engine, hop)[0] == new
    walk = service.walk(relayed)
    assert "broken" not in walk.flags
    assert [p.id for p in walk.primary_sources] == [speaker]


@pytest.fixture
def runner(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("TRACKER_DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_a_link_into_a_statement_nothing_replaces_is_removed(
    service: TrackerService, engine: Engine, runner: CliRunner
) -> None:
    document_id, old = _extracted(service, "bridge will open")
    relayed, hop = _linked_story(service, old)
    # an older extractor's span, which the current one no longer finds: its statement
    # goes on reextract and nothing takes its place
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE statement SET start_offset = 0, end_offset = 27 WHERE id = :i"),
            {"i": old},
        )

    result = runner.invoke(main, ["reextract", str(document_id)])

    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("links from other documents: 0 followed, 1 removed")
    assert _hop_links(engine, hop) == (None, None)
    walk = service.walk(relayed)
    assert "broken" not in walk.flags
    assert walk.hops[-1].continues_statement_id is None
