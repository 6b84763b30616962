"""The review actions: each locks its row, checks the version, writes through the store,
and appends its audit row, all in the caller's one transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from tracker.errors import NotFoundError
from tracker.store import deletion, documents, merging, review, sources
from tracker.store.audit import AuditRecord, append
from tracker.store.versions import Versioned, check_version, lock_version

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.access.actor import Actor
    from tracker.store.inputs import ChainHopIn, StatementEdit
    from tracker.views import DocumentView, HopView, SourceView, StatementView

T = TypeVar("T")
Decision = Literal["confirm", "reject"]
STATUS_OF: dict[str, str] = {"confirm": "confirmed", "reject": "rejected"}


def _audited(
    session: Session,
    actor: Actor,
    *,
    action: str,
    entity: Versioned,
    entity_id: int,
    read: Callable[[], T],
    change: Callable[[], object],
    note: str | None,
    if_version: int | None,
) -> T:
    """Lock, check the version, read the state before, change, read it after, audit."""
    check_version(entity, entity_id, lock_version(session, entity, entity_id), if_version)
    before = read()
    change()
    after = read()
    append(
        session,
        AuditRecord(actor.name, action, entity, entity_id, before, after, note, actor.request_id),
    )
    return after


def _statement(session: Session, statement_id: int) -> Callable[[], StatementView]:
    return lambda: documents.get_statement(session, statement_id)


def review_statement(
    session: Session,
    actor: Actor,
    statement_id: int,
    decision: Decision,
    *,
    note: str | None = None,
    if_version: int | None = None,
) -> StatementView:
    """Confirm (with its unreviewed hops) or reject a statement."""
    status = STATUS_OF[decision]
    return _audited(
        session,
        actor,
        action=f"statement.{decision}",
        entity="statement",
        entity_id=statement_id,
        read=_statement(session, statement_id),
        change=lambda: review.set_statement_status(session, statement_id, status, actor.name),
        note=note,
        if_version=if_version,
    )


def edit_statement(
    session: Session,
    actor: Actor,
    statement_id: int,
    edit: StatementEdit,
    *,
    note: str | None = None,
    if_version: int | None = None,
) -> StatementView:
    """Correct the span, kind or speaker of a statement."""
    return _audited(
        session,
        actor,
        action="statement.edit",
        entity="statement",
        entity_id=statement_id,
        read=_statement(session, statement_id),
        change=lambda: review.edit_statement(session, statement_id, edit, actor.name),
        note=note,
        if_version=if_version,
    )


def replace_chain(
    session: Session,
    actor: Actor,
    statement_id: int,
    chain: tuple[ChainHopIn, ...],
    *,
    note: str | None = None,
    if_version: int | None = None,
) -> StatementView:
    """Replace a statement's chain, nearest relay first."""
    return _audited(
        session,
        actor,
        action="statement.chain",
        entity="statement",
        entity_id=statement_id,
        read=_statement(session, statement_id),
        change=lambda: review.replace_chain(session, statement_id, chain, actor.name),
        note=note,
        if_version=if_version,
    )


def set_upstream(
    session: Session,
    actor: Actor,
    citation_id: int,
    upstream_statement_id: int | None,
    *,
    note: str | None = None,
    if_version: int | None = None,
) -> HopView:
    """Link a hop to the statement it came from in another document, or unlink it."""
    return _audited(
        session,
        actor,
        action="citation.upstream",
        entity="citation",
        entity_id=citation_id,
        read=lambda: documents.get_hop(session, citation_id),
        change=lambda: review.set_upstream(session, citation_id, upstream_statement_id, actor.name),
        note=note,
        if_version=if_version,
    )


def review_document(
    session: Session,
    actor: Actor,
    document_id: int,
    *,
    note: str | None = None,
    if_version: int | None = None,
) -> DocumentView:
    """Mark a document reviewed as a whole; the audit keeps the document without its
    statements (their own actions record those)."""
    _audited(
        session,
        actor,
        action="document.review",
        entity="document",
        entity_id=document_id,
        read=lambda: documents.get_document(session, document_id, statements=False),
        change=lambda: review.mark_document_reviewed(session, document_id, actor.name),
        note=note,
        if_version=if_version,
    )
    return documents.get_document(session, document_id)


