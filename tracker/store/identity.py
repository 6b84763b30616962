"""Document identity (the same text, or the same URL when both documents have one), and
on Citus where each statement lives."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import TextClause, text

from tracker.db import prepared_rows
from tracker.store.inputs import PreparedDocument
from tracker.store.layout import is_citus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

STORED_DOCUMENTS_SQL = text(
    """
    SELECT id, content_hash, url FROM document
    WHERE content_hash = ANY(CAST(:hashes AS text[])) OR url = ANY(CAST(:urls AS text[]))
    ORDER BY id
    """
)
"""Stored documents sharing a text or a URL with a write (both columns uniquely indexed)."""

# On Citus neither column can be unique on a table distributed by id: each is the key of
# a lookup table distributed by that key, so one shard decides each hash and each URL.
CLAIMED_SQL = text(
    """
    SELECT document_id AS id, content_hash, NULL AS url FROM document_content_hash
    WHERE content_hash = ANY(CAST(:hashes AS text[]))
    UNION ALL
    SELECT document_id, NULL, url FROM document_url WHERE url = ANY(CAST(:urls AS text[]))
    ORDER BY id
    """
)
"""What the lookup tables name for a write's hashes and URLs (Citus)."""
CLAIM_HASHES_SQL = text(
    """
    INSERT INTO document_content_hash (content_hash, document_id)
    SELECT * FROM unnest(CAST(:keys AS text[]), CAST(:ids AS bigint[]))
    ON CONFLICT DO NOTHING
    RETURNING document_id
    """
)
CLAIM_URLS_SQL = text(
    """
    INSERT INTO document_url (url, document_id)
    SELECT * FROM unnest(CAST(:keys AS text[]), CAST(:ids AS bigint[]))
    ON CONFLICT DO NOTHING
    RETURNING document_id
    """
)
RELEASE_HASHES_SQL = text(
    "DELETE FROM document_content_hash "
    "WHERE content_hash = ANY(CAST(:keys AS text[])) AND document_id = ANY(CAST(:ids AS bigint[]))"
)


def content_hash(text_: str) -> str:
    """The identity of a document's text: the same text is the same document."""
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def same_document(p: PreparedDocument, content_hash_: str, url: str | None) -> bool:
    """Document identity: the same text, or the same URL when both documents have one.

    Two documents without a URL are not the same document by URL: ``None == None``
    once made every new URL-less document of a batch "already present".
    """
    return p.content_hash == content_hash_ or (p.doc.url is not None and p.doc.url == url)


@dataclass(slots=True)
class DocumentSplit:
    """A write's documents split by identity: those to insert, and those already known."""

    fresh: list[PreparedDocument] = field(default_factory=list)
    """Not stored yet, the first of each identity in input order."""
    stored_ids: dict[str, int] = field(default_factory=dict)
    """Content hash -> id of the stored document it is (filled for the others on insert)."""
    repeats: list[tuple[PreparedDocument, PreparedDocument]] = field(default_factory=list)
    """(document, the earlier document of this write it repeats)."""


class _Index:
    """Documents by content hash and by URL, so identity is two dict lookups."""

    def __init__(self) -> None:
        self.by_hash: dict[str, int] = {}
        self.by_url: dict[str, int] = {}

    def add(self, content_hash_: str, url: str | None, value: int) -> None:
        self.by_hash.setdefault(content_hash_, value)
        if url is not None:
            self.by_url.setdefault(url, value)

    def find(self, p: PreparedDocument) -> int | None:
        """The value of a document with ``p``'s identity (see `same_document`)."""
        found = self.by_hash.get(p.content_hash)
        if found is None and p.doc.url is not None:
            found = self.by_url.get(p.doc.url)
        return found


def _stored(session: Session, documents: Sequence[PreparedDocument]) -> _Index:
    params = {
        "hashes": sorted({p.content_hash for p in documents}),
        "urls": sorted({p.doc.url for p in documents if p.doc.url is not None}),
    }
    index = _Index()
    query = CLAIMED_SQL if is_citus(session) else STORED_DOCUMENTS_SQL
    for row in session.execute(query, params):
        if row.content_hash is not None:
            index.by_hash.setdefault(row.content_hash, row.id)
        if row.url is not None:
            index.by_url.setdefault(row.url, row.id)
    return index


def split_by_identity(session: Session, prepared: Sequence[PreparedDocument]) -> DocumentSplit:
    """Which documents of ``prepared`` are new: one query for the whole write.

    The first of two documents of one write with the same identity is kept, so a write
    of N documents stores what N writes of one would.
    """
    found = DocumentSplit()
    seen = _Index()
    for p in prepared:
        earlier = seen.find(p)
        if earlier is None:
            seen.add(p.content_hash, p.doc.url, len(found.fresh))
            found.fresh.append(p)
        else:
            found.repeats.append((p, found.fresh[earlier]))
    if not found.fresh:
        return found
    stored = _stored(session, found.fresh)
    fresh = []
    for p in found.fresh:
        stored_id = stored.find(p)
        if stored_id is None:
            fresh.append(p)
        else:
            found.stored_ids[p.content_hash] = stored_id
    found.fresh = fresh
    return found


