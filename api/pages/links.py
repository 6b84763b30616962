"""The desk's addresses, built in one place so pages, diagrams and scripts agree."""

from __future__ import annotations

PANEL_ANCHOR = "panel"
"""The id of the statement panel on a document page."""
LOGIN_PATH = "/login"
"""The sign-in page; its form posts the key here too."""
LOGOUT_PATH = "/logout"
"""Where the sign-out control posts."""
ADD_STORY_PATH = "/documents"
"""Where the add-a-story form posts (multipart: text or files, outlet, url, published_at)."""


def statement_href(document_id: int, statement_id: int) -> str:
    """A statement's panel on its document's page; works without JavaScript."""
    return f"/documents/{document_id}?statement={statement_id}#{PANEL_ANCHOR}"


def panel_fragment_href(document_id: int, statement_id: int) -> str:
    """The panel alone, for the script that opens it in place."""
    return f"/documents/{document_id}/statements/{statement_id}/panel"
