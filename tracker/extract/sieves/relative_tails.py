"""Relative tails: '"…," said Ana Ruiz, who noted that …' (the relative is Ruiz's too).

After a quote's attribution, a relative clause on its speaker ("who noted that …", "who
conceded that …", "who likened the race to …") is the same speaker's next statement,
attributed like a participle clause ("…, adding that …").
"""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.cues import CueMatch
from tracker.extract.quotes import QuoteSpan
from tracker.extract.run import Run
from tracker.extract.sieves.participle_clauses import speaker_clause
from tracker.extract.tokens import tokenize

MAX_APPOSITION_WORDS = 12  # "said Ana Ruiz, a senior analyst at the bank, who notes"


def relative_tail(
    run: Run,
    lo: int,
    e: int,
    cues: list[CueMatch],
    attr: Attribution,
    partials: list[QuoteSpan],
) -> bool:
    """The statement of a relative clause on the attribution's speaker, from its first
    speech cue to the sentence end; returns whether it made one."""
    if attr.speaker is None:
        return False
    m = next((c for c in cues if c.lastgroup == "verb"), None)
    if m is None or m.group().lower() not in run.vocab.post_cues:
        return False  # "who supports …", "who praised …": no speech verb of its own
    if not _relative_gap(run, lo, m.start()):
        return False
    return speaker_clause(run, m, e, attr, partials, "relative_tail", bare_needs_clause=True)


def _relative_gap(run: Run, lo: int, cue_start: int) -> bool:
    """Whether text[lo:cue_start] is ", who" with only adverbs and auxiliaries after it
    (an apposition of the speaker may come first: ", a senior analyst at the bank, who")."""
    toks = tokenize(run.text, lo, cue_start)
    if not toks or toks[0].text != ",":
        return False
    k = len(toks) - 1
    allowed = run.vocab.adverbs | run.lex.finite_auxiliaries
    while k > 0 and toks[k].is_word and toks[k].lower in allowed:
        k -= 1
    if k < 1 or toks[k].lower not in run.lex.subject_relatives or toks[k - 1].text != ",":
        return False
    between = toks[1 : k - 1]
    return len(between) <= MAX_APPOSITION_WORDS and all(
        t.lower not in run.vocab.cue_words for t in between
    )
