"""The desk's addresses, built in one place so pages, diagrams and scripts agree."""

from __future__ import annotations

NOT_PAGES = ("/api/", "/schema", "/health", "/static/")
"""Paths that are no page: their errors stay problem+json, and no desk session is
accepted there (the API stays Bearer-only)."""
PANEL_ANCHOR = "panel"
"""The id of the statement panel on a document page."""
LOGIN_PATH = "/login"
"""The sign-in page; its form posts the key here too."""
LOGOUT_PATH = "/logout"
"""Where the sign-out control posts."""
ADD_STORY_PATH = "/documents"
"""Where the add-a-story form posts (multipart: text or files, outlet, url, published_at)."""
DONE_PARAM = "done"
"""The query parameter naming what the last form did (api.pages.notices), after a redirect."""


def local_path(value: str | None, default: str = "/") -> str:
    """``value`` if it is a path on this server (where to go after signing in), else
    ``default``: never another site (``//host``, ``https:``), never a header injection."""
    if (
        not value
        or not value.startswith("/")
        or value.startswith(("//", "/\\"))
        or any(ord(ch) < 0x20 or ch in "\\\x7f" for ch in value)
        or len(value) > 2000
    ):
        return default
    return value


def statement_href(document_id: int, statement_id: int) -> str:
    """A statement's panel on its document's page; works without JavaScript."""
    return f"/documents/{document_id}?statement={statement_id}#{PANEL_ANCHOR}"


def panel_fragment_href(document_id: int, statement_id: int) -> str:
    """The panel alone, for the script that opens it in place."""
    return f"/documents/{document_id}/statements/{statement_id}/panel"


def after_action(document_id: int, statement_id: int | None, done: str) -> str:
    """Where a review form sends the browser back: the statement's panel (or the
    document, when the statement left it), saying what was done."""
    if statement_id is None:
        return f"/documents/{document_id}?{DONE_PARAM}={done}"
    return f"/documents/{document_id}?statement={statement_id}&{DONE_PARAM}={done}#{PANEL_ANCHOR}"
