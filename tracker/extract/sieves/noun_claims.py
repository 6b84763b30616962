"""Noun claims: "Lopez's claim that …", "her refusal to …" (see extract.nouns)."""

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
    of the sentence (those from index `first` on) already starts where the claim does.
    A stance ("her refusal to …") inside a statement of the sentence is left to it: the
    speaker who "hailed her refusal to …" reports it, and it is no second statement; nor
    is one whose possessive pronoun finds nobody to stand for."""
    found = sentence.claim_nouns
    if not found:
        return
    s, e, quotes = sentence.start, sentence.end, sentence.quotes
    spans = [(q.start, q.end) for q in quotes]
    made = [(st.start, st.end) for st in run.statements[first:]]
    for claim in noun_claims(run.text, s, e, run.language, found, spans):
        if any(
            a == claim.start or (claim.intent and a <= claim.cue_start < claim.end <= b)
            for a, b in made
        ):
            continue
        attribution = Attribution(
            claim.cue, claim.cue_start, claim.cue_end, claim.speaker, claim.end
        )
        rest = Relays((), (), (), s, e)
        draft = finish(
            run, "noun_claim", "indirect", claim.start, claim.end, attribution, rest, quotes
        )
        if claim.intent and draft is not None and draft.sid is None:
            run.statements.pop()
