"""Poll shares as subjects: "74 percent said", "Nearly eight in 10 voters say", "Half said".

A poll story reports its findings as what shares of those asked say or think ("Among
likely voters, 41 percent said …", "A third of independents, 33%, say …", "those surveyed
said …"). The name parser reads none of these (a number, a fraction, a lower-case plural),
so the share is read here with a small grammar: approximators ("nearly", "just over"), a
quantity (a number and a share word, "N in 10", a fraction, "all but N", "those"
and a poll participle), then a group it is a share of ("of independents", "Democratic
voters", "surveyed"), and an apposition giving the figure (", 33%,"). The source is
anonymous (the share of a poll's sample), named by the whole phrase.
"""

from __future__ import annotations

import functools

import regex

from tracker.extract.gates import WordGate
from tracker.extract.lexicon import load_lexicon
from tracker.extract.speakers import Mention
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

MAX_SHARE_CHARS = 120  # the window before a cue that may hold the share
MAX_GROUP_WORDS = 6  # "of registered Democrats in the state"
MAX_PHRASE_WORDS = 3  # a multi-word approximator or fraction: "just shy of", "a third"
_WORD_BEFORE_re = regex.compile(r"([\p{L}\p{N}%]++)\s*+$")


def share_subject(text: str, lo: int, cue_start: int, language: str) -> Mention | None:
    """The share of a poll's sample that is the subject of the cue at `cue_start`: the
    whole clause text[lo:cue_start], or its part after a comma (an opener such as "Among
    Trump voters," or a coordinator such as "while" may come before it)."""
    start = max(lo, cue_start - MAX_SHARE_CHARS)
    hint = _hint_re(language)
    if hint is None or not _hint_gate(language).may_occur(text, start, cue_start):
        return None  # none of the hint's words in any case: the pattern cannot match
    if hint.search(text, start, cue_start) is None:
        return None  # no share word, fraction or "N in 10": decided without tokenising
    v = vocab(language)
    toks = tokenize(text, start, cue_start)
    while toks and toks[-1].is_word and toks[-1].lower in v.adverbs:
        toks.pop()  # "said", "have long said", "overall said"
    starts = [k + 1 for k, t in enumerate(toks) if t.text in ",;"]
    if start == lo:
        starts.insert(0, 0)
    for k in starts:
        i = k
        if i < len(toks) and toks[i].lower in v.lex.share_openers:
            i += 1  # "while 22 percent said", "and half said", "with 22 percent saying"
        while i < len(toks) and _time_word(toks[i], v):
            i += 1  # "Last week 40 percent said"
        end = _share_end(toks, i, v)
        if end is not None and _closes(toks, end, v):
            surface = text[toks[i].start : toks[end - 1].end]
            return Mention(surface, toks[i].start, toks[end - 1].end, surface, "anonymous")
    return None


@functools.cache
def _hint_re(language: str) -> regex.Pattern[str] | None:
    """A word every share phrase holds: a share word, a fraction's last word, a poll
    participle, a ratio link before a number ("eight in 10") or "all but"."""
    lex = load_lexicon(language)
    if not lex.share_words:
        return None
    words = {*lex.share_words, *lex.poll_participles, *(f.split()[-1] for f in lex.share_fractions)}
    return regex.compile(
        r"(?i)(?<![\p{L}\p{N}])(?:\L<word>)(?![\p{L}\p{N}])"
        r"|\s(?:\L<link>)\s+(?:\p{N}|\L<number>)|\sbut\s+(?:\p{N}|\L<number>)",
        word=sorted(words, key=len, reverse=True),
        link=sorted(lex.share_ratio_links),
        number=sorted(lex.number_words, key=len, reverse=True),
    )


@functools.cache
def _hint_gate(language: str) -> WordGate:
    """Every literal word `_hint_re` needs for a match: a share word, fraction or poll
    participle, a ratio link, or "but"."""
    lex = load_lexicon(language)
    words = {*lex.share_words, *lex.poll_participles, *(f.split()[-1] for f in lex.share_fractions)}
    if not lex.share_ratio_links:
        return WordGate(())  # an empty named list matches nothing in particular: no gate
    return WordGate({*words, *lex.share_ratio_links, "but"}, bounded=True)


def share_may_hold(text: str, lo: int, start: int, language: str) -> bool:
    """Whether the subject found at `start` may end a share phrase ("40 percent of
    Democrats", "eight in 10 voters"): the word before it links a share to its group or
    is a share word or a number. Decided on that one word, before any tokenising."""
    lex = load_lexicon(language)
    word = _word_before(text, max(lo, start - 24), start)
    if word is None:
        return False
    low = word.lower()
    return (
        low in lex.share_links or low in lex.share_words or low in lex.number_words or low.isdigit()
    )


