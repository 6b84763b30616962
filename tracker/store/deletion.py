"""Deleting a document with everything it carries, and deleting a source nothing names.

A document takes its statements, hops and anonymous sources with it; hops of other
documents that continued into one of its statements lose that link (the walk would
otherwise report them ``broken`` forever). A source is deleted only when no statement,
hop or document names it any more: the admin merges it first, which moves all of those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.errors import ConflictError, NotFoundError
from tracker.store.holds import lock_for_removal
from tracker.store.identity import forget_statements
from tracker.store.layout import is_citus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_DOCUMENT_SQL = text("SELECT id, content_hash, url FROM document WHERE id = :id")
_STATEMENT_IDS_SQL = text("SELECT id FROM statement WHERE document_id = :id ORDER BY id")
_HOP_COUNT_SQL = text("SELECT count(*) FROM citation WHERE document_id = :id")
_ANONYMOUS_SQL = text("SELECT id FROM source WHERE scope_document_id = :id ORDER BY id")
_UNLINK_SQL = text(
    """
    UPDATE citation
    SET upstream_statement_id = NULL, upstream_document_id = NULL, link_method = NULL,
        link_similarity = NULL, version = version + 1
    WHERE upstream_statement_id = ANY(CAST(:ids AS bigint[])) AND document_id <> :document_id
    RETURNING id
    """
)
"""Hops elsewhere that continued into the document's statements (found through the
partial index on ``upstream_statement_id``; every shard is asked on Citus)."""
_UNINVERT_SQL = text(
    """
    UPDATE citation SET inverted_statement_id = NULL, version = version + 1
    WHERE inverted_statement_id = ANY(CAST(:ids AS bigint[])) AND document_id <> :document_id
    RETURNING id
    """
)
"""Hops elsewhere whose time inversion named one of the document's statements."""
_DELETE_DOCUMENT_SQL = text("DELETE FROM document WHERE id = :id")
"""Statements and hops go with it (foreign keys ON DELETE CASCADE, one shard on Citus)."""
_DELETE_ANONYMOUS_SQL = text("DELETE FROM source WHERE scope_document_id = :id")
"""On one PostgreSQL the document's foreign key has removed them already; on Citus a
reference table cannot hold a key to a distributed one, so the write path does."""
_FORGET_HASH_SQL = text(
    "DELETE FROM document_content_hash WHERE content_hash = :hash AND document_id = :id"
)
_FORGET_URL_SQL = text("DELETE FROM document_url WHERE url = :url AND document_id = :id")

_SOURCE_SQL = text("SELECT id, kind, merged_into, version FROM source WHERE id = :id FOR UPDATE")
_TOMBSTONES_SQL = text("SELECT id FROM source WHERE merged_into = :id ORDER BY id FOR UPDATE")
_NAMED_BY_SQL = {
    "statements": text(
        "SELECT count(*) FROM statement WHERE speaker_id = ANY(CAST(:ids AS bigint[]))"
    ),
    "hops": text("SELECT count(*) FROM citation WHERE source_id = ANY(CAST(:ids AS bigint[]))"),
    "documents": text(
        "SELECT count(*) FROM document WHERE outlet_id = ANY(CAST(:ids AS bigint[]))"
    ),
}
_UNAFFILIATE_SQL = text(
    """
    UPDATE source SET affiliation_id = NULL, version = version + 1
    WHERE affiliation_id = ANY(CAST(:ids AS bigint[]))
      AND NOT (id = ANY(CAST(:ids AS bigint[])))
    RETURNING id
    """
)
_DELETE_SOURCES_SQL = text("DELETE FROM source WHERE id = ANY(CAST(:ids AS bigint[]))")
"""Their aliases go with them (ON DELETE CASCADE); tombstones first, then the source."""


