"""Cues inside a time adjunct: 'X told Congress when asked about it: "…"' — "told" speaks.

"when asked", "after being asked", "ketika ditanya": a speech verb after a subordinating
time word is the occasion of the statement, not its predicate, and its subject is nobody
named before it ("Any decision would involve X, who told Congress when asked …" made "Any"
the speaker). The words are the lexicon's `adjunct_subordinators` ("when", "after";
"ketika", "setelah").
"""

from __future__ import annotations

from tracker.extract.cues import CueMatch
from tracker.extract.lexicon import load_lexicon

_AUXILIARIES = frozenset({"being", "sedang"})


def in_time_adjunct(text: str, m: CueMatch, language: str) -> bool:
    """Whether the cue `m` follows a subordinating time word ("when asked", "after being
    asked"), so it is no predicate of the sentence's subject."""
    before = text[max(0, m.start() - 24) : m.start()].split()
    if before and before[-1].lower() in _AUXILIARIES:
        before = before[:-1]
    return bool(before) and before[-1].lower() in load_lexicon(language).adjunct_subordinators
