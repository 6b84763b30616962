"""Common-noun subjects with a modifier after the head: "Experts on trade said …".

The name parser (`noun_phrases.np_before`) walks left from a cue over names, roles and
listed nouns, so it stops at the first unlisted word; `sieves.subject_finders.common_subject`
takes only a short clause of common nouns. Neither sees a subject whose head noun is followed by a
prepositional phrase ("Political observers in Ohio and around the country say"), a contact
clause ("All the experts I interviewed said"), a second conjunct ("The station and its
defenders say") or a share of a poll ("63 percent said"). These are unnamed groups, so the
source is `anonymous` (or the institution kind of a listed head noun) and is named by the
whole phrase, which is what a fact-checker needs to see.
"""

from __future__ import annotations

import itertools

from tracker.extract.document_sources import AUTHOR_KINDS
from tracker.extract.lexicon import Lexicon
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

MAX_SUBJECT_CHARS = 100  # bounds the window tokenised for one cue
MAX_SUBJECT_TOKENS = 14
MAX_HEAD_WORDS = 4  # "the field's biggest hawks"
MAX_CONTACT_WORDS = 3  # "I interviewed", "we spoke to"
MAX_CHAIN_CHARS = 240  # a subject and its appositions before one cue


def modified_subject(text: str, lo: int, cue_start: int, cue: str, language: str) -> Mention | None:
    """The subject of the cue at `cue_start` when the clause text[lo:cue_start] is a
    common-noun phrase with a modifier after its head, else None.

    A clause opening with an adverbial ("In a statement, the network said", "However, 63
    percent said") is read from its last comma. Every word of the phrase must be accounted
    for by the grammar below, so a clause with a verb of its own ("The bill passed in May
    said") is no subject.
    """
    if cue_start - lo > MAX_SUBJECT_CHARS or cue_start <= lo:
        return None
    v = vocab(language)
    if cue.lower() not in v.lex.group_cue_verbs:
        return None  # "The size of the bounce appears …", "fees declined": no speech
    whole = tokenize(text, lo, cue_start)
    toks = _after_opener(whole, v)
    while toks and toks[-1].is_word and not toks[-1].is_cap and toks[-1].lower in v.adverbs:
        toks.pop()  # "have long said", "does not say"
    if toks and toks[0].lower in v.adverbs and toks[0].lower not in v.lex.subject_quantifiers:
        toks = toks[1:]  # "Even the field's biggest hawks say"
    if not 2 <= len(toks) <= MAX_SUBJECT_TOKENS:
        return None
    head = _head(toks, v)
    if head is None or (head < len(toks) and not _tail(toks[head:], v)):
        return _document_subject(text, toks, language, v)
    if head == len(toks):
        # a plain phrase was `subject_finders.common_subject`'s to take, unless an opener
        # hid it from that rule ("In a statement, the network said") or it is a share
        # ("63 percent said")
        plain = len(toks) < len(whole) or toks[0].lower in v.lex.subject_quantifiers
        return _mention(text, toks, head, language, v) if plain or _share(toks, v) else None
    return _mention(text, toks, head, language, v)


def _document_subject(text: str, toks: list[Token], language: str, v: Vocab) -> Mention | None:
    """A document heading the clause, with what may follow a document's head: "The latest
    Ledger poll released Friday", "Video of the incident"."""
    head = _document_head(toks, v)
    if head is None or (head < len(toks) and not _document_tail(toks[head:], v)):
        return None
    return _mention(text, toks, head, language, v)


def apposition_chain_end(text: str, lo: int, cue_start: int, language: str) -> int | None:
    """Where the subject ends when the clause before a cue is a subject and then one or
    more appositions, each set off by commas ("The baker of ten years, a lifelong resident
    who runs the shop, said"; "Even the toughest referees, such as Park and Diallo, say"):
    the position of the first comma, else None.

    Every segment after the first must open like an apposition (a determiner, number,
    relative marker, participle or a listed link such as "like"), so a second clause ("The
    bill failed, and the senator …") is never read as one; the caller checks that the
    first segment is a subject."""
    if cue_start - lo > MAX_CHAIN_CHARS or text.rfind(",", max(lo, cue_start - 48), cue_start) < 0:
        return None  # the chain ends with a comma just before the cue (or a few adverbs)
    v = vocab(language)
    toks = tokenize(text, lo, cue_start)
    while toks and toks[-1].is_word and not toks[-1].is_cap and toks[-1].lower in v.adverbs:
        toks.pop()  # "…, has said"
    if len(toks) < 4 or toks[-1].text != ",":
        return None
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if commas[0] == 0:
        return None
    for a, b in itertools.pairwise(commas):
        seg = [t for t in toks[a + 1 : b] if t.is_word]
        if not seg or not _opens_apposition(seg[0], v):
            return None
    return toks[commas[0]].start


