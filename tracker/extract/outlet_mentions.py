"""Outlets named as outlets ("the official Tass news agency") and outlets inside a person's name.

A noun phrase that names a news outlet by its masthead and a medium noun is the outlet,
whatever its head noun says elsewhere ("agency" alone is a government body); a person who
shares a word with an outlet ("Michael Bloomberg", "Vicente Fox") or who works for one
("CNBC's Becky Quick", "Fox News host Sean Hannity") is the person, the outlet at most an
affiliation. The medium nouns are lexicon data (`medium_nouns`).
"""

from __future__ import annotations

import regex

from tracker.extract.lexicon import Outlet, outlet_index
from tracker.extract.tokens import Token, Vocab

MAX_OUTLET_WORDS = 7  # "the official English-language daily Tehran Times"


def named_outlet(
    text: str, words: list[Token], v: Vocab, match: regex.Match[str] | None
) -> tuple[str, bool] | None:
    """The canonical name and state-media flag of the outlet a phrase names as one.

    "the official Tass news agency", "Yonhap news agency", "the Korean Central News Agency
    (KCNA)", "the daily Al-Ahram", "kantor berita Antara": a listed outlet (`match`) with
    only determiners, modifiers and medium nouns around it. "state television", "the
    radio", "a Tokyo daily", "harian Bisnis Pagi": a phrase headed by a medium noun, an
    outlet the list does not know, named by its masthead when it has one (else by the
    phrase itself, which the caller knows). None when the phrase is no outlet, or a person
    of one ("CNBC's Becky Quick": `outlet_before_name`)."""
    if match is not None:
        return _listed(words, v, match)
    k = _medium_noun_words(words, v)
    if not k or len(words) > MAX_OUTLET_WORDS:
        return None
    rest = words[:-k] if v.lex.language == "en" else words[k:]
    if not rest:
        return None  # a bare "TV" or "radio" names no outlet ("the reality TV show")
    for t in rest:
        if not t.is_cap and not _medium_modifier(t.lower, v):
            return None  # "a white paper", "the radio host": no outlet named as one
    masthead = _masthead(text, rest, v)
    outlet = outlet_index().get(masthead) if masthead else None
    name = outlet.name if outlet is not None else masthead or ""
    if outlet is None and masthead and _broadcast_head(words, k, v):
        # "radio Teheran", "Tehran radio": the place alone names no broadcaster
        at = next(t.start for t in rest if text.startswith(masthead, t.start))
        english = v.lex.language == "en"
        name = text[at : words[-1].end] if english else text[words[0].start : at + len(masthead)]
    return name, _state(words, v, outlet)


def _broadcast_head(words: list[Token], k: int, v: Vocab) -> bool:
    """Whether the `k` words of the phrase's medium noun are a broadcast head ("radio")."""
    head = words[-k:] if v.lex.language == "en" else words[:k]
    return " ".join(t.lower for t in head) in v.lex.broadcast_heads


def _medium_modifier(low: str, v: Vocab) -> bool:
    return (
        low in v.lex.determiners
        or low in v.lex.state_markers
        or low in v.lex.medium_modifiers
        or low in v.medium_words
    )


def _medium_noun_words(words: list[Token], v: Vocab) -> int:
    """How many words make the medium noun that heads the phrase ("news agency": 2,
    "newspaper": 1), 0 if none. English heads come last, Indonesian ones first."""
    nouns = v.medium_nouns
    pair, one = (words[-2:], words[-1:]) if v.lex.language == "en" else (words[:2], words[:1])
    if len(pair) == 2 and f"{pair[0].lower} {pair[1].lower}" in nouns:
        return 2
    return 1 if one and one[0].lower in nouns else 0


