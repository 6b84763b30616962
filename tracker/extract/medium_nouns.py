"""Outlets named by a medium noun: "the daily Al-Fajr", "the agency" after "told"/"asked by"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tracker.extract.speakers import Mention

if TYPE_CHECKING:
    from tracker.extract.lexicon import Outlet
    from tracker.extract.tokens import Token, Vocab

OUTLET = "news_outlet"
# Nouns that, after "told the …" or "asked by the …", name the outlet mentioned earlier
# ("the official Saudi Press Agency said. Asked by the agency about …, X said"); "agency"
# alone is no medium noun (a government agency), so it counts only for a listed outlet.
DEFINITE_HEADS = frozenset({"agency", "paper", "newspaper", "daily", "radio", "television"})


def described_outlet(
    np: list[Token], mention: Mention, v: Vocab, earlier: Callable[[str], Outlet | None]
) -> Mention | None:
    """The outlet a medium phrase names when `classify` read it as something else.

    After a medium marker the listener is a medium when a medium noun says so: "told the
    daily Al-Fajr" (read as a person whose role is "daily") is the daily Al-Fajr; "asked
    by the agency" is the listed outlet named earlier whose name holds "agency" (`earlier`
    finds it), else nobody.
    """
    words = [t.lower for t in np]
    if len(words) == 2 and words[0] in v.lex.definite_determiners and words[1] in DEFINITE_HEADS:
        outlet = earlier(words[1])
        if outlet is None:
            return None
        return Mention(
            mention.surface,
            mention.start,
            mention.end,
            outlet.name,
            OUTLET,
            state_media=outlet.state_media,
        )
    role = (mention.role or "").lower().split()
    if mention.kind == "person" and role and role[-1] in _single_medium_nouns(v):
        return Mention(mention.surface, mention.start, mention.end, mention.name, OUTLET)
    return None


def _single_medium_nouns(v: Vocab) -> frozenset[str]:
    return frozenset(n.lower() for n in v.lex.medium_nouns if " " not in n)
