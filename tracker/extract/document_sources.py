"""Document nouns: "a statement by X", "X's annual report", "data BPS" name X, the author.

A report, survey, statement or data set says nothing by itself: the source of what it
says is its author (CHAINS_GUIDE.md: "a report / statement / survey by X found /
laporan X / data X" is [X]). The author follows an agent word ("a survey by X", "data
from X", "siaran pers dari X"), owns the noun ("X's annual report"), modifies it ("a
central bank statement", "the Morning Consult poll") or, in Indonesian, follows it
("laporan lembaga Y", "keterangan resmi Kementerian X"). A document with no author named
("a new poll", "data 2017") stays a document. The nouns are lexicon data (`document_nouns`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tracker.extract.noun_phrases import plural_document
from tracker.extract.org_names import organization_run
from tracker.extract.tokens import Token, Vocab

if TYPE_CHECKING:
    from tracker.extract.speakers import Mention

# the kinds an author may have: a document naming a document names no author
AUTHOR_KINDS = frozenset({"person", "organization", "government_body", "news_outlet"})

Classifier = Callable[[str, list[Token], str], "Mention | None"]


def document_author(
    text: str, toks: list[Token], words: list[Token], v: Vocab, classify: Classifier
) -> Mention | None:
    """The author a document phrase names, classified; None when the phrase names no
    document or no author."""
    nouns = v.lex.document_nouns
    k = next((i for i, t in enumerate(words) if t.lower in nouns), -1)
    if k < 0:
        return _plural_after_agent(text, toks, words, v, classify)
    if v.lex.language == "en":
        if words[k].is_cap and organization_run(words, v) is not None:
            return None  # "Center for Economic and Policy Research": a name, no document
        if k == len(words) - 1:
            return _before_noun(text, toks, words, k, v, classify)  # the noun heads it
        # "a poll by X"; else "a CNN/ORC poll in February": the noun heads it all the same
        after = _after_agent(text, toks, words, k, v, classify)
        if after is None and words[k + 1].lower in v.links and not words[k + 1].is_cap:
            return _before_noun(text, toks, words[: k + 1], k, v, classify)
        return after
    content = [t for t in words if t.lower not in v.lex.determiners]
    if not content or content[0] is not words[k]:
        return None  # "Pusat Data Nasional": a name with the noun inside it
    return _after_noun(text, toks, words, k, v, classify)


def _plural_after_agent(
    text: str, toks: list[Token], words: list[Token], v: Vocab, classify: Classifier
) -> Mention | None:
    """ "the average of recent polls compiled by X": documents in the plural name their
    author only with an agent after them ("Exit polls showed …" names nobody)."""
    if v.lex.language != "en":
        return None
    k = next((i for i, t in enumerate(words[:-2]) if plural_document(t, v)), -1)
    if k < 0 or words[k + 1].lower not in v.lex.authoring_participles:
        return None
    return _after_agent(text, toks, words, k, v, classify)


def _author(mention: Mention | None, words: list[Token], v: Vocab) -> Mention | None:
    """An author must be named: a capitalised word or an institution's head noun."""
    if mention is None or mention.pronoun is not None:
        return None
    if not any(t.is_cap or t.lower in v.heads for t in words):
        return None
    if len(words) == 1 and words[0].lower.endswith(v.lex.demonym_suffixes or ("\0",)):
        return None  # "Japanese data": where the data come from, no author
    if len(words) == 1 and words[0].text in v.lex.outlet_mastheads:
        return _as_kind(mention, "news_outlet")  # "the latest Ledger poll"
    if mention.kind == "unknown" and all(t.is_cap for t in words):
        # "a statement by ENOF": a named author we know nothing more of
        return _as_kind(mention, "organization")
    return mention if mention.kind in AUTHOR_KINDS else None


def _as_kind(mention: Mention, kind: str) -> Mention:
    return type(mention)(
        mention.surface, mention.start, mention.end, mention.name, kind, mention.role
    )


def _span(toks: list[Token], first: Token, last: Token) -> list[Token]:
    return [t for t in toks if first.start <= t.start and t.end <= last.end]


def _after_agent(
    text: str, toks: list[Token], words: list[Token], k: int, v: Vocab, classify: Classifier
) -> Mention | None:
    """ "a statement by ENOF", "data from the State Department": the agent after the noun
    (past modifiers and participles: "a report released by X")."""
    j = _past_complement(words, k + 1, v)
    while j < len(words) and (
        words[j].lower in v.lex.document_modifiers or words[j].lower in v.lex.document_participles
    ):
        j += 1
    if j + 1 >= len(words) or words[j].lower not in v.lex.claim_agents:
        return None
    tail = words[j + 1 :]
    author = classify(text, _span(toks, tail[0], tail[-1]), v.lex.language)
    return _author(author, tail, v)


MAX_COMPLEMENT_WORDS = 4  # "excerpts of her speech released by X"


def _past_complement(words: list[Token], j: int, v: Vocab) -> int:
    """Past a short complement of the noun that an authoring participle closes ("excerpts
    of her speech released by X": the author is X's, not the speech's); `j` unchanged when
    none does."""
    lex = v.lex
    if j >= len(words) or words[j].lower not in v.links or words[j].lower in lex.claim_agents:
        return j
    end = min(len(words), j + MAX_COMPLEMENT_WORDS + 1)
    return next((x for x in range(j + 1, end) if words[x].lower in lex.authoring_participles), j)


def _before_noun(
    text: str, toks: list[Token], words: list[Token], k: int, v: Vocab, classify: Classifier
) -> Mention | None:
    """ "Continental's annual report", "a central bank statement", "the Morning Consult
    poll": the owner or the modifier before the noun (past determiners and modifiers)."""
    before = [
        t
        for t in words[:k]
        if t.lower not in v.lex.determiners
        and (t.is_cap or t.lower not in v.lex.document_modifiers)  # "Press" of "AP" stays
    ]
    if not before:
        return None
    last = before[-1]
    suffix = next((x for x in v.lex.possessive_suffixes if last.lower.endswith(x)), "")
    span = _span(toks, before[0], last)
    if suffix:
        # "Continental's": the owner without its possessive ending
        cut = Token(last.start, last.end - len(suffix), last.text[: -len(suffix)])
        span = [*span[:-1], cut] if cut.text else span[:-1]
        if not span:
            return None
    return _author(classify(text, span, v.lex.language), before, v)


def _after_noun(
    text: str, toks: list[Token], words: list[Token], k: int, v: Vocab, classify: Classifier
) -> Mention | None:
    """ "laporan lembaga Y", "data BPS", "keterangan resmi Kementerian X", "siaran pers
    dari Biro Pers": Indonesian names the author after the noun (and its modifiers)."""
    j = k + 1
    while j < len(words) and (
        words[j].lower in v.lex.document_modifiers or words[j].lower in v.lex.document_nouns
    ):
        j += 1
    if j < len(words) and words[j].lower in v.lex.claim_agents:
        j += 1
    tail = words[j:]
    if not tail:
        return None
    author = classify(text, _span(toks, tail[0], tail[-1]), v.lex.language)
    return _author(author, tail, v)
