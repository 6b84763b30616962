"""Walks of many statements one document at a time: calls of ``tracker_document_walk`` (0015).

How Citus walks many statements at once (reports, appearances, lookups); the walk of one
statement there is one call of ``tracker_walk_entered`` (``tracker.walk.entered_call``).

The function reads the statements entered in one document and their hops (a hop's
children belong to its statement): on Citus one single-shard fast-path read, the hops
coming from the co-located shard on the node that answers it; on one PostgreSQL two
queries. It walks those rows with a recursive query over them, cycle-safe by the
explicit path of citation ids each entry brings along and bounded by depth, goes on into
the documents its hops link to (``upstream_document_id``, one call of
``tracker_document_hops`` per document), and names the sources met with one read for the
whole walk. Given a statement without its document, it finds the document first
(``statement_document`` on Citus). So a walk is one call, whatever documents it crosses,
unless a link was stored without its document or the chain goes deeper than
``FOLLOW_BELOW``: those entries come back here, and Python goes on level by level, one
call per document entered (every statement entered into one document at one level, by
any of the walks asked for, shares it). Neither Python nor the function loops over hops
inside a document.

The rows it returns are those of the one-query walk (``WALK_SQL``), in the same order,
so ``tracker.walk.walker.build_walk`` turns either into the same Walk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tracker.db import prepared_rows
from tracker.store.identity import statement_documents
from tracker.walk.model import WalkRow
from tracker.walk.sql import DOCUMENT_WALK_SQL, FOLLOW_BELOW

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class Entry:
    """A statement the walk of ``root_id`` enters, and how it got there."""

    root_id: int
    statement_id: int
    depth: int
    path: tuple[int, ...]
    """Citation ids from the walk's first hop to the hop linked here: met again, a cycle."""
    sort_path: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Landing:
    """What a walk finds of a statement it enters: whether it exists and reads see it
    (``tracker.store.visibility``), and its speaker."""

    document_id: int | None
    speaker_id: int | None
    has_hops: bool
    visible: bool = True


NOWHERE = Landing(document_id=None, speaker_id=None, has_hops=False, visible=False)
"""A statement that does not exist: a link to it is ``broken``."""


@dataclass(frozen=True, slots=True)
class _Hop:
    """One hop row met, with what the walk knows of it beyond the row."""

    row: Any
    document_id: int
    parent: int | None


@dataclass(slots=True)
class _Found:
    """The hops of every walk, what was found of every statement entered, which hops
    have children (a row names them as its parent), and the sources met (name, kind and
    state-media mark of every hop's source; the name of every speaker)."""

    hops: dict[int, list[_Hop]] = field(default_factory=dict)
    landings: dict[int, Landing] = field(default_factory=dict)
    with_children: set[int] = field(default_factory=set)
    sources: dict[int, tuple[str, str, bool]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)


def walk_rows(
    session: Session, heads: Sequence[tuple[int, int | None]], max_depth: int
) -> tuple[dict[int, list[WalkRow]], dict[int, Landing], dict[int, str]]:
    """The walk rows (walk order) of each ``(statement_id, document_id or None)`` head.

    ``max_depth`` as in ``WALK_SQL``: the deepest position a hop may take. Returns each
    head's rows, what was found of each statement entered (``document_id`` None: no
    such statement), and the names of the sources met (speakers included).
    """
    found = _Found()
    pending: dict[int | None, list[Entry]] = {}
    lost: list[Entry] = []
    for statement_id, document_id in heads:
        entry = Entry(statement_id, statement_id, 0, (), ())
        if document_id is None:
            lost.append(entry)
        else:
            pending.setdefault(document_id, []).append(entry)
    if len(lost) == 1:  # a statement given by id alone: the call finds its document
        pending[None], lost = lost, []
    while pending or lost:
        if lost:
            _place(session, lost, pending, found)
            lost = []
        level, pending = pending, {}
        for document_id, entries in level.items():
            for entry, target in _walk_document(session, document_id, entries, max_depth, found):
                if target is None:  # not found by the call, or linked without a document
                    lost.append(entry)
                else:
                    pending.setdefault(target, []).append(entry)
    rows = {h: _rows(found, h, max_depth) for h, _ in heads}
    names = {i: brief[0] for i, brief in found.sources.items()} | found.names
    return rows, found.landings, names


def _place(
    session: Session, entries: list[Entry], pending: dict[int | None, list[Entry]], found: _Found
) -> None:
    """Find the documents of statements entered without one (on Citus a statement missing
    from ``statement_document`` is looked for on every shard)."""
    where = statement_documents(session, sorted({e.statement_id for e in entries}))
    for entry in entries:
        document_id = where.get(entry.statement_id)
        if document_id is None:
            found.landings[entry.statement_id] = NOWHERE
        else:
            pending.setdefault(document_id, []).append(entry)


