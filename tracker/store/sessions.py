"""Desk session rows: start one for a key, find the live key behind a token's hash, end it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_INSERT_SQL = text(
    """
    INSERT INTO desk_session (token_hash, key_id, expires_at)
    SELECT :token_hash, id, now() + make_interval(secs => :seconds)
    FROM api_key WHERE name = :key_name AND revoked_at IS NULL
    RETURNING key_id, expires_at
    """
)
# A session is only as alive as its key: revoking the key ends it with the next request.
_FIND_SQL = text(
    """
    SELECT k.name, k.role FROM desk_session s JOIN api_key k ON k.id = s.key_id
    WHERE s.token_hash = :token_hash AND s.expires_at > now() AND k.revoked_at IS NULL
    """
)
_DELETE_SQL = text(
    """
    DELETE FROM desk_session s USING api_key k
    WHERE s.token_hash = :token_hash AND k.id = s.key_id
    RETURNING k.id, k.name
    """
)
_PURGE_SQL = text("DELETE FROM desk_session WHERE expires_at <= now()")


def insert_session(
    session: Session, token_hash: str, key_name: str, seconds: int
) -> tuple[int, datetime] | None:
    """A session for the live key ``key_name`` lasting ``seconds``: ``(key id, expiry)``,
    or None when the key was revoked in the meantime."""
    row = session.execute(
        _INSERT_SQL, {"token_hash": token_hash, "key_name": key_name, "seconds": seconds}
    ).first()
    return (int(row.key_id), row.expires_at) if row is not None else None


def find_session(session: Session, token_hash: str) -> tuple[str, str] | None:
    """``(key name, role)`` of the unexpired session with this hash whose key is live."""
    row = session.execute(_FIND_SQL, {"token_hash": token_hash}).first()
    return (row.name, row.role) if row is not None else None


def delete_session(session: Session, token_hash: str) -> tuple[int, str] | None:
    """Remove the session; ``(key id, key name)`` it belonged to, or None if none was."""
    row = session.execute(_DELETE_SQL, {"token_hash": token_hash}).first()
    return (int(row.id), str(row.name)) if row is not None else None


def purge_expired(session: Session) -> int:
    """Remove expired sessions (done on each sign-in: the table stays small)."""
    return int(session.execute(_PURGE_SQL).rowcount)  # type: ignore[attr-defined]
