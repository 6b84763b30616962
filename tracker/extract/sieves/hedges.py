"""Hedges: a sentence with "reportedly", "disinyalir" and no source is an unattributed claim."""

from __future__ import annotations

import bisect

from tracker.extract.cues import CueMatch
from tracker.extract.model import Unattributed
from tracker.extract.run import Run


def unattributed(
    run: Run, sentences: list[tuple[int, int]], hedges: list[CueMatch]
) -> list[Unattributed]:
    """One entry per sentence holding a hedge word, cued by its first hedge: fact-checkers
    want the claims nobody is named for."""
    text = run.original
    starts = [s for s, _ in sentences]
    found: list[Unattributed] = []
    seen: set[int] = set()
    for m in hedges:
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or i in seen:
            continue
        s, e = sentences[i]
        if m.start() >= e:
            continue
        seen.add(i)
        s, e = run.trim(s, e)
        found.append(Unattributed(text[s:e], s, e, m.group() or ""))
    return found
