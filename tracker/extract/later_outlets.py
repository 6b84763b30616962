"""Unnamed outlets: "according to a Kuwaiti newspaper" that the next sentence names."""

from __future__ import annotations

import regex

from tracker.extract.lexicon import outlet_index
from tracker.extract.patterns import patterns_for
from tracker.extract.speakers import Mention
from tracker.extract.tokens import Vocab

AHEAD = 300  # how far after the description the sentence naming the outlet may start
MAX_WORDS = 5  # "a leading Kuwaiti daily newspaper interview"
_WORD_re = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\-]*+")
_SENTENCE_END_re = regex.compile(r"[.!?][\"”’]?+\s++(?:[Tt]he[ \t]++)?")
_KINDS = frozenset({"anonymous", "unknown", "news_outlet"})
# a name word: "Gazette", "al-Rai" (a lower-case particle joined to a capitalised word)
_NAME = r"(?:\p{Lu}[\p{L}\p{N}'’\-]*+|\p{Ll}{1,3}-\p{Lu}[\p{L}\p{N}'’\-]*+)"


def outlet_named_after(text: str, mention: Mention, v: Vocab) -> Mention | None:
    """The outlet a phrase shortly after an indefinite outlet description names with the
    same medium noun, or None: "…, according to a Kuwaiti newspaper interview. The al-Rai
    al-Aam newspaper quoted him …" is al-Rai al-Aam.

    Why: wire copy opens with the claim and "a Kuwaiti newspaper", and names the paper in
    the next sentence; the guide wants the outlet as the hop, as for "told the al-Rai
    al-Aam newspaper". The description opens with an indefinite article and holds a medium
    noun; the outlet is the first "The <Name> <noun>" within `AHEAD` characters, else a
    listed outlet opening the next sentence ("Wen Hui Bao said …")."""
    if mention.kind not in _KINDS or mention.pronoun is not None:
        return None
    lex = v.lex
    if mention.surface.split(" ", 1)[0].lower() not in lex.indefinite_articles:
        return None  # most mentions: decided without reading their words
    words: list[str] = _WORD_re.findall(mention.surface)
    if not 2 <= len(words) <= MAX_WORDS or words[0].lower() not in lex.indefinite_articles:
        return None
    nouns = [w.lower() for w in words[1:] if w.lower() in v.medium_words]
    if not nouns or mention.name in outlet_index():
        return None  # no medium noun, or a listed outlet's own name ("a Reuters report")
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}\-])[Tt]he[ \t]++(?P<name>" + _NAME + r"(?:[ \t]++" + _NAME + r"){0,3})"
        r"[ \t]++(?:" + "|".join(regex.escape(n) for n in nouns) + r")(?![\p{L}\p{N}\-])"
    )
    m = pattern.search(text, mention.end, min(len(text), mention.end + AHEAD))
    if m is None:
        return _opening_next_sentence(text, mention, v)
    name = m.group("name")
    listed = outlet_index().get(name)
    canonical = listed.name if listed is not None else name
    state = listed.state_media if listed is not None else False
    return Mention(
        mention.surface, mention.start, mention.end, canonical, "news_outlet", state_media=state
    )


def _opening_next_sentence(text: str, mention: Mention, v: Vocab) -> Mention | None:
    """ "…, a Hong Kong newspaper said. Wen Hui Bao said …": a listed outlet opening the
    sentence right after the description's is the outlet it described."""
    stop = _SENTENCE_END_re.search(text, mention.end, min(len(text), mention.end + AHEAD))
    if stop is None:
        return None
    m = patterns_for(v.lex.language).outlet_re.match(text, stop.end())
    if m is None:
        return None
    listed = outlet_index()[m.group("outlet")]
    if listed.kind != "news_outlet":
        return None
    return Mention(
        mention.surface,
        mention.start,
        mention.end,
        listed.name,
        "news_outlet",
        state_media=listed.state_media,
    )
