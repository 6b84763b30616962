"""The audit trail: append one row beside each change, read it back in keyset pages."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select, text
from sqlmodel import col

from tracker.models import AuditEntry
from tracker.store.documents import id_in
from tracker.store.pagination import page_ids
from tracker.store.validation import check_text_param
from tracker.views import AuditView, Page

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from tracker.access.actor import Actor

_APPEND_SQL = text(
    """
    INSERT INTO audit (actor, action, entity, entity_id, before, after, note, request_id)
    VALUES (:actor, :action, :entity, :entity_id, CAST(:before AS jsonb),
            CAST(:after AS jsonb), :note, :request_id)
    RETURNING id
    """
)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """What one action did, as the audit trail keeps it."""

    actor: str
    action: str
    entity: str
    entity_id: int | None
    before: Any
    after: Any
    note: str | None = None
    request_id: str | None = None


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"cannot record {type(value).__name__} in the audit trail")


def as_json(state: Any) -> str | None:
    """A state (a view dataclass, a dict, None) as the JSON text the trail stores."""
    if state is None:
        return None
    if is_dataclass(state) and not isinstance(state, type):
        state = asdict(state)
    return json.dumps(state, default=_json_default, ensure_ascii=False)


def append(session: Session, record: AuditRecord) -> int:
    """Write the record in the caller's transaction: it commits with the change or not at all."""
    return int(
        session.execute(
            _APPEND_SQL,
            {
                "actor": record.actor,
                "action": record.action,
                "entity": record.entity,
                "entity_id": record.entity_id,
                "before": as_json(record.before),
                "after": as_json(record.after),
                "note": record.note,
                "request_id": record.request_id,
            },
        ).scalar_one()
    )


_APPEND_MANY_SQL = text(
    """
    INSERT INTO audit (actor, action, entity, entity_id, before, after, note, request_id)
    SELECT :actor, :action, :entity, r.entity_id, NULL, r.after, NULL, :request_id
    FROM unnest(CAST(:entity_ids AS bigint[]), CAST(:afters AS jsonb[])) AS r(entity_id, after)
    """
)


def append_created(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    created: Sequence[tuple[int, Any]],
) -> None:
    """One row per created ``(id, state after)``, all in one statement, in the caller's
    transaction: a batch of a thousand documents costs one round trip, not a thousand."""
    if not created:
        return
    session.execute(
        _APPEND_MANY_SQL,
        {
            "actor": actor.name,
            "action": action,
            "entity": entity,
            "request_id": actor.request_id,
            "entity_ids": [ident for ident, _ in created],
            "afters": [as_json(after) for _, after in created],
        },
    )


def list_audit(
    session: Session,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    actor: str | None = None,
    since: datetime | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[AuditView]:
    """The trail newest first, filtered by entity (and id), actor and time, one keyset page."""
    for name, value in (("entity", entity), ("actor", actor)):
        check_text_param(value, name)
    conditions: list[ColumnElement[bool]] = []
    if entity:
        conditions.append(col(AuditEntry.entity) == entity)
    if entity_id is not None:
        conditions.append(col(AuditEntry.entity_id) == entity_id)
    if actor:
        conditions.append(col(AuditEntry.actor) == actor)
    if since is not None:
        conditions.append(col(AuditEntry.at) >= since)
    ids, next_cursor = page_ids(
        session, col(AuditEntry.id), conditions, cursor=cursor, limit=limit, newest_first=True
    )
    rows = {
        r.id: r for r in session.scalars(select(AuditEntry).where(id_in(col(AuditEntry.id), ids)))
    }
    items = [_view(rows[i]) for i in ids]
    return Page(items=items, next_cursor=next_cursor)


def _view(row: AuditEntry) -> AuditView:
    assert row.id is not None
    return AuditView(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
        note=row.note,
        request_id=row.request_id,
    )
