"""The whole-text scans an extraction starts from: quote pairs, sentences, spotted phrases.

Each runs once over the text; the sieves then see one sentence at a time, with the quotes
and phrases that fall in it (their index ranges found in one forward pass per list, since
sentences come in text order, so the work stays linear).
"""

from __future__ import annotations

import regex

from tracker.extract.cues import CueMatch, noun_use, spot
from tracker.extract.nouns import find_claim_nouns
from tracker.extract.quotes import QuoteSpan, scan_quotes
from tracker.extract.run import Run
from tracker.extract.sentences import split_sentences

MAX_RELAYS_SCANNED = 12  # relay and medium phrases read per sentence


class Sentence:
    """One sentence and what the scans found in it.

    A plain class, not a dataclass: mypyc compiles this `__init__`, never a generated one.
    """

    __slots__ = ("claim_nouns", "cues", "end", "marked", "media", "quotes", "relay_marks", "start")

    def __init__(
        self,
        start: int,
        end: int,
        quotes: list[QuoteSpan],
        cues: list[CueMatch],
        relay_marks: list[CueMatch],
        media: list[CueMatch],
        claim_nouns: list[regex.Match[str]],
        marked: bool,
    ) -> None:
        self.start = start
        self.end = end
        self.quotes = quotes  # the quotes that close inside it
        self.cues = cues  # speech cues starting in it (not used as nouns)
        self.relay_marks = relay_marks  # "citing", "according to", … inside it
        self.media = media  # "told" before an outlet, inside it
        self.claim_nouns = claim_nouns  # "claim", "warning" … starting in it
        self.marked = marked  # a quote, cue, relay or medium phrase starts in it


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
        # for each list, the index range of each sentence (see _ranges)
        sentences = self.sentences
        self._quote_ranges = _ranges([q.start for q in self.quotes], sentences)
        self._cue_ranges = _ranges([m.start() for m in self.cues], sentences)
        self._relay_ranges = _ranges([m.start() for m in self.relays], sentences)
        self._media_ranges = _ranges([m.start() for m in self.media], sentences)
        self._claim_ranges = _ranges([m.start() for m in self.claim_nouns], sentences)

    def sentence(self, k: int) -> Sentence:
        """What falls in the `k`th sentence."""
        s, e = self.sentences[k]
        a, b = 2 * k, 2 * k + 1
        qa, qb = self._quote_ranges[a], self._quote_ranges[b]
        ca, cb = self._cue_ranges[a], self._cue_ranges[b]
        ra, rb = self._relay_ranges[a], self._relay_ranges[b]
        ma, mb = self._media_ranges[a], self._media_ranges[b]
        na, nb = self._claim_ranges[a], self._claim_ranges[b]
        # an empty range gets its list without a comprehension: most ranges are empty
        return Sentence(
            s,
            e,
            [q for q in self.quotes[qa:qb] if q.end <= e] if qa < qb else [],
            self.cues[ca:cb],
            _inside(self.relays, ra, rb, e) if ra < rb else [],
            _inside(self.media, ma, mb, e) if ma < mb else [],
            self.claim_nouns[na:nb],
            qa < qb or ca < cb or ra < rb or ma < mb,
        )


def _ranges(starts: list[int], sentences: list[tuple[int, int]]) -> list[int]:
    """For each sentence, the index range of the sorted `starts` that fall in it, flat:
    [a0, b0, a1, b1, …], what `bisect_left` gives for its start and its end. One forward
    pass: the sentences are in text order."""
    out: list[int] = []
    n = len(starts)
    i = 0
    for s, e in sentences:
        while i < n and starts[i] < s:
            i += 1
        j = i
        while j < n and starts[j] < e:
            j += 1
        out.append(i)
        out.append(j)
    return out


def _inside(phrases: list[CueMatch], a: int, b: int, e: int) -> list[CueMatch]:
    """The phrases from index `a` to `b` that end by `e`, at most MAX_RELAYS_SCANNED."""
    return [m for m in phrases[a:b] if m.end() <= e][:MAX_RELAYS_SCANNED]
