"""The statements one walk enters, gathered by one call of ``tracker_walk_entered`` (Citus).

On Citus a recursive query may not leave a shard, so ``ENTERED_ONE_SQL`` cannot run
there. The function (migration 0016) gathers the same statements a level at a time, one
routed read per document entered, and names the sources with one read; it does not walk
them. Its answer is one row of arrays, turned here into the ``Entered`` that the one-node
walk builds from its query (``tracker.walk.entered``), so both layouts walk the hops with
the same code. Before 0016 the Citus walk of one statement walked each document's rows
with a recursive query on the coordinator and sent every row back with its path and
sort path (``tracker.walk.per_document``, which still serves walks of many statements):
the walk of a random statement at 1 million statements is 12% faster this way at
p50 and 16% at p99 (docs/SCALING.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from tracker.db import prepared_rows
from tracker.walk.entered import Entered, EnteredStatement
from tracker.walk.sql import WALK_ENTERED_SQL

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class CalledHop(NamedTuple):
    """One hop of the function's answer, with the fields ``Entered.rows`` reads of an
    ``ENTERED_SQL`` row (its document is its statement's; the source's name, kind and mark
    are None if the read of ``source`` did not find it, as that query's outer join)."""

    citation_id: int
    statement_id: int
    document_id: int
    parent_id: int | None
    relation: str
    cue: str | None
    evidence_start: int | None
    evidence_end: int | None
    upstream_statement_id: int | None
    link_method: str | None
    link_similarity: float | None
    inverted_statement_id: int | None
    review_status: str
    source_id: int
    source_name: str | None
    source_kind: str | None
    source_state_media: bool | None


UNNAMED: tuple[Any, Any, Any] = (None, None, None)
"""A source the read did not find (as the one-node query's outer join leaves it)."""


def entered_by_call(
    session: Session, statement_id: int, document_id: int | None, max_depth: int
) -> Entered:
    """One call: every statement the walk of ``statement_id`` may enter within
    ``max_depth`` (the deepest position a hop may take), and their hops. ``document_id``
    is the statement's document if the caller knows it (one read fewer); a statement that
    does not exist, or is not in that document, gives nothing."""
    params = {"statement_id": statement_id, "document_id": document_id, "max_depth": max_depth}
    (row,) = prepared_rows(session, WALK_ENTERED_SQL, params)
    found = Entered()
    if row.o_statement is None:
        return found
    sources = {
        i: (name, kind, state_media)
        for i, name, kind, state_media in zip(
            row.o_source_id or (),
            row.o_source_name or (),
            row.o_source_kind or (),
            row.o_source_state_media or (),
            strict=True,
        )
    }
    for entered_id, document, speaker, visible in zip(
        row.o_statement, row.o_document, row.o_speaker, row.o_visible, strict=True
    ):
        name = sources.get(speaker, UNNAMED)[0] if speaker is not None else None
        found.statements[entered_id] = EnteredStatement(document, name, visible)
    for hop in _hops_in_sibling_order(row):
        (
            _,
            citation_id,
            entered_id,
            parent_id,
            source_id,
            relation,
            cue,
            evidence_start,
            evidence_end,
            upstream_id,
            link_method,
            link_similarity,
            inverted_id,
            status,
        ) = hop
        name, kind, state_media = sources.get(source_id, UNNAMED)
        # a rejected statement's hops come too (ENTERED_SQL leaves them out): the walk
        # never follows them, since it stops at a statement it may not see
        called = CalledHop(
            citation_id, entered_id, found.statements[entered_id].document_id, parent_id,
            relation, cue, evidence_start, evidence_end, upstream_id, link_method,
            link_similarity, inverted_id, status, source_id, name, kind, state_media,
        )  # fmt: skip
        if parent_id is None:
            found.roots.setdefault(entered_id, []).append(called)
        else:
            found.children.setdefault(parent_id, []).append(called)
    return found


def _hops_in_sibling_order(row: Any) -> list[tuple[Any, ...]]:
    """The hops as tuples (position, id, statement, parent, source, then ``CalledHop``'s
    fields from relation to review status), in sibling order: position, then id."""
    if row.o_hop is None:
        return []
    return sorted(
        zip(
            row.o_position,
            row.o_hop,
            row.o_hop_statement,
            row.o_parent,
            row.o_source,
            row.o_relation,
            row.o_cue,
            row.o_evidence_start,
            row.o_evidence_end,
            row.o_upstream,
            row.o_link_method,
            row.o_link_similarity,
            row.o_inverted,
            row.o_review_status,
            strict=True,
        )
    )
