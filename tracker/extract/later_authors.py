"""Unnamed documents: "a new poll" whose author the next sentences name ("A Gallup poll found")."""

from __future__ import annotations

import regex

from tracker.extract.document_sources import document_author
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, Vocab, tokenize

AHEAD = 400  # how far after the document a sentence naming its author may start
NAME_WINDOW = 60  # the characters on either side of the noun that hold the author's name
_WORD_re = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\-]*+")
_KINDS = frozenset({"document", "anonymous"})


def author_named_after(text: str, mention: Mention, v: Vocab) -> Mention | None:
    """The author of an unnamed document that a phrase shortly after it names with the same
    noun, or None: "… according to a new poll. A Gallup poll found …" is Gallup's poll.

    Why: a writer may open with the finding and name its source in the next sentence (an
    indefinite "a new poll" introduces the document; "the Gallup poll of 900 voters" then
    names it), and the statement's source is the author, as for "a poll by Gallup". The
    document phrase opens with an indefinite article and holds no capitalised word; the
    author is the first one a document phrase with its noun names within `AHEAD`
    characters ("a Gallup poll", "survei Lembaga X")."""
    if mention.kind not in _KINDS or mention.pronoun is not None:
        return None
    words: list[str] = _WORD_re.findall(mention.surface)
    lex = v.lex
    if len(words) < 2 or words[0].lower() not in lex.indefinite_articles:
        return None
    if any(w[0].isupper() for w in words[1:]):
        return None
    nouns = [w.lower() for w in words if w.lower() in lex.document_nouns]
    if not nouns:
        return None
    pattern = regex.compile(
        r"(?<![\p{L}\p{N}\-])(?:"
        + "|".join(regex.escape(n) for n in nouns)
        + r")(?![\p{L}\p{N}\-])",
        regex.I,
    )
    hi = min(len(text), mention.end + AHEAD)
    spans: list[tuple[int, int]] = [
        (m.start(), m.end()) for m in pattern.finditer(text, mention.end, hi)
    ]
    for start, end in spans:
        author = _before(text, start, end, v) or _after(text, start, end, v)
        if author is not None:
            return author
    return None


def _before(text: str, start: int, end: int, v: Vocab) -> Mention | None:
    """ "a Gallup poll", "The Harbor-Ledger poll": a determiner, the author's name, the noun."""
    toks = tokenize(text, max(0, start - NAME_WINDOW), end)
    k = len(toks) - 1
    while k > 0 and toks[k - 1].is_cap and toks[k - 1].lower not in v.lex.determiners:
        k -= 1
    if k == len(toks) - 1 or k == 0 or toks[k - 1].lower not in v.lex.determiners:
        return None
    return _authored(text, toks[k - 1 :], v)


def _after(text: str, start: int, end: int, v: Vocab) -> Mention | None:
    """ "survei Lembaga X", "a poll by Gallup": the noun, an agent word, the author's name."""
    toks = tokenize(text, start, min(len(text), end + NAME_WINDOW))
    k = 1
    if k < len(toks) and toks[k].lower in v.lex.claim_agents:
        k += 1
    j = k
    while j < len(toks) and (toks[j].is_cap or toks[j].lower in v.connectors):
        j += 1
    if j == k:
        return None
    return _authored(text, toks[:j], v)


def _authored(text: str, toks: list[Token], v: Vocab) -> Mention | None:
    words = [t for t in toks if t.is_word]
    return document_author(text, toks, words, v, classify)
