"""Who acts, and what each role may do."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, replace

from tracker.vocabulary import ROLES

PUBLIC = "public"
"""A route anyone may call, key or not (health, the OpenAPI schema)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """Who an action is done by, as the audit trail records them.

    Over HTTP: an API key's name and role. From the CLI: a name (``--actor``,
    ``TRACKER_ACTOR`` or the OS user) and no role, since whoever runs the CLI holds the
    database's own rights anyway. ``request_id`` ties audit rows to one HTTP request.
    """

    name: str
    role: str | None = None
    request_id: str | None = None

    def with_request(self, request_id: str | None) -> Actor:
        return replace(self, request_id=request_id)


def role_allows(role: str | None, needed: str) -> bool:
    """Whether ``role`` may do what needs ``needed``: each role includes those before it."""
    if needed == PUBLIC:
        return True
    if role is None or role not in ROLES or needed not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(needed)


def process_actor() -> Actor:
    """Whoever runs this process, as the audit trail names them when no key or ``--actor``
    does: TRACKER_ACTOR, else the OS user (the CLI's default actor too)."""
    return Actor(os.environ.get("TRACKER_ACTOR") or getpass.getuser())
