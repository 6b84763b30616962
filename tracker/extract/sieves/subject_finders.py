"""Subjects the name parser cannot read: common nouns, long appositions, clause openers.

When `subject_before` finds no speaker before a cue, the reported-speech sieves try these
in turn ("The state auditor says", "Officials at the agency, a branch of …, said").
"""

from __future__ import annotations

from tracker.extract.noun_phrases import np_after
from tracker.extract.run import Run
from tracker.extract.spans import LAST_WORD_re, after_comma, words_of
from tracker.extract.speakers import Mention, classify
from tracker.extract.subjects import apposition_chain_end, modified_subject
from tracker.extract.tokens import Token, Vocab, tokenize, vocab

MAX_COMMON_SUBJECT_WORDS = 5
MAX_COMMON_SUBJECT_CHARS = 60
MAX_LONG_SUBJECT_WORDS = 40  # a subject and its appositions before a speech verb
MAX_BARE_SUBJECT_WORDS = 10  # "People with direct knowledge of the talks said"


def after_connector(run: Run, lo: int, pos: int) -> bool:
    """Whether the word before `pos` links a participle to its clause ("by", "while")."""
    word = LAST_WORD_re.search(run.text, max(lo, pos - 16), pos - 1) if pos > lo else None
    if word is None or word.end() != pos - 1 or run.text[pos - 1] != " ":
        return False
    return word.group().lower() in run.lex.participle_connectors


def common_subject(run: Run, lo: int, cue_start: int) -> Mention | None:
    """ "The state auditor says …", "Ohio’s tax commissioner says …": a short noun phrase
    of common nouns, led by a determiner or a possessive name, that is the whole clause
    before the cue. The speaker parser only knows listed role and institution nouns."""
    text = run.text
    if cue_start - lo > MAX_COMMON_SUBJECT_CHARS:
        return None
    toks = tokenize(text, lo, cue_start)  # the whole clause: "In a statement, the …" is not
    v = vocab(run.language)
    while len(toks) > 1 and not toks[-1].is_cap and _drops_before_cue(run, toks[-1], v):
        toks.pop()  # "The state auditor is confirming", "Rural conservatives have long said"
    if not 1 <= len(toks) <= MAX_COMMON_SUBJECT_WORDS or not all(t.is_word for t in toks):
        return None
    first, rest = toks[0], toks[1:]
    possessive = first.is_cap and first.lower.endswith(run.lex.possessive_suffixes or ("\0",))
    if first.lower not in run.lex.determiners and not possessive and not _bare_plural(run, toks, v):
        return None
    for k, t in enumerate(rest, 1):
        low = t.lower
        if t.is_cap and k == len(toks) - 1:
            return None  # a name ends it: not this construction ("The GOP speechwriter" is)
        if low in run.vocab.function_words or low in v.adverbs:
            return None  # a verb phrase or an adverb: not this construction
        if low in run.lex.complementizers or low in run.lex.pronouns:
            return None
    surface = text[toks[0].start : toks[-1].end]
    # "another source", "Rural conservatives": an unnamed group is an anonymous source
    bare = first.lower not in run.lex.determiners and not possessive
    kind = "anonymous" if bare or first.lower in run.lex.indefinites else "unknown"
    return Mention(surface, toks[0].start, toks[-1].end, surface, kind)


def chain_subject(run: Run, lo: int, cue_start: int, cue: str) -> Mention | None:
    """A common-noun subject before a chain of appositions ("The baker of ten years,
    a lifelong resident who …, said"), which the name parser cannot read."""
    end = apposition_chain_end(run.text, lo, cue_start, run.language)
    if end is None:
        return None
    found = modified_subject(run.text, lo, end, cue, run.language)
    return found if found is not None else common_subject(run, lo, end)


def _drops_before_cue(run: Run, tok: Token, v: Vocab) -> bool:
    """An auxiliary or adverb between a subject and its cue: "has long", and any "-ly"
    adverb ("The cycling club has consistently argued", "Four lifeguards independently told"),
    which the adverb list cannot hold in full; "family" and "assembly" are nouns."""
    low = tok.lower
    if low in v.adverbs:
        return True
    suffixes = run.lex.adverb_suffixes
    if not suffixes or len(low) <= 4 or not low.endswith(suffixes):
        return False
    return low not in run.lex.ly_nouns


