"""View leads: "In Lee's view, the tax will fail." is Lee's statement, quote or none."""

from __future__ import annotations

from tracker.extract.relays import Relays
from tracker.extract.resolution import finish
from tracker.extract.run import Run
from tracker.extract.scans import Sentence
from tracker.extract.sieves.possessive_views import MAX_VIEW_LEAD_CHARS, view_attribution
from tracker.extract.spans import one_word

MAX_LINK_CHARS = 8  # the opening word ("in"), found before any tokenising


def view_lead_statements(run: Run, sentence: Sentence, first: int) -> None:
    """ "In her view, the plan is dead.": a sentence nobody spoke in that opens with a
    possessed view (see sieves.possessive_views, which reads the same phrase before a
    quote) is the possessor's statement, the clause after the comma."""
    text = run.text
    s, e = sentence.start, sentence.end
    space = text.find(" ", s, s + MAX_LINK_CHARS)
    if space < 0 or text[s:space].lower() not in run.lex.view_links:
        return  # the cheap test first: most sentences open with another word
    if len(run.statements) != first:
        return
    comma = text.find(",", space, min(e, s + MAX_VIEW_LEAD_CHARS))
    if comma < 0:
        return
    attribution = view_attribution(run, s, comma + 1)
    if attribution is None:
        return
    start, end = run.trim(comma + 1, e)
    if end - start < 2 or one_word(text, start, end):
        return
    rest = Relays((), (), (), s, e)
    finish(run, "view_lead", "indirect", start, end, attribution, rest, sentence.quotes)