def merge_sources(
    session: Session,
    actor: Actor,
    source_id: int,
    into_id: int,
    *,
    note: str | None = None,
    if_version: int | None = None,
) -> SourceView:
    """Merge a source into another; returns the source it went into."""
    rows = merging.lock_sources(session, sorted({source_id, into_id}))
    if source_id not in rows:
        raise NotFoundError("source", source_id)
    merging.check_mergeable(rows, source_id, into_id)
    check_version("source", source_id, rows[source_id].version, if_version)
    before = _sources(session, source_id, into_id)
    moved = merging.merge_sources(session, source_id, into_id)
    after = {**_sources(session, source_id, into_id), "moved": moved}
    append(
        session,
        AuditRecord(
            actor.name, "source.merge", "source", source_id, before, after, note, actor.request_id
        ),
    )
    return sources.get_source(session, into_id)


def split_source(
    session: Session,
    actor: Actor,
    source_id: int,
    alias: str,
    *,
    note: str | None = None,
    if_version: int | None = None,
) -> SourceView:
    """Split an alias off a source into a source of its own; returns the new source."""
    check_version("source", source_id, lock_version(session, "source", source_id), if_version)
    before = {"source": sources.get_source(session, source_id)}
    outcome = merging.split_source(session, source_id, alias)
    new_source = sources.get_source(session, outcome.source_id)
    after = {
        "source": sources.get_source(session, source_id),
        "new_source": new_source,
        "created": outcome.created,
        "moved": outcome.moved,
    }
    append(
        session,
        AuditRecord(
            actor.name, "source.split", "source", source_id, before, after, note, actor.request_id
        ),
    )
    return new_source


def delete_document(
    session: Session,
    actor: Actor,
    document_id: int,
    *,
    note: str | None = None,
    if_version: int | None = None,
) -> None:
    """Delete a document with everything it carries (admin).

    The audit keeps the document as it was (text and all, without its statements) and
    what went with it: the statements' ids, the number of hops, its anonymous sources,
    and the hops of other documents whose upstream link into it was removed.
    """
    check_version(
        "document", document_id, lock_version(session, "document", document_id), if_version
    )
    document = documents.get_document(session, document_id, statements=False)
    removed = deletion.delete_document(session, document_id)
    before = {
        "document": document,
        "removed": {
            "statements": len(removed.statements),
            "citations": removed.citations,
            "anonymous_sources": len(removed.anonymous_sources),
        },
        "statement_ids": removed.statements,
        "anonymous_source_ids": removed.anonymous_sources,
        "unlinked_citations": removed.unlinked_citations,
        "uninverted_citations": removed.uninverted_citations,
    }
    append(
        session,
        AuditRecord(
            actor.name,
            "document.delete",
            "document",
            document_id,
            before,
            None,
            note,
            actor.request_id,
        ),
    )


def delete_source(
    session: Session,
    actor: Actor,
    source_id: int,
    *,
    note: str | None = None,
    if_version: int | None = None,
) -> None:
    """Delete a source that nothing names any more, with its aliases (admin)."""
    row = deletion.lock_source(session, source_id)
    check_version("source", source_id, int(row.version), if_version)
    source = sources.get_source(session, source_id)
    removed = deletion.delete_source(session, source_id)
    before = {
        "source": source,
        "tombstones": removed.tombstones,
        "unaffiliated_sources": removed.unaffiliated_sources,
    }
    append(
        session,
        AuditRecord(
            actor.name, "source.delete", "source", source_id, before, None, note, actor.request_id
        ),
    )


def _sources(session: Session, source_id: int, into_id: int) -> dict[str, Any]:
    return {
        "source": sources.get_source(session, source_id),
        "into": sources.get_source(session, into_id),
    }
