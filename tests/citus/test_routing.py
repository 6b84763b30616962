"""Reads by id on Citus go to the shard that holds the row, not to every shard."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from tests.citus.conftest import DatabaseFactory
from tests.integration.helpers import doc_with_chain, hop, outlet, person
from tracker.db import make_session_factory, transaction
from tracker.store.documents import get_document, get_statement, list_statements
from tracker.store.writer import store_document

pytestmark = pytest.mark.citus

SHARD_RE = re.compile(r"\b(statement|citation)_\d+\b")
"""A shard of ``statement`` or ``citation`` named in a command sent to a worker
(``statement_document``'s shards do not match: a digit must follow the underscore)."""


def _shards_asked(url: str, read: Callable[[Session], Any]) -> tuple[Any, dict[str, set[str]]]:
    """What ``read`` returns, and the shards of each table its commands went to."""
    engine = create_engine(url)
    notices: list[str] = []
    try:
        with transaction(make_session_factory(engine)) as session:
            driver = session.connection().connection.driver_connection
            assert driver is not None
            driver.add_notice_handler(lambda d: notices.append(d.message_primary or ""))
            session.execute(text("SET LOCAL citus.log_remote_commands = on"))
            result = read(session)
    finally:
        engine.dispose()
    asked: dict[str, set[str]] = {"statement": set(), "citation": set()}
    for notice in notices:
        for found in SHARD_RE.finditer(notice):
            asked[found.group(1)].add(found.group(0))
    return result, asked


def test_a_statement_its_document_and_its_page_are_read_from_one_shard(
    citus_database: DatabaseFactory,
) -> None:
    url = citus_database("head")
    quote = "The ferry timetable changes next month"
    body = f'The harbour office wrote on Monday. "{quote}," the harbour master said.'
    chain = [hop(outlet("Harbour Gazette"), "citing"), hop(person("Dina Lestari"))]
    engine = create_engine(url)
    try:
        with transaction(make_session_factory(engine)) as session:
            stored = store_document(session, doc_with_chain(body, quote, chain), origin="manual")
    finally:
        engine.dispose()
    statement_id = stored.document.statements[0].id
    document_id = stored.document.id

    statement, by_id = _shards_asked(url, lambda s: get_statement(s, statement_id))
    document, by_document = _shards_asked(url, lambda s: get_document(s, document_id))
    page, by_page = _shards_asked(
        url, lambda s: list_statements(s, document_id=document_id, limit=10)
    )

    assert [h.source.name for h in statement.chain] == ["Harbour Gazette", "Dina Lestari"]
    assert [v.id for v in document.statements] == [statement_id]
    assert [v.id for v in page.items] == [statement_id]
    assert [h.source.name for h in document.statements[0].chain] == [
        "Harbour Gazette",
        "Dina Lestari",
    ]
    for asked in (by_id, by_document, by_page):
        assert len(asked["statement"]) == 1, asked
        assert len(asked["citation"]) == 1, asked
