"""A name after lower-case words that describe it, before a cue: "…," nurse Ana Ruiz said."""

from __future__ import annotations

from tracker.extract.speakers import Mention, classify, with_apposition
from tracker.extract.tokens import Token, vocab

MAX_DESCRIPTION_WORDS = 6  # "former Bush White House speechwriter" before the name
MAX_NAME_WORDS = 4  # "Mary Ann de Souza" (a connector stops the name earlier)


def described_name(text: str, words: list[Token], language: str) -> Mention | None:
    """The speaker of a run of words between a quote and its cue that opens in lower case
    and ends with a capitalised name: "super PAC spokeswoman Ana Ruiz", "screenwriter Ana
    Ruiz", "former FBI agent Ana Ruiz".

    Why a separate reader: the noun-phrase parser opens a speaker on a capital, a determiner
    or a known title only, and a journalist's description in front of a name ("retired
    teacher", "councilmember") is none of these. The description must not hold a word of a
    clause ("but", "that", "who", a pronoun), so "…," but Ruiz said is left to the
    parsers that know clauses. The name is the run's last capitalised words; the words
    before it are the person's role."""
    if not words or words[0].is_cap or not words[-1].is_cap:
        return None
    v = vocab(language)
    lex = v.lex
    first_cap = len(words)
    while first_cap > 0 and words[first_cap - 1].is_cap:
        first_cap -= 1
    lead, name = words[:first_cap], words[first_cap:]
    if len(name) > MAX_NAME_WORDS or len(lead) > MAX_DESCRIPTION_WORDS:
        return None
    for tok in lead:
        low = tok.lower
        if (
            low in v.function_words
            or low in lex.clause_breakers
            or low in lex.pronouns
            or low in lex.determiners
            or low in lex.time_words
            or tok.text[:1].isdigit()
        ):
            return None
    if any(t.text in v.stop for t in name):
        return None  # "…," says Friday: no name
    mention = classify(text, name, language)
    if mention is None or mention.kind != "person" or mention.pronoun is not None:
        return None
    return with_apposition(text, mention, lead, language)