def _masthead(text: str, rest: list[Token], v: Vocab) -> str | None:
    """The masthead among the words besides the medium noun: their one capitalised run
    ("Tanjug" of "the official Tanjug news agency", "Bisnis Pagi" of "harian Bisnis Pagi"),
    unless an indefinite article says the outlet is unnamed ("a Tokyo daily") or the run
    is one adjective of origin ("the French newspaper")."""
    if not rest or rest[0].lower in v.lex.indefinite_articles:
        return None
    caps = [t for t in rest if t.is_cap and t.lower not in v.lex.determiners]
    if not caps or (caps[-1] is not rest[-1] and v.lex.language == "en"):
        return None  # "the Jakarta evening paper": no masthead next to the medium noun
    first = rest.index(caps[0])
    if first and v.lex.language != "en":
        return None  # "kantor berita resmi Korea Utara": the masthead follows the noun at once
    if any(
        not t.is_cap or t.lower in v.lex.state_markers or t.lower in v.heads for t in caps
    ) or any(not t.is_cap for t in rest[first:]):
        return None  # "the Communist Party newspaper": an owner, no masthead
    if len(caps) == 1 and caps[0].lower.endswith(v.lex.demonym_suffixes or ("\0",)):
        return None
    return text[caps[0].start : caps[-1].end]


def _listed(words: list[Token], v: Vocab, match: regex.Match[str]) -> tuple[str, bool] | None:
    """A listed outlet is the phrase's referent when the words after it are medium nouns
    or the outlet's own other name ("(KCNA)"), and the word before it is no given name."""
    outlet = outlet_index()[match.group("outlet")]
    a_start, a_end = match.span("outlet")
    own = {outlet.name, *outlet.aliases}
    for t in words:
        if t.start >= a_end and t.lower not in v.medium_words and t.text not in own:
            return None
    pre = [t for t in words if t.end <= a_start]
    if pre and given_name(pre[-1], v):
        return None
    return outlet.name, _state(words, v, outlet)


def _state(words: list[Token], v: Vocab, outlet: Outlet | None) -> bool:
    if outlet is not None and outlet.state_media:
        return True
    return any(t.lower in v.lex.state_markers for t in words)


def given_name(tok: Token, v: Vocab) -> bool:
    """Whether a word right before an outlet's name makes it a person's surname ("Michael
    Bloomberg", "Vicente Fox"): a capitalised word that is no determiner, possessive,
    medium noun, state marker or title."""
    low = tok.lower
    return (
        tok.is_cap
        and low not in v.lex.determiners
        and low not in v.medium_words
        and low not in v.lex.state_markers
        and low not in v.titles
        and not low.endswith(v.lex.possessive_suffixes or ("\0",))
    )


def surname_outlet(words: list[Token], match: regex.Match[str], v: Vocab) -> bool:
    """Whether the outlet that ends a phrase is a person's surname: "Michael Bloomberg"."""
    a_start = match.start("outlet")
    pre = [t for t in words if t.end <= a_start]
    return match.end("outlet") >= words[-1].end and bool(pre) and given_name(pre[-1], v)


def outlet_before_name(words: list[Token], match: regex.Match[str], v: Vocab) -> bool:
    """Whether a person's name follows the outlet that opens a phrase: "CNBC's Becky
    Quick", "Fox News host Sean Hannity", "CNN anchor Jake Tapper"."""
    a_end = match.end("outlet")
    post = [t for t in words if t.start >= a_end]
    if not post or not post[-1].is_cap or post[-1].lower in v.medium_words:
        return False
    return all(t.is_cap or t.lower in v.roles or t.lower in v.titles for t in post)


def outlet_affiliation(
    text: str, prefix: list[Token], v: Vocab, match: regex.Match[str] | None
) -> tuple[str | None, str] | None:
    """Role and affiliation of a person whose name an outlet opens: "Fox News host" gives
    ("host", "Fox News"), "CNBC's" gives (None, "CNBC"). None when no listed outlet opens
    the words before the name."""
    content = [t for t in prefix if t.lower not in v.lex.definite_determiners]
    if match is None or not content or match.start("outlet") != content[0].start:
        return None
    outlet = outlet_index()[match.group("outlet")]
    after = [t for t in content if t.start >= match.end("outlet")]
    role = text[after[0].start : after[-1].end] if after else None
    return role, outlet.name
