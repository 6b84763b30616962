"""Reference tails: "“…,” Lee said, referring to the audit" names what Lee spoke of."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.spans import words_of

MAX_GAP_WORDS = 8  # "said in a statement on Monday, referring to": the attribution's adjuncts
MIN_OBJECT_WORDS = 2  # "referring to Lee" names a person, not what was said of one
GAP_STOPS = frozenset('.;:!?"“”')


def reference_tail(run: Run, lo: int, e: int, attr: Attribution, partials: list[QuoteSpan]) -> bool:
    """ "“…,” Lee said, likely referring to the audit of the port.": a reference phrase of
    the lexicon set off by a comma after a quote's attribution names what the quote's
    speaker spoke of, an object as often as a clause, so no cue verb reads it. Returns
    whether it made the statement."""
    if attr.speaker is None:
        return False
    text = run.text
    rest = text[lo:e].lower()
    for phrase in run.lex.reference_tails:
        at = rest.find(phrase)
        if at < 0:
            continue
        gap = rest[:at]
        if not _set_off(run, gap):
            return False
        start, end = run.trim(lo + at + len(phrase), e)
        if len(words_of(text[start:end])) < MIN_OBJECT_WORDS:
            return False
        cue_start = lo + at
        cue = text[cue_start : cue_start + len(phrase)]
        attribution = Attribution(cue, cue_start, cue_start + len(phrase), attr.speaker, start)
        found = Relays((), (), (), start, end)
        rule = "reference_tail"
        return finish(run, rule, "indirect", start, end, attribution, found, partials) is not None
    return False


def _set_off(run: Run, gap: str) -> bool:
    """Whether the words before the phrase are the attribution's adjuncts closed by a
    comma, with at most one adverb after it ("…, likely referring to")."""
    words = words_of(gap)
    head = gap.rstrip()
    if words and not head.endswith(","):
        last = words[-1]
        if not last.endswith(run.lex.adverb_suffixes or ("\0",)):
            return False
        head = head[: len(head) - len(last)].rstrip()
        words = words[:-1]
    return (
        head.endswith(",")
        and len(words) <= MAX_GAP_WORDS
        and not any(ch in GAP_STOPS for ch in head)
    )
