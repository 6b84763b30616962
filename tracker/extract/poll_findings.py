"""Poll findings: "55 percent said …, according to a Gallup poll" is what Gallup found."""

from __future__ import annotations

import regex

from tracker.extract.pronouns import InternalHop
from tracker.extract.run import Run
from tracker.extract.speakers import Mention

ACCORDING = "according_to"
# Kinds of according-to source that may have found something (a person only as a
# document's author: "a Quinnipiac poll", never "according to Smith")
_AUTHORS = frozenset({"organization", "news_outlet", "government_body", "unknown"})
_WORD_re = regex.compile(r"[\p{L}\p{N}%]++")


def poll_finding(
    run: Run, mention: Mention | None, sid: int, prefix: tuple[InternalHop, ...]
) -> tuple[int, int, tuple[InternalHop, ...]] | None:
    """The according-to source as the speaker, the statement's new start and the relays
    left, when the speaker is a share of a poll's sample ("Some 55 percent of voters") or
    a document that names no author ("Polls show …") and the sentence ends "according to
    X": X's poll found the whole clause, share and all. None otherwise.

    Why: the share did not speak to the writer; the poll's author reported what the share
    answered, as "a poll by X found that 55 percent …" would say (CHAINS_GUIDE: a survey by
    X found … is [X]). The share is no hop of its own."""
    if mention is None or not prefix or prefix[-1].relation != ACCORDING:
        return None
    author = prefix[-1]
    if author.sid == sid or not _author(run, author.sid):
        return None
    if not (_share(run, mention) or _unauthored_document(run, mention)):
        return None
    return (
        author.sid,
        min(mention.start, run.text.find(mention.surface, mention.start)),
        prefix[:-1],
    )


def _author(run: Run, sid: int) -> bool:
    """A body, or anyone named as a document's author ("a Quinnipiac poll")."""
    if run.table.kind(sid) in _AUTHORS:
        return True
    return not run.table.words(sid).isdisjoint(run.lex.document_nouns)


def _share(run: Run, mention: Mention) -> bool:
    if mention.kind != "anonymous":
        return False
    words = [w.lower() for w in _WORD_re.findall(mention.name)]
    lex = run.lex
    return any(w in lex.share_words or w in lex.share_fractions for w in words)


def _unauthored_document(run: Run, mention: Mention) -> bool:
    """ "Polls", "Recent surveys", "campaign finance records": a document phrase that names
    nobody (lower-case words before a document noun name a topic, no author)."""
    if mention.kind == "document" and mention.name == mention.surface:
        return True
    words = mention.surface.split()
    return (
        len(words) > 1
        and words[-1].lower() in run.lex.document_nouns
        and mention.name.islower()
        and mention.role is None
    )
