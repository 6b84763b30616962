"""Relative tails: '"…," said Ana Ruiz, who noted that …' (the relative is Ruiz's too).

After a quote's attribution, a relative clause on its speaker ("who noted that …", "who
conceded that …", "who likened the race to …") is the same speaker's next statement,
attributed like a participle clause ("…, adding that …").
"""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.cues import CueMatch
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.sieves.cue_context import clause_follows
from tracker.extract.spans import MIN_CLAIM_WORDS, words_of
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
    text = run.text
    m = next((c for c in cues if c.lastgroup == "verb"), None)
    if m is None or m.group().lower() not in run.vocab.post_cues:
        return False  # "who supports …", "who praised …": no speech verb of its own
    if not _relative_gap(run, lo, m.start()):
        return False
    comp = run.pats.complementizer_re.match(text, m.end(), min(e, m.end() + 40))
    start = comp.end() if comp is not None else m.end()
    if comp is None and not clause_follows(run, text[start:e]):
        return False  # "who writes about …", "who observed voting in …": no claim
    if len(words_of(text[start:e])) < MIN_CLAIM_WORDS:
        return False
    attribution = Attribution(m.group(), m.start(), m.end(), attr.speaker, m.end())
    rest = Relays((), (), (), start, e)
    return (
        finish(run, "relative_tail", "indirect", start, e, attribution, rest, partials) is not None
    )


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
