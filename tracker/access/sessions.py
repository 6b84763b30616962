"""Desk sessions: a browser signs in with an API key and keeps only a random token.

The key is checked once, at sign-in; the browser then holds a session token (256
random bits) that is worthless anywhere but here and ends with the key: revoking the
key, signing out, or the lifetime running out (``SESSION_SECONDS``) each end it.
Only the token's SHA-256 is stored, so the table cannot be replayed either.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tracker.access.actor import Actor
from tracker.access.keys import authenticate
from tracker.store import audit, sessions

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SESSION_SECONDS = 12 * 3600
"""A working day: a desk left signed in overnight has to sign in again."""
TOKEN_PREFIX = "trs_"
TOKEN_BYTES = 32
_TOKEN_RE = re.compile(r"^trs_[A-Za-z0-9_-]{43}$")


def new_token() -> str:
    """A fresh session token: the prefix and 43 base64url characters (32 random bytes)."""
    raw = base64.urlsafe_b64encode(secrets.token_bytes(TOKEN_BYTES)).rstrip(b"=")
    return TOKEN_PREFIX + raw.decode("ascii")


def is_token(value: str) -> bool:
    """Whether ``value`` has the shape of a session token (no lookup for anything else)."""
    return bool(_TOKEN_RE.match(value))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


@dataclass(frozen=True, slots=True)
class StartedSession:
    """A new session: the token for the cookie (shown once), who it is, until when."""

    token: str
    actor: Actor
    expires_at: datetime


def start_session(session: Session, key: str, request_id: str | None) -> StartedSession | None:
    """A session for a live API key, or None for anything else; the audit trail records
    the sign-in under the key's name. Expired sessions are swept here."""
    actor = authenticate(session, key)
    if actor is None:
        return None
    token = new_token()
    sessions.purge_expired(session)
    started = sessions.insert_session(session, hash_token(token), actor.name, SESSION_SECONDS)
    if started is None:
        return None
    key_id, expires_at = started
    audit.append(
        session,
        audit.AuditRecord(
            actor.name, "session.start", "api_key", key_id, None, None, request_id=request_id
        ),
    )
    return StartedSession(token, actor, expires_at)


def session_actor(session: Session, token: str) -> Actor | None:
    """The key behind a live session token, or None (unknown, expired, ended, key revoked)."""
    if not is_token(token):
        return None
    found = sessions.find_session(session, hash_token(token))
    return Actor(name=found[0], role=found[1]) if found is not None else None


def end_session(session: Session, token: str, request_id: str | None) -> bool:
    """Sign out: the session row goes, and the trail records it; False if there was none."""
    if not is_token(token):
        return False
    ended = sessions.delete_session(session, hash_token(token))
    if ended is None:
        return False
    key_id, name = ended
    audit.append(
        session,
        audit.AuditRecord(
            name, "session.end", "api_key", key_id, None, None, request_id=request_id
        ),
    )
    return True
