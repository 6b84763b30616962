"""A role at a described organisation before a cue: "Mark Lane, economist at securities house
Acme Wedd, said", "an official at joint lead manager Acme Bank told Reuters".

Read right to left, the subject stopped at the organisation's capitalised name (with the
descriptor words "securities house", "joint lead manager" between it and its link word),
and the organisation became the speaker. The speaker is the role holder: the name before
the role's comma, or the unnamed source the role's article makes ("an official"), with the
organisation as affiliation.
"""

from __future__ import annotations

from tracker.extract.noun_phrases import is_name_segment
from tracker.extract.speakers import Mention, classify, with_apposition
from tracker.extract.tokens import Token, Vocab

MAX_DESCRIPTOR_WORDS = 4  # "joint lead manager", "securities house" before the name
MAX_ROLE_WORDS = 4  # "senior vice president", "an official"
MAX_NAME_WORDS = 4


def affiliated_role(
    text: str, toks: list[Token], np: list[Token], v: Vocab, language: str
) -> Mention | None:
    """The role holder when the phrase `np` before a cue is the organisation of a role
    ("… economist at securities house [Acme Wedd] said"), else None (see module)."""
    first_cap = next((i for i, t in enumerate(np) if t.is_cap), None)
    if first_cap is None:
        return None
    j = toks.index(np[0]) + first_cap - 1  # the token before the organisation's name
    descriptors = 0
    while j >= 0 and _descriptor(toks[j], v) and descriptors < MAX_DESCRIPTOR_WORDS:
        j -= 1
        descriptors += 1
    if j < 1 or toks[j].lower not in v.links or toks[j].is_cap:
        return None
    link = j
    k = link - 1
    while k >= 0 and link - k <= MAX_ROLE_WORDS and _role_word(toks[k], v):
        k -= 1
    role = toks[k + 1 : link]
    if not role or not any(t.lower in v.roles or t.lower in v.anonymous_nouns for t in role):
        return None
    span = toks[k + 1 : toks.index(np[-1]) + 1]
    if role[0].lower in v.lex.indefinites or role[0].lower in v.lex.indefinite_articles:
        # "an official at … Acme Bank": an unnamed source whose name keeps the bank
        surface = text[span[0].start : span[-1].end]
        org = text[np[first_cap].start : np[-1].end]
        return Mention(surface, span[0].start, span[-1].end, surface, "anonymous", None, org)
    if k < 1 or toks[k].text != ",":
        return None
    n = k - 1
    while n >= 0 and toks[n].is_word and toks[n].is_cap and k - n <= MAX_NAME_WORDS:
        n -= 1
    name = toks[n + 1 : k]
    if not name or not is_name_segment(name, v):
        return None
    named = classify(text, name, language)
    if named is None or named.kind != "person" or named.pronoun is not None:
        return None
    return with_apposition(text, named, span, language)


def _descriptor(tok: Token, v: Vocab) -> bool:
    """A lower-case word describing the organisation: "securities", "house", "lead"."""
    return (
        tok.is_word
        and not tok.is_cap
        and tok.lower not in v.links
        and (tok.lower not in v.function_words)
    )


def _role_word(tok: Token, v: Vocab) -> bool:
    """A lower-case word of a role phrase: "an", "senior", "economist"."""
    return tok.is_word and not tok.is_cap and tok.lower not in v.links
