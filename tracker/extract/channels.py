"""The speaker's own channel ("said in a statement", "wrote on Facebook", "kata X dalam
keterangan tertulis"): a statement made there is first-hand, never a relay frame's."""

from __future__ import annotations

from tracker.extract.attribution import Attribution
from tracker.extract.tokens import Vocab, tokenize

CHANNEL_WINDOW = 60  # the words right after the cue or the speaker that may name a channel
MAX_TIME_WORDS = 3  # "said on Sunday in a statement": time words before the channel


def own_channel(text: str, attribution: Attribution | None, v: Vocab) -> bool:
    """Whether the attribution names a channel of the speaker's own: a writing cue
    ("wrote", "tweeted", "tulisnya") or a channel phrase right after the cue or after the
    speaker ("in a statement", "on his Facebook page", "at a news conference")."""
    if attribution is None:
        return False
    lex = v.lex
    if attribution.cue.lower() in lex.channel_cues:
        return True
    phrases = lex.channel_phrases
    if not phrases:
        return False
    ends = {attribution.cue_end, attribution.end}
    return any(_channel_at(text, pos, phrases, v) for pos in ends)


def _channel_at(text: str, pos: int, phrases: frozenset[str], v: Vocab) -> bool:
    words = [t.lower for t in tokenize(text, pos, min(len(text), pos + CHANNEL_WINDOW))]
    words = [w for w in words if w != ","]
    for k in range(min(len(words), MAX_TIME_WORDS + 1)):
        if any(" ".join(words[k : k + n]) in phrases for n in (1, 2, 3)):
            return True
        if words[k] not in v.lex.time_words:
            return False  # "said the plan …": the content, no channel
    return False
