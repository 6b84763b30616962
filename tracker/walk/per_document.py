"""The walk one document at a time: a routed recursive query per document a chain enters.

What Citus can run (``tracker.walk.sql.DOCUMENT_WALK_SQL``): the hops inside one
document are walked by one recursive query on that document's shard, cycle-safe by the
explicit path of citation ids each entry brings along and bounded by depth. Hops linked
into another document name it (``upstream_document_id``), so the next query goes
straight to that shard. Python loops over *documents*, level by level, never over hops
inside one; every document entered at one level by any of the walks asked for gets one
query, however many statements are entered there.

The rows it returns are those of the one-query walk (``WALK_SQL``), in the same order,
so ``tracker.walk.walker.build_walk`` turns either into the same Walk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tracker.db import prepared_rows
from tracker.walk.model import WalkRow
from tracker.walk.sql import DOCUMENT_WALK_SQL, STATEMENT_DOCUMENTS_SQL

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class Entry:
    """A statement the walk of ``root_id`` enters, and how it got there."""

    root_id: int
    statement_id: int
    parent: int | None
    """The hop linked into this statement, None for the walked statement itself."""
    depth: int
    path: tuple[int, ...]
    """Citation ids from the walk's first hop to ``parent``: met again means a cycle."""
    sort_path: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Landing:
    """What a walk finds of a statement it enters: whether it exists, and its speaker."""

    document_id: int | None
    speaker_name: str | None
    has_hops: bool


@dataclass(slots=True)
class Rows:
    """The hop rows of every walk, and what was found of every statement entered."""

    hops: dict[int, list[tuple[tuple[int, ...], Any, int, int | None]]] = field(
        default_factory=dict
    )
    """root_id -> (sort key, row, document, parent) of each hop met."""
    landings: dict[int, Landing] = field(default_factory=dict)


NOWHERE = Landing(document_id=None, speaker_name=None, has_hops=False)
"""A statement that does not exist: a link to it is ``broken``."""


def walk_rows(
    session: Session, heads: Sequence[tuple[int, int | None]], max_depth: int
) -> tuple[dict[int, list[WalkRow]], dict[int, Landing]]:
    """The walk rows (walk order) of each ``(statement_id, document_id or None)`` head.

    ``max_depth`` as in ``WALK_SQL``: the deepest position a hop may take. Returns each
    head's rows, and what was found of each head (``document_id`` None: no statement).
    """
    found = Rows()
    pending: dict[int, list[Entry]] = {}
    lost: list[Entry] = []
    for statement_id, document_id in heads:
        entry = Entry(statement_id, statement_id, None, 0, (), ())
        if document_id is None:
            lost.append(entry)
        else:
            pending.setdefault(document_id, []).append(entry)
    while pending or lost:
        if lost:
            _place(session, lost, pending, found)
            lost = []
        level, pending = pending, {}
        for document_id, entries in level.items():
            for entry, target in _walk_document(session, document_id, entries, max_depth, found):
                if target is None:  # linked before links named their document
                    lost.append(entry)
                else:
                    pending.setdefault(target, []).append(entry)
    return {h: _rows(found, h) for h, _ in heads}, found.landings


def _place(
    session: Session, entries: list[Entry], pending: dict[int, list[Entry]], found: Rows
) -> None:
    """Find the documents of statements entered without one: every shard is asked once."""
    ids = sorted({e.statement_id for e in entries})
    where = {r.id: r.document_id for r in session.execute(STATEMENT_DOCUMENTS_SQL, {"ids": ids})}
    for entry in entries:
        document_id = where.get(entry.statement_id)
        if document_id is None:
            found.landings[entry.statement_id] = NOWHERE
        else:
            pending.setdefault(document_id, []).append(entry)


def _text_array(values: Iterable[int]) -> str:
    return "{" + ",".join(str(v) for v in values) + "}"


def _walk_document(
    session: Session, document_id: int, entries: list[Entry], max_depth: int, found: Rows
) -> list[tuple[Entry, int | None]]:
    """One routed query for every entry into ``document_id``; the entries it leads to,
    each with its document (None for a link stored without one)."""
    params = {
        "document_id": document_id,
        "statement_ids": [e.statement_id for e in entries],
        "depths": [e.depth for e in entries],
        "paths": [_text_array(e.path) for e in entries],
        "sort_paths": [_text_array(e.sort_path) for e in entries],
        "max_depth": max_depth,
    }
    onward: list[tuple[Entry, int | None]] = []
    for row in prepared_rows(session, DOCUMENT_WALK_SQL, params):
        entry = entries[row.entry_no - 1]
        if entry.statement_id not in found.landings:
            found.landings[entry.statement_id] = (
                Landing(document_id, row.entry_speaker_name, row.entry_has_hops)
                if row.entry_found
                else NOWHERE
            )
        if row.citation_id is None:
            continue
        parent = row.parent_walk_id if row.parent_walk_id is not None else entry.parent
        found.hops.setdefault(entry.root_id, []).append(
            (tuple(row.sort_path), row, document_id, parent)
        )
        if row.upstream_statement_id is not None and not row.is_cycle:
            onward.append(
                (
                    Entry(
                        entry.root_id,
                        row.upstream_statement_id,
                        row.citation_id,
                        row.depth + 1,
                        tuple(row.path),
                        tuple(row.sort_path),
                    ),
                    row.upstream_document_id,
                )
            )
    return onward


def _rows(found: Rows, root_id: int) -> list[WalkRow]:
    """A head's hops as the one-query walk returns them: walk order, links resolved."""
    rows = []
    for _, row, document_id, parent in sorted(found.hops.get(root_id, ()), key=lambda h: h[0]):
        landing = None
        if row.upstream_statement_id is not None and not row.is_cycle:
            landing = found.landings.get(row.upstream_statement_id, NOWHERE)
        rows.append(_walk_row(row, document_id, parent, landing))
    return rows


def _walk_row(row: Any, document_id: int, parent: int | None, landing: Landing | None) -> WalkRow:
    if landing is None:  # inside the document (or a cycle, which is never shown)
        broken, leaf, speaker, upstream_document = False, bool(row.no_children), None, None
    else:
        broken = landing.document_id is None
        leaf = not landing.has_hops
        speaker, upstream_document = landing.speaker_name, landing.document_id
    return WalkRow(
        citation_id=row.citation_id,
        statement_id=row.statement_id,
        document_id=document_id,
        parent_walk_id=parent,
        depth=row.depth,
        relation=row.relation,
        cue=row.cue,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        upstream_statement_id=row.upstream_statement_id,
        link_method=row.link_method,
        link_similarity=row.link_similarity,
        inverted_statement_id=row.inverted_statement_id,
        review_status=row.review_status,
        is_cycle=row.is_cycle,
        source_id=row.source_id,
        source_name=row.source_name,
        source_kind=row.source_kind,
        source_state_media=row.source_state_media,
        upstream_speaker_name=speaker,
        is_broken=broken,
        upstream_document_id=upstream_document,
        is_leaf=leaf,
    )
