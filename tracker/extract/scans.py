"""The whole-text scans an extraction starts from: quote pairs, sentences, spotted phrases.

Each runs once over the text; the sieves then see one sentence at a time, with the quotes
and phrases that fall in it (found by cursors that only move forward, since sentences are
read in text order, so the work stays linear).
"""

from __future__ import annotations

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
        # where the last sentence asked for starts in each list of starts
        self._qa = self._ca = self._ra = self._ma = self._na = 0

    def sentence(self, s: int, e: int) -> Sentence:
        """What falls in text[s:e]; sentences are asked for in text order."""
        qa = self._qa = _first_at(self._quote_starts, self._qa, s)
        ca = self._ca = _first_at(self._cue_starts, self._ca, s)
        ra = self._ra = _first_at(self._relay_starts, self._ra, s)
        ma = self._ma = _first_at(self._media_starts, self._ma, s)
        na = self._na = _first_at(self._claim_starts, self._na, s)
        qb = _first_at(self._quote_starts, qa, e)
        cb = _first_at(self._cue_starts, ca, e)
        rb = _first_at(self._relay_starts, ra, e)
        mb = _first_at(self._media_starts, ma, e)
        nb = _first_at(self._claim_starts, na, e)
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


def _first_at(starts: list[int], i: int, pos: int) -> int:
    """The first index from `i` on whose start is at or after `pos` (`bisect_left` for
    a `pos` no smaller than the one that gave `i`)."""
    n = len(starts)
    while i < n and starts[i] < pos:
        i += 1
    return i
