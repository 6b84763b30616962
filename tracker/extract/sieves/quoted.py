"""The quoted-as sieve: "X quoted Y as saying …", "…, Y was quoted by X as saying." in
reported speech (a direct quote beside a frame is the quote sieves' own)."""

from __future__ import annotations

from tracker.extract.attribution import frame_attribution
from tracker.extract.closing_quoters import with_closing_quoter
from tracker.extract.complementizers import complementizer_at
from tracker.extract.cues import CueMatch
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Frame, Relays
from tracker.extract.resolution import finish
from tracker.extract.run import TRAILING_PUNCT, Draft, Run
from tracker.extract.sieves.cue_context import after_audience, closes_content
from tracker.extract.sieves.reported import content_clauses
from tracker.extract.spans import MIN_CLAIM_WORDS, comma_end, words_of


def quoted_as(
    run: Run, cues: list[CueMatch], relays: Relays, partials: list[QuoteSpan]
) -> tuple[bool, Draft | None]:
    """The first frame of the main clause makes the statement: its content follows the
    speech verb ("… as saying (that) …"), or, when the frame closes the sentence, comes
    before it ("…, the agency quoted him as saying."). Returns whether a frame was read,
    and the statement it made."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    for frame in relays.frames:
        if frame.start < lo or frame.end > hi:
            continue
        attribution = frame_attribution(frame)
        if _closes(run, frame, hi) or _medium_closes(run, frame, relays, hi):
            end = comma_end(text, lo, frame.start)
            if len(words_of(text[lo:end])) < MIN_CLAIM_WORDS:
                continue
            return True, finish(
                run, "quoted_as", "indirect", lo, end, attribution, relays, partials
            )
        if frame.cue.lower() in run.lex.quote_verbs:
            continue  # the quote verb alone ("was quoted by X") has no content after it
        frame = with_closing_quoter(run, frame, cues, hi)
        attribution = frame_attribution(frame)
        start = _content_start(run, frame, hi)
        later = [c for c in cues if c.start() >= start]
        stmt = content_clauses(run, "quoted_as", start, hi, later, attribution, relays, partials, 0)
        return True, stmt
    return False, None


def _closes(run: Run, frame: Frame, hi: int) -> bool:
    """Whether only adverbs and punctuation follow the frame: the content came before."""
    rest = run.text[frame.end : hi]
    return not rest.strip(TRAILING_PUNCT) or closes_content(run, frame.cue, rest)


def _medium_closes(run: Run, frame: Frame, relays: Relays, hi: int) -> bool:
    """'"…," the radio quoted him as saying in an interview with the daily Tehran Times.':
    only the medium he told follows the frame, so the content came before it."""
    text = run.text
    for hop in relays.prefix:
        if hop.relation == "told" and not text[frame.end : hop.start].strip(TRAILING_PUNCT):
            return not text[hop.end : hi].strip(TRAILING_PUNCT)
    return False


def _content_start(run: Run, frame: Frame, hi: int) -> int:
    """Past the comma, colon or complementizer after the speech verb, and the audience
    of "as telling Japanese reporters (that) …"."""
    text = run.text
    pos = frame.end
    if frame.cue.lower() in run.lex.medium_markers:
        pos = after_audience(run, pos, hi)
    while pos < hi and text[pos] in " ,:\t\n":
        pos += 1
    comp = complementizer_at(run.language, text, pos, hi)
    return comp.end() if comp is not None else pos
