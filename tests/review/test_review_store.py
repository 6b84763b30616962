"""Review in the database: the audit table refuses changes, an action and its audit row
commit together or not at all, re-extraction keeps reviewed work, merges and splits keep
walks right."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tests.keys import TEST_ACTOR
from tests.review.world import database_state, story
from tracker.errors import PreconditionFailedError
from tracker.service import TrackerService
from tracker.store.inputs import ChainHopIn, DocumentIn, SourceIn, StatementEdit, StatementIn
from tracker.walk import walker
from tracker.walk.model import Walk

HARBOUR = (
    "Northwire reported, citing Coastpress, that the harbour would reopen in May, "
    "minister Mara Quill said on Friday.\n"
    '"We are ready for the ships," mayor Tomas Brenner said on Monday.\n'
    '"The cranes arrived last week," port director Ana Ruiz told reporters.\n'
    '"Nothing will stop the reopening," Quill added.\n'
    '"Ships will dock in June," harbour master Leo Park said.\n'
)
"""Written for these tests; the extractor gets some of its speakers wrong, as it will."""


def _one_action(service: TrackerService) -> int:
    s = story(service)
    service.review_statement(TEST_ACTOR, s.relayed.id, "confirm")
    return s.relayed.id


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit SET actor = 'someone else'",
        "DELETE FROM audit",
        "TRUNCATE audit",
    ],
)
def test_the_audit_table_refuses_changes(
    service: TrackerService, db_url: str, statement: str
) -> None:
    _one_action(service)
    plain = db_url.replace("postgresql+psycopg://", "postgresql://")
    trail = "SELECT id, actor, action FROM audit ORDER BY id"
    with psycopg.connect(plain) as conn:
        kept = conn.execute(trail).fetchall()
        assert [row[2] for row in kept] == ["document.ingest", "statement.confirm"]
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            conn.execute(statement)
        conn.rollback()
        assert conn.execute(trail).fetchall() == kept


def test_an_action_and_its_audit_row_commit_together_or_not_at_all(
    service: TrackerService, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = story(service)
    before = database_state(engine)

    def refuse(*_: Any) -> None:
        raise DBAPIError("INSERT INTO audit", {}, Exception("disk full"))

    monkeypatch.setattr("tracker.review.actions.append", refuse)
    with pytest.raises(DBAPIError):
        service.review_statement(TEST_ACTOR, s.relayed.id, "reject")
    assert database_state(engine) == before
    assert service.get_statement(s.relayed.id).review_status == "unreviewed"


def test_a_stale_version_changes_nothing(service: TrackerService, engine: Engine) -> None:
    st = story(service).relayed
    service.edit_statement(TEST_ACTOR, st.id, StatementEdit(kind="mixed"), if_version=st.version)
    before = database_state(engine)
    with pytest.raises(PreconditionFailedError):
        service.edit_statement(
            TEST_ACTOR, st.id, StatementEdit(kind="partial"), if_version=st.version
        )
    assert database_state(engine) == before


def _statements(service: TrackerService, document_id: int) -> dict[tuple[int, int], Any]:
    doc = service.get_document(document_id, include_rejected=True)
    return {(st.start, st.end): st for st in doc.statements}


CHILDREN_AND_THEIR_PARENTS_STATEMENTS = text(
    "SELECT count(*), count(*) FILTER (WHERE c.statement_id <> p.statement_id) "
    "FROM citation c JOIN citation p ON p.id = c.parent_id AND p.document_id = c.document_id "
    "WHERE c.document_id = :doc"
)
"""Hops with a parent in a document, and those whose parent is another statement's (a
parent is in its child's document: the key ``(parent_id, document_id)``)."""


def test_a_hops_children_stay_under_its_statement(service: TrackerService, engine: Engine) -> None:
    """The walk on Citus reads only the hops of the statements it enters (migration 0014):
    every writer must put a hop's children under the hop's own statement."""
    doc = service.create_document(DocumentIn(text=HARBOUR, language="en")).document
    relayed = min(doc.statements, key=lambda st: st.start)
    chain = (
        ChainHopIn(SourceIn("Northwire", "news_outlet"), relation="reported_by"),
        ChainHopIn(SourceIn("Coastpress", "news_outlet"), relation="citing"),
        ChainHopIn(SourceIn("Mara Quill", "person"), relation="said"),
    )
    with engine.connect() as conn:
        extracted = conn.execute(CHILDREN_AND_THEIR_PARENTS_STATEMENTS, {"doc": doc.id}).one()
    service.replace_chain(TEST_ACTOR, relayed.id, chain, if_version=relayed.version)
    with engine.connect() as conn:
        replaced = conn.execute(CHILDREN_AND_THEIR_PARENTS_STATEMENTS, {"doc": doc.id}).one()
    assert extracted[0] > 0 and replaced[0] >= 2  # hops with parents were written
    assert extracted[1] == 0 and replaced[1] == 0


