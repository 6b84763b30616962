"""Who reads a page: the seam where signed-in sessions plug into the desk.

Every page asks ``current_user`` (a :class:`Viewer` or None) and shows edit controls
only to a viewer who ``can_edit`` (merging sources: ``can_admin``); the login page asks
``can_sign_in``. The desk runs ``api.pages.sessions.KeySessions`` (sessions started with
API keys) unless ``create_app`` is handed other :class:`Sessions`; :class:`NoSessions`
has every visitor read and nobody sign in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from litestar import Request

EDITING_ROLES = frozenset({"editor", "admin"})
VIEWER_STATE = "desk_viewer"
"""Where Sessions may leave the viewer they found on ``request.state``, for error pages
(which are drawn without asking the database again)."""


@dataclass(frozen=True, slots=True)
class Viewer:
    """A signed-in person: the name of their API key and its role."""

    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        """Editors and admins add stories and review; readers only read."""
        return self.role in EDITING_ROLES

    @property
    def can_admin(self) -> bool:
        """Admins also merge sources."""
        return self.role == "admin"


@runtime_checkable
class Sessions(Protocol):
    """How the desk learns who is signed in."""

    @property
    def can_sign_in(self) -> bool:
        """Whether the login form can start a session on this server."""
        ...

    def viewer(self, request: Request[Any, Any, Any]) -> Viewer | None:
        """The viewer behind ``request``'s session, or None for an anonymous reader.

        Called in a worker thread: it may ask the database."""
        ...


def known_viewer(request: Request[Any, Any, Any]) -> Viewer | None:
    """The viewer this request's Sessions found already, if any (see ``VIEWER_STATE``)."""
    found = request.scope.get("state", {}).get(VIEWER_STATE)
    return found if isinstance(found, Viewer) else None


class NoSessions:
    """No API keys on this server yet: every visitor is an anonymous reader."""

    can_sign_in = False

    def viewer(self, request: Request[Any, Any, Any]) -> Viewer | None:
        return None
