"""Noun claims: "Lopez's claim that …", "a warning from the agency that …" (see extract.nouns)."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.nouns import noun_claims
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.scans import Sentence


def noun_claim_statements(run: Run, sentence: Sentence, first: int) -> None:
    """ "Lopez's claim that …", "a warning from the agency that …": a claim named by a
    noun of saying is the possessor's statement (see extract.nouns), unless a statement
    of the sentence (those from index `first` on) already starts where the claim does."""
    found = sentence.claim_nouns
    if not found:
        return
    s, e, quotes = sentence.start, sentence.end, sentence.quotes
    spans = [(q.start, q.end) for q in quotes]
    starts = {st.start for st in run.statements[first:]}
    for claim in noun_claims(run.text, s, e, run.language, found, spans):
        if claim.start in starts:
            continue
        attribution = Attribution(
            claim.cue, claim.cue_start, claim.cue_end, claim.speaker, claim.end
        )
        rest = Relays((), (), (), s, e)
        finish(run, "noun_claim", "indirect", claim.start, claim.end, attribution, rest, quotes)
