"""The Citus walk delegated to the worker holding the document (migration 0013).

Outside a transaction block a call of ``tracker_document_walk`` with its document is
sent whole to the worker holding that document, which reads its own shards directly;
inside one it runs on the coordinator and reads through the distributed tables. Both
must give the same walk, on random corpora with cycles, links across documents (on both
workers), broken links and links stored without their document.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.test_walk_layouts import _corpus, _store
from tracker.db import transaction
from tracker.walk.walker import walks_by_document

pytestmark = pytest.mark.citus

WALK_CALL = (
    "SELECT * FROM tracker_document_walk(%s, ARRAY[%s]::bigint[], ARRAY[%s]::bigint[], "
    "'{0}', '{\"{}\"}', '{\"{}\"}', 7)"
)


def _stored(factory: sessionmaker[Session], seed: int) -> list[tuple[int, int]]:
    """A random corpus stored, each statement placed in ``statement_document`` (as the
    writer does) so that a walk by id finds its document without asking every shard."""
    corpus = _corpus(seed)
    _store(factory, corpus)
    with transaction(factory) as session:
        for statement_id, document_id in corpus.statements:
            session.execute(
                text("INSERT INTO statement_document (statement_id, document_id) VALUES (:s, :d)"),
                {"s": statement_id, "d": document_id},
            )
    return corpus.statements


def _remote_commands(
    url: str, *, in_transaction: bool, document_id: int, statement_id: int
) -> list[str]:
    """The commands the coordinator sends to workers for one call of the walk function."""
    sent: list[str] = []
    libpq = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(libpq, autocommit=True) as conn:
        conn.add_notice_handler(lambda notice: sent.append(notice.message_primary or ""))
        conn.execute("SET citus.log_remote_commands = on")
        conn.execute("SET client_min_messages = log")
        if in_transaction:
            with conn.transaction():
                conn.execute(WALK_CALL, (document_id, statement_id, statement_id)).fetchall()
        else:
            conn.execute(WALK_CALL, (document_id, statement_id, statement_id)).fetchall()
    return [m for m in sent if m.startswith("issuing")]


def test_a_call_outside_a_transaction_runs_whole_on_the_documents_worker(
    session_factory: sessionmaker[Session], db_url: str
) -> None:
    statement_id, document_id = _stored(session_factory, 1)[0]
    delegated = _remote_commands(
        db_url, in_transaction=False, document_id=document_id, statement_id=statement_id
    )
    assert len(delegated) == 1
    assert "tracker_document_walk(" in delegated[0]
    on_coordinator = _remote_commands(
        db_url, in_transaction=True, document_id=document_id, statement_id=statement_id
    )
    assert not any("tracker_document_walk(" in m for m in on_coordinator)
    assert any("FROM public.citation_" in m for m in on_coordinator)


def _nodes(engine: Any, documents: set[int]) -> dict[int, int]:
    """The node group holding each document's shards."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT d, p.groupid FROM unnest(CAST(:ids AS bigint[])) d "
                "JOIN pg_dist_placement p "
                "ON p.shardid = get_shard_id_for_distribution_column('document', d)"
            ),
            {"ids": sorted(documents)},
        ).all()
    return {int(d): int(group) for d, group in rows}


@pytest.mark.parametrize("seed", range(8))
def test_the_delegated_walk_is_the_coordinators_walk(
    session_factory: sessionmaker[Session], engine: Any, seed: int
) -> None:
    statements = _stored(session_factory, seed)
    node_of = _nodes(engine, {d for _, d in statements})
    crossed = False
    outside = sessionmaker(bind=engine.execution_options(isolation_level="AUTOCOMMIT"))
    for max_depth in (1, 3, 32):
        for statement_id, document_id in statements:
            with outside() as session:  # no transaction block: each call delegated
                delegated = walks_by_document(session, [(statement_id, document_id)], max_depth)
                by_id = walks_by_document(session, [(statement_id, None)], max_depth)
            with transaction(session_factory) as session:  # on the coordinator
                coordinator = walks_by_document(session, [(statement_id, document_id)], max_depth)
            assert set(delegated) == set(coordinator) == set(by_id) == {statement_id}
            expected = coordinator[statement_id].to_dict()
            assert delegated[statement_id].to_dict() == expected, (seed, max_depth)
            assert by_id[statement_id].to_dict() == expected, (seed, max_depth)
            crossed |= len({node_of[h.document_id] for h in coordinator[statement_id].hops}) > 1
    if seed == 0:
        # the comparison covers links into documents on the other worker (which the
        # delegated call leaves to the caller) as well as on its own
        assert crossed
