"""Look-ups the extraction tests share: a statement by its content, its speaker's name."""

from __future__ import annotations

from tracker.extract import Statement


def with_text(statements: tuple[Statement, ...], content: str) -> Statement:
    """The first statement whose text is `content` (the assertion lists them all)."""
    found = [s for s in statements if s.text == content]
    assert found, statements
    return found[0]


def speaker_name(statement: Statement) -> str | None:
    return statement.speaker.name if statement.speaker is not None else None
