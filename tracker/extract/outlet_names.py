"""Outlet names cut at a connector: "Mail" of "The Globe and Mail said" is the Globe and Mail."""

from __future__ import annotations

import regex

from tracker.extract.lexicon import outlet_index
from tracker.extract.patterns import Patterns
from tracker.extract.speakers import Mention

OUTLET = "news_outlet"
# "Globe and Mail", "Mail on Sunday", "Yahoo! News": a subject parser reading back from the
# verb stops at the connector or the mark; the listed name runs on before it
CONNECTORS = frozenset({"and", "of", "on", "&", "dan"})
LOOKBACK = 40  # how far before the mention a listed name may start


def whole_outlet(text: str, mention: Mention, pats: Patterns) -> Mention:
    """The listed outlet whose name ends where `mention` ends and starts before it, when
    the mention was cut at a connector; else the mention as it is."""
    start = mention.start
    if mention.pronoun is not None or not _cut_before(text, start):
        return mention
    lo = max(0, start - LOOKBACK)
    for word in regex.finditer(r"(?<![\p{L}\p{N}])\p{Lu}", text[lo:start]):
        m = pats.outlet_re.match(text, lo + word.start(), mention.end)
        if m is not None and m.end() == mention.end:
            outlet = outlet_index()[m.group("outlet")]
            return Mention(
                text[m.start() : m.end()],
                m.start(),
                m.end(),
                outlet.name,
                OUTLET,
                state_media=outlet.state_media,
            )
    return mention


def _cut_before(text: str, start: int) -> bool:
    """Whether a connector word or a "!" stands right before `start` (a plain string test:
    it runs for every mention)."""
    if start < 2 or text[start - 1] not in " \t":
        return False
    before = text[max(0, start - 8) : start].rstrip()
    if before.endswith("!"):
        return True
    words = before.split()
    return bool(words) and words[-1].lower() in CONNECTORS
