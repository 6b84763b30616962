"""Bare quantifiers as sentence subjects: "Salah satu prinsip …", "One of the principles …".

The subject parser cuts such a subject at its quantifier ("Salah satu", "One of the") and
calls it an unnamed source; a later "katanya" / "he said" then went to it rather than to
the person who spoke before. A quantifier with no person, role, source or institution noun
and no name after its first word is nobody a pronoun may mean.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.extract.speakers import Mention
    from tracker.extract.tokens import Vocab


def bare_quantifier(mention: Mention, v: Vocab) -> bool:
    """Whether an unnamed-source subject names no one (see module)."""
    if mention.kind != "anonymous" or (mention.affiliation or "")[:1].isupper():
        return False  # "a spokesman for Acme": an affiliation names where the source is
    words = mention.surface.split()
    if any(w[:1].isupper() for w in words[1:]):
        return False  # "Several Democrats", "Seorang pejabat Kemenkes"
    for word in words:
        low = word.lower().strip(",.")
        if low in v.links or low in v.function_words or low in v.lex.determiners:
            continue  # "of" of "One of the"
        stems = {low, *(low[: -len(x)] for x in v.lex.plural_suffixes if low.endswith(x))}
        if any(s in v.roles or s in v.anonymous_nouns or s in v.heads for s in stems):
            return False
    return True
