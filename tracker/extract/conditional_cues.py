"""Cues inside an opening condition: "If X says no, …, Y said" — only Y makes a claim."""

from __future__ import annotations

import functools

from tracker.extract.cues import CueMatch
from tracker.extract.lexicon import load_lexicon
from tracker.extract.run import Run
from tracker.extract.spans import words_of

MAX_OPENER_WORDS = 3  # "as long as"
OPENER_CHARS = 24  # enough for "as long as" and the space after it
MAX_SUBJECT_WORDS = 4  # "If the central bank says": the condition's own subject, then its verb


@functools.cache
def _first_words(language: str) -> frozenset[str]:
    """The first word of each condition opener ("as" of "as long as")."""
    return frozenset(o.split()[0] for o in load_lexicon(language).condition_openers)


def in_opening_condition(run: Run, lo: int, m: CueMatch) -> bool:
    """Whether the cue `m` stands in a condition opening the clause at `lo` ("If OPEC
    maintains its curbs, …", "As long as the bank says so, …", "Jika pemerintah menyatakan
    …, …"), before the comma that closes the condition.

    Why: a verb in a condition states no claim (what would happen if someone said it), and
    the clause after the comma is the claim of the speaker a later cue names ("…, Sheikh
    Ali said"); reading the condition's verb as the speech made its subject the speaker.
    Only the lexicon's `condition_openers` count ("While X said A, Y said B" has two
    claims), with the cue right after the condition's short subject ("If we read it right
    when he says …" holds a report of its own)."""
    openers = run.lex.condition_openers
    if not openers:
        return False
    head = run.text[lo : min(m.start(), lo + OPENER_CHARS)].lstrip(" \t\n\"“'‘(").lower()
    if not head or head.split(" ", 1)[0] not in _first_words(run.language):
        return False  # most clauses open otherwise: decided without reading the lead
    lead = run.text[lo : m.start()]
    if "," in lead:
        return False
    words = [w.lower() for w in words_of(lead)]
    n = condition_opener_words(run, words)
    return n > 0 and len(words) - n <= MAX_SUBJECT_WORDS


def condition_opener_words(run: Run, words: list[str]) -> int:
    """How many of `words` (lower case) the condition opener they begin with takes ("if":
    1, "as long as": 3), or 0 when they begin with none."""
    openers = run.lex.condition_openers
    for n in range(1, min(len(words), MAX_OPENER_WORDS) + 1):
        if " ".join(words[:n]) in openers:
            return n
    return 0
