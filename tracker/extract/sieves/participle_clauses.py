"""The participle clause after a quote's attribution: "“…,” Lopez said, adding that …"."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.complementizers import complementizer_at
from tracker.extract.cues import CueMatch
from tracker.extract.quotes import QuoteSpan
from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.sieves.cue_context import clause_follows
from tracker.extract.spans import MIN_CLAIM_WORDS, words_of

MAX_PARTICIPLE_GAP_WORDS = 8  # "told CBS' Face the Nation on Sunday, saying"


def participle_clause(
    run: Run,
    lo: int,
    e: int,
    cues: list[CueMatch],
    attr: Attribution,
    partials: list[QuoteSpan],
) -> bool:
    """ "“…,” Lopez said, adding that …": the quote's speaker also says the clause.

    Returns whether it took the clause."""
    if attr.speaker is None:
        return False
    text = run.text
    m = next((c for c in cues if c.lastgroup == "verb"), None)
    if m is None or not m.group().lower().endswith(run.lex.participle_suffixes or ("\0",)):
        return False
    if m.group().lower() in run.lex.document_cue_verbs:
        return False  # "…, kejadian ini menunjukkan …": what a thing shows, nobody's clause
    gap = _without_connector(run, text[lo : m.start()])  # '…," Lee said, while arguing'
    comma_in_quote = not gap.strip() and lo >= 2 and text[lo - 2] == ","  # '…,” adding'
    if not (gap.rstrip().endswith(",") or comma_in_quote) or (
        len(words_of(gap)) > MAX_PARTICIPLE_GAP_WORDS
    ):
        return False  # only a comma and a few words ("in a statement,") before it
    return speaker_clause(run, m, e, attr, partials, "participle_clause")


def speaker_clause(
    run: Run,
    m: CueMatch,
    e: int,
    attr: Attribution,
    partials: list[QuoteSpan],
    rule: str,
    bare_needs_clause: bool = False,
) -> bool:
    """The clause after the attribution speaker's own cue ``m`` (past a "that"), to the
    sentence end ``e``, as that speaker's indirect statement by ``rule``: what a participle
    clause and a relative tail both say. ``bare_needs_clause``: with no "that", only a
    clause counts ("who writes about …" says nothing). Returns whether it made one."""
    text = run.text
    comp = complementizer_at(run.language, text, m.end(), min(e, m.end() + 40))
    start = comp.end() if comp is not None else m.end()
    if comp is None and bare_needs_clause and not clause_follows(run, text[start:e]):
        return False
    if len(words_of(text[start:e])) < MIN_CLAIM_WORDS:
        return False
    attribution = Attribution(m.group(), m.start(), m.end(), attr.speaker, m.end())
    rest = Relays((), (), (), start, e)
    return finish(run, rule, "indirect", start, e, attribution, rest, partials) is not None


def _without_connector(run: Run, gap: str) -> str:
    """The gap before a participle without its connector ("while", "before"), which links
    the participle to the attribution as its comma alone does."""
    words = words_of(gap)
    if not words or words[-1].lower() not in run.lex.participle_connectors:
        return gap
    return gap[: gap.rstrip().rfind(words[-1])]
