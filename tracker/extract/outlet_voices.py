"""Outlet voices: a named source the text hears only through a medium keeps that relay."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.extract.pronouns import InternalHop
    from tracker.extract.run import Run

# Relations by which a medium heard the speaker itself: "told the daily X", "in an
# interview with X", "X quoted him as saying". "…, according to X" or "X reported" is
# X's account of one statement, which the writer may well have checked since.
INTERVIEW_RELATIONS = frozenset({"told", "quoted_by"})
OUTLET = "news_outlet"


def note_interview(run: Run, sid: int, prefix: tuple[InternalHop, ...]) -> None:
    """Remember that the source `sid` spoke to a news outlet (`prefix` its relays)."""
    table = run.table
    if any(h.relation in INTERVIEW_RELATIONS and table.kind(h.sid) == OUTLET for h in prefix):
        run.interviewed.add(sid)


def heard_through_outlet(run: Run, sid: int) -> bool:
    """Whether the text has heard `sid` only through an outlet it spoke to, so far.

    Wire copy built on one interview ("X told the daily Y …" then, after other sources,
    "X said …") names the outlet once: every later statement of X is still the outlet's
    relay, until X speaks on a channel of its own (`frames`: then the relays are dropped).
    """
    return sid in run.interviewed and sid in run.frames.relayed