@dataclass(slots=True)
class RemovedDocument:
    """What deleting a document removed and changed elsewhere (for the audit)."""

    statements: list[int] = field(default_factory=list)
    citations: int = 0
    anonymous_sources: list[int] = field(default_factory=list)
    unlinked_citations: list[int] = field(default_factory=list)
    """Hops of other documents whose upstream link to one of its statements was removed."""
    uninverted_citations: list[int] = field(default_factory=list)
    """Hops of other documents whose time inversion named one of its statements."""


def delete_document(session: Session, document_id: int) -> RemovedDocument:
    """Delete the document, its statements, hops and anonymous sources, in the caller's
    transaction, and remove the upstream links other documents' hops had into it."""
    row = session.execute(_DOCUMENT_SQL, {"id": document_id}).first()
    if row is None or not lock_for_removal(session, document_id):
        raise NotFoundError("document", document_id)
    params: dict[str, Any] = {"id": document_id}
    statements = [int(r.id) for r in session.execute(_STATEMENT_IDS_SQL, params)]
    removed = RemovedDocument(
        statements=statements,
        citations=int(session.execute(_HOP_COUNT_SQL, params).scalar_one()),
        anonymous_sources=[int(r.id) for r in session.execute(_ANONYMOUS_SQL, params)],
    )
    if statements:
        elsewhere = {"ids": statements, "document_id": document_id}
        removed.unlinked_citations = sorted(
            int(r.id) for r in session.execute(_UNLINK_SQL, elsewhere)
        )
        removed.uninverted_citations = sorted(
            int(r.id) for r in session.execute(_UNINVERT_SQL, elsewhere)
        )
    session.execute(_DELETE_DOCUMENT_SQL, params)
    session.execute(_DELETE_ANONYMOUS_SQL, params)
    if is_citus(session):
        forget_statements(session, statements)
        session.execute(_FORGET_HASH_SQL, {**params, "hash": row.content_hash})
        if row.url is not None:
            session.execute(_FORGET_URL_SQL, {**params, "url": row.url})
    return removed


@dataclass(slots=True)
class RemovedSource:
    """What deleting a source removed and changed (for the audit)."""

    tombstones: list[int] = field(default_factory=list)
    """Sources merged into it earlier, deleted with it: they stood for the same one."""
    unaffiliated_sources: list[int] = field(default_factory=list)
    """Sources that named it as their affiliation, now without one."""


def lock_source(session: Session, source_id: int) -> Any:
    """The source's row, locked for the rest of the transaction."""
    row = session.execute(_SOURCE_SQL, {"id": source_id}).first()
    if row is None:
        raise NotFoundError("source", source_id)
    return row


def delete_source(session: Session, source_id: int) -> RemovedSource:
    """Delete a source nothing names any more, with its aliases and its tombstones.

    A tombstone itself is refused, as merge refuses it: it is what sends the merged name
    to the source kept, and it goes only with that source. A source still named by a
    statement, a hop or a document (as its outlet) is refused: merge it first.
    """
    row = lock_source(session, source_id)
    if row.merged_into is not None:
        raise ConflictError(
            f"source {source_id} was merged into source {row.merged_into}: its tombstone "
            f"sends its name there, and goes when source {row.merged_into} is deleted"
        )
    tombstones = [int(r.id) for r in session.execute(_TOMBSTONES_SQL, {"id": source_id})]
    ids = {"ids": [source_id, *tombstones]}
    named = {
        what: int(session.execute(query, ids).scalar_one()) for what, query in _NAMED_BY_SQL.items()
    }
    if any(named.values()):
        counts = ", ".join(f"{n} {what}" for what, n in named.items() if n)
        raise ConflictError(
            f"source {source_id} is still named by {counts}: merge it into another "
            "source first (that moves them), then delete it"
        )
    removed = RemovedSource(
        tombstones=tombstones,
        unaffiliated_sources=sorted(int(r.id) for r in session.execute(_UNAFFILIATE_SQL, ids)),
    )
    session.execute(_DELETE_SOURCES_SQL, {"ids": tombstones})
    session.execute(_DELETE_SOURCES_SQL, {"ids": [source_id]})
    return removed
