"""Relay hops that name news outlets: a listed outlet under its canonical name ("the
official Tass news agency" is TASS), an unlisted one by its name and a media head."""

from __future__ import annotations

import functools

from tracker.extract.lexicon import outlet_index
from tracker.extract.noun_phrases import glued_joint
from tracker.extract.patterns import patterns_for
from tracker.extract.speakers import Mention
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

MAX_OUTLET_NP_TOKENS = 10  # "the official Islamic Republic News Agency (IRNA)"


def outlet_np(text: str, toks: list[Token], k: int, language: str) -> Mention | None:
    """A listed outlet described at token k, as the outlet under its canonical name: "state
    news agency SPA", "Tehran's IRNA news agency", "the official Tanjug news agency",
    "kantor berita Antara". Only descriptors, modifiers and a possessive place stand
    around the name; "Reuters sources" names no outlet as the source."""
    n = len(toks)
    stop = k
    v = vocab(language)
    while stop < n and stop - k < MAX_OUTLET_NP_TOKENS and toks[stop].text not in ",;.:!?":
        if toks[stop].is_word and toks[stop].lower in v.lex.clause_breakers:
            break
        stop += 1
    if stop == k:
        return None
    start, end = toks[k].start, toks[stop - 1].end
    pats = patterns_for(language)
    if pats.outlet_hint_re.search(text, start, end) is None:
        return None
    found = pats.outlet_re.search(text, start, end)
    if found is None:
        return None
    before = [t for t in toks[k:stop] if t.end <= found.start()]
    after = [t for t in toks[k:stop] if t.start >= found.end()]
    words_of_media = _descriptor_words(language)
    for i, tok in enumerate(before):
        if _describes(tok, v, words_of_media) or _possessive_place(tok, v):
            continue
        # "the official Iraqi news agency INA": a place word before the media head
        if not (tok.is_cap and any(t.lower in words_of_media for t in before[i + 1 :])):
            return None
    if after and glued_joint(text, toks, toks.index(after[0])):
        return None  # "a CNN/WMUR poll": the outlet is one of two names joined in one
    taken = _descriptor_run(after, words_of_media)
    if (
        taken < len(after)
        and after[taken].is_word
        and (after[taken].is_cap or after[taken].lower in v.np_words)
    ):
        return None  # "Reuters sources", "Antara Foundation": another head follows
    last = after[taken - 1].end if taken else found.end()
    outlet = outlet_index()[found.group("outlet")]
    words = {t.lower for t in before}
    state = outlet.state_media or bool(words & v.lex.state_markers)
    surface = text[start:last]
    return Mention(surface, start, last, outlet.name, "news_outlet", state_media=state)


def as_outlet(
    text: str, mention: Mention, language: str, lo: int = -1, listed_only: bool = False
) -> Mention:
    """A relay hop that names a news outlet, as that outlet: a listed one under its
    canonical name ("the official Tass news agency" is TASS), an unlisted one by its name
    and a media head ("the armed forces newspaper Harian AB"), unless `listed_only`.
    Other mentions as they are.

    From `lo` on, the words before the mention may complete the outlet's name: a noun
    phrase cut at "and" ("Mail" of "The Globe and Mail"), at a lower-case "al-" name
    ("newspaper" of "the al-Rai al-Aam newspaper") or at its media head ("agency" of
    "The JIJI Press news agency")."""
    if mention.pronoun is not None:
        return mention
    found = _as_outlet(text, mention, language, listed_only)
    named = found.kind == "news_outlet" and found.name.lower() not in _descriptor_words(language)
    if named or lo < 0:
        return found  # (a bare "newspaper" names no outlet yet)
    wider = _widened(text, mention, lo, language)
    if wider.start == mention.start:
        return found
    widened = _as_outlet(text, wider, language, listed_only)
    return widened if widened.kind == "news_outlet" else found


def _as_outlet(text: str, mention: Mention, language: str, listed_only: bool) -> Mention:
    if mention.kind == "news_outlet":
        outlet = outlet_index().get(mention.name)
        if outlet is not None:
            if outlet.name == mention.name:
                return mention
            return _renamed(mention, outlet.name, mention.state_media or outlet.state_media)
    toks = tokenize(text, mention.start, mention.end)
    listed = outlet_np(text, toks, 0, language)
    if listed is not None and listed.end == mention.end:
        return listed
    if listed_only:
        return mention
    return _unlisted_outlet(text, mention, toks, vocab(language))


MAX_WIDENED_CHARS = 48


def _widened(text: str, mention: Mention, lo: int, language: str) -> Mention:
    """The mention with the words before it that may belong to the same outlet's name."""
    left = max(lo, mention.start - MAX_WIDENED_CHARS)
    toks = tokenize(text, left, mention.start)
    media = _descriptor_words(language)
    k = len(toks)
    while k > 0 and _name_part(toks[k - 1], media):
        k -= 1
    if k > 0 and toks[k - 1].is_word and toks[k - 1].lower in ("the", "a"):
        k -= 1
    if k == len(toks) or (toks[-1].lower == "and" and k == len(toks) - 1):
        return mention
    start = toks[k].start
    surface = text[start : mention.end]
    return Mention(
        surface, start, mention.end, surface, mention.kind, state_media=mention.state_media
    )


