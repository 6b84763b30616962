"""What follows "citing" / "according to": a reason ("citing a fairer plan"), or an author.

"X said, citing Y" makes Y a hop only when Y can say something: a name, a role, an
institution, an unnamed source ("officials", "a source"). After a speech verb "citing"
just as often gives the speaker's reasons ("citing low growth", "citing a more
progressive platform", "citing Trump's appeal"), and a hop there turns a first-hand
statement into a relayed one. A phrase is a topic when the words that head it, up to
their first link word ("weak demand" of "weak demand in Asia"), are lower-case and end in
no role, institution or source noun; a possessive ("Trump's appeal") is read by what
it owns.
"""

from __future__ import annotations

from tracker.extract.document_sources import AUTHOR_KINDS
from tracker.extract.speakers import Mention, classify
from tracker.extract.tokens import Token, Vocab, vocab

_OWNED_WINDOW = 80


def authored(text: str, np: list[Token], language: str) -> Mention:
    """The phrase after "according to" / "citing" that no noun-phrase reading took, as a
    source: its author when it names a document and who wrote it ("survei LSI", "data
    from the Vigo County office"), else the words as they stand, a source of unknown kind."""
    surface = text[np[0].start : np[-1].end]
    v = vocab(language)
    agent = next((i for i, t in enumerate(np) if t.lower in v.lex.claim_agents), -1)
    if 0 <= agent < len(np) - 1:
        # "(laporan) harian oleh Kepala Dinas Budi", "(data) compiled weekly by the board":
        # the report's noun went to the relay cue; the agent still names its author
        found = classify(text, np[agent + 1 :], language)
        if found is not None and found.kind in AUTHOR_KINDS:
            return Mention(
                surface,
                np[0].start,
                np[-1].end,
                found.name,
                found.kind,
                found.role,
                found.affiliation,
                found.state_media,
            )
    elif np[0].is_cap or any(t.lower in v.lex.document_nouns for t in np):
        # "survei LSI" names its author; "(laporan dari) Badan Pangan" is one
        found = classify(text, np, language)
        if found is not None and found.kind in AUTHOR_KINDS and found.pronoun is None:
            return found
    return Mention(surface, np[0].start, np[-1].end, surface, "unknown")


def cited_topic(text: str, cited: Mention, v: Vocab) -> bool:
    """Whether what follows "citing" is a topic, no source (see module)."""
    if cited.kind == "unknown":
        return _topic_phrase(cited.surface.split(), v, any_document=True)
    if cited.kind == "anonymous" and _topic_phrase(cited.surface.split(), v):
        return True  # "a more progressive platform": an article made it an unnamed source
    if cited.kind in ("person", "anonymous") and _counted_people(cited, v):
        return True
    owned = _owned_words(text, cited, v)
    return bool(owned) and _topic_phrase(owned, v)


# Determiners that only point: "the Americans" may be a side that spoke, "many" counts
_POINTING = frozenset({"a", "an", "the", "this", "that", "these", "those"})


def _counted_people(cited: Mention, v: Vocab) -> bool:
    """A nationality counted ("the many Americans", "most Europeans"): people the speaker
    points to as a reason, not a source that told the speaker anything."""
    words = cited.surface.split()
    if len(words) < 2 or cited.role is not None:
        return False
    leading, last = [w.lower() for w in words[:-1]], words[-1]
    if not all(w in v.lex.determiners for w in leading) or set(leading) <= _POINTING:
        return False
    stem = last[:-1].lower()
    return last[0].isupper() and last.endswith("s") and stem.endswith(v.lex.demonym_suffixes)


def _owned_words(text: str, cited: Mention, v: Vocab) -> list[str]:
    """The words a possessive owns: "Trump's blue-collar appeal" -> ["blue-collar",
    "appeal"]; empty when `cited` is no possessive or owns nothing before punctuation."""
    surface = text[cited.start : cited.end]
    suffixes = v.lex.possessive_suffixes
    after = text[cited.end : cited.end + _OWNED_WINDOW]
    if not suffixes or not (surface.endswith(suffixes) or after.startswith(suffixes)):
        return []
    tail = after
    for suffix in suffixes:
        if tail.startswith(suffix):
            tail = tail[len(suffix) :]
            break
    clause = tail.split(",")[0].split(".")[0].split(";")[0]
    return clause.split()


def _topic_phrase(words: list[str], v: Vocab, any_document: bool = False) -> bool:
    """A lower-case phrase whose head is no role, institution or source noun. A document
    head counts as a source when it reports ("a report", "data"; the lexicon's
    `document_nouns`), or, with `any_document`, whatever document it is."""
    k = 0
    while k < len(words) - 1 and (
        words[k].lower() in v.function_words or words[k].lower() in v.lex.determiners
    ):
        k += 1  # "their attorneys", "para petani"
    j = k + 1
    while j < len(words) and words[j].lower() not in v.function_words:
        j += 1  # the phrase up to its first link: "weak demand" of "weak demand in Asia"
    phrase = words[k:j]
    if not phrase or any(c.isupper() for w in phrase for c in w):
        return False
    head = phrase[-1].lower().strip("\"'“”‘’")
    stems = {head, *(head[: -len(x)] for x in v.lex.plural_suffixes if head.endswith(x))}
    return not any(_source_noun(w, v, any_document) for w in stems)


def _source_noun(word: str, v: Vocab, any_document: bool) -> bool:
    if word in v.roles or word in v.anonymous_nouns or word in v.lex.document_nouns:
        return True
    kind = v.heads.get(word)
    return kind is not None and (any_document or kind != "document")
