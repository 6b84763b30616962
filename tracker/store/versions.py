"""Row versions: lock a row for an edit and hold it to the version the editor last read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

from sqlalchemy import text

from tracker.errors import NotFoundError, PreconditionFailedError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Versioned = Literal["document", "statement", "citation", "source"]
"""The tables whose rows carry a version (the ETag of their representation)."""

_LOCK_SQL: Final = {
    table: text(f"SELECT version FROM {table} WHERE id = :id FOR UPDATE")
    for table in ("document", "statement", "citation", "source")
}


def lock_version(session: Session, entity: Versioned, entity_id: int) -> int:
    """Lock the row until the transaction ends and return its version.

    Two reviewers editing one statement take turns here; the second then finds the
    version moved on and gets 412 instead of overwriting the first one's work.
    """
    version = session.execute(_LOCK_SQL[entity], {"id": entity_id}).scalar_one_or_none()
    if version is None:
        raise NotFoundError(entity, entity_id)
    return int(version)


def check_version(entity: str, entity_id: int, current: int, expected: int | None) -> None:
    """Refuse an edit made against another version than the stored one (None: no check)."""
    if expected is not None and expected != current:
        raise PreconditionFailedError(
            f"{entity} {entity_id} is at version {current}, not {expected}: "
            "read it again and redo the change"
        )
