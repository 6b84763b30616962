"""Regex patterns compiled from each language's lexicon with `regex` named lists."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from tracker.extract.lexicon import Lexicon, load_lexicon, load_outlets

# Word tokens keep inner apostrophes, dots and hyphens (Clinton's, U.S, Jong-un); any other
# non-space character is a token of its own, so commas and dashes can split clauses.
# Invisible format characters (\p{Cf}: the soft hyphen, zero-width spaces and joiners,
# direction marks that web copy leaves inside names) are no tokens, as spaces are none: a
# name they sit in stays one run of words.
TOKEN_re = regex.compile(
    r"""
    (?P<word>[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}\-]|['’.](?=[\p{L}\p{N}]))*+)
    | (?P<punct>[^\s\p{L}\p{N}\p{Cf}])
    """,
    regex.VERBOSE,
)

# TOKEN_re without its groups, so `findall` returns the token strings themselves.
TOKEN_FLAT_re = regex.compile(
    r"""
    [\p{L}\p{N}](?:[\p{L}\p{M}\p{N}\-]|['’.](?=[\p{L}\p{N}]))*+
    | [^\s\p{L}\p{N}\p{Cf}]
    """,
    regex.VERBOSE,
)

# TOKEN_FLAT_re for plain text (`NOT_PLAIN_re` finds nothing in it), in stdlib `re`, which
# is about four times faster per call on a short window. On plain input the classes are
# the same: \p{L} is [A-Za-z], \p{N} is [0-9], there are no marks, and `regex`'s \s is
# [\t\n\x0b\x0c\r ] (stdlib \s would add \x1c-\x1f, so the class is spelled out); the
# typographic marks plain text may hold are neither letters, digits nor spaces.
TOKEN_ASCII_re = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9\-]|['’.](?=[A-Za-z0-9]))*+|[^\t\n\x0b\x0c\r A-Za-z0-9]"
)
# A character that makes text not plain: plain is ASCII and the typographic quotes,
# dashes and ellipsis of news copy (most windows of a text with curly quotes are plain,
# not ASCII, and would otherwise take the slower `regex` patterns).
NOT_PLAIN_re = re.compile(r"[^\x00-\x7f“”‘’–—―…]")

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
    # Cheap necessary conditions checked before the named-list patterns above (a named list
    # probes a set for every candidate length at every position it is tried):
    outlet_hint_re: re.Pattern[str]  # any outlet alias as a plain substring
    post_cue_heads: dict[str, tuple[str, ...]]  # post_cue_re's phrases by first two chars
    anonymous_tail_words: tuple[str, ...] | None  # lower-case phrases; None: no filter


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


def literal_trie(words: list[str], tails: dict[str, str] | None = None) -> str:
    """A stdlib `re` alternation of literal words, factored by common prefixes.

    `tails` maps a word to a pattern that must follow it (checked by a look-ahead at the
    word's end, so the match still ends with the word).
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    ends: dict[int, str] = {}  # id of a word's end node -> its look-ahead
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
        if tails and word in tails:
            ends[id(node)] = f"(?={tails[word]})"

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        stop = ends.get(id(node), "") if "" in node else None
        if stop:
            alts.append(stop)  # the word may end here, if its tail follows
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if stop == "" else body

    return emit(root)


def _outlet_hint_re() -> re.Pattern[str]:
    aliases = sorted({a for o in load_outlets() for a in (o.name, *o.aliases) if a})
    return re.compile(literal_trie(aliases) if aliases else _NEVER)


def _heads(phrases: list[str]) -> dict[str, tuple[str, ...]]:
    heads: dict[str, list[str]] = {}
    for phrase in phrases:
        heads.setdefault(phrase[:2], []).append(phrase)
    return {k: tuple(v) for k, v in heads.items()}


def post_cue_possible(pats: Patterns, text: str, pos: int, endpos: int) -> bool:
    r"""False only when `post_cue_re.match(text, pos, endpos)` must fail: after the
    [\s,]*+ run no phrase of its named lists starts (case-sensitive, as the pattern is).
    Every character `regex` counts as \s is also `str.isspace`, so the skip never stops
    short of where the pattern's own skip would; stopping later only admits more."""
    k = pos
    while k < endpos and (text[k] == "," or text[k].isspace()):
        k += 1
    phrases = pats.post_cue_heads.get(text[k : k + 2])
    return phrases is not None and text.startswith(phrases, k, endpos)


def anonymous_tail_possible(pats: Patterns, text: str, pos: int, endpos: int) -> bool:
    """False only when `anonymous_tail_re.search(text, pos, endpos)` must fail. On ASCII
    text with ASCII phrases, IGNORECASE equality is lower-case equality, and the phrase must
    end where the trailing whitespace starts."""
    words = pats.anonymous_tail_words
    window = text[pos:endpos]
    if words is None or not window.isascii():
        return True
    return window.lower().rstrip(" \t\n\x0b\x0c\r").endswith(words)


def anonymous_tail_search(
    pats: Patterns, text: str, pos: int, endpos: int
) -> regex.Match[str] | None:
    """`anonymous_tail_re.search(text, pos, endpos)`, tried only where a match can start.

    On an ASCII window with ASCII phrases a match is a phrase, in some case, that only
    spaces (regex \\s: these six) follow to `endpos`: it starts that phrase's length before
    where the spaces start, and the leftmost such start where the pattern matches is the
    one `search` finds. Elsewhere the pattern searches the window itself."""
    words = pats.anonymous_tail_words
    window = text[pos:endpos]
    if words is None or not window.isascii():
        return pats.anonymous_tail_re.search(text, pos, endpos)
    low = window.lower().rstrip(" \t\n\x0b\x0c\r")
    starts = sorted({pos + len(low) - len(w) for w in words if low.endswith(w)})
    for start in starts:
        if start >= pos:
            m = pats.anonymous_tail_re.match(text, start, endpos)
            if m is not None:
                return m
    return None


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
        outlet_hint_re=_outlet_hint_re(),
        post_cue_heads=_heads(
            [*_words(lex.nya_cues), *_words(lex.post_cues), *_words(lex.cue_verbs)]
        ),
        anonymous_tail_words=(
            tuple(sorted({w.lower() for w in _words(lex.anonymous)}))
            if all(w.isascii() for w in _words(lex.anonymous))
            else None
        ),
    )
