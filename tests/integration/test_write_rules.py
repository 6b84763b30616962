"""The one writer's rules on real PostgreSQL: a write of N documents stores what N writes of
one would; source identity, enrichment, aliases and affiliations; document identity."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.snapshots import differences, snapshot
from tracker.db import make_engine, make_session_factory, transaction
from tracker.store.identity import content_hash
from tracker.store.inputs import DocumentIn, PreparedDocument, SourceIn, StatementIn
from tracker.store.resolver import UPSERT_SOURCES_SQL, SourceFields, enrich
from tracker.store.writer import WriteOutcome, store_document, store_documents


def _said(text_: str, words: str, speaker: SourceIn, surface: str | None = None) -> StatementIn:
    start = text_.index(words)
    return StatementIn(
        start=start, end=start + len(words), kind="indirect", speaker=speaker,
        speaker_surface=surface,
    )  # fmt: skip


def _prepared(text_: str, *statements: StatementIn, url: str | None = None) -> PreparedDocument:
    return PreparedDocument(
        doc=DocumentIn(text=text_, language="en", url=url, statements=statements),
        language="en",
        outlet=None,
        content_hash=content_hash(text_),
        statement_origin="manual",
    )


def _documents() -> list[PreparedDocument]:
    """An acronym first untyped, then a person, then untyped again; a name that grows; a
    role that grows and one that does not; an affiliation met twice."""
    first = "GLPX said the dock would close. Ana Ruiz said fees were fair."
    second = (
        "The local group GLPX said boats waited. Minister Ana Ruiz said fees would rise. "
        "Ana Ruiz said the port was busy."
    )
    third = "GLPX said the dock reopened. Dr. Ana Ruiz said nothing changed."
    return [
        _prepared(
            first,
            _said(first, "the dock would close", SourceIn("GLPX", "unknown")),
            _said(first, "fees were fair", SourceIn("Ana Ruiz", "person")),
        ),
        _prepared(
            second,
            _said(second, "boats waited", SourceIn("GLPX", "person"), "the local group GLPX"),
            _said(
                second,
                "fees would rise",
                SourceIn("Ana Ruiz", "person", "Minister", "Ministry of Ports"),
                "Minister Ana Ruiz",
            ),
            _said(
                second,
                "the port was busy",
                SourceIn("Dr Ana Ruiz ", "person", "Trade Minister", "Harbour Board"),
            ),
        ),
        _prepared(
            third,
            _said(third, "the dock reopened", SourceIn("GLPX", "unknown")),
            _said(third, "nothing changed", SourceIn("Dr. Ana Ruiz", "person", "Deputy")),
        ),
    ]


def test_one_write_of_three_stores_what_three_writes_of_one_store(
    session_factory: sessionmaker[Session], db_url: str, second_db_url: str
) -> None:
    with transaction(session_factory) as session:
        together = store_documents(session, _documents())
    assert together.new_documents == 3 and together.present_documents == 0
    engine = make_engine(second_db_url)
    try:
        for one in _documents():
            with transaction(make_session_factory(engine)) as session:
                store_documents(session, [one])
    finally:
        engine.dispose()
    batch, single = snapshot(db_url), snapshot(second_db_url)
    for table in ("documents", "sources", "statements", "hops"):
        assert batch[table] == single[table], differences(batch[table], single[table], "1x3", "3x1")

    glpx = sorted((row[7], row[8]) for row in batch["statements"] if row[7] == "GLPX")
    # untyped before the person was met: a source of its own; untyped after: the person
    assert glpx == [("GLPX", "person"), ("GLPX", "person"), ("GLPX", "unknown")]
    sources = {(row[0], row[1]): row for row in batch["sources"]}
    assert sources[("GLPX", "unknown")][6] == ("GLPX",)
    assert sources[("GLPX", "person")][6] == ("GLPX", "the local group GLPX")
    # the longer name and a role holding the stored one enrich, "Deputy" does not; the
    # first affiliation stays; the first form of each normalized alias is kept
    assert sources[("Dr. Ana Ruiz", "person")] == (
        "Dr. Ana Ruiz", "person", "Trade Minister", False, "Ministry of Ports", None,
        ("Ana Ruiz",),
    )  # fmt: skip
    assert ("Harbour Board", "organization") in sources


ENRICH_CASES = [
    (("Kim", None, False), SourceIn("Kim Jong Un", "person")),
    (("Kim Jong Un", None, False), SourceIn("Kim", "person", "Leader")),
    (("Kim", "leader", False), SourceIn("Kim", "person", "Supreme Leader")),
    (("Kim", "Supreme Leader", False), SourceIn("Kim", "person", "Leader")),
    (("Kim", "Leader", False), SourceIn("Kim", "person", "Chairman")),
    (("Kim", "Leader", False), SourceIn("KIM", "person", "LEADER")),
    (("Kim", "Leader", True), SourceIn("Kim", "person", None, None, False)),
    (("Kim", None, False), SourceIn("Kim", "person", None, None, True)),
]


@pytest.mark.parametrize(("stored", "mention"), ENRICH_CASES)
def test_python_enrichment_is_the_upserts(
    engine: Engine, stored: tuple[str, str | None, bool], mention: SourceIn
) -> None:
    """`enrich` decides whether a write touches a stored source: it must be the SQL's twin."""

    def upsert(conn: Any, fields: SourceFields) -> None:
        params = {
            "name": [fields.name], "normalized": ["kim"], "kind": ["person"],
            "role": [fields.role], "state_media": [fields.state_media],
        }  # fmt: skip
        conn.execute(UPSERT_SOURCES_SQL, params)

    with engine.begin() as conn:
        upsert(conn, SourceFields(*stored))
        upsert(conn, SourceFields(mention.name.strip(), mention.role, mention.state_media))
        row = conn.execute(text("SELECT name, role, state_media FROM source")).one()
    assert SourceFields(*row) == enrich(SourceFields(*stored), mention)


def _aliases(engine: Engine, name: str) -> set[str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT al.alias FROM source_alias al JOIN source s ON s.id = al.source_id "
                "WHERE s.name = :name"
            ),
            {"name": name},
        )
        return {r.alias for r in rows}


def test_a_known_outlet_keeps_the_given_and_the_list_name(
    session_factory: sessionmaker[Session], engine: Engine
) -> None:
    body = "AP reported the harbour was closed."
    statement = _said(body, "the harbour was closed", SourceIn("AP", "news_outlet"))
    with transaction(session_factory) as session:
        store_document(session, DocumentIn(text=body, language="en", statements=(statement,)))
    assert _aliases(engine, "Associated Press") == {"AP", "Associated Press"}


def test_repeats_in_one_write_are_one_document(session_factory: sessionmaker[Session]) -> None:
    url = "https://coast.example/one"
    first = _prepared("The port opened on Monday, Ana Ruiz said.", url=url)
    again = _prepared("The port opened on Monday, Ana Ruiz said.")
    corrected = _prepared("The port opened on Tuesday, Ana Ruiz said.", url=url)
    other = _prepared("Fees rose by a tenth, GLPX said.")
    with transaction(session_factory) as session:
        outcome: WriteOutcome = store_documents(session, [first, again, corrected, other])
    assert (outcome.new_documents, outcome.present_documents) == (2, 2)
    ids = outcome.stored_ids
    assert ids[first.content_hash] == ids[corrected.content_hash] != ids[other.content_hash]
    with transaction(session_factory) as session:
        later = store_documents(session, [corrected, other])
    assert (later.new_documents, later.present_documents) == (0, 2)
    assert later.stored_ids == {k: ids[k] for k in (corrected.content_hash, other.content_hash)}
