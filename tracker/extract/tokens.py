"""Tokens with their offsets, and the word sets a language's parsers test them against."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from tracker.extract.lexicon import Lexicon, load_lexicon
from tracker.extract.patterns import NOT_PLAIN_re, TOKEN_ASCII_re, TOKEN_FLAT_re


class Token:
    """A word or punctuation token with its offsets in the input.

    A plain slotted class rather than a dataclass: tokens are the most numerous objects the
    extractor makes, and the parsers read `lower`, `is_word` and `is_cap` a few times per
    token, so they are computed once here instead of by properties. Nothing mutates a token;
    equality is by offsets and text, as before.
    """

    __slots__ = ("end", "is_cap", "is_word", "lower", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()
        first = text[0]
        self.is_word = first.isalnum()
        # "al-Qabas", "el-Baz": an Arabic article before a capitalised name is part of it
        self.is_cap = first.isupper() or (
            first in "ae" and text[1:3] in ("l-", "L-") and text[3:4].isupper()
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return self.start == other.start and self.end == other.end and self.text == other.text

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r})"


@dataclass(frozen=True, slots=True)
class Vocab:
    """Lower-cased word sets derived from a lexicon for token-by-token tests."""

    lex: Lexicon
    titles: frozenset[str]
    roles: frozenset[str]
    np_words: frozenset[str]
    heads: dict[str, str]
    links: frozenset[str]
    adverbs: frozenset[str]
    stop: frozenset[str]
    connectors: frozenset[str]
    honorifics: frozenset[str]
    known: frozenset[str]
    abbreviations: frozenset[str]
    reports: frozenset[str]
    function_words: frozenset[str]
    post_cues: frozenset[str]
    # "told reporters …": words that never belong to the audience noun phrase, and the
    # words that open the clause after it (`sieves.cue_context.after_audience`)
    not_audience: frozenset[str]
    clause_openers: frozenset[str]
    # "news agency", "newspaper", "harian": what heads a phrase naming a news outlet, and
    # every word of them (`outlet_mentions`)
    medium_nouns: frozenset[str]
    medium_words: frozenset[str]
    title_phrases: frozenset[str]  # "wakil presiden": titles of several words, lower case
    cue_words: frozenset[str]  # every cue verb, lower case
    anonymous_nouns: frozenset[str]  # "source", "diplomats": the heads of unnamed sources


@functools.cache
def vocab(language: str) -> Vocab:
    """Derived word sets, built once per language."""
    lex = load_lexicon(language)
    links = {w.lower() for w in lex.role_affiliation_links}
    # "of" of "Secretary of State" is no title word: it made "of Fairfax" a role
    titles = frozenset(w.lower().strip(".") for t in lex.titles for w in t.split()) - links
    singular_roles = {w.lower() for r in lex.role_words for w in r.split()}
    roles = frozenset(
        singular_roles | {w + suffix for w in singular_roles for suffix in lex.plural_suffixes}
    )
    heads = {k.lower(): v for k, v in lex.institution_heads.items()}
    np_words = frozenset(
        {w.lower() for w in lex.determiners}
        | {w.lower() for w in lex.np_modifiers}
        | {w for h in heads for w in h.split()}
        | {w.lower() for a in lex.anonymous for w in (a.split()[0], a.split()[-1])}
        | roles
        | {w.lower() for w in lex.report_nouns}
        | {w for n in lex.medium_nouns for w in n.split()}  # "the official Tass news agency"
        | lex.medium_modifiers
        | lex.document_modifiers  # "Continental's annual report"
    )
    function_words = frozenset(w.lower() for w in lex.function_words)
    clause_openers = frozenset(lex.determiners) | frozenset(lex.pronouns)
    return Vocab(
        lex=lex,
        titles=titles,
        roles=roles,
        np_words=np_words,
        heads=heads,
        links=frozenset(w.lower() for w in lex.role_affiliation_links),
        adverbs=frozenset(w.lower() for w in lex.pre_cue_adverbs),
        stop=frozenset(lex.name_stopwords),
        connectors=frozenset(lex.name_connectors),
        honorifics=frozenset(h.strip(".") for h in lex.honorifics),
        known=frozenset(lex.known_institutions),
        abbreviations=frozenset(a.strip(".") for a in lex.abbreviations),
        reports=frozenset(w.lower() for w in lex.report_nouns),
        function_words=function_words,
        post_cues=frozenset(w.lower() for w in lex.post_cues),
        not_audience=function_words | clause_openers,
        clause_openers=clause_openers,
        medium_nouns=frozenset(lex.medium_nouns),
        medium_words=frozenset(w for n in lex.medium_nouns for w in n.split()),
        title_phrases=frozenset(t.lower() for t in lex.titles if " " in t),
        cue_words=frozenset(w.lower() for w in (*lex.cue_verbs, *lex.weak_cue_verbs)),
        anonymous_nouns=frozenset(a.split()[-1].lower() for a in lex.anonymous if a.split()),
    )


# The last text `plain_window` read and whether all of it is plain: one tuple, replaced
# whole, so a thread reading it never pairs one text with another's answer.
_last_plain: tuple[str, bool] = ("", True)


def plain_window(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] is plain (`NOT_PLAIN_re` finds nothing in it), so the faster
    stdlib token pattern reads it alike. `str.isascii` is O(1) on CPython; a text with
    curly quotes is not ASCII, but most such texts are plain throughout, which is decided
    once per text (the parsers tokenize many windows of the same text in a row) instead of
    by a search of each window."""
    global _last_plain
    if text.isascii():
        return True
    last = _last_plain
    if last[0] is text:
        whole = last[1]
    else:
        whole = NOT_PLAIN_re.search(text) is None
        _last_plain = (text, whole)
    return whole or NOT_PLAIN_re.search(text, lo, hi) is None


def tokenize(text: str, lo: int, hi: int) -> list[Token]:
    """Tokens of text[lo:hi] with absolute offsets.

    `findall` returns the token strings without building match objects. Every character
    but a space starts a token, so only spaces stand between two tokens and a token starts
    at the first character after the previous one that is its own first character: a
    step over the spaces finds its offset exactly. (`str.find` found the same offset, but
    first widened each ASCII token to the text's wider string kind: an allocation per token
    in a text with curly quotes.) Methods are called on their objects, not bound first:
    mypyc compiles `out.append(…)` and `text[pos]` to direct C calls.
    """
    out: list[Token] = []
    pos = lo
    for tok in (TOKEN_ASCII_re if plain_window(text, lo, hi) else TOKEN_FLAT_re).findall(
        text, lo, hi
    ):
        first = tok[0]
        while text[pos] != first:
            pos += 1
        end = pos + len(tok)
        out.append(Token(pos, end, tok))
        pos = end
    if out and out[-1].end == hi and hi < len(text) and text[hi].isalnum() and out[-1].is_word:
        out.pop()  # a window cut mid-word: "Presi" of "President" is no word of the text
    return out
