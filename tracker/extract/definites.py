"""Definite descriptions: "the agency", "the paper", "kementerian tersebut" name a source
named before, not a new one.

"The official agency MENA said talks resumed. … The agency said …": the second speaker is
MENA. A description is a determiner ("the") or a closing demonstrative ("tersebut", "itu"),
a head noun from the lexicon's `definite_heads` and only lower-case words between; it
stands for the most recent source (speakers, relay hops, sentence subjects: the salience
list) whose names or role contain the head noun ("the agency" after "the Bernama news
agency"), else for the most recent outlet or company the head allows ("the paper" after
"Al-Ahram"). A government body or a person ("the ministry", "the spokesman") needs the word
itself: a description is never guessed onto whoever spoke last. Nothing fitting: the description
stays a source of its own, as before.
"""

from __future__ import annotations

import regex

from tracker.extract.lexicon import Lexicon
from tracker.extract.pronouns import Antecedent, Salience
from tracker.extract.sources import SourceTable
from tracker.extract.speakers import Mention

_WORD_re = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\-]*+")
# Kinds of source a description may stand for without naming it by its own word: "the
# paper" after "Al-Ahram", "the company" after "Volvo AB". A government body (a kind that
# runs from a ministry to Congress) and a person ("the spokesman") need the word itself.
_BY_KIND_TOO = frozenset({"news_outlet", "organization"})
_INSTITUTIONS = frozenset({"news_outlet", "government_body", "organization", "unknown"})


def definite_head(lex: Lexicon, surface: str) -> str | None:
    """The head noun when `surface` is a definite description ("the official agency" ->
    "agency", "kementerian tersebut" -> "kementerian"), else None."""
    parts = surface.split()
    if not (
        1 < len(parts) <= 5
        and (
            parts[0].lower() in lex.definite_determiners
            or parts[-1].lower() in lex.definite_demonstratives
        )
    ):
        return None  # most mentions: decided without the word pattern
    words = _WORD_re.findall(surface)
    if len(words) < 2 or len(words) > 5:
        return None
    heads = lex.definite_heads
    if words[0].lower() in lex.definite_determiners:
        body = words[1:]
        head = next((h for h in (_joined(body[-2:]), body[-1].lower()) if h in heads), None)
        modifiers = body[: len(body) - len(head.split())] if head else []
    elif words[-1].lower() in lex.definite_demonstratives:
        body = words[:-1]
        head = next((h for h in (_joined(body[:2]), body[0].lower()) if h in heads), None)
        modifiers = body[len(head.split()) :] if head else []
    else:
        return None
    if head is None or any(w[0].isupper() and not _origin(lex, w, head) for w in modifiers):
        return None  # "the Bernama news agency" names its outlet: no description
    return head


OUTLET_ONLY = ("news_outlet",)


def _origin(lex: Lexicon, word: str, head: str) -> bool:
    """A capitalised modifier that still describes an outlet ("The British Sunday paper"):
    a demonym or a day before a head that only an outlet has; a government body ("the
    British government") or a company keeps its capitalised words as a name."""
    if lex.definite_heads[head] != OUTLET_ONLY:
        return False
    low = word.lower()
    return low in lex.medium_modifiers or low.endswith(lex.demonym_suffixes)


def resolve_definite(
    lex: Lexicon, table: SourceTable, salience: Salience, mention: Mention, text: str = ""
) -> int | None:
    """The source an earlier text named that `mention` describes, or None (see module).
    With the `text`, a sentence whose words lack the head noun is not parsed for a subject
    that names it (parsing every sentence subject back was a tenth of the subject parses)."""
    if mention.pronoun is not None:
        return None
    head = definite_head(lex, _with_determiner(lex, mention, text))
    if head is None:
        return None
    kinds = lex.definite_heads[head]
    head_words = head.split()

    def names_it(item: Antecedent) -> bool:
        return (
            _fits_kind(item.kind, kinds)
            and _usable(lex, table, item)
            and _has_words(table.words(item.sid or 0), head_words)
        )

    def may_be_it(item: Antecedent) -> bool:
        return item.kind in kinds and item.kind in _BY_KIND_TOO and _usable(lex, table, item)

    def lacks_head(start: int, end: int) -> bool:
        span = text[start:end].lower()
        return any(w not in span for w in head_words)

    found = salience.find(names_it, lacks_head if text else None) or salience.find(may_be_it)
    return found.sid if found is not None else None


def _with_determiner(lex: Lexicon, mention: Mention, text: str) -> str:
    """The mention's surface with the determiner a subject finder left before it: "the
    officials said" has the mention "officials", a description all the same."""
    surface = mention.surface
    if not text or mention.kind != "anonymous" or " " in surface:
        return surface
    before = text[max(0, mention.start - 8) : mention.start].split()
    if before and before[-1].lower() in lex.definite_determiners:
        return f"{before[-1]} {surface}"
    return surface


def _fits_kind(kind: str, kinds: tuple[str, ...]) -> bool:
    """A kind the head allows; for a source named with the head's own word ("Kantor berita
    Antara" for "kantor berita itu"), any institution: its name says what it is better
    than a kind the head-noun rule may have got wrong ("kantor" made it a government body)."""
    return kind in kinds or (kind in _INSTITUTIONS and not _INSTITUTIONS.isdisjoint(kinds))


def _joined(words: list[str]) -> str:
    return " ".join(words).lower()


def _usable(lex: Lexicon, table: SourceTable, item: Antecedent) -> bool:
    """A named source: not itself a description, a pronoun, or nobody."""
    if item.sid is None:
        return False
    return definite_head(lex, table.name(item.sid)) is None


def _has_words(words: frozenset[str], needed: list[str]) -> bool:
    return all(w in words for w in needed)


def described_document(lex: Lexicon, mention: Mention) -> str | None:
    """The document noun of a definite description of a document ("the statement", "The
    report", "pernyataan itu"), which stands for the author of the last document of that
    noun the text named ("a statement by ENOF … the statement said": ENOF), else None."""
    if mention.kind != "document" or mention.pronoun is not None:
        return None
    words: list[str] = _WORD_re.findall(mention.surface)
    if len(words) != 2:
        return None
    first, last = words[0].lower(), words[1].lower()
    if first in lex.definite_determiners and last in lex.document_nouns:
        return last
    if last in lex.definite_demonstratives and first in lex.document_nouns:
        return first
    return None


def authored_document(lex: Lexicon, mention: Mention) -> str | None:
    """The document noun when `mention` is the author a document phrase named ("a statement
    by ENOF", "a central bank statement", "laporan BPS" name their authors), else None."""
    if mention.kind == "document" or mention.surface == mention.name:
        return None
    words = [w.lower() for w in _WORD_re.findall(mention.surface)]
    name = {w.lower() for w in _WORD_re.findall(mention.name)}
    return next((w for w in words if w in lex.document_nouns and w not in name), None)
