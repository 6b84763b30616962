"""The whole-text scans an extraction starts from: quote pairs, sentences, spotted phrases.

Each runs once over the text; the sieves then see one sentence at a time, with the quotes
and phrases that fall in it (found by bisection, so the work stays linear).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from tracker.extract.cues import CueMatch, noun_use, spot
from tracker.extract.nouns import find_claim_nouns
from tracker.extract.quotes import QuoteSpan, scan_quotes
from tracker.extract.run import Run
from tracker.extract.sentences import split_sentences

MAX_RELAYS_SCANNED = 12  # relay and medium phrases read per sentence


@dataclass(slots=True)
class Sentence:
    """One sentence and what the scans found in it."""

    start: int
    end: int
    quotes: list[QuoteSpan]  # the quotes that close inside it
    cues: list[CueMatch]  # speech cues starting in it (not used as nouns)
    relay_marks: list[CueMatch]  # "citing", "according to", … inside it
    media: list[CueMatch]  # "told" before an outlet, inside it
    claim_nouns: list[regex.Match[str]]  # "claim", "warning" … starting in it
    marked: bool  # a quote, cue, relay or medium phrase starts in it


class Scans:
    """The scans of one text, and the per-sentence view of them."""

    def __init__(self, run: Run) -> None:
        text, language = run.text, run.language
        self.quotes = scan_quotes(text)
        self.sentences = split_sentences(text, self.quotes, run.lex)
        spotted = spot(text, language)
        self.relays = spotted["relay"]
        self.media = spotted["medium"]
        self.hedges = spotted["hedge"]
        self.cues = [c for c in spotted["cue"] if not noun_use(text, c, language)]
        self.claim_nouns = find_claim_nouns(text, language, spotted["claim"])
        self._quote_starts = [q.start for q in self.quotes]
        self._cue_starts = [m.start() for m in self.cues]
        self._relay_starts = [m.start() for m in self.relays]
        self._media_starts = [m.start() for m in self.media]
        self._claim_starts = [m.start() for m in self.claim_nouns]

    def sentence(self, s: int, e: int) -> Sentence:
        """What falls in text[s:e]."""
        qa, qb = _between(self._quote_starts, s, e)
        ca, cb = _between(self._cue_starts, s, e)
        ra, rb = _between(self._relay_starts, s, e)
        ma, mb = _between(self._media_starts, s, e)
        na, nb = _between(self._claim_starts, s, e)
        return Sentence(
            s,
            e,
            [q for q in self.quotes[qa:qb] if q.end <= e],
            self.cues[ca:cb],
            [m for m in self.relays[ra:rb] if m.end() <= e][:MAX_RELAYS_SCANNED],
            [m for m in self.media[ma:mb] if m.end() <= e][:MAX_RELAYS_SCANNED],
            self.claim_nouns[na:nb],
            qa < qb or ca < cb or ra < rb or ma < mb,
        )


def _between(starts: list[int], s: int, e: int) -> tuple[int, int]:
    """The index range of the sorted `starts` that fall in [s, e)."""
    return bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
