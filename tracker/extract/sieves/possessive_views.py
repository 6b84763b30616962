"""Possessed views that lead into a quote: "in her words, “…”", "in Lee's view: “…”"."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.nouns import possessor_before
from tracker.extract.run import Run
from tracker.extract.tokens import tokenize

MAX_VIEW_LEAD_CHARS = 60  # "in the words of a senior adviser to the mayor,": the phrase


def view_attribution(run: Run, lo: int, end: int) -> Attribution | None:
    """The possessor of "in X's view," when that phrase ends right at `end` (a quote's
    opening mark or the clause it leads): X holds the view, X speaks."""
    toks = tokenize(run.text, max(lo, end - MAX_VIEW_LEAD_CHARS), end)
    if len(toks) < 3 or toks[-1].text not in ",:":
        return None
    noun = toks[-2]
    if noun.lower not in run.lex.view_nouns:
        return None
    link = next((t for t in reversed(toks[:-3]) if t.lower in run.lex.view_links), None)
    if link is None:
        return None
    owner = possessor_before(run.text, link.end, noun.start, run.language)
    if owner is None:
        return None
    return Attribution(noun.text, noun.start, noun.end, owner, end)
