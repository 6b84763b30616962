"""Cues that only a document speaks: "Data BPS menunjukkan, …" but not "Budi menunjukkan foto"."""

from __future__ import annotations

from tracker.extract.run import Run
from tracker.extract.spans import words_of
from tracker.extract.speakers import Mention

BEFORE_WORDS = 2  # "data dari BNPB": the document noun and a link before the name


def document_cue_fits(run: Run, cue: str, lo: int, speaker: Mention) -> bool:
    """Whether `speaker` may be the subject of `cue`: any subject for most cues; for a cue
    of the lexicon's `document_cue_verbs`, a document only, named by a document noun that
    opens the subject ("Catatan LPEM", "data dari BNPB itu").

    Why: "menunjukkan" (*shows*) reports a finding when a record, a report or data shows
    it, and the guide makes the document's author the source ("laporan X", "data X" are
    [X]); a person or a thing that "shows" something makes no claim."""
    lex = run.lex
    if cue.lower() not in lex.document_cue_verbs:
        return True
    if speaker.pronoun is not None:
        return False
    if speaker.kind == "document":
        return True
    opening = words_of(speaker.surface)[:1]
    before = words_of(run.text[max(lo, speaker.start - 24) : speaker.start])[-BEFORE_WORDS:]
    before = [w for w in before if w.lower() not in lex.function_words][-1:]
    return any(w.lower() in lex.document_nouns for w in (*opening, *before))
