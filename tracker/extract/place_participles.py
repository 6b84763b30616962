"""Places of a participle before a cue: "An Ankara Radio report monitored in London said"."""

from __future__ import annotations

from tracker.extract.tokens import Token, Vocab


def place_participle_start(toks: list[Token], i: int, v: Vocab) -> int | None:
    """The index of the participle when the capitalised words ending at token `i` are the
    place a participle of reception names ("monitored in London", "heard in Tokyo"), else
    None.

    Why: the place says where the writer picked the report up, never who said it; the
    subject is the phrase before the participle ("An Ankara Radio report"), and the guide
    makes the outlet whose report it is the speaker. Only a listed participle right before
    the location link counts, so "an official in London said" keeps its reading."""
    participles = v.lex.place_participles
    if not participles or not toks[i].is_cap:
        return None
    k = i
    while k >= 0 and toks[k].is_word and toks[k].is_cap:
        k -= 1
    if k < 1 or toks[k].lower not in v.lex.location_links:
        return None
    return k - 1 if toks[k - 1].lower in participles else None
