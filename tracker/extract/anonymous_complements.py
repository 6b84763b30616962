"""An unnamed source described by whom it is near: "a source close to the mayor", "two people
familiar with the talks", "sumber yang dekat dengan wali kota".

Read right to left from a cue, the subject stopped at the last noun phrase ("the mayor"),
and that phrase became the speaker of "…, a source close to the mayor said." while the
source itself was left in the statement's words. The lexicon's `anonymous_open` phrases end
in a word that takes a noun phrase after it ("close to", "familiar with", "dekat dengan",
"mengetahui"): the source is the whole phrase with its complement, unnamed, and what it is
close to is its affiliation, never a speaker.
"""

from __future__ import annotations

import functools

import regex

from tracker.extract.mentions import Mention
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

OPEN_PHRASE_WINDOW = 60  # "a senior administration official familiar with" is 47 characters
MAX_COMPLEMENT_WORDS = 6  # "close to [the former Ohio state treasurer]"
MAX_MODIFIER_WORDS = 3  # ", Western diplomatic sources said"


@functools.cache
def _open_phrases(language: str) -> tuple[regex.Pattern[str] | None, frozenset[str]]:
    """The pattern of the open phrases, anchored at the window's end, and their last words
    (to try the pattern only where one ends)."""
    phrases = vocab(language).lex.anonymous_open
    if not phrases:
        return None, frozenset()
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}\-])(?P<anon>\L<anon>)$", regex.IGNORECASE, anon=list(phrases)
    )
    return pattern, frozenset(p.split()[-1].lower() for p in phrases)


@functools.cache
def _open_phrase_at(language: str) -> regex.Pattern[str] | None:
    """The open phrases as a pattern matched where a speaker after its cue starts."""
    phrases = vocab(language).lex.anonymous_open
    if not phrases:
        return None
    return regex.compile(
        r"(?P<anon>\L<anon>)(?![\p{L}\p{N}\-])", regex.IGNORECASE, anon=list(phrases)
    )


def anonymous_open_after(text: str, start: int, hi: int, language: str) -> Mention | None:
    """The unnamed source of "…, kata sumber yang dekat dengan wali kota.": an open phrase
    at `start` and its complement, which runs to the clause's next punctuation; None
    when no open phrase starts there or the complement is no short phrase."""
    pattern = _open_phrase_at(language)
    found = pattern.match(text, start, hi) if pattern is not None else None
    if found is None:
        return None
    v = vocab(language)
    toks = tokenize(text, found.end(), min(hi, found.end() + OPEN_PHRASE_WINDOW * 2))
    n = 0
    while n < len(toks) and toks[n].is_word and toks[n].lower not in v.lex.clause_breakers:
        n += 1
    if n == 0 or n > MAX_COMPLEMENT_WORDS:
        return None
    end = toks[n - 1].end
    surface = text[start:end]
    return Mention(surface, start, end, surface, "anonymous", None, text[toks[0].start : end])


def anonymous_with_complement(
    text: str, lo: int, toks: list[Token], last: int, language: str
) -> Mention | None:
    """The unnamed source whose open phrase ("a source close to") is followed by a short
    run of words ending at token `last` ("the mayor", "the talks"), spanning both; None
    when no such phrase stands there."""
    pattern, ends = _open_phrases(language)
    if pattern is None:
        return None
    v = vocab(language)
    k = last - 1
    while k >= 0 and last - k <= MAX_COMPLEMENT_WORDS and toks[k].is_word:
        if toks[k].lower in ends:
            break
        k -= 1
    if k < 0 or last - k > MAX_COMPLEMENT_WORDS or not toks[k].is_word:
        return None  # cheap rejection: no open phrase ends a few words before the cue
    link_end = toks[k].end
    found = pattern.search(text, max(lo, link_end - OPEN_PHRASE_WINDOW), link_end)
    if found is None:
        return None
    start = modified_start(toks, found.start("anon"), v)
    end = toks[last].end
    surface = text[start:end]
    affiliation = text[toks[k + 1].start : end]
    return Mention(surface, start, end, surface, "anonymous", None, affiliation)


def modified_start(toks: list[Token], start: int, v: Vocab) -> int:
    """Where an anonymous phrase starting at `start` really starts: before the count and
    the modifiers that a comma or the clause's start sets off with it ("two people
    familiar with …", ", industry sources said", ", Western diplomatic sources said"),
    which would otherwise stay in the words the source spoke."""
    k = next((n for n, t in enumerate(toks) if t.start == start), None)
    if k is None:
        return start
    j = k
    while j > 0 and k - j < MAX_MODIFIER_WORDS and _modifier(toks[j - 1], v):
        j -= 1
    if j == k or (j > 0 and toks[j - 1].text not in ",;"):
        return start  # not set off: "He told industry sources" is no subject of its own
    return toks[j].start


def _modifier(tok: Token, v: Vocab) -> bool:
    """A word that may describe an unnamed source before its noun ("industry", "Western",
    "Central Bank"), not a word that opens a clause or qualifies it ("while", "only",
    "virtually"). In a language whose modifiers follow the noun ("sumber
    industri") only a count stands before it ("Sebanyak 55 persen warga" is a share the
    poll readers take, not a description)."""
    low = tok.lower
    if tok.is_word and low in v.lex.number_words:
        return True  # "two people familiar with …", "dua orang": the count is the source's
    return (
        v.lex.modifiers_before_noun
        and tok.is_word
        and low not in v.function_words
        and low not in v.cue_words
        and low not in v.adverbs
        and low not in v.lex.clause_breakers
        and low not in v.lex.adverbial_openers
        and not low.endswith(v.lex.adverb_suffixes or ("\0",))
        and low not in v.lex.indefinites
    )
