"""A set-off according-to phrase that closes its clause: "X rose, according to Y, taking …"."""

from __future__ import annotations

from tracker.extract.cues import CueMatch
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.spans import words_of
from tracker.extract.tokens import tokenize

MIN_PARTICIPLE = 5  # "taking", "adding": shorter "-ing" words ("king", "thing") are no verbs
MIN_CLAUSE_WORDS = 3  # "Awalnya, menurut X, …": a lead word is no clause of its own


def split_at_according(
    run: Run, cues: list[CueMatch], relays: Relays, partials: list[QuoteSpan], end: int
) -> Relays:
    """Emit the clause before a set-off according-to phrase as its source's statement, and
    return the relays of what follows it (without that source), when the sentence's cues
    all come after the phrase; else the relays unchanged.

    Why: in "Verizon struck a deal, according to the Labor Department, taking a step toward
    ending a strike that executives said could hurt earnings" the phrase names the source of
    the clause before it, and a participle or a new clause follows; the guide gives that
    clause [Labor Department], and the later "executives said" is first-hand, not relayed
    through the department. A phrase the clause goes on after ("Fundraising, according to
    X, has dropped") is left to the relay reading."""
    according = relays.according
    if not according or relays.prefix[: len(according)] != according:
        return relays
    text, lo = run.text, relays.main_start
    first, last = according[0], according[-1]
    if first.start <= lo or not text[lo : first.start].rstrip().endswith(","):
        return relays
    if len(words_of(text[lo : first.start])) < MIN_CLAUSE_WORDS:
        return relays
    inside = [c for c in cues if lo <= c.start() < end]
    if not inside or any(c.start() < first.start for c in inside):
        return relays
    toks = tokenize(text, last.end, min(end, last.end + 40))
    if len(toks) < 2 or toks[0].text != "," or not _opens_clause(run, toks[1].text):
        return relays
    close = text.rfind(",", lo, first.start)
    alone = Relays(according, (), according, lo, close)
    finish(run, "according_to", "indirect", lo, close, None, alone, partials)
    rest = relays.prefix[len(according) :]
    return Relays(rest, relays.suffix, (), toks[1].start, end, relays.frames)


def _opens_clause(run: Run, word: str) -> bool:
    """A participle ("taking") or a clause splitter ("but", "while") after the phrase."""
    low = word.lower()
    if low in run.lex.clause_splitters:
        return True
    suffixes = run.lex.clause_participle_suffixes
    return (
        bool(suffixes)
        and word[:1].islower()
        and len(low) >= MIN_PARTICIPLE
        and low.endswith(suffixes)
    )
