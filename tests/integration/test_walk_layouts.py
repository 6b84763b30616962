"""Every form of the walk gives the same Walk as the hop-by-hop recursive query, on random chains.

The forms: the walk over the statements a chain enters (one PostgreSQL, one statement or
many at once), the same statements gathered by one call of a function (Citus's walk of
one statement), and the walk one document at a time (Citus's walk of many). The reference is
``WALK_SQL``, which walks hop by hop in SQL alone. Random corpora with branches,
cross-document links, cycles through several documents, links to statements that do not
exist or are rejected, links stored without their document, and a linked hop that still
has children: for every statement, several depth bounds, and rejected statements hidden
or shown, every form gives the same Walk, hop for hop.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from tracker.db import transaction
from tracker.errors import NotFoundError
from tracker.store.visibility import RejectedStatementError, show_rejected
from tracker.walk.sql import FOLLOW_BELOW
from tracker.walk.walker import (
    walk,
    walk_by_call,
    walk_hop_by_hop,
    walks,
    walks_by_document,
)

SOURCES = [
    (1, "Ana Ruiz", "person", False),
    (2, "Reuters", "news_outlet", False),
    (3, "KCNA", "news_outlet", True),
    (4, "Health Ministry", "government_body", False),
    (5, "a senior official", "anonymous", False),
    (6, "Annual Report", "document", False),
]
MISSING_STATEMENT = 999_999


@dataclass
class Corpus:
    """Rows of one random corpus, ids given here so that links can form cycles."""

    documents: list[int] = field(default_factory=list)
    statements: list[tuple[int, int]] = field(default_factory=list)
    """(statement id, document id)"""
    hops: list[dict[str, object]] = field(default_factory=list)


def _corpus(seed: int) -> Corpus:
    rng = random.Random(seed)
    corpus = Corpus()
    statement_id = hop_id = 0
    for document_id in range(1, rng.randint(3, 7) + 1):
        corpus.documents.append(document_id)
        for _ in range(rng.randint(1, 3)):
            statement_id += 1
            corpus.statements.append((statement_id, document_id))
            positions: list[tuple[int, int]] = []  # (hop id, position)
            for k in range(rng.randint(0, 6)):
                hop_id += 1
                parent = rng.choice(positions) if k and rng.random() < 0.85 else None
                positions.append((hop_id, parent[1] + 1 if parent else 0))
                corpus.hops.append(
                    {
                        "id": hop_id,
                        "statement_id": statement_id,
                        "document_id": document_id,
                        "parent_id": parent[0] if parent else None,
                        "position": positions[-1][1],
                        "source_id": rng.choice(SOURCES)[0],
                        "upstream_statement_id": None,
                        "upstream_document_id": None,
                    }
                )
    where = dict(corpus.statements)
    for hop in corpus.hops:
        roll = rng.random()
        if roll < 0.30:
            target = rng.choice(corpus.statements)[0]
            hop["upstream_statement_id"] = target
            # now and then a link stored before links named their document
            hop["upstream_document_id"] = where[target] if rng.random() < 0.85 else None
        elif roll < 0.34:
            hop["upstream_statement_id"] = MISSING_STATEMENT
            hop["upstream_document_id"] = rng.choice(corpus.documents)
    return corpus


def _store(factory: sessionmaker[Session], corpus: Corpus) -> None:
    with transaction(factory) as session:
        for sid, name, kind, state_media in SOURCES:
            session.execute(
                text(
                    "INSERT INTO source (id, name, normalized_name, kind, state_media) "
                    "VALUES (:id, :name, lower(:name), :kind, :sm)"
                ),
                {"id": sid, "name": name, "kind": kind, "sm": state_media},
            )
        for document_id in corpus.documents:
            body = f"Story {document_id}: words said and passed on."
            session.execute(
                text(
                    "INSERT INTO document (id, text, text_length, language, content_hash) "
                    "VALUES (:id, :body, char_length(:body), 'en', md5(:body))"
                ),
                {"id": document_id, "body": body},
            )
        for statement_id, document_id in corpus.statements:
            session.execute(
                text(
                    "INSERT INTO statement (id, document_id, document_length, kind, "
                    "start_offset, end_offset, text, origin, fingerprint) "
                    "SELECT :id, d.id, d.text_length, 'direct', 0, 5, 'Story', 'manual', "
                    "'story' FROM document d WHERE d.id = :doc"
                ),
                {"id": statement_id, "doc": document_id},
            )
        for hop in corpus.hops:
            session.execute(
                text(
                    "INSERT INTO citation (id, statement_id, document_id, parent_id, position, "
                    "source_id, relation, upstream_statement_id, upstream_document_id, "
                    "link_method, origin) VALUES (:id, :statement_id, :document_id, "
                    ":parent_id, :position, :source_id, 'citing', :upstream_statement_id, "
                    ":upstream_document_id, CASE WHEN CAST(:upstream_statement_id AS bigint) "
                    "IS NULL THEN NULL ELSE 'manual' END, 'manual')"
                ),
                hop,
            )


def _reject_some(factory: sessionmaker[Session], corpus: Corpus, seed: int) -> set[int]:
    """Reject about one statement in six (its own random stream: the corpus stays the same)."""
    rng = random.Random(10_000 + seed)
    rejected = {sid for sid, _ in corpus.statements if rng.random() < 0.17}
    with transaction(factory) as session:
        session.execute(
            text("UPDATE statement SET review_status = 'rejected' WHERE id = ANY(:ids)"),
            {"ids": sorted(rejected)},
        )
    return rejected


def _reference(session: Session, statement_id: int, max_depth: int) -> dict[str, object] | None:
    try:
        return walk_hop_by_hop(session, statement_id, max_depth).to_dict()
    except RejectedStatementError:
        return None


@pytest.mark.parametrize("seed", range(16))
@pytest.mark.parametrize("rejected_shown", [False, True])
def test_every_form_of_the_walk_gives_the_hop_by_hop_walk(
    session_factory: sessionmaker[Session], seed: int, rejected_shown: bool
) -> None:
    corpus = _corpus(seed)
    _store(session_factory, corpus)
    rejected = _reject_some(session_factory, corpus, seed)
    ids = [sid for sid, _ in corpus.statements]
    where = dict(corpus.statements)
    heads = [(sid, None) for sid in ids]
    with transaction(session_factory) as session:
        if rejected_shown:
            show_rejected(session)
        for max_depth in (1, 2, 3, 32):
            expected = {sid: _reference(session, sid, max_depth) for sid in ids}
            seen = {sid for sid, w in expected.items() if w is not None}
            assert seen == (set(ids) if rejected_shown else set(ids) - rejected)
            at_once = walks(session, heads, max_depth)
            by_document = walks_by_document(session, heads, max_depth)
            assert set(at_once) == set(by_document) == seen
            for statement_id in ids:
                want = expected[statement_id]
                if want is None:
                    with pytest.raises(RejectedStatementError):
                        walk(session, statement_id, max_depth)
                    with pytest.raises(RejectedStatementError):
                        walk_by_call(session, statement_id, max_depth)
                    continue
                assert walk(session, statement_id, max_depth).to_dict() == want, (seed, max_depth)
                by_call = walk_by_call(session, statement_id, max_depth)
                assert by_call.to_dict() == want, (seed, max_depth)
                placed = walk_by_call(
                    session, statement_id, max_depth, document_id=where[statement_id]
                )
                assert placed.to_dict() == want, (seed, max_depth)
                assert at_once[statement_id].to_dict() == want, (seed, max_depth)
                assert by_document[statement_id].to_dict() == want, (seed, max_depth)
                # alone and without its document: the call finds the document itself
                alone = walks_by_document(session, [(statement_id, None)], max_depth)
                assert alone[statement_id].to_dict() == want, (seed, max_depth)


def test_the_random_corpora_meet_what_the_walk_must_handle(
    session_factory: sessionmaker[Session],
) -> None:
    """The comparison above is worth something only if the corpora hold cycles,
    truncations, broken links and links across documents: they do, taken together."""
    flags: set[str] = set()
    crossed = False
    for seed in range(16):
        corpus = _corpus(seed)
        with transaction(session_factory) as session:
            session.execute(text("TRUNCATE citation, statement, document, source CASCADE"))
        _store(session_factory, corpus)
        with transaction(session_factory) as session:
            for w in walks(session, [(sid, doc) for sid, doc in corpus.statements], 3).values():
                flags |= set(w.flags)
                crossed |= len({h.document_id for h in w.hops}) > 1
    assert {"circular", "truncated", "broken", "complete", "anonymous"} <= flags
    assert crossed


def test_a_walk_given_the_wrong_document_finds_no_statement(
    session_factory: sessionmaker[Session],
) -> None:
    corpus = _corpus(3)
    _store(session_factory, corpus)
    statement_id, document_id = corpus.statements[0]
    other = next(d for d in corpus.documents if d != document_id)
    with transaction(session_factory) as session:
        assert walks_by_document(session, [(statement_id, other)]) == {}
        assert statement_id in walks_by_document(session, [(statement_id, document_id)])
        assert walks_by_document(session, [(MISSING_STATEMENT, None)]) == {}
        placed = walk_by_call(session, statement_id, document_id=document_id)
        assert placed.to_dict() == walk_hop_by_hop(session, statement_id).to_dict()
        with pytest.raises(NotFoundError):
            walk_by_call(session, statement_id, document_id=other)
        with pytest.raises(NotFoundError):
            walk_by_call(session, MISSING_STATEMENT)


def test_a_chain_through_more_documents_than_one_call_follows(
    session_factory: sessionmaker[Session],
) -> None:
    """Past FOLLOW_BELOW the function leaves the links to Python, which goes on with
    further calls: a chain through 45 documents, one hop each, comes out whole."""
    corpus = Corpus()
    count = FOLLOW_BELOW + 13
    for n in range(1, count + 1):
        corpus.documents.append(n)
        corpus.statements.append((n, n))
        corpus.hops.append(
            {
                "id": n,
                "statement_id": n,
                "document_id": n,
                "parent_id": None,
                "position": 0,
                "source_id": SOURCES[n % len(SOURCES)][0],
                "upstream_statement_id": n + 1 if n < count else None,
                "upstream_document_id": n + 1 if n < count else None,
            }
        )
    _store(session_factory, corpus)
    with transaction(session_factory) as session:
        for max_depth in (FOLLOW_BELOW, FOLLOW_BELOW + 1, count, count + 5):
            want = walk_hop_by_hop(session, 1, max_depth).to_dict()
            assert walk(session, 1, max_depth).to_dict() == want, max_depth
            assert walk_by_call(session, 1, max_depth).to_dict() == want, max_depth
            by_document = walks_by_document(session, [(1, None)], max_depth)[1]
            assert by_document.to_dict() == want, max_depth
            assert len(by_document.hops) == min(count, max_depth)
