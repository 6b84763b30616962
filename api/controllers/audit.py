"""/api/v1/audit: the append-only trail of review and key actions (editor and admin)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar import Controller, get
from litestar.params import Parameter, QueryParameter

from api.auth import EDITOR, access
from api.schemas import AuditPage
from tracker.service import TrackerService


class AuditController(Controller):
    path = "/audit"
    tags = ["audit"]

    @get(
        "/",
        sync_to_thread=True,
        summary="Who changed what, newest first (keyset pages)",
        description=(
            "Each row: at, actor (the key's name), action, entity and entity_id, the state "
            "before and after, the note and the request id."
        ),
        **access(EDITOR, 400, 422),
    )
    def list(
        self,
        service: TrackerService,
        entity: str | None = Parameter(
            default=None, description="statement, citation, source, document or api_key"
        ),
        entity_id: Annotated[int | None, QueryParameter(name="id", description="entity id")] = None,
        actor_name: Annotated[
            str | None, QueryParameter(name="actor", description="a key's name")
        ] = None,
        since: datetime | None = Parameter(default=None, description="ISO 8601 time"),
        cursor: str | None = None,
        limit: int | None = Parameter(default=None, ge=1, le=500),
    ) -> AuditPage:
        page = service.audit(
            entity=entity,
            entity_id=entity_id,
            actor=actor_name,
            since=since,
            cursor=cursor,
            limit=limit,
        )
        return AuditPage(items=page.items, next_cursor=page.next_cursor)
