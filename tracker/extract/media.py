"""Media hops: the outlet a speaker told or spoke on ("told the Financial Times", "kepada Kompas").

After a medium marker ("told", "in an interview with", "said on", "kepada") the words name
an audience ("reporters", "wartawan", "a news conference": no hop, CHAINS_GUIDE.md) or a
medium, which is the outermost hop of what the speaker said there: a listed outlet behind
a few words that describe it ("the Communist Party newspaper Pravda", "French television
station BFMTV"), with the programme it aired ("CNN's State of the Union"); a programme on
a listed outlet ("a Sunday talk show on NBC"); an outlet named as one ("a Tokyo daily",
"state television"); a masthead ("The Daily Ledger"). A short masthead or a bare medium
noun ("the Times", "the radio") stands for the outlet of that name named earlier in the
text, else for the listed one.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from tracker.extract.cues import CueMatch
from tracker.extract.lexicon import Outlet, outlet_index
from tracker.extract.medium_nouns import described_outlet
from tracker.extract.noun_phrases import np_after
from tracker.extract.outlet_mentions import given_name
from tracker.extract.patterns import Patterns, patterns_for
from tracker.extract.programme_titles import hosted_programme, titled_programme
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

MEDIUM_WINDOW = 90  # "told the official English-language daily Tehran Times in an interview"
MAX_GAP_WORDS = 6  # describing words before a listed outlet's name
MAX_PROGRAMME_WORDS = 4  # "a Sunday morning talk show" before "on NBC"
CONTEXT_WINDOW = 3000  # how far back a short masthead looks for the outlet it stands for

# "CNN's State of the Union", "NBC's “Meet the Press”": a possessive, then a programme title
_PROGRAMME_re = regex.compile(
    r"""
    ['’]s?+[ \t]++
    (?:[“"‘'][^“”"‘’'\n]{1,60}+[”"’']
      |\p{Lu}[\p{L}'’\-]*+
       (?:[ \t]++(?:(?:of|the|and|on|in|at)[ \t]++){0,2}+\p{Lu}[\p{L}'’\-]*+){0,5}+)
    """,
    regex.VERBOSE,
)

# "told The Daily Ledger": "The", then up to four capitalised words of a masthead
_MASTHEAD_re = regex.compile(
    r"""
    [ \t]++(?:[Tt]he[ \t]++)?
    (?P<outlet>\p{Lu}[\p{L}.'’\-]*+(?:[ \t]++\p{Lu}[\p{L}.'’\-]*+){0,3}+)
    """,
    regex.VERBOSE,
)


def medium_hop(text: str, language: str, marker: CueMatch, end: int) -> Mention | None:
    """The outlet named after a medium marker (its span is the whole medium phrase); None
    for an audience, a channel of the speaker's own, or nothing named."""
    pos = marker.end()
    hi = min(end, pos + MEDIUM_WINDOW)
    v = vocab(language)
    pats = patterns_for(language)
    toks = tokenize(text, pos, hi)
    if not toks or not toks[0].is_word:
        return None
    if pats.outlet_hint_re.search(text, pos, hi) is not None:
        opened = marker.group().split()[-1].lower() in v.lex.programme_nouns
        listed = _listed_after(text, toks, v, pats, hi) or _programme_on(
            text, toks, v, pats, hi, opened
        )
        if listed is not None:
            return listed
    np = _medium_phrase(np_after(text, toks, 0, v), v)
    mention = classify(text, np, language) if np else None
    if mention is not None and mention.kind == "news_outlet":
        return _in_context(text, marker.start(), mention, v, pats)
    if mention is not None:
        described = described_outlet(np, mention, v, _earlier_by_word(text, marker.start(), pats))
        if described is not None:
            return described
    return (
        _masthead(text, marker.start(), pos, hi, v, pats)
        or titled_programme(text, language, pos, hi)
        or hosted_programme(text, language, marker.start(), pos, hi)
    )


def _medium_phrase(np: list[Token], v: Vocab) -> list[Token]:
    """The phrase after the marker up to its end: "a Tokyo daily that the …" ends at
    "that", "told the radio the plan …" (no "that") at the content's determiner."""
    for k, tok in enumerate(np):
        if k and tok.lower in v.lex.clause_breakers:
            return np[:k]
        prev = np[k - 1]
        if k > 1 and tok.lower in v.lex.determiners and prev.is_word and not _links(prev, v):
            return np[:k]
    return np


def _listed_after(
    text: str, toks: list[Token], v: Vocab, pats: Patterns, hi: int
) -> Mention | None:
    """A listed outlet after a few words that describe it: "the Times of Zambia", "the
    Communist Party newspaper Pravda", "French television station BFMTV", "harian Kompas";
    its trailing medium noun and the programme title after it belong to the phrase."""
    for k, tok in enumerate(toks[: MAX_GAP_WORDS + 1]):
        if not tok.is_word:
            return None
        m = pats.outlet_re.match(text, tok.start, hi)
        if m is not None:
            gap = toks[:k]
            if gap and given_name(gap[-1], v):
                return None  # "told Michael Bloomberg": a person named like the outlet
            return _listed_mention(text, toks, gap, m, v, pats, hi)
        if tok.lower in v.lex.time_words or not (
            tok.is_cap or _describes_medium(tok.lower, v) or _possessive(tok, toks, k, v)
        ):
            return None  # "told reporters that CNN …", "said on Monday the AP …"
    return None


def _possessive(tok: Token, toks: list[Token], k: int, v: Vocab) -> bool:
    """A possessor before a medium noun: "the emirate's daily Al-Qabas"."""
    nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
    return tok.lower.endswith(("'s", "’s")) and _describes_medium(nxt, v)


def _describes_medium(low: str, v: Vocab) -> bool:
    return (
        low in v.lex.determiners
        or low in v.lex.state_markers
        or low in v.lex.medium_modifiers
        or low in v.medium_words
    )


def _listed_mention(
    text: str,
    toks: list[Token],
    gap: list[Token],
    m: regex.Match[str],
    v: Vocab,
    pats: Patterns,
    hi: int,
) -> Mention:
    """The mention of a listed outlet found after the marker, with the medium nouns and
    the programme title that follow its name."""
    outlet = outlet_index()[m.group("outlet")]
    start = gap[0].start if gap else m.start()
    stop = m.end()
    programme = _PROGRAMME_re.match(text, stop, hi)
    if programme is not None:
        stop = programme.end()
    else:
        for tok in toks:
            if tok.start < stop:
                continue
            if not (tok.is_word and tok.lower in v.medium_words):
                break
            stop = tok.end  # "told the Gazeta Mercantil newspaper"
    state = outlet.state_media or any(t.lower in v.lex.state_markers for t in gap)
    name = _context_name(text, start, m.group("outlet"), outlet, pats)
    return Mention(text[start:stop], start, stop, name, "news_outlet", state_media=state)


def _programme_on(
    text: str, toks: list[Token], v: Vocab, pats: Patterns, hi: int, opened: bool
) -> Mention | None:
    """ "said on a Sunday talk show on NBC", "dalam acara Sapa Pagi di Kompas TV": a
    programme (its noun after the marker, or ending it: `opened`), then the listed outlet
    it airs on."""
    nouns = v.lex.programme_nouns
    for k, tok in enumerate(toks[: MAX_PROGRAMME_WORDS + 1]):
        if not tok.is_word:
            return None
        if tok.lower in v.lex.programme_links and (opened or (k and toks[k - 1].lower in nouns)):
            break
    else:
        return None
    if k + 1 >= len(toks):
        return None
    m = pats.outlet_re.match(text, toks[k + 1].start, hi)
    if m is None:
        return None
    outlet = outlet_index()[m.group("outlet")]
    start = toks[0].start
    surface = text[start : m.end()]
    return Mention(
        surface, start, m.end(), outlet.name, "news_outlet", state_media=outlet.state_media
    )


def _masthead(
    text: str, marker_start: int, pos: int, hi: int, v: Vocab, pats: Patterns
) -> Mention | None:
    """An outlet missing from the list, named by its masthead word ("told The Daily
    Ledger", "told the Valley Herald"): the medium, never the speaker. A lone masthead
    word ("The Times") is the outlet of that name named earlier, if any."""
    m = _MASTHEAD_re.match(text, pos, hi)
    if m is None:
        return None
    name = m.group("outlet")
    words = name.split()
    if (
        words[-1] not in v.lex.outlet_mastheads
        and " ".join(words[-2:]) not in v.lex.outlet_mastheads
    ):
        return None
    start, stop = m.start("outlet"), m.end("outlet")
    if len(words) == 1:
        earlier = _earlier_outlet(text, marker_start, words[0], pats)
        if earlier is not None:
            return Mention(
                name, start, stop, earlier.name, "news_outlet", state_media=earlier.state_media
            )
    return Mention(name, start, stop, name, "news_outlet")


def _links(tok: Token, v: Vocab) -> bool:
    return tok.lower in v.lex.organization_links or tok.lower in v.lex.role_affiliation_links


def _earlier_by_word(text: str, pos: int, pats: Patterns) -> Callable[[str], Outlet | None]:
    return lambda word: _earlier_outlet(text, pos, word, pats)


def _context_name(text: str, pos: int, alias: str, outlet: Outlet, pats: Patterns) -> str:
    """A short masthead alias ("the Times", "the Post") stands for the outlet of that
    masthead named earlier in the text ("Times of Zambia"), else for the listed one."""
    words = alias.split()
    if alias[:1].isupper() or len(words) != 2:
        return outlet.name  # a full name says which outlet it is
    earlier = _earlier_outlet(text, pos, words[-1], pats)
    return earlier.name if earlier is not None else outlet.name


def _in_context(text: str, pos: int, mention: Mention, v: Vocab, pats: Patterns) -> Mention:
    """An outlet named only by a definite medium noun ("the radio", "the newspaper") is the
    outlet named earlier in the text (one whose name holds the noun, else the last)."""
    words = mention.name.split()
    if len(words) != 2 or words[0].lower() not in v.lex.definite_determiners:
        return mention  # a listed name, or "a Tokyo daily": an outlet nobody named
    earlier = _earlier_outlet(text, pos, words[1], pats) or _earlier_outlet(text, pos, "", pats)
    if earlier is None:
        return mention
    return Mention(
        mention.surface,
        mention.start,
        mention.end,
        earlier.name,
        "news_outlet",
        state_media=earlier.state_media,
    )


def _earlier_outlet(text: str, pos: int, word: str, pats: Patterns) -> Outlet | None:
    """The last listed outlet named before `pos` whose names hold `word` (any, for "")."""
    found: Outlet | None = None
    low = word.lower()
    for hint in pats.outlet_hint_re.finditer(text, max(0, pos - CONTEXT_WINDOW), pos):
        m = pats.outlet_re.match(text, hint.start(), pos)
        if m is None:
            continue
        outlet = outlet_index()[m.group("outlet")]
        if not low or any(low in n.lower().split() for n in (outlet.name, *outlet.aliases)):
            found = outlet
    return found
