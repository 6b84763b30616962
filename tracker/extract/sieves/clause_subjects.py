"""The subject of "X did Y, promising Z" behind openers and adverbs ("On Monday, …").

"On Thursday, however, Trump spoke …, promising …", "And now Mr. Lee has taken on …,
seeking …": the participle after the comma is the clause subject's, which
`opening_subject` cannot reach past an opener or an adverb.
"""

from __future__ import annotations

from tracker.extract.noun_phrases import np_after
from tracker.extract.run import Run
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, tokenize

MAX_OPENER_WORDS = 6  # "In a widely read column," before the subject
MAX_OPENERS = 3  # "On Thursday, however, …": openers and adverbs in a row
SUBJECT_WINDOW = 160


def participle_subject(run: Run, lo: int, cue_start: int) -> Mention | None:
    """The subject opening the clause before a participle cue, past its openers: a name
    or listed noun the parser reads."""
    toks = tokenize(run.text, lo, min(cue_start, lo + SUBJECT_WINDOW))
    k = _past_openers(run, toks)
    if k is None or k >= len(toks):
        return None
    np = np_after(run.text, toks, k, run.vocab)
    return classify(run.text, np, run.language) if np else None


def _past_openers(run: Run, toks: list[Token]) -> int | None:
    """The index of the first token past the clause's openers ("On Monday,", "however,",
    "And now"); None when an opener runs into a cue or has no comma close enough."""
    lex, adverbs = run.lex, run.vocab.adverbs
    k = 0
    for _ in range(MAX_OPENERS):
        if k >= len(toks) or not toks[k].is_word:
            return k
        low = toks[k].lower
        if low in lex.coordinators or low in adverbs:
            k += 1
        elif low in lex.adverbial_openers:
            last = min(len(toks), k + MAX_OPENER_WORDS + 1)
            comma = next((j for j in range(k, last) if toks[j].text == ","), None)
            if comma is None or any(t.lower in run.vocab.cue_words for t in toks[k:comma]):
                return None
            k = comma
        else:
            return k
        if k < len(toks) and toks[k].text == ",":
            k += 1
    return k
