"""Partial and scare quotes: a short quote belongs to the statement around it, or to a cue."""

from __future__ import annotations

import bisect

from tracker.extract.attribution import Attribution
from tracker.extract.cues import CueMatch
from tracker.extract.quotes import QuoteSpan
from tracker.extract.resolution import emit
from tracker.extract.run import Draft, Run
from tracker.extract.scans import Sentence
from tracker.extract.subject_before import subject_before


def partial_quote(
    run: Run,
    q: QuoteSpan,
    s: int,
    container: Draft | None,
    cues: list[CueMatch],
    cue_starts: list[int],
) -> None:
    """Scare and partial quotes belong to the statement around them, or to a nearby cue."""
    if container is not None and container.start <= q.start and q.end <= container.end + 1:
        run.statements.append(
            Draft(
                "partial",
                q.start,
                q.end,
                container.cue,
                container.cue_start,
                container.cue_end,
                container.sid,
                container.surface,
                container.hops,
                "partial_in_statement",
            )
        )
        return
    last = None
    # only the cues just before the quote: bounded work even in a 1 MB sentence
    k = bisect.bisect_right(cue_starts, q.start)
    for m in cues[max(0, k - 4) : k]:
        if m.end() <= q.start and q.start - m.end() < 60:
            last = m
    if last is None or last.group("acc"):
        return
    speaker = subject_before(run.text, s, last.start(), run.language)
    if speaker is None:
        return
    if speaker.kind == "unknown" and last.group().lower() in run.lex.weak_cue_verbs:
        return  # 'the reality TV show "…"': the same test as for an indirect content
    attribution = Attribution(last.group(), last.start(), last.end(), speaker, last.end())
    run.add(emit(run, "partial_after_cue", "partial", q.start, q.end, attribution, None))


def partial_quotes(
    run: Run, sentence: Sentence, partials: list[QuoteSpan], container: Draft | None
) -> None:
    """The quotes the quote sieves left, in order (see `partial_quote`)."""
    cues = sentence.cues
    cue_starts = [c.start() for c in cues]
    for q in partials:
        partial_quote(run, q, sentence.start, container, cues, cue_starts)
