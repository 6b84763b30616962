"""Passive agents: "Hal serupa diungkapkan Budi.", "The same point was made by Budi."

Such a sentence says nothing new (no statement) but hands the floor to its agent: "Menurut
dia, …" / "He said …" in the next sentence means Budi, not whoever spoke before him. The
sentence's grammatical subject ("Hal serupa", "The same point") is no one; the agent after
the passive speech verb (and "oleh" / "by") is whom a later pronoun means. The agent must
close the sentence (an apposition after a comma aside), so "… disampaikan Budi kepada
warga di balai desa" is left to the other readers.
"""

from __future__ import annotations

import functools

import regex

from tracker.extract.gates import WordGate
from tracker.extract.noun_phrases import np_after
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import tokenize, vocab

# the verb stands within the sentence's first words: "Hal serupa juga diungkapkan …"
MAX_VERB_TOKEN = 8
_AGENT_KINDS = frozenset({"person", "organization", "government_body"})


@functools.cache
def _verbs_re(language: str) -> regex.Pattern[str] | None:
    """A quick test for a passive speech verb anywhere in a sentence, built once."""
    verbs = vocab(language).lex.passive_speech_verbs
    if not verbs:
        return None
    return regex.compile(r"\b\L<verb>\b", regex.IGNORECASE, verb=sorted(verbs))


@functools.cache
def _verbs_gate(language: str) -> WordGate:
    """`_verbs_re`'s words, to rule most sentences out before the pattern runs."""
    return WordGate(vocab(language).lex.passive_speech_verbs, bounded=True)


def passive_agent(text: str, start: int, end: int, language: str) -> Mention | None:
    """The named agent of a passive speech verb closing the sentence text[start:end], or
    None (see module)."""
    found = _verbs_re(language)
    if found is None or not _verbs_gate(language).may_occur(text, start, end):
        return None
    if found.search(text, start, end) is None:
        return None
    v = vocab(language)
    toks = tokenize(text, start, end)
    k = next(
        (i for i, t in enumerate(toks[:MAX_VERB_TOKEN]) if t.lower in v.lex.passive_speech_verbs),
        -1,
    )
    if k <= 0 or toks[0].text[0] in "\"“”'":
        return None
    if v.lex.passive_auxiliaries and not any(
        t.lower in v.lex.passive_auxiliaries for t in toks[max(0, k - 3) : k]
    ):
        return None  # "Budi made the point": active, the subject readers take it
    k += 1
    if k < len(toks) and toks[k].lower in v.lex.claim_agents:
        k += 1
    elif v.lex.passive_auxiliaries:
        return None  # English names its agent with "by"
    np = np_after(text, toks, k, v)
    if not np:
        return None
    rest = [t for t in toks if t.start >= np[-1].end]
    if rest and rest[0].text not in ".;,!?":
        return None  # the agent does not close the sentence
    mention = classify(text, np, language)
    if mention is None or mention.pronoun is not None or mention.kind not in _AGENT_KINDS:
        return None
    return mention
