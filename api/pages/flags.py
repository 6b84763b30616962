"""What each walk and appearance flag means, in one line a fact-checker can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FlagNote:
    """A flag as a badge: its name, its tone (``ok``, ``warn``, ``info``) and what it means."""

    name: str
    tone: str
    meaning: str


FLAG_NOTES: dict[str, FlagNote] = {
    note.name: note
    for note in (
        FlagNote(
            "complete", "ok", "Every branch ends at a named person, body, outlet or document."
        ),
        FlagNote("anonymous", "info", "At least one branch ends at an unnamed source."),
        FlagNote(
            "anonymous_only",
            "warn",
            "Every branch ends at an unnamed source: nothing here can be checked with a name.",
        ),
        FlagNote(
            "state_media_origin",
            "warn",
            "The words pass through state media, a government's own outlet.",
        ),
        FlagNote(
            "circular", "warn", "Stories cite each other in a loop: the walk met a hop twice."
        ),
        FlagNote(
            "truncated", "warn", "The chain is deeper than the walk's depth bound and was cut."
        ),
        FlagNote("broken", "warn", "A hop links to a statement that no longer exists."),
        FlagNote("altered", "warn", "The wording changed on the way from the first appearance."),
        FlagNote(
            "misattributed",
            "warn",
            "Another story gives these words to a different speaker.",
        ),
        FlagNote(
            "time_inversion",
            "warn",
            "The cited outlet published the words only after the story that cites it.",
        ),
        FlagNote(
            "single_source",
            "warn",
            "Several stories carry the words and all lead back to one source: "
            "no independent confirmation.",
        ),
    )
}


def flag_note(name: str) -> FlagNote:
    """The note for ``name``; a flag this desk does not know yet is shown plainly."""
    return FLAG_NOTES.get(name) or FlagNote(name, "info", "A flag this page has no note for.")
