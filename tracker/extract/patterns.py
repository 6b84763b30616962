"""Regex patterns compiled from each language's lexicon with `regex` named lists."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from tracker.extract.lexicon import Lexicon, load_lexicon, load_outlets

# Word tokens keep inner apostrophes, dots and hyphens (Clinton's, U.S, Jong-un); any other
# non-space character is a token of its own, so commas and dashes can split clauses.
TOKEN_re = regex.compile(
    r"""
    (?P<word>[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}\-]|['’.](?=[\p{L}\p{N}]))*+)
    | (?P<punct>[^\s\p{L}\p{N}])
    """,
    regex.VERBOSE,
)

# TOKEN_re without its groups, so `findall` returns the token strings themselves.
TOKEN_FLAT_re = regex.compile(
    r"""
    [\p{L}\p{N}](?:[\p{L}\p{M}\p{N}\-]|['’.](?=[\p{L}\p{N}]))*+
    | [^\s\p{L}\p{N}]
    """,
    regex.VERBOSE,
)

# An empty named list matches the empty string; this sentinel can never occur in text.
_NEVER = "\uffff\uffff"

_EDGE = r"(?<![\p{L}\p{N}\-])"
_EDGE_END = r"(?![\p{L}\p{N}\-])"


def _words(words: tuple[str, ...]) -> list[str]:
    """Named-list contents in lower and sentence case; never empty (an empty list would match
    everywhere). Listing both cases beats IGNORECASE, which makes named lists twice as slow."""
    out: set[str] = set()
    for w in words:
        if w:
            out.update((w, w.lower(), w[0].upper() + w[1:]))
    return sorted(out) or [_NEVER]


@dataclass(frozen=True, slots=True)
class Patterns:
    """One language's compiled patterns; built once per language by `patterns_for`."""

    post_cue_re: regex.Pattern[str]
    outlet_re: regex.Pattern[str]
    anonymous_re: regex.Pattern[str]
    complementizer_re: regex.Pattern[str]
    medium_tail_re: regex.Pattern[str]
    anonymous_tail_re: regex.Pattern[str]


def _post_cue_re(lex: Lexicon) -> regex.Pattern[str]:
    # Anchored right after a closing quote mark: “…,” kata X / "…," said X.
    return regex.compile(
        rf"""
        [\s,]*+
        (?:(?P<nya>\L<nya>) | (?P<cue>\L<post>) | (?P<verb>\L<verb>))
        {_EDGE_END}
        """,
        regex.VERBOSE,
        nya=_words(lex.nya_cues),
        post=_words(lex.post_cues),
        verb=_words(lex.cue_verbs),
    )


@functools.cache
def outlet_re() -> regex.Pattern[str]:
    """Known outlet aliases, case-sensitive so "Fox" the outlet is not "fox" the animal."""
    aliases = sorted({a for o in load_outlets() for a in (o.name, *o.aliases)}, key=len)
    return regex.compile(rf"{_EDGE}(?P<outlet>\L<outlet>){_EDGE_END}", outlet=aliases[::-1])


def _anonymous_re(lex: Lexicon) -> regex.Pattern[str]:
    return regex.compile(
        rf"(?P<anon>\L<anon>){_EDGE_END}", regex.IGNORECASE, anon=_words(lex.anonymous)
    )


def _medium_tail_re() -> regex.Pattern[str]:
    # After "told" / "kepada": the outlet is the medium hop, never the speaker.
    aliases = sorted({a for o in load_outlets() for a in (o.name, *o.aliases)}, key=len)
    return regex.compile(
        rf"""
        \s++(?:[Tt]he\s++)?(?:(?:kantor\s++berita|harian)\s++)?
        (?P<outlet>\L<outlet>){_EDGE_END}
        """,
        regex.VERBOSE,
        outlet=aliases[::-1],
    )


@functools.cache
def patterns_for(language: str) -> Patterns:
    """Compile a language's patterns once; the lexicon, not code, decides what they match."""
    lex = load_lexicon(language)
    return Patterns(
        post_cue_re=_post_cue_re(lex),
        outlet_re=outlet_re(),
        anonymous_re=_anonymous_re(lex),
        complementizer_re=regex.compile(
            rf"[\s,:]*+(?P<comp>\L<comp>){_EDGE_END}[\s,:]*+",
            regex.IGNORECASE,
            comp=_words(lex.complementizers),
        ),
        medium_tail_re=_medium_tail_re(),
        anonymous_tail_re=regex.compile(
            rf"{_EDGE}(?P<anon>\L<anon>)\s*+$", regex.IGNORECASE, anon=_words(lex.anonymous)
        ),
    )
