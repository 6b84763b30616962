"""Who reads a page: the seam where signed-in sessions plug into the desk.

Every page asks ``current_user`` (a :class:`Viewer` or None) and shows edit controls
only to a viewer who ``can_edit``; the login page asks ``can_sign_in``. A server without
API keys runs :class:`NoSessions`: every visitor reads and nobody can sign in. Sessions
built on API keys implement :class:`Sessions` and are handed to ``desk_router``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from litestar import Request

EDITING_ROLES = frozenset({"editor", "admin"})


@dataclass(frozen=True, slots=True)
class Viewer:
    """A signed-in person: the name of their API key and its role."""

    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        """Editors and admins add stories and review; readers only read."""
        return self.role in EDITING_ROLES


@runtime_checkable
class Sessions(Protocol):
    """How the desk learns who is signed in."""

    @property
    def can_sign_in(self) -> bool:
        """Whether the login form can start a session on this server."""
        ...

    def viewer(self, request: Request[Any, Any, Any]) -> Viewer | None:
        """The viewer behind ``request``'s session, or None for an anonymous reader."""
        ...


class NoSessions:
    """No API keys on this server yet: every visitor is an anonymous reader."""

    can_sign_in = False

    def viewer(self, request: Request[Any, Any, Any]) -> Viewer | None:
        return None
