"""Participle leads: "Citing the audit, Lopez rejected the plan." (Lopez cited the audit).

A sentence that opens with a participle cue ("Citing …,", "In describing …,", "After
saying …,") attributes the participle's object, up to the comma that closes the lead, to
the subject of the main clause after that comma, as the corpora annotate it. The main
clause's own cues are read as usual afterwards.
"""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.cues import CueMatch
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Draft, Run
from tracker.extract.sieves.subject_finders import opening_subject
from tracker.extract.spans import words_of

# "In", "After", "But while", "And in", "Instead of", "In addition to": the words a
# participle lead may have before its cue
MAX_OPENER_WORDS = 3
# the lead must close with its comma within this many words of the cue
MAX_LEAD_WORDS = 30


def participle_lead(
    run: Run, m: CueMatch, relays: Relays, partials: list[QuoteSpan]
) -> Draft | None:
    """The statement of a participle cue `m` opening its sentence, spoken by the main
    clause's subject; None when the lead or the subject is not plain (see module)."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    if not _opens_clause(run, lo, m.start()):
        return None
    comma = text.find(",", m.end(), hi)
    if comma < 0 or len(words_of(text[m.end() : comma])) > MAX_LEAD_WORDS:
        return None
    if any(ch in text[m.end() : comma] for ch in ";:"):
        return None
    close = comma + 1
    if close < hi and text[close] in "\"”'’":
        close += 1  # 'Bemoaning the "phony system," Trump …': the quote closes first
    speaker = opening_subject(run, close, hi)
    if speaker is None or (speaker.kind == "unknown" and speaker.pronoun is None):
        return None
    attribution = Attribution(m.group(), m.start(), m.end(), speaker, m.end())
    comp = run.pats.complementizer_re.match(text, m.end(), comma)
    start = comp.end() if comp is not None else m.end()  # "Noting that …"
    rule = "participle_lead"
    return finish(run, rule, "indirect", start, close, attribution, relays, partials)


def _opens_clause(run: Run, lo: int, cue_start: int) -> bool:
    """Whether only a few opener words ("After", "But in", "Instead of") stand between the
    clause start and the participle."""
    words = [w.lower() for w in words_of(run.text[lo:cue_start])]
    if len(words) > MAX_OPENER_WORDS or any(ch in run.text[lo:cue_start] for ch in ',;:"“'):
        return False
    openers = run.lex.adverbial_openers | run.lex.participle_openers | run.lex.coordinators
    return all(w in openers for w in words)
