"""Closing quoters: "Y was quoted as saying …, the spokesman said": the spokesman quoted Y."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.extract.relays import Frame, HopDraft, cue_of
from tracker.extract.run import TRAILING_PUNCT
from tracker.extract.subject_before import subject_before

if TYPE_CHECKING:
    from tracker.extract.cues import CueMatch
    from tracker.extract.run import Run


def with_closing_quoter(run: Run, frame: Frame, cues: list[CueMatch], hi: int) -> Frame:
    """A passive frame with no quoter of its own ("He was also quoted as saying") whose
    sentence closes with "…, <subject> said." is that subject's relay of the speaker
    (CHAINS_GUIDE.md: "Y was quoted as saying" with X named nearby is [X, Y]); any other
    frame is returned as it is."""
    if frame.via:
        return frame
    text = run.text
    last = next(
        (c for c in reversed(cues) if frame.end <= c.start() and c.end() <= hi),
        None,
    )
    if last is None or cue_of(last).lower() not in run.lex.relayed_speech_verbs:
        return frame
    if text[last.end() : hi].strip(TRAILING_PUNCT):
        return frame  # the cue does not close the sentence
    quoter = subject_before(text, frame.end, last.start(), run.language)
    if quoter is None or quoter.pronoun is not None or quoter.name == frame.speaker.name:
        return frame
    if not text[frame.end : quoter.start].rstrip().endswith(","):
        return frame
    via = HopDraft(quoter, "quoted_by", cue_of(last), last.start(), last.end())
    return Frame(
        frame.start,
        frame.verb,
        frame.end,
        frame.speaker,
        (via,),
        frame.cue,
        frame.cue_start,
        frame.cue_end,
    )