def _text_array(values: Iterable[int]) -> str:
    return "{" + ",".join(str(v) for v in values) + "}"


def _walk_document(
    session: Session, document_id: int | None, entries: list[Entry], max_depth: int, found: _Found
) -> list[tuple[Entry, int | None]]:
    """One call for every entry into ``document_id`` (None: the one entry's own document,
    found by the call); the call goes on by itself into the documents its hops link to.
    Returns what it left to the caller: entries whose document it did not find, and
    links it did not follow (stored without their document, or past ``FOLLOW_BELOW``),
    each with its document if known."""
    params = {
        "document_id": document_id,
        "roots": [e.root_id for e in entries],
        "statement_ids": [e.statement_id for e in entries],
        "depths": [e.depth for e in entries],
        "paths": [_text_array(e.path) for e in entries],
        "sort_paths": [_text_array(e.sort_path) for e in entries],
        "max_depth": max_depth,
    }
    rows = prepared_rows(session, DOCUMENT_WALK_SQL, params)
    if rows and rows[0].document_id is None:
        return [(e, None) for e in entries]  # not in statement_document: the long way
    left: list[tuple[Entry, int | None]] = []
    for row in rows:
        if row.parent_walk_id is None:  # an entry's own row (its first hop, or none)
            _land(found, row.entry_statement_id, row.document_id, row)
        else:
            found.with_children.add(row.parent_walk_id)
        if row.citation_id is None or row.depth > max_depth:
            continue  # no hop, or one past the bound (it only says its parent has children)
        parent = row.parent_walk_id
        if parent is None and len(row.path) > 1:  # entered by a link: the linking hop
            parent = row.path[-2]
        found.hops.setdefault(row.root_id, []).append(_Hop(row, row.document_id, parent))
        found.sources[row.source_id] = (row.source_name, row.source_kind, row.source_state_media)
        if _left_to_caller(row):
            entry = Entry(
                row.root_id,
                row.upstream_statement_id,
                row.depth + 1,
                tuple(row.path),
                tuple(row.sort_path),
            )
            left.append((entry, row.upstream_document_id))
    return left


def _left_to_caller(row: Any) -> bool:
    """A hop's link the call did not follow (see ``FOLLOW_BELOW``)."""
    if row.upstream_statement_id is None or row.is_cycle:
        return False
    return row.upstream_document_id is None or row.depth >= FOLLOW_BELOW


def _land(found: _Found, statement_id: int, document_id: int, row: Any) -> None:
    known = found.landings.get(statement_id)
    if not row.entry_found:
        found.landings.setdefault(statement_id, NOWHERE)
        return
    has_hops = row.citation_id is not None or (known is not None and known.has_hops)
    if row.entry_speaker_id is not None:
        found.names[row.entry_speaker_id] = row.entry_speaker_name
    found.landings[statement_id] = Landing(
        document_id, row.entry_speaker_id, has_hops, row.entry_visible
    )


def _rows(found: _Found, root_id: int, max_depth: int) -> list[WalkRow]:
    """A head's hops as the one-query walk returns them: walk order, links resolved."""
    hops = sorted(found.hops.get(root_id, ()), key=lambda h: tuple(h.row.sort_path))
    rows = []
    for hop in hops:
        row = hop.row
        landing = None
        if row.upstream_statement_id is not None and not row.is_cycle:
            landing = found.landings.get(row.upstream_statement_id, NOWHERE)
        rows.append(_walk_row(hop, found, landing))
    return rows


def _walk_row(hop: _Hop, found: _Found, landing: Landing | None) -> WalkRow:
    row = hop.row
    speaker = None
    if landing is None:  # inside the document (or a cycle, which is never shown)
        broken, upstream_document = False, None
        leaf = row.citation_id not in found.with_children
    elif not landing.visible:  # gone, or rejected and hidden: a dead link
        broken, leaf, upstream_document = True, True, None
    else:
        broken = False
        leaf = not landing.has_hops
        upstream_document = landing.document_id
        if landing.speaker_id is not None:
            speaker = found.names[landing.speaker_id]
    name, kind, state_media = found.sources[row.source_id]
    return WalkRow(
        citation_id=row.citation_id,
        statement_id=row.statement_id,
        document_id=hop.document_id,
        parent_walk_id=hop.parent,
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
        source_name=name,
        source_kind=kind,
        source_state_media=state_media,
        upstream_speaker_name=speaker,
        is_broken=broken,
        upstream_document_id=upstream_document,
        is_leaf=leaf,
    )
