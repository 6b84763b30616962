"""Passive speech with its agent: "The plan was rejected by the council." (the council's).

A passive speech verb with "by" and a named agent after it attributes the grammatical
subject (what was rejected, praised, first reported) to that agent, as the corpora do:
"The plan" is what the council said something of. Only a subject that opens its clause
is taken: after a relative ("a deal that was rejected by …") the subject is the noun
before the relative, which belongs to another clause's reading.
"""

from __future__ import annotations

from tracker.extract.attribution import Attribution, speaker_after_cue
from tracker.extract.cues import CueMatch
from tracker.extract.noun_phrases import np_after
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Draft, Run
from tracker.extract.spans import NEXT_WORD_re, WORD_re, words_of
from tracker.extract.speakers import classify
from tracker.extract.tokens import tokenize

# the words an adverbial lead may have before its comma ("For instance, …")
MAX_LEAD_WORDS = 4
# how far after "by" the agent's noun phrase is looked for
AGENT_WINDOW = 120


def passive_speech(
    run: Run, m: CueMatch, relays: Relays, partials: list[QuoteSpan]
) -> Draft | None:
    """The statement of passive cue `m` ("was criticized by X"): its subject, spoken of
    by the agent after "by"; None when the agent or the subject is not plain."""
    text = run.text
    lo, hi = relays.main_start, relays.main_end
    if m.group().lower() in run.lex.passive_backing_cues:
        return None  # "The levy was supported by most farmers": backers, not speakers
    link = NEXT_WORD_re.match(text, m.end())
    if link is None or link.group(1).lower() not in run.lex.passive_agent_links:
        return None
    toks = tokenize(text, link.end(), min(hi, link.end() + AGENT_WINDOW))
    np = np_after(text, toks, 0, run.vocab)
    agent = classify(text, np, run.language) if np else None
    if agent is None:
        # "by a number of tax experts", "by the so-called Islamic State"
        agent = speaker_after_cue(text, link.end(), hi, run.language)
    if agent is None or agent.pronoun is not None:
        return None  # "by him", "by it": no agent this sieve can name
    end = _verb_group_start(run, lo, m.start())
    start = _after_lead(run, lo, end)
    if not _plain_subject(run, start, end):
        return None
    attribution = Attribution(m.group(), m.start(), m.end(), agent, agent.end)
    return finish(run, "passive_agent_cue", "indirect", start, end, attribution, relays, partials)


def _plain_subject(run: Run, start: int, end: int) -> bool:
    """Whether text[start:end] is one noun phrase: no verb or conjunction of a clause of its
    own ("… a deal that was", "As Lee stumped across …, they were"), no comma or colon."""
    if any(ch in run.text[start:end] for ch in ',;:"“”'):
        return False
    words = [w.lower() for w in words_of(run.text[start:end])]
    if not words or words[0] in run.lex.adverbial_openers:
        return False
    stops = run.lex.clause_markers | run.lex.clause_breakers | run.lex.relative_markers
    return not any(w in stops for w in words)


def _verb_group_start(run: Run, lo: int, cue_start: int) -> int:
    """Where the verb group before the participle begins ("has been widely criticized"):
    the auxiliaries and adverbs right before it are no part of the subject."""
    auxiliaries = run.lex.passive_auxiliaries | run.lex.finite_auxiliaries
    start = cue_start
    for tok in reversed(tokenize(run.text, max(lo, cue_start - 48), cue_start)):
        if not tok.is_word or not (tok.lower in run.vocab.adverbs or tok.lower in auxiliaries):
            break
        start = tok.start
    return start


def _after_lead(run: Run, lo: int, end: int) -> int:
    """Past a short adverbial lead and its comma ("For instance, calls to …"), else `lo`."""
    text = run.text
    comma = text.find(",", lo, end)
    if comma < 0:
        return lo
    first = WORD_re.search(text, lo, comma)
    lead_words = words_of(text[lo:comma])
    if first is None or len(lead_words) > MAX_LEAD_WORDS:
        return lo
    if first.group().lower() not in run.lex.adverbial_openers and not first.group().endswith("ly"):
        return lo
    return comma + 1
