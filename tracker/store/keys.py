"""API key rows: insert, list, revoke, and find the live key a request's hash names."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.errors import ConflictError, NotFoundError
from tracker.views import KeyView

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_COLUMNS = "id, name, role, created_at, revoked_at, last_used_at"
_INSERT_SQL = text(
    f"""
    INSERT INTO api_key (name, role, key_hash) VALUES (:name, :role, :key_hash)
    ON CONFLICT (name) DO NOTHING
    RETURNING {_COLUMNS}
    """
)
_LIST_SQL = text(f"SELECT {_COLUMNS} FROM api_key ORDER BY created_at, id")
_GET_SQL = text(f"SELECT {_COLUMNS} FROM api_key WHERE name = :name FOR UPDATE")
_REVOKE_SQL = text(
    f"UPDATE api_key SET revoked_at = now() WHERE name = :name AND revoked_at IS NULL "
    f"RETURNING {_COLUMNS}"
)
_COUNT_SQL = text("SELECT count(*) FROM api_key")
_ANY_LIVE_SQL = text("SELECT EXISTS (SELECT 1 FROM api_key WHERE revoked_at IS NULL)")
# One round trip per authenticated request: the live key with that hash, and its
# last_used_at moved on when it is more than a minute old (not a write per request).
_FIND_LIVE_SQL = text(
    """
    WITH found AS (
        SELECT id, name, role, key_hash, last_used_at FROM api_key
        WHERE key_hash = :key_hash AND revoked_at IS NULL
    ), touched AS (
        UPDATE api_key k SET last_used_at = now() FROM found
        WHERE k.id = found.id
          AND (found.last_used_at IS NULL OR found.last_used_at < now() - interval '1 minute')
    )
    SELECT name, role, key_hash FROM found
    """
)


def _view(row: Any) -> KeyView:
    return KeyView(row.id, row.name, row.role, row.created_at, row.revoked_at, row.last_used_at)


def insert_key(session: Session, name: str, role: str, key_hash: str) -> KeyView:
    """A new key row; a name already taken (even by a revoked key) is a conflict."""
    row = session.execute(_INSERT_SQL, {"name": name, "role": role, "key_hash": key_hash}).first()
    if row is None:
        raise ConflictError(f"a key named {name!r} exists already (names are never reused)")
    return _view(row)


def list_keys(session: Session) -> list[KeyView]:
    return [_view(r) for r in session.execute(_LIST_SQL)]


def get_key(session: Session, name: str) -> KeyView:
    """The key named ``name``, locked for the rest of the transaction."""
    row = session.execute(_GET_SQL, {"name": name}).first()
    if row is None:
        raise NotFoundError("key", name)
    return _view(row)


def revoke_key(session: Session, name: str) -> KeyView:
    """Revoke the key; it stops working for the next request. Revoking twice is a conflict."""
    get_key(session, name)
    row = session.execute(_REVOKE_SQL, {"name": name}).first()
    if row is None:
        raise ConflictError(f"key {name!r} is revoked already")
    return _view(row)


def count_keys(session: Session) -> int:
    """Every key ever made, revoked ones too (a database with none gets its first admin key)."""
    return int(session.execute(_COUNT_SQL).scalar_one())


def find_live_key(session: Session, key_hash: str) -> tuple[str, str, str] | None:
    """``(name, role, stored hash)`` of the unrevoked key with this hash, or None."""
    row = session.execute(_FIND_LIVE_SQL, {"key_hash": key_hash}).first()
    return (row.name, row.role, row.key_hash) if row is not None else None


def any_live_key(session: Session) -> bool:
    """Whether any key could sign in (the desk's login form is idle without one)."""
    return bool(session.execute(_ANY_LIVE_SQL).scalar_one())
