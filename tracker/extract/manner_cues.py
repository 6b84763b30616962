"""Verbs of the manner of speaking right after a quote: '"…," Ana barked', '"…," scoffed Ana'."""

from __future__ import annotations

from tracker.extract.cues import CueMatch, word_run_end
from tracker.extract.lexicon import load_lexicon


def manner_cue_at(text: str, pos: int, language: str, hi: int) -> CueMatch | None:
    """The manner verb ("barked", "shot back") starting at `pos`, as a speech verb.

    Only the attribution after a closing quote asks for these: there the quote is what was
    said, so any verb of the manner of saying names its speaker, while elsewhere "barked"
    or "reacted" reports no speech and is no cue (`lexicon.quote_manner_verbs`)."""
    verbs = load_lexicon(language).quote_manner_verbs
    if not verbs:
        return None
    first_end = word_run_end(text, pos, hi)
    if first_end < 0 or (pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "-")):
        return None
    first = text[pos:first_end].lower()
    found = first if first in verbs else None
    end = first_end
    space = end
    while space < hi and text[space] == " ":
        space += 1
    second_end = word_run_end(text, space, hi) if space > end else -1
    if second_end >= 0:
        phrase = f"{first} {text[space:second_end].lower()}"
        if phrase in verbs:
            found, end = phrase, second_end
    if found is None:
        return None
    return CueMatch(pos, end, text[pos:end], "verb")
