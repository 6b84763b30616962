"""The walk on real PostgreSQL: depth, truncation, cycles, cross-document chains, branches."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.helpers import doc_with_chain, hop, outlet, person
from tracker.db import transaction
from tracker.errors import NotFoundError, ValidationError
from tracker.provenance.links import set_upstream_link
from tracker.store.inputs import HopIn, SourceIn
from tracker.store.writer import store_document
from tracker.walk.walker import walk

QUOTE = "We will build the bridge by June"


def _store(factory: sessionmaker[Session], chain: list[HopIn], text_: str | None = None) -> int:
    body = text_ or f'The mayor spoke on Monday. "{QUOTE}," she said.'
    with transaction(factory) as session:
        result = store_document(session, doc_with_chain(body, QUOTE, chain), origin="manual")
    return result.document.statements[0].id


def _names(session_factory: sessionmaker[Session], statement_id: int, **kw: int) -> list[str]:
    with session_factory() as session:
        return [h.source.name for h in walk(session, statement_id, **kw).hops]


def test_first_hand_statement_walks_one_hop(session_factory: sessionmaker[Session]) -> None:
    sid = _store(session_factory, [hop(person("Maria Lopez"))])
    with session_factory() as session:
        result = walk(session, sid)
    assert [h.source.name for h in result.hops] == ["Maria Lopez"]
    assert [s.name for s in result.primary_sources] == ["Maria Lopez"]
    assert result.flags == ["complete"]


def test_seed_style_relay_walks_in_order(session_factory: sessionmaker[Session]) -> None:
    chain = [
        hop(outlet("Yonhap"), "reported_by"),
        hop(SourceIn("KCNA", "news_outlet", state_media=True), "citing"),
        hop(person("Kim Jong Un")),
    ]
    sid = _store(session_factory, chain)
    with session_factory() as session:
        result = walk(session, sid)
    assert [h.source.name for h in result.hops] == ["Yonhap", "KCNA", "Kim Jong Un"]
    assert [h.position for h in result.hops] == [0, 1, 2]
    assert [h.relation for h in result.hops] == ["reported_by", "citing", "said"]
    assert [s.name for s in result.primary_sources] == ["Kim Jong Un"]
    assert result.flags == ["complete", "state_media_origin"]


def test_chain_deeper_than_bound_is_truncated(session_factory: sessionmaker[Session]) -> None:
    chain = [hop(outlet(f"Relay {i}"), "citing") for i in range(39)] + [hop(person("Origin"))]
    sid = _store(session_factory, chain)
    with session_factory() as session:
        result = walk(session, sid)
        short = walk(session, sid, max_depth=5)
    assert len(result.hops) == 32
    assert result.flags == ["truncated"]
    assert result.primary_sources == []
    assert len(short.hops) == 5
    with session_factory() as session:
        full = walk(session, sid, max_depth=64)
    assert len(full.hops) == 40 and full.flags == ["complete"]
    assert [s.name for s in full.primary_sources] == ["Origin"]


def test_anonymous_primary_source_is_flagged(session_factory: sessionmaker[Session]) -> None:
    chain = [hop(outlet("Reuters"), "reported_by"), hop(SourceIn("two officials", "anonymous"))]
    sid = _store(session_factory, chain)
    with session_factory() as session:
        result = walk(session, sid)
    assert result.flags == ["anonymous", "anonymous_only"]


def test_branch_returns_every_primary_source(session_factory: sessionmaker[Session]) -> None:
    chain = [
        hop(outlet("AFP"), "reported_by"),
        HopIn(SourceIn("Health Ministry", "government_body"), "citing", parent=0),
        HopIn(SourceIn("Dr Ana Ruiz", "person"), "citing", parent=0),
    ]
    sid = _store(session_factory, chain)
    with session_factory() as session:
        result = walk(session, sid)
    # AFP is on the outlet list: stored under its list name
    assert [h.source.name for h in result.hops] == [
        "Agence France-Presse",
        "Health Ministry",
        "Dr Ana Ruiz",
    ]
    assert [h.parent for h in result.hops] == [None, 0, 0]
    assert {s.name for s in result.primary_sources} == {"Health Ministry", "Dr Ana Ruiz"}
    assert "complete" in result.flags


def test_walk_crosses_documents(session_factory: sessionmaker[Session]) -> None:
    upstream = _store(
        session_factory,
        [hop(SourceIn("KCNA", "news_outlet", state_media=True), "citing"), hop(person("Kim"))],
        f'Seoul, Tuesday. "{QUOTE}," Kim said, according to KCNA.',
    )
    downstream = _store(
        session_factory, [HopIn(outlet("Yonhap"), "reported_by", upstream_statement_id=upstream)]
    )
    with session_factory() as session:
        result = walk(session, downstream)
    assert [h.source.name for h in result.hops] == ["Yonhap", "KCNA", "Kim"]
    assert result.hops[0].continues_statement_id == upstream
    assert result.hops[1].statement_id == upstream
    assert result.hops[0].document_id != result.hops[1].document_id
    assert result.hops[0].link == {"method": "manual", "similarity": None}
    assert [s.name for s in result.primary_sources] == ["Kim"]


def test_two_document_cycle_is_circular_and_terminates(
    session_factory: sessionmaker[Session],
) -> None:
    first = _store(session_factory, [hop(outlet("Daily A"), "citing")], f'A says: "{QUOTE}"')
    second = _store(
        session_factory,
        [HopIn(outlet("Daily B"), "citing", upstream_statement_id=first)],
        f'B says: "{QUOTE}"',
    )
    with transaction(session_factory) as session:
        citation_id = session.execute(
            text("SELECT id FROM citation WHERE statement_id = :s"), {"s": first}
        ).scalar_one()
        set_upstream_link(session, citation_id, second)
    with session_factory() as session:
        result = walk(session, second)
    assert "circular" in result.flags
    assert "complete" not in result.flags
    assert [h.source.name for h in result.hops] == ["Daily B", "Daily A"]


def test_dangling_upstream_link_is_broken(session_factory: sessionmaker[Session]) -> None:
    target = _store(session_factory, [hop(person("Someone"))], f'Target: "{QUOTE}"')
    sid = _store(session_factory, [HopIn(outlet("Relay"), "citing", upstream_statement_id=target)])
    with transaction(session_factory) as session:
        session.execute(text("DELETE FROM statement WHERE id = :id"), {"id": target})
    with session_factory() as session:
        result = walk(session, sid)
    assert "broken" in result.flags
    assert "complete" not in result.flags


def test_unknown_statement_and_bad_depth(session_factory: sessionmaker[Session]) -> None:
    with session_factory() as session:
        with pytest.raises(NotFoundError):
            walk(session, 999_999)
        sid = 1
        with pytest.raises(ValidationError):
            walk(session, sid, max_depth=0)