def test_reextract_keeps_reviewed_work_and_replaces_only_unreviewed(
    service: TrackerService,
) -> None:
    doc = service.create_document(DocumentIn(text=HARBOUR, language="en")).document
    rows = sorted(doc.statements, key=lambda st: st.start)
    assert len(rows) == 5, [(st.start, st.end) for st in rows]
    relayed, ready, cranes, nothing, ships = rows
    chain = (
        ChainHopIn(SourceIn("Northwire", "news_outlet"), relation="reported_by"),
        ChainHopIn(SourceIn("Coastpress", "news_outlet"), relation="citing"),
        ChainHopIn(SourceIn("Mara Quill", "person"), relation="said"),
    )
    service.replace_chain(TEST_ACTOR, relayed.id, chain, if_version=relayed.version)
    service.review_statement(TEST_ACTOR, ready.id, "reject", note="not a quote of his")
    service.edit_statement(
        TEST_ACTOR,
        cranes.id,
        StatementEdit(
            start=cranes.start + 1, end=cranes.end - 1, speaker=SourceIn("Ana Ruiz", "person")
        ),
        if_version=cranes.version,
    )
    service.review_statement(TEST_ACTOR, nothing.id, "confirm")
    reviewed = {
        st.id: asdict(st)
        for st in service.get_document(doc.id, include_rejected=True).statements
        if st.id != ships.id
    }

    [outcome] = service.reextract([doc.id])

    after = _statements(service, doc.id)
    assert outcome.removed == 1 and outcome.added == 1  # only the unreviewed one
    for ident, view in reviewed.items():
        again = next(st for st in after.values() if st.id == ident)
        assert asdict(again) == view, f"statement {ident} changed on reextract"
    assert after[(ready.start, ready.end)].review_status == "rejected"  # not re-created beside it
    assert (cranes.start, cranes.end) not in after  # the corrected span is not put back
    new_ships = after[(ships.start, ships.end)]
    assert new_ships.id != ships.id and new_ships.review_status == "unreviewed"
    assert len(after) == 5
    walk = service.walk(relayed.id)
    assert [h.source.name for h in walk.hops] == ["Northwire", "Coastpress", "Mara Quill"]


def test_merge_keeps_walks_right_across_documents(service: TrackerService) -> None:
    a, b = story(service), story(service)
    # b's relayed statement continues into a's first-hand one: its walk ends at a's speaker
    hop = b.relayed.chain[1]
    service.set_upstream(TEST_ACTOR, hop.id, a.first_hand.id, if_version=hop.version)
    gone, kept = a.first_hand.speaker.id, a.relayed.speaker.id
    before = [s.id for s in service.walk(b.relayed.id).primary_sources]
    assert before == [gone]
    service.merge_sources(TEST_ACTOR, gone, kept, note="one person, two spellings")
    assert [s.id for s in service.walk(b.relayed.id).primary_sources] == [kept]
    assert [s.id for s in service.walk(a.first_hand.id).primary_sources] == [kept]
    assert service.get_source(kept).statement_count == 2
    assert service.search_sources(q=a.names["other"]).items[0].id == kept  # tombstone hidden


def test_split_keeps_walks_right(service: TrackerService) -> None:
    s = story(service)
    source = s.relayed.speaker.id
    new = service.split_source(TEST_ACTOR, source, f"Quill{s.n}")
    walk = service.walk(s.relayed.id)
    assert [p.id for p in walk.primary_sources] == [new.id]
    assert walk.hops[-1].source.name == f"Quill{s.n}"
    # the other statements of the old source stay with it
    assert service.get_source(source).name == s.names["speaker"]


def test_a_link_into_a_rejected_statement_is_broken_until_shown(service: TrackerService) -> None:
    a, b = story(service), story(service)
    hop = b.relayed.chain[1]
    service.set_upstream(TEST_ACTOR, hop.id, a.first_hand.id, if_version=hop.version)
    service.review_statement(TEST_ACTOR, a.first_hand.id, "reject")
    walk = service.walk(b.relayed.id)
    assert "broken" in walk.flags
    assert [p.name for p in walk.primary_sources] == [f"Coastpress{b.n}"]
    shown = service.walk(b.relayed.id, include_rejected=True)
    assert "broken" not in shown.flags
    assert [p.name for p in shown.primary_sources] == [a.names["other"]]


def test_a_walk_runs_outside_a_transaction_block_unless_rejected_are_shown(
    service: TrackerService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A walk is one query: a BEGIN before it and a COMMIT after it would cost two round
    trips to its one. Showing rejected statements needs the transaction (a SET LOCAL)."""
    s = story(service)
    after_walk: list[psycopg.pq.TransactionStatus] = []
    real_walk = walker.walk

    def observed(session: Session, statement_id: int, max_depth: int) -> Walk:
        found = real_walk(session, statement_id, max_depth)
        driver = session.connection().connection.driver_connection
        assert driver is not None
        after_walk.append(driver.info.transaction_status)
        return found

    monkeypatch.setattr(walker, "walk", observed)
    plain = service.walk(s.relayed.id)
    shown = service.walk(s.relayed.id, include_rejected=True)
    assert [h.source.name for h in plain.hops] == [h.source.name for h in shown.hops]
    assert after_walk == [psycopg.pq.TransactionStatus.IDLE, psycopg.pq.TransactionStatus.INTRANS]


def _republish(service: TrackerService, quote_of: Any, outlet: str) -> None:
    """The relayed quote again, in a document by the outlet the chain names first."""
    quote = quote_of.text
    body = f"{quote} The wire carried it first."
    statement = StatementIn(0, len(quote), "direct", speaker=SourceIn("Mara Quill", "person"))
    service.create_document(
        DocumentIn(text=body, language="en", outlet=outlet, statements=(statement,)),
        extract=False,
    )


def test_the_linker_leaves_reviewed_hops_alone(service: TrackerService) -> None:
    reviewed, control = story(service), story(service)
    service.review_statement(TEST_ACTOR, reviewed.relayed.id, "confirm")
    for s in (reviewed, control):
        _republish(service, s.relayed, f"Northwire{s.n}")
    linked = service.get_hop(control.relayed.chain[0].id)
    assert linked.upstream_statement_id is not None  # the linker works on unreviewed hops
    kept = service.get_hop(reviewed.relayed.chain[0].id)
    assert kept.upstream_statement_id is None and kept.review_status == "confirmed"