def _opens_apposition(tok: Token, v: Vocab) -> bool:
    """ "a lifelong resident", "who runs …", "speaking on …", "such as Park", "48"."""
    low = tok.lower
    lex = v.lex
    return (
        low in lex.determiners
        or low in lex.indefinites
        or low in lex.relative_markers
        or low in lex.apposition_links
        or tok.text[0].isdigit()
        or (not tok.is_cap and low.endswith(lex.participle_suffixes or ("\0",)))
    )


def _after_opener(toks: list[Token], v: Vocab) -> list[Token]:
    """The tokens after the last comma when every earlier comma segment is an adverbial
    opener ("In a statement,") or a lone adverb ("However,"); else all the tokens, or []
    when a comma segment is something else (an apposition belongs to another rule)."""
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if not commas:
        return toks
    start = 0
    for k in commas:
        seg = [t for t in toks[start:k] if t.is_word]
        if not seg:
            return []
        first = seg[0].lower
        if not (first in v.lex.adverbial_openers or (len(seg) == 1 and first in v.adverbs)):
            return []
        start = k + 1
    return toks[start:]


def _head(toks: list[Token], v: Vocab) -> int | None:
    """The index after the head noun phrase: a determiner, quantifier or possessive and up
    to four common words ("the field's biggest hawks", "all the experts"), a bare plural
    ("Political observers", "Experts"), or a share ("63 percent", "Most of the voters")."""
    lex = v.lex
    named = _named_head(toks, v)
    if named:
        return named
    i = 0
    if toks[0].lower in lex.subject_quantifiers:
        if toks[1].lower in lex.subject_tail_links and toks[1].lower != "of":
            return 1  # "Those close to him", "Many in the party"
        i = 1
        if toks[i].lower == "of":
            i += 1  # "Most of the experts"
    if i < len(toks) and _number(toks[i], lex) and i + 1 < len(toks):
        if toks[i + 1].lower in lex.share_words:
            return i + 2  # "63 percent", "Twelve percent"
    led = i < len(toks) and (toks[i].lower in lex.determiners or _possessive(toks[i], lex))
    if led:
        i += 1
    elif i > 0 and i < len(toks) and toks[i].lower in lex.pronouns:
        return None
    start = i
    while (
        i < len(toks)
        and i - start < MAX_HEAD_WORDS
        and toks[i].is_word
        and _common_word(toks[i], i, v)
        and toks[i].lower not in lex.subject_tail_links
        and toks[i].lower not in lex.determiners  # "Carson shared a syllabus": a verb's object
    ):
        i += 1
    if i == start:
        return None
    if not led and not _plural(toks[i - 1], lex):
        return None  # "Political observers": a bare subject must be a plural group
    return i


def _document_head(toks: list[Token], v: Vocab) -> int | None:
    """The index after a document's head noun phrase, which may hold capitalised words and
    may be a bare singular: "The latest Ledger poll", "A state audit", "Video", "The Daily
    Ledger average". Documents speak through what they show, so such a subject is the
    document, named by the whole phrase."""
    lex = v.lex
    i = 1 if toks[0].lower in lex.determiners or _possessive(toks[0], lex) else 0
    while (
        i < len(toks)
        and i < MAX_HEAD_WORDS + 3
        and (toks[i].is_word or toks[i].text in "/-")  # "The Reuters/Ipsos poll"
        and toks[i].lower not in lex.function_words
        and toks[i].lower not in lex.subject_tail_links
        and toks[i].lower not in lex.document_participles
    ):
        if v.heads.get(toks[i].lower) == "document":
            return i + 1
        i += 1
    return None


def _document_tail(toks: list[Token], v: Vocab) -> bool:
    """ "released Friday", "released last year", "of the incident", "of polls taken over the
    past two weeks", "from his 1995 tax return": a participle of publication or a
    prepositional phrase, with no verb or clause of its own."""
    lex = v.lex
    first = toks[0].lower
    if first not in lex.document_participles and first not in lex.subject_tail_links:
        return False
    if toks[-1].lower in lex.function_words or toks[-1].lower in lex.subject_tail_links:
        return False
    return all(_plain(t, v) or t.text[0].isdigit() for t in toks[1:])


