"""/api/v1/keys: make, list and revoke API keys (admin)."""

from __future__ import annotations

from litestar import Controller, delete, get, post

from api.auth import ADMIN, access
from api.params import KeyName
from api.schemas import KeyCreate, KeyCreated, KeyList
from tracker.access.actor import Actor
from tracker.service import TrackerService
from tracker.views import KeyView


class KeyController(Controller):
    path = "/keys"
    tags = ["keys"]

    @get("/", sync_to_thread=True, summary="Every key (never the key itself)", **access(ADMIN))
    def list(self, service: TrackerService) -> KeyList:
        return KeyList(items=service.list_keys())

    @post(
        "/",
        sync_to_thread=True,
        summary="Make a key; the response is the only place it is ever shown",
        **access(ADMIN, 409),
    )
    def create(self, data: KeyCreate, service: TrackerService, actor: Actor) -> KeyCreated:
        created = service.create_key(actor, data.name, data.role)
        view = created.view
        return KeyCreated(
            name=view.name, role=view.role, key=created.key, created_at=view.created_at
        )

    @delete(
        "/{name:str}",
        sync_to_thread=True,
        status_code=200,
        summary="Revoke a key: the next request with it gets 401",
        **access(ADMIN, 409),
    )
    def revoke(self, name: KeyName, service: TrackerService, actor: Actor) -> KeyView:
        return service.revoke_key(actor, name)
