"""The person a body's report is about: "The radio said Minister X had …. He said …" is X."""

from __future__ import annotations

from tracker.extract.noun_phrases import np_after
from tracker.extract.pronouns import Antecedent
from tracker.extract.run import Draft, Run
from tracker.extract.speakers import classify
from tracker.extract.tokens import tokenize

SUBJECT_WINDOW = 80  # "Foreign Minister Vahit Halefoglu": the words a content subject spans
# speakers no "he" can stand for: a later "he" means someone their report named
_BODY_KINDS = frozenset({"news_outlet", "government_body", "organization"})


def note_content_subject(run: Run, stmt: Draft) -> None:
    """Push the named person opening a body's reported content onto the salience list.

    Why: "An Ankara Radio report said Foreign Minister X had called for talks. …, he was
    quoted as saying" — the outlet cannot be "he"; the person the report was about is, and
    the guide wants [Ankara Radio, X], not a person named sentences before. Only an
    indirect statement of an outlet, a government body or an organisation, whose content
    opens with a person's full name (two words or more), names one."""
    if stmt.kind != "indirect" or stmt.sid is None:
        return
    if run.table.kind(stmt.sid) not in _BODY_KINDS:
        return
    text = run.text
    if not text[stmt.start : stmt.start + 1].isupper():
        return  # most contents open with a common word: no need to tokenise them
    toks = tokenize(text, stmt.start, min(stmt.end, stmt.start + SUBJECT_WINDOW))
    np = np_after(text, toks, 0, run.vocab)
    mention = classify(text, np, run.language) if np else None
    if mention is None or mention.kind != "person" or mention.pronoun is not None:
        return
    if len(mention.name.split()) < 2 or not run.name_like(mention):
        return
    run.salience.push(Antecedent(None, "person", (), (), False, mention))