def _name_part(tok: Token, media: frozenset[str]) -> bool:
    """A word an outlet's name may hold: a capital, an "al-" name, "and", a media word."""
    low = tok.lower
    return tok.is_word and (tok.is_cap or low.startswith("al-") or low == "and" or low in media)


def _unlisted_outlet(text: str, mention: Mention, toks: list[Token], v: Vocab) -> Mention:
    """ "the daily Al-Ahram", "the armed forces newspaper Harian AB", "the Kuwaiti daily
    al-Qabas": a media head and a name after it (or a name before it: "the Kyodo news
    agency"); the name is the outlet's."""
    low = " ".join(t.lower for t in toks)
    head = next((h for h in v.lex.outlet_heads if f" {h} " in f" {low} "), None)
    if head is None:
        return _masthead_name(text, mention, toks, v)
    first = head.split()[0]
    at = next(i for i, t in enumerate(toks) if t.lower == first)
    size = len(head.split())
    if toks[at].is_cap and at > 0:
        at, size = at - 1, size + 1  # "Radio Kabul", "Tehran Radio": the head is named too
        while at > 0 and toks[at].is_cap and toks[at - 1].is_cap:
            at, size = at - 1, size + 1
        if not toks[at].is_cap:
            at, size = at + 1, size - 1
    tail = toks[at + size :]
    name = _name_run(tail, v) if not toks[at].is_cap else toks[at : at + size] + _name_run(tail, v)
    if name and not toks[at].is_cap and head in v.lex.broadcast_heads:
        name = [*toks[at : at + size], *name]  # "radio Teheran": the head names it too
    if not name:
        lead = toks[:at]
        k = len(lead)
        while k > 0 and (lead[k - 1].is_cap or lead[k - 1].lower.startswith("al-")):
            k -= 1
        name = [t for t in lead[k:] if t.is_word]
        if name and head in v.lex.broadcast_heads:
            name = [*name, toks[at]]  # "Tehran radio": the place alone is no broadcaster
    while name and name[0].lower in v.lex.determiners:
        name = name[1:]  # "The" of "The JIJI Press news agency"
    if not name or any(t.lower in v.lex.determiners for t in name):
        return mention
    named = text[name[0].start : name[-1].end]
    state = mention.state_media or any(t.lower in v.lex.state_markers for t in toks)
    return Mention(
        mention.surface, mention.start, mention.end, named, "news_outlet", state_media=state
    )


def _masthead_name(text: str, mention: Mention, toks: list[Token], v: Vocab) -> Mention:
    """ "the Tribune", "The Valley Herald": capitalised words ending in a masthead word."""
    words = [t for t in toks if t.is_word]
    if words and words[0].lower in v.lex.definite_determiners:
        words = words[1:]
    if (
        not words
        or not all(t.is_cap for t in words)
        or words[-1].text not in v.lex.outlet_mastheads
    ):
        return mention
    name = text[words[0].start : words[-1].end]
    return Mention(mention.surface, mention.start, mention.end, name, "news_outlet")


def _name_run(toks: list[Token], v: Vocab) -> list[Token]:
    """The capitalised words (or Arabic "al-" names) opening `toks`."""
    out: list[Token] = []
    for tok in toks:
        if not tok.is_word or not (tok.is_cap or tok.lower.startswith("al-")):
            break
        out.append(tok)
    return out


def _renamed(mention: Mention, name: str, state_media: bool) -> Mention:
    return Mention(
        mention.surface,
        mention.start,
        mention.end,
        name,
        "news_outlet",
        mention.role,
        mention.affiliation,
        state_media,
    )


def _describes(tok: Token, v: Vocab, media_words: frozenset[str]) -> bool:
    """A word that may stand before an outlet's name in its description."""
    low = tok.lower
    return (
        not tok.is_word
        or low in v.lex.determiners
        or low in v.lex.state_markers
        or low in v.lex.np_modifiers
        or low in media_words
    )


def _possessive_place(tok: Token, v: Vocab) -> bool:
    """ "Tehran's", "Indonesia's": a capitalised possessive before the outlet's name."""
    suffixes = v.lex.possessive_suffixes
    return tok.is_cap and bool(suffixes) and tok.lower.endswith(suffixes)


def _descriptor_run(toks: list[Token], words: frozenset[str]) -> int:
    """How many tokens after an outlet's name still describe it: "news agency", "daily",
    an acronym in parentheses ("(SUNA)")."""
    k = 0
    while k < len(toks):
        tok = toks[k]
        if tok.is_word and tok.lower in words:
            k += 1
        elif tok.text == "(" and k + 2 < len(toks) and toks[k + 2].text == ")":
            k += 3
        else:
            break
    return k


@functools.cache
def _descriptor_words(language: str) -> frozenset[str]:
    """The single words of the outlet descriptors and media heads ("news", "agency")."""
    lex = vocab(language).lex
    return frozenset(w for d in (*lex.outlet_descriptors, *lex.outlet_heads) for w in d.split())
