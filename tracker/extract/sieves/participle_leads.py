"""Participle leads: "Citing the audit, Lopez rejected the plan." (Lopez cited the audit).

A sentence that opens with a participle cue ("Citing …,", "In describing …,", "After
saying …,") attributes the participle's object, up to the comma that closes the lead, to
the subject of the main clause after that comma, as the corpora annotate it. The main
clause's own cues are read as usual afterwards.
"""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.complementizers import complementizer_at
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


def lead_statement(
    run: Run, m: CueMatch, cues: list[CueMatch], relays: Relays, partials: list[QuoteSpan]
) -> None:
    """The statement of a cue that opens its clause with no subject before it: a
    participle lead ("Citing the audit, Lopez …") or a question lead ("Asked about the
    audit, Lopez …"). Either is made or nothing is."""
    cue = m.group().lower()
    if cue.endswith(run.lex.participle_suffixes or ("\0",)):
        participle_lead(run, m, relays, partials)
    elif cue in run.lex.question_cues:
        question_lead(run, m, cues, relays, partials)


def question_lead(
    run: Run, m: CueMatch, cues: list[CueMatch], relays: Relays, partials: list[QuoteSpan]
) -> Draft | None:
    """ "Asked about the audit, Lopez said …", "Asked whether …, Lopez …": what was
    asked, up to the lead's comma, is a statement of the unnamed questioner (no speaker);
    the main clause is read as usual."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    if words_of(text[lo : m.start()]):
        return None  # "When asked about …": often the writer's framing, not annotated
    # the lead runs to the last comma before the next cue ("Asked whether X, the
    # nominee, who has called …"), else to its first comma
    after = next((c.start() for c in cues if c.start() > m.end()), hi)
    comma = text.rfind(",", m.end(), after)
    comma = comma if comma >= 0 else text.find(",", m.end(), hi)
    if comma < 0 or len(words_of(text[m.end() : comma])) > MAX_LEAD_WORDS:
        return None
    if any(ch in text[m.end() : comma] for ch in ";:") or len(words_of(text[comma:hi])) < 3:
        return None
    attribution = Attribution(m.group(), m.start(), m.end(), None, m.end())
    return finish(run, "question_lead", "indirect", m.end(), comma, attribution, relays, partials)


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
    comp = complementizer_at(run.language, text, m.end(), comma)
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
