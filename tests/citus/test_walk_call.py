"""The walk of one statement on Citus (one call of ``tracker_walk_entered``, migration 0016)
gives the walk of the document-at-a-time form, on random corpora.

The corpora are those of tests/integration/test_walk_layouts.py (branches, cycles through
several documents, links to statements that are gone or rejected, links stored without
their document), where both forms are held to the hop-by-hop walk on one PostgreSQL. Here
they are distributed: a quarter of the statements are left out of ``statement_document``
(rows older than migration 0010), so the function has to find them on every shard, both
as the walk's own statement and as the target of a link stored without its document.
"""

from __future__ import annotations

import random

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from tests.citus.conftest import DatabaseFactory
from tests.integration.test_walk_layouts import (
    MISSING_STATEMENT,
    Corpus,
    _corpus,
    _reject_some,
    _store,
)
from tracker.db import make_session_factory, transaction
from tracker.errors import NotFoundError
from tracker.store.visibility import RejectedStatementError, show_rejected
from tracker.walk.walker import walk, walks_by_document

pytestmark = pytest.mark.citus

SEEDS = range(6)


def _place_most(factory: sessionmaker[Session], corpus: Corpus, seed: int) -> set[int]:
    """Put three statements in four into ``statement_document``; the ids left out."""
    rng = random.Random(20_000 + seed)
    placed = [(s, d) for s, d in corpus.statements if rng.random() < 0.75]
    with transaction(factory) as session:
        for statement_id, document_id in placed:
            session.execute(
                text("INSERT INTO statement_document VALUES (:s, :d)"),
                {"s": statement_id, "d": document_id},
            )
    return {s for s, _ in corpus.statements} - {s for s, _ in placed}


def test_the_call_gives_the_document_at_a_time_walk(citus_database: DatabaseFactory) -> None:
    engine = create_engine(citus_database("head"))
    factory = make_session_factory(engine)
    unplaced_walked = 0
    compared = 0
    try:
        for seed in SEEDS:
            with transaction(factory) as session:
                session.execute(
                    text(
                        "TRUNCATE citation, statement, statement_document, document, source CASCADE"
                    )
                )
            corpus = _corpus(seed)
            _store(factory, corpus)
            unplaced = _place_most(factory, corpus, seed)
            rejected = _reject_some(factory, corpus, seed)
            where = dict(corpus.statements)
            for shown in (False, True):
                with transaction(factory) as session:
                    if shown:
                        show_rejected(session)
                    compared += _compare(session, where, rejected, shown)
                unplaced_walked += len(unplaced - (set() if shown else rejected))
            with factory() as session, pytest.raises(NotFoundError):
                walk(session, MISSING_STATEMENT)
    finally:
        engine.dispose()
    assert compared > 200
    assert unplaced_walked > 10


def _compare(session: Session, where: dict[int, int], rejected: set[int], shown: bool) -> int:
    """Every statement's walk by the call, alone and with its document, against the
    document-at-a-time walk; how many walks were compared."""
    compared = 0
    for max_depth in (1, 3, 32):
        heads = [(statement_id, None) for statement_id in where]
        expected = walks_by_document(session, heads, max_depth)
        for statement_id, document_id in where.items():
            if statement_id in rejected and not shown:
                with pytest.raises(RejectedStatementError):
                    walk(session, statement_id, max_depth)
                continue
            want = expected[statement_id].to_dict()
            alone = walk(session, statement_id, max_depth)
            placed = walk(session, statement_id, max_depth, document_id=document_id)
            assert alone.to_dict() == want, (statement_id, max_depth)
            assert placed.to_dict() == want, (statement_id, max_depth)
            compared += 1
    return compared
