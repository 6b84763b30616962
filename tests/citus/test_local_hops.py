"""tracker_local_hops (migration 0015): a document's hops read on the node that holds it."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from tests.citus.conftest import DatabaseFactory
from tests.integration.helpers import doc_with_chain, hop, outlet, person
from tracker.db import make_session_factory, transaction
from tracker.store.writer import store_document

pytestmark = pytest.mark.citus

QUOTE = "The night market stays open until midnight"

HOPS_SQL = """
    SELECT array_agg(ROW(c.id, c.statement_id, c.parent_id, c.position, c.source_id,
                         c.relation, c.cue, c.evidence_start, c.evidence_end,
                         c.upstream_statement_id, c.upstream_document_id, c.link_method,
                         c.link_similarity, c.inverted_statement_id,
                         c.review_status)::tracker_walk_hop ORDER BY c.id)::text
      FROM citation c WHERE c.document_id = :d AND c.statement_id = :s
"""
"""The statement's hops as the function should give them, in id order."""

ORDERED_SQL = (
    "SELECT array_agg(h ORDER BY h.id)::text FROM unnest(CAST(:hops AS tracker_walk_hop[])) h"
)
"""A ``tracker_walk_hop[]`` in id order (the function's order is the index's)."""


def test_hops_come_with_the_statements_and_the_same_when_called_elsewhere(
    citus_database: DatabaseFactory,
) -> None:
    """Inside the walk's routed read the hops are read on the worker from its own shard;
    called on the coordinator (no shard of ``citation`` there) the function reads
    through Citus instead. Both give the statement's hops, and a missing document none."""
    url = citus_database("head")
    engine = create_engine(url)
    factory = make_session_factory(engine)
    body = f'The district head spoke on Friday. "{QUOTE}," she said.'
    chain = [hop(outlet("Evening Post"), "citing"), hop(person("Sari Wulandari"))]
    with transaction(factory) as session:
        stored = store_document(session, doc_with_chain(body, QUOTE, chain), origin="manual")
    statement = stored.document.statements[0].id
    document = stored.document.id
    try:
        with engine.connect() as conn:
            expected = conn.execute(text(HOPS_SQL), {"d": document, "s": statement}).scalar_one()
            routed = conn.execute(
                text(
                    "SELECT array_agg(s.id), tracker_local_hops(:d, ARRAY[:s]::bigint[])::text "
                    "FROM statement s WHERE s.document_id = :d AND s.id = :s"
                ),
                {"d": document, "s": statement},
            ).one()
            here = conn.execute(
                text("SELECT tracker_local_hops(:d, ARRAY[:s]::bigint[])::text"),
                {"d": document, "s": statement},
            ).scalar_one()
            nowhere = conn.execute(
                text("SELECT tracker_local_hops(NULL, ARRAY[:s]::bigint[])"), {"s": statement}
            ).scalar_one()
            ordered = [
                conn.execute(text(ORDERED_SQL), {"hops": hops}).scalar_one()
                for hops in (routed[1], here)
            ]
            count = conn.execute(
                text("SELECT cardinality(CAST(:hops AS tracker_walk_hop[]))"), {"hops": expected}
            ).scalar_one()
    finally:
        engine.dispose()
    assert count == 2  # the statement's two hops, every field compared
    assert routed[0] == [statement]
    assert ordered == [expected, expected]
    assert nowhere is None
