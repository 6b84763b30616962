"""Row versions: lock a row for an edit and hold it to the version the editor last read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

from sqlalchemy import text

from tracker.errors import NotFoundError, PreconditionFailedError
from tracker.store.identity import hop_document, statement_documents
from tracker.store.layout import is_citus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Versioned = Literal["document", "statement", "citation", "source"]
"""The tables whose rows carry a version (the ETag of their representation)."""

_LOCK_SQL: Final = {
    table: text(f"SELECT version FROM {table} WHERE id = :id FOR UPDATE")
    for table in ("document", "statement", "citation", "source")
}
_ROUTED_LOCK_SQL: Final = {
    table: text(
        f"SELECT version FROM {table} WHERE id = :id AND document_id = :document_id FOR UPDATE"
    )
    for table in ("statement", "citation")
}
"""On Citus a row is locked only through its shard: FOR UPDATE must name the document."""


def lock_version(session: Session, entity: Versioned, entity_id: int) -> int:
    """Lock the row until the transaction ends and return its version.

    Two reviewers editing one statement take turns here; the second then finds the
    version moved on and gets 412 instead of overwriting the first one's work.
    """
    query, params = _LOCK_SQL[entity], {"id": entity_id}
    if entity in _ROUTED_LOCK_SQL and is_citus(session):
        document_id = _document_of(session, entity, entity_id)
        if document_id is None:
            raise NotFoundError(entity, entity_id)
        query, params = _ROUTED_LOCK_SQL[entity], {**params, "document_id": document_id}
    version = session.execute(query, params).scalar_one_or_none()
    if version is None:
        raise NotFoundError(entity, entity_id)
    return int(version)


def _document_of(session: Session, entity: str, entity_id: int) -> int | None:
    if entity == "statement":
        return statement_documents(session, [entity_id]).get(entity_id)
    return hop_document(session, entity_id)


def check_version(entity: str, entity_id: int, current: int, expected: int | None) -> None:
    """Refuse an edit made against another version than the stored one (None: no check)."""
    if expected is not None and expected != current:
        raise PreconditionFailedError(
            f"{entity} {entity_id} is at version {current}, not {expected}: "
            "read it again and redo the change"
        )
