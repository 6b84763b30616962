"""Monitors: an outlet "monitored by X" anywhere in the text reached the writer through X."""

from __future__ import annotations

from tracker.extract.pronouns import InternalHop
from tracker.extract.run import Run

MONITORED = "monitored_by"


def carry_monitors(run: Run) -> None:
    """ "The radio, monitored by the BBC, quoted X as saying …" says how the writer got the
    broadcast, all of it: every statement whose chain starts at that outlet ("Tehran radio
    said …" before it, "The radio said …" after it) takes the monitor as its outermost hop
    (CHAINS_GUIDE.md: the monitor is where the writer got it)."""
    monitors: dict[str, InternalHop] = {}  # by the monitored outlet's name, lower case
    for draft in run.statements:
        hops = draft.hops
        for i in range(len(hops) - 1):
            if hops[i].relation == MONITORED and hops[i + 1].sid != hops[i].sid:
                monitors.setdefault(_name(run, hops[i + 1]), hops[i])
    if not monitors:
        return
    for draft in run.statements:
        hops = draft.hops
        monitor = monitors.get(_name(run, hops[0])) if hops else None
        if monitor is not None and all(h.sid != monitor.sid for h in hops):
            draft.hops = (monitor, *hops)


def _name(run: Run, hop: InternalHop) -> str:
    """A source's name as the table holds it: one outlet named as a speaker and as a
    quoter may be two entries of the table under one name."""
    return run.table.name(hop.sid).lower()
