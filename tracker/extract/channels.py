"""The speaker's own channel ("said in a statement", "wrote on Facebook", "kata X dalam
keterangan tertulis"): a statement made there is first-hand, never a relay frame's."""

from __future__ import annotations

import functools

import regex

from tracker.extract.attribution import Attribution
from tracker.extract.lexicon import load_lexicon

CHANNEL_WINDOW = 80  # where, after the cue or the speaker, a channel phrase may end


def own_channel(text: str, attribution: Attribution | None, language: str) -> bool:
    """Whether the attribution names a channel of the speaker's own: a writing cue
    ("wrote", "tweeted", "tulisnya") or a channel phrase right after the cue or after the
    speaker, time words allowed before it ("said on Sunday in a statement", "on his
    Facebook page", "at a news conference")."""
    if attribution is None:
        return False
    if attribution.cue.lower() in load_lexicon(language).channel_cues:
        return True
    channel = _channel_re(language)
    if channel is None:
        return False
    return any(
        channel.match(text, pos, min(len(text), pos + CHANNEL_WINDOW)) is not None
        for pos in (attribution.cue_end, attribution.end)
    )


@functools.cache
def _channel_re(language: str) -> regex.Pattern[str] | None:
    """The channel phrases of a language after up to three time words, from the lexicon."""
    lex = load_lexicon(language)
    if not lex.channel_phrases:
        return None
    return regex.compile(
        r"""
        [\s,]*+(?:(?:\L<time>)[\s,]++){0,3}+   # on Sunday, last week
        (?:\L<phrase>)(?![\p{L}\p{N}])         # in a statement, kepada wartawan
        """,
        regex.VERBOSE | regex.IGNORECASE,
        time=sorted(lex.time_words),
        phrase=sorted(lex.channel_phrases),
    )
