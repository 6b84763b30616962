"""Small views of an Extraction that keep the test tables readable."""

from __future__ import annotations

from tracker.extract import Extraction, extract


def view(text: str, language: str) -> list[tuple[str, str, str | None]]:
    """(kind, text, speaker name) of each statement."""
    ex = extract(text, language)
    return [(s.kind, s.text, s.speaker.name if s.speaker else None) for s in ex.statements]


def chains(ex: Extraction) -> list[list[str]]:
    return [[h.source.name for h in s.chain] for s in ex.statements]
