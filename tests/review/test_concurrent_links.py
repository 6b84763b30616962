"""A link into a document and the document's deletion, run at once in two transactions,
never leave a hop pointing at a statement that is gone: whichever commits second sees what
the first did (``tracker.store.holds``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from tests.keys import TEST_ACTOR
from tests.review.world import story
from tracker.errors import ValidationError
from tracker.provenance.links import set_upstream_link
from tracker.service import TrackerService
from tracker.store.deletion import delete_document
from tracker.store.inputs import DocumentIn, HopIn, SourceIn, StatementIn

_WAITING_SQL = text(
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE datname = current_database() AND wait_event_type = 'Lock'"
)


def _run_beside(engine: Engine, work: Callable[[], Any]) -> Future[Any]:
    """Start ``work`` in another thread, and return once it waits on a lock or is done."""
    pool = ThreadPoolExecutor(1)
    future = pool.submit(work)
    pool.shutdown(wait=False)
    deadline = time.monotonic() + 20
    while not future.done() and time.monotonic() < deadline:
        with engine.connect() as conn:
            if conn.execute(_WAITING_SQL).scalar_one():
                return future
        time.sleep(0.05)
    return future


def _upstream(engine: Engine, citation_id: int) -> int | None:
    with engine.connect() as conn:
        value = conn.execute(
            text("SELECT upstream_statement_id FROM citation WHERE id = :i"), {"i": citation_id}
        ).scalar_one()
    return None if value is None else int(value)


def test_a_delete_waits_for_a_link_into_the_document_then_removes_it(
    service: TrackerService, engine: Engine
) -> None:
    target, citing = story(service), story(service)
    hop = citing.relayed.chain[-1]
    with Session(engine) as linker:
        set_upstream_link(linker, hop.id, target.first_hand.id)
        deleting = _run_beside(
            engine, lambda: service.delete_document(TEST_ACTOR, target.document.id)
        )
        assert not deleting.done(), "the delete did not wait for the link to commit"
        linker.commit()
    deleting.result(timeout=30)
    assert _upstream(engine, hop.id) is None
    assert "broken" not in service.walk(citing.relayed.id).flags


def test_a_link_into_a_document_being_deleted_waits_and_is_refused(
    service: TrackerService, engine: Engine
) -> None:
    target, citing = story(service), story(service)
    hop = citing.relayed.chain[-1]
    with Session(engine) as deleter:
        delete_document(deleter, target.document.id)
        linking = _run_beside(
            engine,
            lambda: service.set_upstream(
                TEST_ACTOR, hop.id, target.first_hand.id, if_version=hop.version
            ),
        )
        assert not linking.done(), "the link did not wait for the delete to commit"
        deleter.commit()
    with pytest.raises(ValidationError, match="does not exist"):
        linking.result(timeout=30)
    assert _upstream(engine, hop.id) is None


def test_a_document_stored_with_a_link_into_one_being_deleted_is_refused(
    service: TrackerService, engine: Engine
) -> None:
    target = story(service)
    body = "Harbour Times said the harbour would reopen, the wire reported."
    linked = StatementIn(
        start=0,
        end=len(body),
        kind="indirect",
        speaker=SourceIn("Harbour Times", "news_outlet"),
        chain=(
            HopIn(
                SourceIn("Harbour Times", "news_outlet"),
                "said",
                upstream_statement_id=target.first_hand.id,
            ),
        ),
    )
    with Session(engine) as deleter:
        delete_document(deleter, target.document.id)
        storing = _run_beside(
            engine,
            lambda: service.create_document(
                DocumentIn(text=body, language="en", statements=(linked,)), extract=False
            ),
        )
        assert not storing.done(), "the write did not wait for the delete to commit"
        deleter.commit()
    with pytest.raises(ValidationError, match="does not exist"):
        storing.result(timeout=30)
    with engine.connect() as conn:
        dangling = conn.execute(
            text("SELECT count(*) FROM citation WHERE upstream_statement_id = :s"),
            {"s": target.first_hand.id},
        ).scalar_one()
    assert dangling == 0
