"""Walking a statement's chain: one interface over the two ways the walk is queried.

On one PostgreSQL the whole walk is one recursive query over the statements a chain
enters, its hops walked in Python (``tracker.walk.entered``). On Citus, where a
recursive query may not leave a shard, one statement's walk is one call of a function
that gathers the same statements a document at a time (``tracker.walk.entered_call``),
walked by the same Python; walks of many statements go one document at a time for all of
them (``tracker.walk.per_document``). All give the same rows, turned into a Walk by
``build_walk``; which one runs is found once per engine (``tracker.store.layout``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from tracker.db import prepared_rows
from tracker.errors import NotFoundError, ParameterError
from tracker.store.layout import is_citus
from tracker.store.visibility import RejectedStatementError
from tracker.views import SourceBrief
from tracker.walk.entered import Entered, entered
from tracker.walk.entered_call import entered_by_call
from tracker.walk.flags import end_flags, hop_flags, is_primary, is_truncated
from tracker.walk.model import DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT, Walk, WalkHop, WalkRow
from tracker.walk.per_document import walk_rows
from tracker.walk.sql import WALK_SQL

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FEW_WALKS = 3
"""Up to this many walks on one PostgreSQL are one query each, more share one query.

The query for many (``ENTERED_SQL``) is planned on every run, about 0.6 ms on a 2-core
machine; the query for one (``ENTERED_ONE_SQL``) is planned once per connection and runs
in about 0.25 ms (round trip included): three of those cost what one shared query does."""


def walk(
    session: Session,
    statement_id: int,
    max_depth: int = DEFAULT_MAX_DEPTH,
    *,
    document_id: int | None = None,
) -> Walk:
    """Follow ``statement_id``'s chain across documents to its primary sources.

    Always terminates: cycles are flagged ``circular``, chains deeper than ``max_depth``
    hops are cut and flagged ``truncated``. One round trip on one PostgreSQL (the
    statements the chain enters, ``tracker.walk.entered``). On Citus
    one per document the chain enters, plus one to find the statement's shard when the
    caller cannot say which ``document_id`` holds it. A rejected statement is not walked,
    and a link into one is ``broken``, unless the transaction shows rejected statements
    (``tracker.store.visibility``).
    """
    _check_depth(max_depth)
    if is_citus(session):
        return walk_by_call(session, statement_id, max_depth, document_id=document_id)
    return _walk_entered(entered(session, [statement_id], max_depth - 1), statement_id, max_depth)


def walk_by_call(
    session: Session,
    statement_id: int,
    max_depth: int = DEFAULT_MAX_DEPTH,
    *,
    document_id: int | None = None,
) -> Walk:
    """``walk`` by one call of ``tracker_walk_entered`` (migration 0016): how Citus walks
    one statement; it runs on one PostgreSQL too, where the tests hold it to
    ``walk_hop_by_hop``. Raises as ``walk`` does (not found as well when ``document_id``
    is not the statement's)."""
    _check_depth(max_depth)
    seen = entered_by_call(session, statement_id, document_id, max_depth - 1)
    return _walk_entered(seen, statement_id, max_depth)


def walk_hop_by_hop(
    session: Session, statement_id: int, max_depth: int = DEFAULT_MAX_DEPTH
) -> Walk:
    """The walk hop by hop in one recursive query (``WALK_SQL``), on plain PostgreSQL: the
    reference the tests hold every other form to, and the walk as it ran until 2026-12-03
    (benches time it beside ``walk``). Raises as ``walk`` does."""
    _check_depth(max_depth)
    rows = prepared_rows(
        session, WALK_SQL, {"statement_id": statement_id, "max_depth": max_depth - 1}
    )
    if not rows:
        raise NotFoundError("statement", statement_id)
    head = rows[0]
    if not head.head_visible:
        raise RejectedStatementError(statement_id)
    hops = [r for r in rows if r.citation_id is not None]
    return build_walk(statement_id, head.head_document_id, hops, max_depth, head.head_speaker_name)


def walks(
    session: Session,
    heads: Sequence[tuple[int, int | None]],
    max_depth: int = DEFAULT_MAX_DEPTH,
    *,
    strict: bool = False,
) -> dict[int, Walk]:
    """The walks of many ``(statement_id, document_id or None)`` heads; statements that do
    not exist, or that reads do not see (rejected), are left out, or with ``strict`` raise
    as ``walk`` does.

    On Citus every document entered by any of the walks at one level is queried once
    for all of them (a document's statements walked together). On one PostgreSQL more
    than ``FEW_WALKS`` are one query (``tracker.walk.entered``), fewer one each.
    """
    _check_depth(max_depth)
    if is_citus(session):
        return walks_by_document(session, heads, max_depth, strict=strict)
    ids = list(dict.fromkeys(statement_id for statement_id, _ in heads))
    shared = entered(session, ids, max_depth - 1) if len(ids) > FEW_WALKS else None
    found = {}
    for statement_id in ids:
        seen = shared if shared is not None else entered(session, [statement_id], max_depth - 1)
        try:
            found[statement_id] = _walk_entered(seen, statement_id, max_depth)
        except NotFoundError:
            if strict:
                raise
    return found


def _walk_entered(seen: Entered, statement_id: int, max_depth: int) -> Walk:
    """``statement_id``'s walk over the statements ``seen`` (``tracker.walk.entered``)."""
    head = seen.statements.get(statement_id)
    if head is None:
        raise NotFoundError("statement", statement_id)
    if not head.visible:
        raise RejectedStatementError(statement_id)
    rows = seen.rows(statement_id, max_depth - 1)
    return build_walk(statement_id, head.document_id, rows, max_depth, head.speaker_name)


def walks_by_document(
    session: Session,
    heads: Sequence[tuple[int, int | None]],
    max_depth: int = DEFAULT_MAX_DEPTH,
    *,
    strict: bool = False,
) -> dict[int, Walk]:
    """``walks`` one document at a time, on any PostgreSQL (the form Citus needs)."""
    hints: dict[int, int | None] = {}
    for statement_id, document_id in heads:
        if hints.get(statement_id) is None:
            hints[statement_id] = document_id
    rows, landings, names = walk_rows(session, list(hints.items()), max_depth - 1)
    result = {}
    for statement_id in hints:
        landing = landings.get(statement_id)
        if landing is None or landing.document_id is None or not landing.visible:
            if strict and landing is not None and landing.document_id is not None:
                raise RejectedStatementError(statement_id)
            if strict:
                raise NotFoundError("statement", statement_id)
            continue
        speaker = names.get(landing.speaker_id) if landing.speaker_id is not None else None
        result[statement_id] = build_walk(
            statement_id, landing.document_id, rows[statement_id], max_depth, speaker
        )
    return result


def _check_depth(max_depth: int) -> None:
    if not 1 <= max_depth <= MAX_DEPTH_LIMIT:
        raise ParameterError(f"max_depth must be between 1 and {MAX_DEPTH_LIMIT}")


def build_walk(
    statement_id: int,
    document_id: int,
    rows: Iterable[WalkRow],
    max_depth: int,
    speaker_name: str | None = None,
) -> Walk:
    """Turn the walk query's rows (walk order) into a Walk with primary sources and flags.

    The flags are the rules of ``tracker.walk.flags``: per hop (broken, time_inversion,
    altered, misattributed, state_media_origin, truncated), ``circular`` for a hop met
    twice on one path, then what the ends add (anonymous, anonymous_only, complete).
    """
    result = Walk(statement_id=statement_id, document_id=document_id, max_depth=max_depth)
    index_of: dict[int, int] = {}
    flags: set[str] = set()
    primaries: dict[int, SourceBrief] = {}
    for row in rows:
        if row.is_cycle:
            flags.add("circular")
            continue
        truncated = is_truncated(row, max_depth)
        hop = _hop(row, len(result.hops), index_of, is_primary(row, truncated))
        index_of[row.citation_id] = hop.index
        result.hops.append(hop)
        flags |= hop_flags(row, speaker_name, truncated)
        if hop.is_primary:
            primaries.setdefault(hop.source.id, hop.source)
    result.primary_sources = list(primaries.values())
    flags |= end_flags((s.kind for s in result.primary_sources), flags)
    result.flags = sorted(flags)
    return result


def _hop(row: WalkRow, index: int, index_of: dict[int, int], primary: bool) -> WalkHop:
    link = None
    if row.link_method is not None:
        link = {"method": row.link_method, "similarity": row.link_similarity}
    return WalkHop(
        index=index,
        position=row.depth,
        parent=index_of.get(row.parent_walk_id) if row.parent_walk_id else None,
        source=SourceBrief(row.source_id, row.source_name, row.source_kind, row.source_state_media),
        relation=row.relation,
        cue=row.cue,
        citation_id=row.citation_id,
        statement_id=row.statement_id,
        document_id=row.document_id,
        evidence_start=row.evidence_start,
        evidence_end=row.evidence_end,
        continues_statement_id=row.upstream_statement_id,
        continues_document_id=row.upstream_document_id,
        link=link,
        inverted_statement_id=row.inverted_statement_id,
        is_primary=primary,
        review_status=row.review_status,
    )
