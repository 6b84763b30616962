"""Quotes joined by "and" or "or" after a speech verb ('chanted "…" and "…"') as one."""

from __future__ import annotations

from tracker.extract.quotes import QuoteSpan
from tracker.extract.run import Run
from tracker.extract.spans import LAST_WORD_re

MAX_JOINED = 6  # '"A," "B," "C" and "D"': a list longer than this is a catalogue, not speech
MAX_LEAD_GAP = 3  # ', ' or ': ' between the speech verb and the first opening mark


def joined_quotes(run: Run, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """The sentence's quotes with every run joined by a joiner ('"Send them home" and
    "Close the port."', '“A,” or “B”') right after a speech verb made one span, from the
    first mark to the last.

    Why: a crowd's chants and a speaker's alternate phrasings are one thing said, which
    the quote sieves should attribute once; read apart, the first (short, with no stop of
    its own) looks like a scare quote and the second has no cue. Only after a speech verb:
    elsewhere '"Parks" and "Lost"' are titles and '"rash" and "unfair"' scare quotes."""
    joiners = run.lex.quote_joiners
    if len(quotes) < 2 or not joiners:
        return quotes
    out: list[QuoteSpan] = []
    run_start = 0
    text = run.text
    for k in range(1, len(quotes) + 1):
        if k < len(quotes) and k - run_start < MAX_JOINED:
            if _joins(text, quotes[k - 1], quotes[k], joiners):
                continue
        if k - run_start > 1 and _after_speech_verb(run, quotes[run_start].start):
            first, last = quotes[run_start], quotes[k - 1]
            out.append(
                QuoteSpan(first.start, last.end, first.inner_start, last.inner_end, first.double)
            )
        else:
            out.extend(quotes[run_start:k])
        run_start = k
    return out


def _joins(text: str, left: QuoteSpan, right: QuoteSpan, joiners: frozenset[str]) -> bool:
    """Whether only a joiner (after an optional comma) stands between two quotes."""
    if left.double != right.double:
        return False
    gap = text[left.end : right.start]
    if "\n" in gap or len(gap) > 8:
        return False
    word = gap.strip().lstrip(",").strip()
    return word in joiners  # lower case only: "And" would open a sentence


def _after_speech_verb(run: Run, qstart: int) -> bool:
    """Whether a cue or manner-of-speaking verb stands right before the opening mark."""
    text = run.text
    lo = max(0, qstart - 30)
    pos = qstart
    while pos > lo and text[pos - 1] in " ,:\u00a0":
        pos -= 1
    if qstart - pos > MAX_LEAD_GAP:
        return False
    word = LAST_WORD_re.search(text, lo, pos)
    if word is None or word.end() != pos:
        return False
    low = word.group().lower()
    return low in run.lex.quote_lead_verbs or low in run.vocab.cue_words
