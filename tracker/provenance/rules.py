"""The fact-check rules over a statement's appearances: one definition each.

Publication order (oldest first, unknown time last), the first appearance, and the flags
an appearance earns against it (``altered``, ``misattributed``) or with the others
(``single_source``). Appearances, lookup by text, document reports, JSON-LD and linking
all ask here. Pure: no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from tracker.store.names import names_compatible
from tracker.views import SourceBrief


@dataclass(frozen=True, slots=True)
class Appearing:
    """A statement as it appears in one document: what the rules compare."""

    statement_id: int
    document_id: int
    text: str
    fingerprint: str
    speaker: SourceBrief | None
    published_at: datetime | None
    outlet: str | None
    """The document's outlet name."""
    language: str


def publication_order(
    published_at: datetime | None, document_id: int, statement_id: int = 0
) -> tuple[bool, float, int, int]:
    """Sort key: oldest first, unknown time last, then by document, then by statement."""
    when = published_at.timestamp() if published_at is not None else 0.0
    return (published_at is None, when, document_id, statement_id)


def appearance_order(item: Appearing) -> tuple[bool, float, int, int]:
    """``publication_order`` of an appearance."""
    return publication_order(item.published_at, item.document_id, item.statement_id)


def in_publication_order(items: Iterable[Appearing]) -> list[Appearing]:
    """The appearances oldest first; the first is the first appearance."""
    return sorted(items, key=appearance_order)


def published_later(candidate: datetime | None, citing: datetime | None) -> bool:
    """The cited words appeared after the citing ones (a time inversion); unknown: never."""
    return candidate is not None and citing is not None and candidate > citing


def another_speaker(item: SourceBrief | None, first: SourceBrief | None) -> bool:
    """``item`` names someone else than the first appearance did (a misattribution).

    Not when either is unknown, and not when either is anonymous: an unnamed relay of a
    named quote is not a misattribution. Short forms ("Kim", "Kim Jong Un") agree.
    """
    if item is None or first is None or item.id == first.id:
        return False
    if "anonymous" in (item.kind, first.kind):
        return False
    return not names_compatible(item.name, first.name)


def drift_flags(item: Appearing, first: Appearing) -> set[str]:
    """What changed since the first appearance: ``altered`` words, a ``misattributed`` speaker."""
    flags: set[str] = set()
    if item.statement_id == first.statement_id:
        return flags
    if item.fingerprint != first.fingerprint:
        flags.add("altered")
    if another_speaker(item.speaker, first.speaker):
        flags.add("misattributed")
    return flags


def is_single_source(
    ordered: Iterable[Appearing], primary_sources: Mapping[int, Iterable[int]]
) -> bool:
    """Several documents carry the words and all of them end at one same primary source.

    The illusion of independent confirmation. ``primary_sources`` maps a statement to
    the ids its walk ends at; a document carrying the words twice counts its last one.
    """
    per_document = {
        a.document_id: frozenset(primary_sources.get(a.statement_id, ())) for a in ordered
    }
    origins = set(per_document.values())
    return len(per_document) >= 2 and len(origins) == 1 and len(next(iter(origins))) == 1
