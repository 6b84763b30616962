"""What a form did, said on the page it redirects to (POST, then redirect, then GET).

The redirect names a code (``?done=confirmed``), never free text: a link cannot make the
desk say something it did not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from api.pages.links import DONE_PARAM

if TYPE_CHECKING:
    from litestar import Request


@dataclass(frozen=True, slots=True)
class Notice:
    """A message and where it shows: at the top of the page, or in the statement panel."""

    text: str
    place: str


NOTICES: dict[str, Notice] = {
    "signed-in": Notice("You are signed in.", "page"),
    "signed-out": Notice("You are signed out.", "page"),
    "added": Notice("The story was added and its statements extracted.", "page"),
    "added-several": Notice("The stories were added and their statements extracted.", "page"),
    "known": Notice("This story was stored before: here it is as it was.", "page"),
    "rejected": Notice(
        "The statement was rejected: it no longer shows in this story, in walks or in "
        "reports. The audit trail keeps it.",
        "page",
    ),
    "merged": Notice("The sources were merged: this one holds them both now.", "page"),
    "reviewed": Notice("The story is marked reviewed.", "page"),
    "deleted": Notice(
        "The story was deleted, with its statements and chains. The audit trail keeps it.",
        "page",
    ),
    "confirmed": Notice("The statement is confirmed, with its chain.", "panel"),
    "speaker": Notice("The speaker is corrected.", "panel"),
    "chain": Notice("The chain is replaced.", "panel"),
    "linked": Notice("The hop is linked to the statement it came from.", "panel"),
    "unlinked": Notice("The hop no longer continues into another story.", "panel"),
}


def notice_for(request: Request[Any, Any, Any], place: str) -> str | None:
    """The notice this page shows at ``place`` (``page`` or ``panel``), if any."""
    found = NOTICES.get(request.query_params.get(DONE_PARAM) or "")
    return found.text if found is not None and found.place == place else None
