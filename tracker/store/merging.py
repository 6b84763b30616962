"""Merging two sources into one, and splitting an alias off into a source of its own.

A merge moves everything that names the merged source (aliases, speakers, hops,
outlets, affiliations, earlier tombstones) to the source it is merged into, and leaves
the merged row as a tombstone (``merged_into``) so the source resolver sends its name
there on every later write. A split undoes a wrong merge one alias at a time: that
alias becomes a source of the same kind (the tombstone comes back to life if there is
one) and the statements and hops that named it by that alias follow it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import TextClause, text

from tracker.errors import ConflictError, NotFoundError, ValidationError
from tracker.store.layout import is_citus
from tracker.store.names import normalize_name

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_LOCK_SOURCES_SQL = text(
    """
    SELECT id, name, normalized_name, kind, role, state_media, affiliation_id, merged_into,
           version
    FROM source WHERE id = ANY(CAST(:ids AS bigint[])) ORDER BY id FOR UPDATE
    """
)
_MOVE_ALIASES_SQL = text(
    """
    INSERT INTO source_alias (source_id, alias, normalized)
    SELECT CAST(:into AS bigint), alias, normalized FROM source_alias WHERE source_id = :source
    UNION ALL
    SELECT CAST(:into AS bigint), CAST(:name AS text), CAST(:normalized AS text)
    WHERE CAST(:normalized AS text) <> ''
    ON CONFLICT (source_id, normalized) DO NOTHING
    """
)
_DROP_ALIASES_SQL = text("DELETE FROM source_alias WHERE source_id = :source")
_MOVE_SPEAKERS_SQL = text(
    "UPDATE statement SET speaker_id = :into, version = version + 1 "
    "WHERE speaker_id = :source RETURNING id"
)
_MOVE_HOPS_SQL = text(
    "UPDATE citation SET source_id = :into, version = version + 1 "
    "WHERE source_id = :source RETURNING id"
)
_MOVE_OUTLETS_SQL = text(
    "UPDATE document SET outlet_id = :into, version = version + 1 "
    "WHERE outlet_id = :source RETURNING id"
)
_MOVE_AFFILIATIONS_SQL = text(
    """
    UPDATE source SET affiliation_id = CASE WHEN id = :into THEN NULL ELSE :into END,
                      version = version + 1
    WHERE affiliation_id = :source AND id <> :source RETURNING id
    """
)
_MOVE_TOMBSTONES_SQL = text(
    "UPDATE source SET merged_into = :into WHERE merged_into = :source RETURNING id"
)
_ENRICH_TARGET_SQL = text(
    """
    UPDATE source SET state_media = state_media OR :state_media,
                      role = coalesce(role, :role),
                      affiliation_id = coalesce(affiliation_id, :affiliation_id),
                      version = version + 1
    WHERE id = :into
    """
)
_TOMBSTONE_SQL = text(
    "UPDATE source SET merged_into = :into, version = version + 1 WHERE id = :source"
)
_ALIAS_SQL = text(
    "SELECT id, alias FROM source_alias WHERE source_id = :source AND normalized = :normalized"
)
_SAME_NAME_SQL = text(
    """
    SELECT id, merged_into FROM source
    WHERE normalized_name = :normalized AND kind = :kind AND kind <> 'anonymous'
    FOR UPDATE
    """
)
_REVIVE_SQL = text(
    "UPDATE source SET merged_into = NULL, version = version + 1 WHERE id = :id RETURNING id"
)
_NEW_SOURCE_SQL = text(
    "INSERT INTO source (name, normalized_name, kind) VALUES (:name, :normalized, :kind) "
    "RETURNING id"
)
_GIVE_ALIAS_SQL = text("UPDATE source_alias SET source_id = :new WHERE id = :alias_id")
_SPEAKER_SURFACES_SQL = "SELECT id, speaker_surface FROM statement WHERE speaker_id = :source"
_HOP_SURFACES_SQL = (
    "SELECT id, statement_id, source_surface FROM citation WHERE source_id = :source"
)
_LOCKING = {False: " FOR UPDATE", True: ""}
"""Rows read to be moved are locked on one PostgreSQL; Citus locks rows only through one
shard (a FOR UPDATE across shards is refused), so there the source's own lock, taken
first, is what keeps two merges or splits of it apart."""
_SET_SPEAKER_SQL = text(
    "UPDATE statement SET speaker_id = :new, version = version + 1 "
    "WHERE id = ANY(CAST(:ids AS bigint[]))"
)
_SET_HOP_SOURCE_SQL = text(
    "UPDATE citation SET source_id = :new, version = version + 1 "
    "WHERE id = ANY(CAST(:ids AS bigint[]))"
)
_BUMP_SQL = text("UPDATE source SET version = version + 1 WHERE id = :id")


@dataclass(slots=True)
class Moved:
    """The ids of what a merge or split moved from one source to another (for the audit)."""

    statements: list[int] = field(default_factory=list)
    citations: list[int] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    affiliated_sources: list[int] = field(default_factory=list)
    tombstones: list[int] = field(default_factory=list)


def lock_sources(session: Session, ids: list[int]) -> dict[int, Any]:
    """The sources' rows, locked in id order (two merges never deadlock on the order)."""
    return {r.id: r for r in session.execute(_LOCK_SOURCES_SQL, {"ids": ids})}


def _ids(session: Session, statement: Any, params: dict[str, Any]) -> list[int]:
    return sorted(int(r.id) for r in session.execute(statement, params))


