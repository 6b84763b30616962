"""The desk's reads on real PostgreSQL: corpus shares, source profiles, statement details."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.integration.reporting import kcna_document, linked_pair, small_document
from tracker.errors import NotFoundError, ValidationError
from tracker.reports.document import document_report
from tracker.reports.shares import corpus_shares
from tracker.reports.source import source_profile
from tracker.reports.statement import document_detail
from tracker.store.sources import get_source


def test_corpus_shares_follow_the_document_summary(
    session_factory: sessionmaker[Session],
) -> None:
    stored = small_document(session_factory)
    with session_factory() as session:
        shares = corpus_shares(session, max_depth=32)
        summary = document_report(session, stored.document.id).summary
    assert (
        (shares.statements, shares.named_primary, shares.anonymous, shares.unresolved)
        == (
            summary.statements,
            summary.named_primary,
            summary.anonymous,
            summary.unresolved,
        )
        == (4, 2, 1, 1)
    )
    assert shares.via_state_media == summary.via_state_media == 1
    assert shares.share(shares.named_primary) == 0.5


def test_corpus_shares_walk_across_documents_and_count_the_newest_only(
    session_factory: sessionmaker[Session],
) -> None:
    linked_pair(session_factory)
    with session_factory() as session:
        both = corpus_shares(session, max_depth=32)
        newest = corpus_shares(session, max_depth=32, sample=1)
        cut = corpus_shares(session, max_depth=1)
        with pytest.raises(ValidationError):
            corpus_shares(session, max_depth=32, sample=0)
    assert (both.statements, both.named_primary, both.via_state_media) == (2, 2, 2)
    # the later story cites Antara by link: its walk reaches KCNA and Kim in the early one
    assert (newest.statements, newest.named_primary, newest.via_state_media) == (1, 1, 1)
    assert cut.named_primary == 0 and cut.unresolved == 2, "a walk cut short is not named"


def test_source_profile_said_ended_relayed(session_factory: sessionmaker[Session]) -> None:
    early, later = linked_pair(session_factory)
    kcna_document(session_factory)
    kim_id = early.document.statements[0].speaker.id  # type: ignore[union-attr]
    antara_id = later.document.statements[0].chain[0].source.id
    with session_factory() as session:
        kim = source_profile(session, get_source(session, kim_id), 20, 32)
        antara = source_profile(session, get_source(session, antara_id), 20, 32)
        one = source_profile(session, get_source(session, kim_id), 1, 32)
    assert kim.said_total == 3  # the early story, the later one, the KCNA one
    assert kim.primary_total == 3, "the later story ends at Kim through its upstream link"
    assert kim.relayed_total == 0
    assert [u.statement_id for u in kim.primary_of] == sorted(
        (u.statement_id for u in kim.primary_of), reverse=True
    )
    later_use = next(u for u in kim.primary_of if u.document_id == later.document.id)
    assert later_use.paths == ["Antara → KCNA → Kim"]
    assert antara.relayed_total == 1 and antara.primary_total == 0
    assert antara.relayed[0].outlet == "Metro Example"
    assert len(one.said) == 1 and one.said_total == 3


def test_document_detail_opens_only_its_own_statements(
    session_factory: sessionmaker[Session],
) -> None:
    early, later = linked_pair(session_factory)
    statement = later.document.statements[0].id
    with session_factory() as session:
        closed = document_detail(session, later.document.id, None, 32)
        opened = document_detail(session, later.document.id, statement, 32)
        with pytest.raises(NotFoundError, match="of document"):
            document_detail(session, early.document.id, statement, 32)
    assert closed.selected is None and closed.document.id == later.document.id
    assert opened.selected is not None
    assert [h.source.name for h in opened.selected.walk.hops] == ["Antara", "KCNA", "Kim"]
    assert [a.document_id for a in opened.selected.appearances.items] == [
        early.document.id,
        later.document.id,
    ]
    assert "state_media_origin" in opened.selected.flags
