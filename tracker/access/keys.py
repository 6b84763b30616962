"""API keys: made from 256 random bits, shown once, kept only as a SHA-256 hash."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.access.actor import Actor
from tracker.errors import ValidationError
from tracker.store import audit, keys
from tracker.vocabulary import ROLES

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.views import KeyView

KEY_PREFIX = "trk_"
"""Marks tracker keys in configuration files and secret scanners."""
KEY_BYTES = 32
"""256 random bits: nothing to guess, so a plain SHA-256 is a safe way to keep them."""
_KEY_RE = re.compile(r"^trk_[A-Za-z0-9_-]{43}$")
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"
"""Key names as the audit trail shows them (the api_key CHECK says the same)."""
_NAME_RE = re.compile(NAME_PATTERN)


def new_key() -> str:
    """A fresh key: the prefix and 43 base64url characters (32 random bytes)."""
    raw = base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).rstrip(b"=")
    return KEY_PREFIX + raw.decode("ascii")


def hash_key(key: str) -> str:
    """What is stored and looked up: the SHA-256 of the key, hex."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def check_name(name: str) -> None:
    if not _NAME_RE.match(name):
        raise ValidationError(
            "a key name is 1 to 64 letters, digits and . _ @ -, starting with a letter or digit",
            [{"field": "name", "message": f"must match {NAME_PATTERN}"}],
        )


def check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError(
            f"role must be one of {', '.join(ROLES)}",
            [{"field": "role", "message": f"must be one of {', '.join(ROLES)}"}],
        )


@dataclass(frozen=True, slots=True)
class CreatedKey:
    """A new key as its creator sees it, once: the listing and the key itself."""

    view: KeyView
    key: str


def create_key(session: Session, actor: Actor, name: str, role: str) -> CreatedKey:
    """Make a key and record who made it; the audit row holds its name and role only."""
    check_name(name)
    check_role(role)
    key = new_key()
    view = keys.insert_key(session, name, role, hash_key(key))
    audit.append(
        session,
        audit.AuditRecord(
            actor.name, "key.create", "api_key", view.id, None, view, request_id=actor.request_id
        ),
    )
    return CreatedKey(view, key)


def revoke_key(session: Session, actor: Actor, name: str) -> KeyView:
    """Revoke a key (it stops working for the next request) and record who did it."""
    before = keys.get_key(session, name)
    after = keys.revoke_key(session, name)
    audit.append(
        session,
        audit.AuditRecord(
            actor.name,
            "key.revoke",
            "api_key",
            after.id,
            before,
            after,
            request_id=actor.request_id,
        ),
    )
    return after


def authenticate(session: Session, key: str) -> Actor | None:
    """The actor a presented key stands for, or None for anything but a live key."""
    if not _KEY_RE.match(key):
        return None
    wanted = hash_key(key)
    found = keys.find_live_key(session, wanted)
    if found is None:
        return None
    name, role, stored = found
    if not hmac.compare_digest(stored, wanted):  # the index matched; compare anyway
        return None
    return Actor(name=name, role=role)
