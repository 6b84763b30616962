"""The document walk function across migration 0015: the same walks before and after.

0015 rewrites ``tracker_document_walk`` (the hops read as one array of a new row type, the
sources named once per walk by a second function) and its downgrade gives 0014's back;
the calling code is the same at both revisions, so a walk must come out the same from
either, and the downgrade must leave nothing of 0015 behind.
"""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.helpers import doc_with_chain, hop, outlet, person
from tracker.db import transaction
from tracker.migrations import downgrade, upgrade
from tracker.store.inputs import HopIn
from tracker.store.writer import store_document
from tracker.walk.model import Walk
from tracker.walk.walker import walks_by_document

QUOTE = "The ferry will run again from Tuesday"


def _store(factory: sessionmaker[Session], chain: list[HopIn], body: str) -> int:
    with transaction(factory) as session:
        result = store_document(session, doc_with_chain(body, QUOTE, chain), origin="manual")
    return result.document.statements[0].id


def _walks(factory: sessionmaker[Session], ids: list[int], max_depth: int) -> dict[int, Walk]:
    """The walks by the function, each statement given by id alone (as the chain endpoint)."""
    with factory() as session:
        return {i: walks_by_document(session, [(i, None)], max_depth, strict=True)[i] for i in ids}


def _left_of_0015(engine: Engine) -> tuple[object, object]:
    with engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT to_regtype('tracker_walk_hop'), to_regprocedure('tracker_document_hops("
                "bigint, bigint[], bigint[], integer[], text[], text[], integer)')"
            )
        ).one()
    return found[0], found[1]


def test_walks_are_the_same_at_0014_and_at_head(
    db_url: str, engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    origin = _store(
        session_factory,
        [hop(outlet("Harbour Radio"), "citing"), hop(person("Ana Duarte"))],
        f'The harbour master spoke. "{QUOTE}," she said.',
    )
    middle = _store(
        session_factory,
        [HopIn(outlet("Coast Daily"), "citing", upstream_statement_id=origin)],
        f'Coast Daily wrote: "{QUOTE}."',
    )
    relay = _store(
        session_factory,
        [HopIn(outlet("Island Wire"), "reported_by", upstream_statement_id=middle)],
        f'Island Wire reported: "{QUOTE}."',
    )
    ids = [relay, middle, origin]
    at_head = _walks(session_factory, ids, 10)
    shallow = _walks(session_factory, ids, 2)
    # three documents crossed, every source named (read once for the whole walk)
    assert [h.source.name for h in at_head[relay].hops] == [
        "Island Wire",
        "Coast Daily",
        "Harbour Radio",
        "Ana Duarte",
    ]
    assert len({h.document_id for h in at_head[relay].hops}) == 3
    assert [s.name for s in at_head[relay].primary_sources] == ["Ana Duarte"]
    assert "truncated" in shallow[relay].flags
    assert all(found is not None for found in _left_of_0015(engine))

    downgrade(db_url, "0014")
    assert _left_of_0015(engine) == (None, None)
    assert _walks(session_factory, ids, 10) == at_head
    assert _walks(session_factory, ids, 2) == shallow

    upgrade(db_url)
    assert _walks(session_factory, ids, 10) == at_head
    assert _walks(session_factory, ids, 2) == shallow
