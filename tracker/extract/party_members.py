"""Party descriptions: "the Democrat", "the Wisconsin Republican" is the person named before."""

from __future__ import annotations

import regex

from tracker.extract.pronouns import Antecedent
from tracker.extract.run import Run
from tracker.extract.speakers import Mention

MAX_WORDS = 4  # "the veteran Wisconsin Republican"
LOOKBACK_ITEMS = 6  # recent speakers and sentence subjects the description looks over
_WORD_re = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\-]*+")


def party_member(run: Run, mention: Mention) -> int | None:
    """The source id of the person a party description stands for, or None.

    Why: a news text names a politician once ("Sen. Ana Ruiz (D-Ohio)", "House Speaker Ana
    Ruiz") and goes on with "the Democrat said" or "the Ohio Republican told …"; the guide
    wants the named person as the speaker, not a source called "the Democrat". The
    description is a definite determiner, at most two modifiers and a party noun of the
    lexicon; it stands for the most recent named person among the last speakers and
    sentence subjects, unless a party tag after that person's name ("(R-Ohio)") says
    another party. Nobody fitting: the description stays a source of its own."""
    parties = run.lex.party_nouns
    if not parties or mention.pronoun is not None or mention.kind not in ("person", "unknown"):
        return None
    words = _WORD_re.findall(mention.surface)
    if not 2 <= len(words) <= MAX_WORDS or words[0].lower() not in run.lex.definite_determiners:
        return None
    party = parties.get(words[-1].lower())
    if party is None:
        return None
    table = run.table

    def named_person(item: Antecedent) -> bool:
        if item.kind != "person" or not item.singular:
            return False
        name = table.name(item.sid) if item.sid is not None else None
        if name is None and item.mention is not None:
            name = item.mention.name
        return name is not None and _is_name(run, name) and not _other_party(run, name, party)

    found = run.salience.find(named_person, limit=LOOKBACK_ITEMS)
    if found is None:
        return None
    if found.sid is not None:
        return found.sid
    return table.add(found.mention) if found.mention is not None else None


def _is_name(run: Run, name: str) -> bool:
    """A proper name: capitalised words, no determiner ("the Democrat" is no one's name)."""
    parts = name.split()
    return (
        bool(parts)
        and parts[0].lower() not in run.lex.definite_determiners
        and all(p[:1].isupper() for p in parts)
    )


def _other_party(run: Run, name: str, party: str) -> bool:
    """Whether the text tags the name with another party's letter: "Ana Ruiz (R-Ohio)"."""
    text = run.text
    at = text.find(name + " (")
    if at < 0:
        return False
    tag = text[at + len(name) + 2 : at + len(name) + 4]
    return len(tag) == 2 and tag[1] in "-–" and tag[0].isupper() and tag[0] != party
