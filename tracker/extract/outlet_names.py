"""Outlet names cut at a connector: "Mail" of "The Globe and Mail said" is the Globe and Mail."""

from __future__ import annotations

import regex

from tracker.extract.lexicon import outlet_index
from tracker.extract.patterns import Patterns
from tracker.extract.speakers import Mention

OUTLET = "news_outlet"
# "Globe and Mail", "Mail on Sunday", "Yahoo! News": a subject parser reading back from the
# verb stops at the connector or the mark; the listed name runs on before it
_CUT_BEFORE_re = regex.compile(r"(?:\b(?:and|of|on|&|dan)|!)[ \t]++$", regex.IGNORECASE)
LOOKBACK = 40  # how far before the mention a listed name may start


def whole_outlet(text: str, mention: Mention, pats: Patterns) -> Mention:
    """The listed outlet whose name ends where `mention` ends and starts before it, when
    the mention was cut at a connector; else the mention as it is."""
    start = mention.start
    if mention.pronoun is not None or _CUT_BEFORE_re.search(text, max(0, start - 8), start) is None:
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
