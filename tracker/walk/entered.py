"""The walk on one PostgreSQL: one query for the statements a chain enters, hops walked here.

``ENTERED_SQL`` recurses over statements, not hops: a hop's children belong to its
statement, so one index read brings a statement's whole tree, and a chain told inside
one story is one statement entered however deep it goes. The hop-by-hop recursion
(``WALK_SQL``) did the same walk on the server with a join, an upstream probe and a leaf
probe per hop: about twice the server time for the 8 hops of a deep chain. Walking a
handful of rows in Python costs less than that. ``WALK_SQL``'s rules are kept exactly
(tests/integration/test_walk_layouts.py compares the two on random corpora): depth-first
in sibling order (position, then id); into the linked statement's first hops when a hop
links to another statement, else down to the hop's children; a hop met again on its own
path comes back as a cycle and is not followed; no hop deeper than the bound.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tracker.db import prepared_rows
from tracker.walk.model import WalkRow
from tracker.walk.sql import ENTERED_ONE_SQL, ENTERED_SQL

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class EnteredStatement:
    """A statement the walks may enter: its document, its speaker's name, and whether
    reads see it (``tracker.store.visibility``; a rejected one is a dead end)."""

    document_id: int
    speaker_name: str | None
    visible: bool


@dataclass(slots=True)
class Entered:
    """Every statement the walks may enter and their hops, indexed for the walk."""

    statements: dict[int, EnteredStatement] = field(default_factory=dict)
    roots: dict[int, list[Any]] = field(default_factory=dict)
    """A statement's first hops (no parent), in sibling order."""
    children: dict[int, list[Any]] = field(default_factory=dict)
    """A hop's children by its citation id, in sibling order."""

    def rows(self, statement_id: int, max_depth: int) -> list[WalkRow]:
        """The walk of ``statement_id``: its hops in walk order, as ``WALK_SQL`` gives them.

        ``max_depth`` is the deepest position a hop may take. Iterative, so a chain as deep
        as the bound allows cannot exhaust Python's stack.
        """
        found: list[WalkRow] = []
        stack: list[tuple[Any, int, int | None, frozenset[int]]] = [
            (row, 0, None, frozenset()) for row in reversed(self.roots.get(statement_id, ()))
        ]
        while stack:
            row, depth, parent, path = stack.pop()
            is_cycle = row.citation_id in path
            following, walk_row = self._hop(row, depth, parent, is_cycle)
            found.append(walk_row)
            if following and not is_cycle and depth < max_depth:
                on_path = path | {row.citation_id}
                stack.extend(
                    (child, depth + 1, row.citation_id, on_path) for child in reversed(following)
                )
        return found

    def _hop(
        self, row: Any, depth: int, parent: int | None, is_cycle: bool
    ) -> tuple[Sequence[Any], WalkRow]:
        """The hops that follow ``row``, and its walk row: the linked statement's first
        hops when it links to one (none when that statement is gone or rejected: a broken
        link), else its own children."""
        upstream = None
        if row.upstream_statement_id is None:
            following = self.children.get(row.citation_id, ())
        else:
            upstream = self.statements.get(row.upstream_statement_id)
            if upstream is not None and not upstream.visible:
                upstream = None
            following = self.roots.get(row.upstream_statement_id, ()) if upstream else ()
        walk_row = WalkRow(
            row.citation_id,
            row.statement_id,
            row.document_id,
            parent,
            depth,
            row.relation,
            row.cue,
            row.evidence_start,
            row.evidence_end,
            row.upstream_statement_id,
            row.link_method,
            row.link_similarity,
            row.inverted_statement_id,
            row.review_status,
            is_cycle,
            row.source_id,
            row.source_name,
            row.source_kind,
            row.source_state_media,
            upstream.speaker_name if upstream else None,
            row.upstream_statement_id is not None and upstream is None,
            upstream.document_id if upstream else None,
            not following,
        )
        return following, walk_row


def entered(session: Session, statement_ids: Sequence[int], max_depth: int) -> Entered:
    """One round trip: every statement the walks of ``statement_ids`` may enter within
    ``max_depth`` (the deepest position a hop may take), and all their hops."""
    if len(statement_ids) == 1:
        one = {"statement_id": statement_ids[0], "max_depth": max_depth}
        rows = prepared_rows(session, ENTERED_ONE_SQL, one)
    else:
        many = {"statement_ids": list(statement_ids), "max_depth": max_depth}
        rows = prepared_rows(session, ENTERED_SQL, many)
    found = Entered()
    for row in rows:
        if row.entered_id not in found.statements:
            found.statements[row.entered_id] = EnteredStatement(
                row.entered_document_id, row.entered_speaker_name, row.entered_visible
            )
        if row.citation_id is None:
            continue
        if row.parent_id is None:
            found.roots.setdefault(row.entered_id, []).append(row)
        else:
            found.children.setdefault(row.parent_id, []).append(row)
    return found
