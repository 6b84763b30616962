"""Who said it first? Stored statements matching a pasted quote, with their origin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tracker.errors import ParameterError
from tracker.provenance.appearances import load_appearing
from tracker.provenance.identity import fingerprint
from tracker.provenance.matching import find_matches
from tracker.provenance.rules import appearance_order, drift_flags
from tracker.views import SourceBrief
from tracker.walk.walker import walks

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MAX_QUOTE_LENGTH = 5000
MAX_LOOKUP_LIMIT = 50


@dataclass(frozen=True, slots=True)
class ProvenanceItem:
    """A stored statement matching a pasted quote, with where it first appeared."""

    statement_id: int
    document_id: int
    text: str
    similarity: float
    speaker: dict[str, Any] | None
    first_appearance: dict[str, Any]
    primary_sources: list[SourceBrief]
    flags: list[str]


def _check(quote: str, limit: int) -> None:
    if not fingerprint(quote):
        raise ParameterError("quote must contain words", [{"field": "quote"}])
    if len(quote) > MAX_QUOTE_LENGTH:
        raise ParameterError(
            f"quote longer than {MAX_QUOTE_LENGTH} characters", [{"field": "quote"}]
        )
    if not 1 <= limit <= MAX_LOOKUP_LIMIT:
        raise ParameterError(
            f"limit must be between 1 and {MAX_LOOKUP_LIMIT}", [{"field": "limit"}]
        )


def lookup(
    session: Session, quote: str, *, language: str | None = None, limit: int = 10
) -> list[ProvenanceItem]:
    """Best-matching statements for a pasted quote, each with first appearance and origin.

    The first appearance is the earliest of every match, not only of the ``limit`` shown;
    each item's flags are its walk's plus the rules against that first appearance.
    """
    _check(quote, limit)
    matches = find_matches(session, quote, language=language)
    if not matches:
        return []
    found = load_appearing(session, [m.statement_id for m in matches])
    first = min(found.values(), key=appearance_order)
    first_appearance = {
        "statement_id": first.statement_id,
        "document_id": first.document_id,
        "published_at": first.published_at,
    }
    shown = matches[:limit]
    walked = walks(session, [(m.statement_id, m.document_id) for m in shown])
    items = []
    for match in shown:
        item = found[match.statement_id]
        w = walked[match.statement_id]
        speaker = None
        if item.speaker is not None:
            speaker = {"id": item.speaker.id, "name": item.speaker.name}
        items.append(
            ProvenanceItem(
                statement_id=match.statement_id,
                document_id=match.document_id,
                text=match.text,
                similarity=match.similarity,
                speaker=speaker,
                first_appearance=dict(first_appearance),
                primary_sources=w.primary_sources,
                flags=sorted({*w.flags, *drift_flags(item, first)}),
            )
        )
    return items