def long_subject(run: Run, lo: int, cue_start: int) -> Mention | None:
    """ "Officials at the agency, a branch of …, said", "Rep. X (D-Mo.), who has …,
    said", "Two officials — both from … — said": a speech verb whose subject sits behind
    a long apposition or relative clause takes the noun phrase opening the clause."""
    text = run.text
    if after_comma(text, lo, cue_start) is False and text[lo:cue_start].count(",") < 2:
        if "—" not in text[lo:cue_start] and "(" not in text[lo:cue_start]:
            return None
    if len(words_of(text[lo:cue_start])) > MAX_LONG_SUBJECT_WORDS:
        return None
    mention = opening_subject(run, lo, cue_start)
    if mention is None or mention.pronoun is not None or mention.end >= cue_start:
        return None
    if mention.name.lower() in run.lex.determiners:
        return None  # "Several" of "Several growers at …": a determiner is nobody
    if mention.kind == "person" and not run.name_like(mention):
        return None
    return mention


def _bare_plural(run: Run, toks: list[Token], v: Vocab) -> bool:
    """ "Rural conservatives say …", "Growers worry …": a plural common noun
    with at most a few modifiers and no determiner (the capital of a sentence start is
    allowed on the first word only)."""
    last = toks[-1]
    if last.is_cap and len(toks) > 1:
        return False
    plural = last.lower.endswith(run.lex.plural_suffixes or ("\0",))
    if not plural or last.lower.endswith(("ss", "'s", "’s")) or len(last.lower) < 4:
        return False
    return not any(t.lower in v.lex.pronouns for t in toks)


def opening_subject(run: Run, lo: int, hi: int) -> Mention | None:
    """The noun phrase opening the clause, past a leading "But"/"And" ("But Tomas
    Reyes, the person most anglers trust …, said"), which the name parser stops at."""
    toks = tokenize(run.text, lo, min(hi, lo + 120))
    k = 0
    while k < len(toks) and toks[k].is_word and toks[k].lower in run.lex.coordinators:
        k += 1
    v = vocab(run.language)
    np = np_after(run.text, toks, k, v)
    found = classify(run.text, np, run.language) if np else None
    if found is None and k < len(toks) and toks[k].lower in run.lex.determiners:
        # "The conservative magazine has been …, arguing": adjectives before a head noun
        j = k + 1
        while j < min(len(toks), k + 4) and toks[j].is_word and not toks[j].is_cap:
            if toks[j].lower in v.heads or toks[j].lower in v.roles:
                return classify(run.text, toks[k : j + 1], run.language)
            j += 1
    return found


def bare_subject(run: Run, lo: int, cue_start: int) -> Mention | None:
    """ "People with knowledge of the talks said …", "Hawkins and others who oppose the
    dam said …": the whole clause before a speech verb, when no finder could read it as a
    name or a listed noun. Only a short clause with no comma, no other cue and no pronoun
    head qualifies; it is nobody named, so it stays an unknown (or anonymous) source."""
    toks = tokenize(run.text, lo, cue_start)
    if not 2 <= len(toks) <= MAX_BARE_SUBJECT_WORDS or not all(t.is_word for t in toks):
        return None  # a comma, a colon or a quote: an apposition or a lead, not a subject
    first, lex = toks[0], run.lex
    if not (first.is_cap or first.lower in lex.determiners or first.lower in lex.number_words):
        return None
    if first.lower in lex.pronouns or first.lower in lex.complementizers:
        return None
    if any(t.lower in run.vocab.cue_words or t.lower in lex.complementizers for t in toks):
        return None  # "Lee argued that officials said": another cue's clause
    if toks[-1].lower in run.vocab.function_words:
        return None  # "… as he said", "… that were said": no subject ends with these
    surface = run.text[first.start : toks[-1].end]
    kind = "anonymous" if first.lower in lex.indefinites else "unknown"
    return Mention(surface, first.start, toks[-1].end, surface, kind)
