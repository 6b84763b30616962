"""Speech in a relative clause: "Lee, who said the plan was sound, voted against it"."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.complementizers import complementizer_at
from tracker.extract.cues import CueMatch
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.spans import words_of
from tracker.extract.subject_before import subject_before

MIN_RELATIVE_CONTENT_WORDS = 3  # "who said so", "who says yes" make no claim


def relative_speech(
    run: Run, m: CueMatch, lo: int, hi: int, relays: Relays, partials: list[QuoteSpan]
) -> None:
    """ "Lee, who said the plan was sound, voted against it": a speech verb inside a
    relative clause is its antecedent's statement too, its content closed by the clause's
    comma. The sentence's main verb is read after it, as before."""
    text = run.text
    if m.group().lower() not in run.lex.group_cue_verbs:
        return
    close = text.find(",", m.end(), hi)
    opening = max(
        (text.rfind(f", {w} ", lo, m.start()) for w in run.lex.relative_markers), default=-1
    )
    if close < 0 or opening < lo:
        return
    speaker = subject_before(text, lo, opening, run.language)
    if speaker is None or speaker.pronoun is not None:
        return
    start = m.end()
    comp = complementizer_at(run.language, text, start, close)
    if comp is not None:
        start = comp.end()
    if len(words_of(text[start:close])) < MIN_RELATIVE_CONTENT_WORDS:
        return
    attribution = Attribution(m.group(), m.start(), m.end(), speaker, m.end())
    finish(run, "reported_speech", "indirect", start, close, attribution, relays, partials)