def _named_head(toks: list[Token], v: Vocab) -> int:
    """The length of a name heading a coordinated subject ("UEFA and its member clubs",
    "Moreno and her allies in …"), else 0: a name joined to a group is the group's
    head as a plural noun is; alone it is the name parser's to read."""
    lex = v.lex
    k = 0
    while (
        k < len(toks)
        and k < MAX_HEAD_WORDS
        and toks[k].is_word
        and toks[k].is_cap
        and toks[k].lower not in lex.function_words
        and toks[k].lower not in lex.determiners
        and toks[k].lower not in lex.time_words
        and toks[k].lower not in v.adverbs
    ):
        k += 1
    return k if 0 < k < len(toks) and toks[k].lower in lex.subject_conjunctions else 0


def _common_word(tok: Token, i: int, v: Vocab) -> bool:
    """A word of a common-noun phrase: lower case (a capital only opening the sentence or
    in a possessive such as "Ohio's"), not a function word, pronoun or complementizer."""
    low = tok.lower
    if low in v.lex.pronouns or low in v.lex.complementizers or low in v.lex.clause_breakers:
        return False
    if low in v.lex.function_words and low not in v.lex.determiners:
        return False
    return not tok.is_cap or i == 0 or _possessive(tok, v.lex)


def _tail(toks: list[Token], v: Vocab) -> bool:
    """Whether the words after the head are one modifier reaching the cue: a prepositional
    phrase ("in Ohio and around the country", "close to him", "from both parties"), a
    contact clause ("I interviewed") or a second conjunct ("and its defenders", "and
    others")."""
    lex = v.lex
    first = toks[0].lower
    if first in ("i", "we") and len(toks) <= MAX_CONTACT_WORDS:
        verb = toks[1] if len(toks) > 1 else None
        return verb is not None and verb.lower.endswith("ed") and all(t.is_word for t in toks)
    if first in lex.subject_conjunctions:
        rest = toks[1:]
        return (
            bool(rest)
            and (
                rest[0].lower in lex.determiners
                or rest[0].lower in lex.indefinites
                or _possessive(rest[0], lex)
            )
            and all(_plain(t, v) for t in rest)
        )
    if first not in lex.subject_tail_links:
        return False
    last = toks[-1].lower
    if last in lex.function_words or last in lex.subject_tail_links:
        return False  # "The email goes on to say": a verb phrase, not a modifier
    return len(toks) > 1 and all(_plain(t, v) for t in toks[1:])


def _plain(tok: Token, v: Vocab) -> bool:
    """A word a modifier may hold: no verb of a clause of its own (function-word verbs,
    complementizers, relative markers) and no punctuation but a hyphen or apostrophe."""
    if not tok.is_word:
        return tok.text in "-'’"
    low = tok.lower
    if low in v.lex.complementizers or low in v.lex.relative_markers:
        return False
    return not (low in v.lex.function_words and low in v.adverbs)


def _mention(text: str, toks: list[Token], head: int, language: str, v: Vocab) -> Mention | None:
    """The whole phrase as the source's name; the kind comes from the head noun."""
    surface = text[toks[0].start : toks[-1].end]
    start, end = toks[0].start, toks[-1].end
    head_toks = [t for t in toks[:head] if t.lower not in v.lex.subject_quantifiers]
    found = classify(text, head_toks, language) if head_toks else None
    if found is not None and found.pronoun is not None:
        return None
    kind = "anonymous"
    if found is not None and found.name != found.surface and found.kind in AUTHOR_KINDS:
        # "A State Accountability Office report released last year": its author speaks
        return Mention(surface, start, end, found.name, found.kind, state_media=found.state_media)
    if found is not None and found.kind in ("government_body", "organization", "document"):
        kind = found.kind
    return Mention(surface, start, end, surface, kind)


def _share(toks: list[Token], v: Vocab) -> bool:
    """ "63 percent", "Twelve percent": a share of those polled."""
    return len(toks) == 2 and _number(toks[0], v.lex) and toks[1].lower in v.lex.share_words


def _number(tok: Token, lex: Lexicon) -> bool:
    return tok.text[0].isdigit() or tok.lower in lex.number_words


def _possessive(tok: Token, lex: Lexicon) -> bool:
    return bool(lex.possessive_suffixes) and tok.lower.endswith(lex.possessive_suffixes)


def _plural(tok: Token, lex: Lexicon) -> bool:
    low = tok.lower
    return (
        bool(lex.plural_suffixes)
        and low.endswith(lex.plural_suffixes)
        and not low.endswith(("ss", "us", "is", "'s", "’s"))  # "syllabus", "analysis"
        and len(low) >= 4
    )