def check_mergeable(rows: dict[int, Any], source_id: int, into_id: int) -> None:
    if source_id == into_id:
        raise ValidationError(
            "a source cannot be merged into itself", [{"field": "into", "message": "same source"}]
        )
    if source_id not in rows:
        raise NotFoundError("source", source_id)
    if into_id not in rows:
        raise ValidationError(
            f"source {into_id} does not exist",
            [{"field": "into", "message": f"source {into_id} does not exist"}],
        )
    for ident in (source_id, into_id):
        row = rows[ident]
        if row.kind == "anonymous":
            raise ConflictError(f"source {ident} is anonymous: anonymous sources are never merged")
        if row.merged_into is not None:
            raise ConflictError(f"source {ident} was merged into source {row.merged_into} already")


def merge_sources(session: Session, source_id: int, into_id: int) -> Moved:
    """Merge source ``source_id`` into ``into_id``; the first stays as a tombstone."""
    rows = lock_sources(session, sorted({source_id, into_id}))
    check_mergeable(rows, source_id, into_id)
    merged = rows[source_id]
    params = {"source": source_id, "into": into_id}
    session.execute(
        _MOVE_ALIASES_SQL,
        {**params, "name": merged.name, "normalized": normalize_name(merged.name)},
    )
    session.execute(_DROP_ALIASES_SQL, params)
    moved = Moved(
        statements=_ids(session, _MOVE_SPEAKERS_SQL, params),
        citations=_ids(session, _MOVE_HOPS_SQL, params),
        documents=_ids(session, _MOVE_OUTLETS_SQL, params),
        affiliated_sources=_ids(session, _MOVE_AFFILIATIONS_SQL, params),
        tombstones=_ids(session, _MOVE_TOMBSTONES_SQL, params),
    )
    affiliation = merged.affiliation_id if merged.affiliation_id != into_id else None
    session.execute(
        _ENRICH_TARGET_SQL,
        {
            "into": into_id,
            "state_media": merged.state_media,
            "role": merged.role,
            "affiliation_id": affiliation,
        },
    )
    session.execute(_TOMBSTONE_SQL, params)
    return moved


@dataclass(frozen=True, slots=True)
class SplitOutcome:
    """The source an alias was split into, whether it was new, and what followed it."""

    source_id: int
    created: bool
    moved: Moved


def _split_target(session: Session, source: Any, alias: str, normalized: str) -> tuple[int, bool]:
    """The source the alias becomes: a tombstone of it merged here comes back, else a new
    source; a live source of that name and kind already exists: merge, do not split."""
    same = session.execute(_SAME_NAME_SQL, {"normalized": normalized, "kind": source.kind}).first()
    if same is None:
        new_id = session.execute(
            _NEW_SOURCE_SQL, {"name": alias, "normalized": normalized, "kind": source.kind}
        ).scalar_one()
        return int(new_id), True
    if same.merged_into == source.id:
        session.execute(_REVIVE_SQL, {"id": same.id})
        return int(same.id), False
    raise ConflictError(
        f"source {same.id} already has the name {alias!r} and kind {source.kind}: "
        "merge the sources instead"
    )


def split_source(session: Session, source_id: int, alias: str) -> SplitOutcome:
    """Make ``alias`` of ``source_id`` a source of its own, of the same kind.

    Statements whose speaker was named by that alias follow it, and so do hops named by
    it, and the hops (without a surface of their own) of the statements that moved.
    """
    source = lock_sources(session, [source_id]).get(source_id)
    if source is None:
        raise NotFoundError("source", source_id)
    if source.kind == "anonymous" or source.merged_into is not None:
        raise ConflictError(f"source {source_id} is anonymous or merged: nothing to split")
    normalized = normalize_name(alias)
    problem = None
    if not normalized:
        problem = "must contain letters or digits"
    elif normalized == source.normalized_name:
        problem = "is the source's own name; split off another alias"
    row = session.execute(_ALIAS_SQL, {"source": source_id, "normalized": normalized}).first()
    if problem is None and row is None:
        problem = f"is not an alias of source {source_id}"
    if problem is not None:
        raise ValidationError(
            f"alias {alias!r} {problem}", [{"field": "alias", "message": problem}]
        )
    assert row is not None
    target, created = _split_target(session, source, row.alias, normalized)
    session.execute(_GIVE_ALIAS_SQL, {"new": target, "alias_id": row.id})
    moved = _move_by_surface(session, source_id, target, normalized)
    session.execute(_BUMP_SQL, {"id": source_id})
    return SplitOutcome(target, created, moved)


def _move_by_surface(session: Session, source_id: int, target: int, normalized: str) -> Moved:
    statements = sorted(
        r.id
        for r in session.execute(_locking(session, _SPEAKER_SURFACES_SQL), {"source": source_id})
        if r.speaker_surface and normalize_name(r.speaker_surface) == normalized
    )
    moved_statements = set(statements)
    citations = sorted(
        r.id
        for r in session.execute(_locking(session, _HOP_SURFACES_SQL), {"source": source_id})
        if (r.source_surface and normalize_name(r.source_surface) == normalized)
        or (not r.source_surface and r.statement_id in moved_statements)
    )
    if statements:
        session.execute(_SET_SPEAKER_SQL, {"new": target, "ids": statements})
    if citations:
        session.execute(_SET_HOP_SOURCE_SQL, {"new": target, "ids": citations})
    return Moved(statements=statements, citations=citations)


def _locking(session: Session, query: str) -> TextClause:
    return text(query + _LOCKING[is_citus(session)])
