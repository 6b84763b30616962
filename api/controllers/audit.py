"""/api/v1/audit: the append-only trail of review and key actions (editor and admin)."""

from __future__ import annotations

from typing import Annotated, Literal

from litestar import Controller, get
from litestar.params import Parameter, QueryParameter

from api.auth import EDITOR, access
from api.params import NO_NUL, Cursor, EntityFilter, Limit, Since, parse_since
from api.schemas import AuditPage
from tracker.service import TrackerService

Entity = Literal["statement", "citation", "source", "document", "api_key"]
"""What an audit row is about (tracker.vocabulary.AUDIT_ENTITIES)."""


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
        **access(EDITOR),
    )
    def list(
        self,
        service: TrackerService,
        entity: Annotated[Entity | None, Parameter(description="What the rows are about")] = None,
        entity_id: EntityFilter = None,
        actor_name: Annotated[
            str | None,
            QueryParameter(
                name="actor", description="a key's name", schema_extra={"pattern": NO_NUL}
            ),
        ] = None,
        since: Since = None,
        cursor: Cursor = None,
        limit: Limit = None,
    ) -> AuditPage:
        page = service.audit(
            entity=entity,
            entity_id=entity_id,
            actor=actor_name,
            since=parse_since(since),
            cursor=cursor,
            limit=limit,
        )
        return AuditPage(items=page.items, next_cursor=page.next_cursor)
