"""tracker_local_read (migration 0016): a document's hops and sources read on its node."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from tests.citus.conftest import DatabaseFactory
from tests.integration.helpers import doc_with_chain, hop, outlet, person
from tracker.db import make_session_factory, transaction
from tracker.store.writer import store_document

pytestmark = pytest.mark.citus

QUOTE = "The river ferry will carry bicycles for free from May"

SOURCES_SQL = """
    SELECT s.id, s.name, s.kind, s.state_media FROM source s
     WHERE s.id IN (SELECT c.source_id FROM citation c
                     WHERE c.document_id = :d AND c.statement_id = :s)
        OR s.id = :speaker
     ORDER BY s.id
"""
"""The sources the statement's hops name, and its speaker, as the function should give them."""

ROUTED_SQL = """
    SELECT (x.here).sources::text, cardinality((x.here).hops)
      FROM (SELECT tracker_local_read(:d, ARRAY[:s]::bigint[], array_agg(s.speaker_id)) AS here
              FROM statement s WHERE s.document_id = :d AND s.id = :s) x
"""

UNNEST_SQL = """
    SELECT z.id, z.name, z.kind, z.state_media
      FROM unnest(CAST(:sources AS tracker_walk_source[])) z ORDER BY z.id
"""


def test_sources_come_with_the_hops_wherever_it_is_called(
    citus_database: DatabaseFactory,
) -> None:
    """In the walk's routed read the function reads the worker's replica of ``source``;
    on the coordinator it reads through Citus. Both name every source the statement's
    hops name and its speaker, with kind and state-media mark; no document, nothing."""
    url = citus_database("head")
    engine = create_engine(url)
    factory = make_session_factory(engine)
    body = f'The harbour chief spoke on Monday. "{QUOTE}," he said.'
    chain = [hop(outlet("Delta Evening News"), "citing"), hop(person("Bayu Santoso"))]
    with transaction(factory) as session:
        stored = store_document(session, doc_with_chain(body, QUOTE, chain), origin="manual")
    statement = stored.document.statements[0]
    document = stored.document.id
    params: dict[str, object] = {"d": document, "s": statement.id}
    try:
        with engine.connect() as conn:
            params["speaker"] = conn.execute(
                text("SELECT speaker_id FROM statement WHERE document_id = :d AND id = :s"), params
            ).scalar_one()
            expected = [tuple(r) for r in conn.execute(text(SOURCES_SQL), params)]
            routed, hop_count = conn.execute(text(ROUTED_SQL), params).one()
            here = conn.execute(
                text(
                    "SELECT (tracker_local_read(:d, ARRAY[:s]::bigint[], "
                    "ARRAY[:speaker]::bigint[])).sources::text"
                ),
                params,
            ).scalar_one()
            found = [
                sorted(tuple(r) for r in conn.execute(text(UNNEST_SQL), {"sources": sources}))
                for sources in (routed, here)
            ]
            nowhere = conn.execute(
                text("SELECT tracker_local_read(NULL, ARRAY[:s]::bigint[], NULL) IS NULL"), params
            ).scalar_one()
    finally:
        engine.dispose()
    names = {row[1] for row in expected}
    assert {"Delta Evening News", "Bayu Santoso"} <= names
    assert ("Delta Evening News", "news_outlet") in {(row[1], row[2]) for row in expected}
    assert hop_count == 2
    assert found == [expected, expected]
    assert nowhere is True