def _word_before(text: str, lo: int, end: int) -> str | None:
    """What `_WORD_BEFORE_re.search(text, lo, end)` captures: the run of letters, digits
    and "%" that only spaces separate from `end`. Read back by hand over ASCII (where
    \\p{L}\\p{N} is alphanumeric and \\s is these six spaces); a non-ASCII character leaves
    it to the pattern."""
    k = end
    while k > lo and text[k - 1] in " \t\n\r\x0b\x0c":
        k -= 1
    j = k
    while j > lo:
        ch = text[j - 1]
        if not ch.isascii():
            m = _WORD_BEFORE_re.search(text, lo, end)
            return m.group(1) if m is not None else None
        if ch == "%" or ch.isalnum():
            j -= 1
        else:
            break
    return text[j:k] if j < k else None  # an ASCII mark before the spaces: no word


def _share_end(toks: list[Token], i: int, v: Vocab) -> int | None:
    """The index after a share phrase opening at `i`, or None when none opens there."""
    lex = v.lex
    while (n := _phrase_at(toks, i, lex.share_approximators)) is not None:
        i = n
    if i >= len(toks):
        return None
    if _number(toks[i], v) and i + 1 < len(toks) and toks[i + 1].lower in lex.share_words:
        i += 2  # "74 percent", "Twenty-four percent", "33%"
    elif (
        _number(toks[i], v)
        and i + 2 < len(toks)
        and toks[i + 1].lower in lex.share_ratio_links
        and _number(toks[i + 2], v)
    ):
        i += 3  # "eight in 10", "empat dari 10"
    elif (n := _phrase_at(toks, i, lex.share_fractions)) is not None:
        i = n  # "half", "a third", "two-thirds", "a majority"
    elif i + 2 < len(toks) and toks[i].lower == "all" and toks[i + 1].lower == "but":
        if not _number(toks[i + 2], v):
            return None
        i += 3  # "all but two"
    elif (
        i + 1 < len(toks)
        and toks[i].lower in lex.subject_quantifiers
        and toks[i + 1].lower in lex.poll_participles
    ):
        return i + 2  # "those surveyed"
    else:
        return None
    return _group_end(toks, i, v)


def _group_end(toks: list[Token], i: int, v: Vocab) -> int:
    """Past the group a share is of: "of independents", "of those surveyed", "Democratic
    voters", "voters polled", "nationwide"; no verb, no clause."""
    lex = v.lex
    if i < len(toks) and toks[i].lower in lex.share_links:
        j = i + 1
        while j < len(toks) and j - i <= MAX_GROUP_WORDS and _group_word(toks[j], v):
            j += 1
        return j if j > i + 1 else i
    j = i
    while j < len(toks) and j - i < MAX_GROUP_WORDS and _group_word(toks[j], v):
        j += 1
    return j


def _group_word(tok: Token, v: Vocab) -> bool:
    """A word of the group a share is of: a noun or adjective ("registered", "Democratic",
    "voters"), a poll participle ("surveyed"), a determiner; never a verb of the clause."""
    low = tok.lower
    if not tok.is_word:
        return tok.text in "-'’"
    if low in v.lex.poll_participles or low in v.lex.determiners:
        return True
    if low in v.lex.function_words or low in v.lex.complementizers:
        return False
    if low in v.lex.relative_markers or low in v.lex.pronouns or low in v.lex.clause_breakers:
        return False
    return low not in v.lex.finite_auxiliaries


def _closes(toks: list[Token], end: int, v: Vocab) -> bool:
    """Whether only the share's figure in an apposition (", 33%,") is left before the cue."""
    rest = [t for t in toks[end:] if t.text != ","]
    if not rest:
        return True
    if len(rest) == 2 and _number(rest[0], v) and rest[1].lower in v.lex.share_words:
        return True  # "A third of independents, 33%, say"
    return len(rest) == 1 and rest[0].text.endswith("%") and rest[0].text[0].isdigit()


def _phrase_at(toks: list[Token], i: int, phrases: frozenset[str]) -> int | None:
    """The index after the longest listed phrase opening at `i` ("just shy of", "a third")."""
    for n in range(MAX_PHRASE_WORDS, 0, -1):
        if i + n <= len(toks) and all(t.is_word for t in toks[i : i + n]):
            if " ".join(t.lower for t in toks[i : i + n]) in phrases:
                return i + n
    return None


def _time_word(tok: Token, v: Vocab) -> bool:
    """ "Last", "week" of "Last week 40 percent said" (a number is no time word here)."""
    return tok.lower in v.lex.time_words and not _number(tok, v)


def _number(tok: Token, v: Vocab) -> bool:
    """ "74", "10", "Twelve", "Twenty-four": a cardinal in digits or words."""
    if tok.text[:1].isdigit():
        return True
    parts = tok.lower.split("-")
    return all(p in v.lex.number_words for p in parts)