def claim_identities(
    session: Session, documents: Sequence[tuple[int, PreparedDocument]]
) -> set[int]:
    """The ids of ``(id, document)`` pairs whose hash and URL this transaction now holds.

    On Citus a document is inserted only after its claims: ``INSERT … ON CONFLICT DO
    NOTHING`` on the lookup tables waits for a concurrent writer of the same key and then
    loses to it, so two ingests of one text (or one URL) never both store it. A document
    that won its hash but lost its URL gives the hash back. On one PostgreSQL the unique
    keys of ``document`` itself decide, in the insert: every id is returned as is.
    """
    if not is_citus(session):
        return {document_id for document_id, _ in documents}
    ordered = sorted(documents, key=lambda pair: pair[1].content_hash)
    won = _claim(session, CLAIM_HASHES_SQL, [(p.content_hash, i) for i, p in ordered])
    with_url = sorted(
        ((p.doc.url, i) for i, p in ordered if i in won and p.doc.url is not None),
    )
    won_urls = _claim(session, CLAIM_URLS_SQL, with_url)
    lost_urls = [
        (p.content_hash, i)
        for i, p in ordered
        if i in won and p.doc.url is not None and i not in won_urls
    ]
    if lost_urls:
        session.execute(
            RELEASE_HASHES_SQL,
            {"keys": [k for k, _ in lost_urls], "ids": [i for _, i in lost_urls]},
        )
        won -= {i for _, i in lost_urls}
    return won


def _claim(session: Session, query: TextClause, pairs: Sequence[tuple[str, int]]) -> set[int]:
    if not pairs:
        return set()
    params = {"keys": [k for k, _ in pairs], "ids": [i for _, i in pairs]}
    return {r.document_id for r in session.execute(query, params)}


def stored_ids_of(session: Session, lost: Sequence[PreparedDocument]) -> dict[str, int]:
    """Ids of the documents a concurrent writer stored first (their insert did nothing)."""
    if not lost:
        return {}
    stored = _stored(session, lost)
    return {p.content_hash: i for p in lost if (i := stored.find(p)) is not None}


PLACE_STATEMENTS_COPY = "COPY statement_document (statement_id, document_id) FROM STDIN"
FORGET_STATEMENTS_SQL = text(
    "DELETE FROM statement_document WHERE statement_id = ANY(CAST(:ids AS bigint[]))"
)


def place_statements(session: Session, placed: Sequence[tuple[int, int]]) -> None:
    """Record the document of each new ``(statement id, document id)`` on Citus, where a
    read given only a statement id finds its shard through ``statement_document``."""
    if not placed or not is_citus(session):
        return
    connection = session.connection().connection.driver_connection
    assert connection is not None
    with connection.cursor() as cursor, cursor.copy(PLACE_STATEMENTS_COPY) as copy:
        for row in placed:
            copy.write_row(row)


def forget_statements(session: Session, statement_ids: Sequence[int]) -> None:
    """Drop the placement of deleted statements (Citus)."""
    if statement_ids and is_citus(session):
        session.execute(FORGET_STATEMENTS_SQL, {"ids": list(statement_ids)})


_PLACED_STATEMENT_SQL = text(
    "SELECT statement_id AS id, document_id FROM statement_document WHERE statement_id = :id"
)
_PLACED_STATEMENTS_SQL = text(
    "SELECT statement_id AS id, document_id FROM statement_document "
    "WHERE statement_id = ANY(CAST(:ids AS bigint[]))"
)
_STATEMENT_DOCUMENTS_SQL = text(
    "SELECT id, document_id FROM statement WHERE id = ANY(CAST(:ids AS bigint[]))"
)
_HOP_DOCUMENT_SQL = text("SELECT document_id FROM citation WHERE id = :id")


def statement_documents(session: Session, ids: list[int]) -> dict[int, int]:
    """The document of each of these statements that exists.

    On Citus from ``statement_document``, one shard per id (a single id is the fast
    router path); any it misses (and everything on one PostgreSQL) from the statements
    themselves, which on Citus asks every shard.
    """
    where: dict[int, int] = {}
    if ids and is_citus(session):
        if len(ids) == 1:
            rows = prepared_rows(session, _PLACED_STATEMENT_SQL, {"id": ids[0]})
        else:
            rows = prepared_rows(session, _PLACED_STATEMENTS_SQL, {"ids": ids})
        where = {r.id: r.document_id for r in rows}
    missing = [i for i in ids if i not in where]
    if missing:
        rows = prepared_rows(session, _STATEMENT_DOCUMENTS_SQL, {"ids": missing})
        where.update((r.id, r.document_id) for r in rows)
    return where


def hop_document(session: Session, citation_id: int) -> int | None:
    """The document of a hop given by id alone (on Citus every shard is asked)."""
    found = session.execute(_HOP_DOCUMENT_SQL, {"id": citation_id}).scalar_one_or_none()
    return int(found) if found is not None else None
