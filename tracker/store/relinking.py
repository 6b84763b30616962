"""Links from other documents carried across a re-extraction, from old statement rows to new.

`tracker reextract` deletes a document's unreviewed machine-made statements and writes the
current extractor's in new rows. A hop of another document that continued into one of the
old rows (its ``upstream_statement_id``, or the statement its time inversion names) would
otherwise point at nothing, and every walk through it would end ``broken``. Each such
reference follows the new statement that took the old one's place: the one with the same
span, else the one overlapping it most, by at least half of the longer of the two. When
nothing took its place the reference is removed, as when a document is deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class StatementSpan:
    """A statement row of the re-extracted document and the characters it covers."""

    id: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CarriedLinks:
    """What happened to other documents' upstream links into the replaced statements."""

    followed: int = 0
    """Links moved to the statement that replaced theirs."""
    removed: int = 0
    """Links removed because nothing replaced their statement."""


_SPANS_SQL = text(
    "SELECT id, start_offset, end_offset FROM statement WHERE document_id = :id ORDER BY id"
)
_INBOUND_SQL = tuple(
    text(
        f"SELECT id, document_id, {field}_statement_id AS target, '{field}' AS field"
        f" FROM citation WHERE {field}_statement_id = ANY(CAST(:ids AS bigint[]))"
        " AND document_id <> :id ORDER BY id"
    )
    for field in ("upstream", "inverted")
)
"""References into the old rows from other documents (partial indexes on both columns; on
Citus every shard is asked once, and each update below then touches one shard)."""
_FOLLOW_UPSTREAM_SQL = text(
    "UPDATE citation SET upstream_statement_id = :new, version = version + 1"
    " WHERE id = :id AND document_id = :document_id"
)
_REMOVE_UPSTREAM_SQL = text(
    """
    UPDATE citation
    SET upstream_statement_id = NULL, upstream_document_id = NULL, link_method = NULL,
        link_similarity = NULL, version = version + 1
    WHERE id = :id AND document_id = :document_id
    """
)
_FOLLOW_INVERTED_SQL = text(
    "UPDATE citation SET inverted_statement_id = :new, version = version + 1"
    " WHERE id = :id AND document_id = :document_id"
)
_REMOVE_INVERTED_SQL = text(
    "UPDATE citation SET inverted_statement_id = NULL, version = version + 1"
    " WHERE id = :id AND document_id = :document_id"
)


def replacement(old: StatementSpan, candidates: Sequence[StatementSpan]) -> int | None:
    """The new statement that took ``old``'s place: the same span, else the largest overlap
    of at least half the longer span (the lowest id on a tie); None when none did."""
    best: tuple[int, int] | None = None
    for new in candidates:
        if (new.start, new.end) == (old.start, old.end):
            return new.id
        shared = min(old.end, new.end) - max(old.start, new.start)
        longer = max(old.end - old.start, new.end - new.start)
        if 2 * shared >= longer > 0 and (best is None or shared > best[0]):
            best = (shared, new.id)
    return None if best is None else best[1]


def carry_links(session: Session, document_id: int, old: Sequence[StatementSpan]) -> CarriedLinks:
    """Point other documents' references to the ``old`` rows (now deleted) at the rows that
    replaced them in ``document_id``, or remove them. Runs in the caller's transaction,
    after the new statements are written."""
    if not old:
        return CarriedLinks()
    params = {"ids": [s.id for s in old], "id": document_id}
    inbound = [ref for sql in _INBOUND_SQL for ref in session.execute(sql, params)]
    if not inbound:
        return CarriedLinks()
    current = [
        StatementSpan(r.id, r.start_offset, r.end_offset)
        for r in session.execute(_SPANS_SQL, {"id": document_id})
    ]
    targets = {s.id: replacement(s, current) for s in old}
    followed = removed = 0
    for ref in inbound:
        new = targets[ref.target]
        params = {"id": ref.id, "document_id": ref.document_id, "new": new}
        if ref.field == "inverted":
            session.execute(_REMOVE_INVERTED_SQL if new is None else _FOLLOW_INVERTED_SQL, params)
        elif new is None:
            session.execute(_REMOVE_UPSTREAM_SQL, params)
            removed += 1
        else:
            session.execute(_FOLLOW_UPSTREAM_SQL, params)
            followed += 1
    return CarriedLinks(followed, removed)
