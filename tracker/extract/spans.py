"""Small readings of the text around an offset: word runs, commas, dashes, lone words."""

from __future__ import annotations

import re

import regex

from tracker.extract.patterns import NOT_PLAIN_re
from tracker.extract.quotes import QuoteSpan
from tracker.extract.speakers import Mention

WORD_re = regex.compile(r"[\p{L}\p{N}]++")
NEXT_WORD_re = regex.compile(r"[ \t]++([\p{L}]++)")
LAST_WORD_re = regex.compile(r"[\p{L}]++$")
_ASCII_WORD_re = re.compile(r"[A-Za-z0-9]++")  # WORD_re on plain text, in faster stdlib re
CLOSING_QUOTES = frozenset("”\"’'»")
PREFIX_CHARS_PER_WORD = 12  # `count_words` reads this many characters a word first
MIN_CLAIM_WORDS = 3  # fewer words make no claim ("Name: yes.", "…, adding thanks.")


def words_of(span: str) -> list[str]:
    """The letter-and-digit runs of `span` (stdlib `re` when it is plain: same runs)."""
    plain = span.isascii() or NOT_PLAIN_re.search(span) is None
    return (_ASCII_WORD_re if plain else WORD_re).findall(span)


def count_words(span: str, most: int) -> int:
    """`len(words_of(span))`, counted no further than `most`: a caller that only compares
    the count with small numbers need not find every word of a long quote. The words of a
    prefix are the words starting in it (a word cut at its end is still one), so a prefix
    holding `most` of them settles the count."""
    prefix = most * PREFIX_CHARS_PER_WORD
    n = len(words_of(span[:prefix]))
    if n < most and len(span) > prefix:
        n = len(words_of(span))
    return min(n, most)


def one_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], trimmed, is a single word (no inner space)."""
    span = text[start:end].strip(" \t\n,.;:!?…")
    return " " not in span and "\n" not in span


def after_comma(text: str, lo: int, pos: int) -> bool:
    """True when only spaces separate `pos` from a preceding comma (or dash)."""
    k = pos
    while k > lo and text[k - 1] in " \t":
        k -= 1
    return k > lo and text[k - 1] in ",—–"


def comma_end(text: str, lo: int, pos: int) -> int:
    """Where the clause before `pos` ends, without the comma or dash that closes it."""
    k = pos
    while k > lo and text[k - 1] in " \t,—–-":
        k -= 1
    return k


def quote_within(partials: list[QuoteSpan], lo: int, hi: int) -> bool:
    """Whether a partial quote lies inside text[lo:hi]."""
    return any(lo <= q.start and q.end <= hi + 1 for q in partials)


def named(speaker: Mention) -> bool:
    """A source named by a capitalised name, not a pronoun or a common noun ("they", "the
    officials"): only such a subject after "and" can open a clause of its own."""
    return (
        speaker.pronoun is None
        and any(w[:1].isupper() for w in speaker.surface.split()[:2])  # "the Harbor Authority"
        and speaker.kind in ("person", "organization", "news_outlet", "government_body")
    )
