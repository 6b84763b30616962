"""Adding a story from the start page: pasted text or uploaded files, for an editor.

Stored through the service, all or nothing, then POST-redirect-GET to the story's page
(several files: to the start page, where they lead the recent documents). A mistake
draws the start page again with the message beside its input and what was typed kept.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from api.auth import EDITOR, ROLE_OPT
from api.pages.desk import RECENT_DOCUMENTS
from api.pages.editing import feedback
from api.pages.forms import story_inputs, text_value, uploads
from api.pages.links import ADD_STORY_PATH, DONE_PARAM
from api.pages.templating import page
from api.pages.viewer import Viewer
from tracker.access.actor import Actor
from tracker.errors import TooLargeError, ValidationError
from tracker.service import TrackerService

MultipartForm = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART)]
STORY_FIELDS = ("text", "outlet", "url", "published_at")
STORE_FIELDS = {"doc.url": "url", "url": "url", "outlet": "outlet", "published_at": "published_at"}
"""The store's field names of a document, as the form's inputs (anything else: text)."""


def _story_field(field: str, files: bool) -> str:
    """The input a store error is about: files for an uploaded story's own fields."""
    if field == "files" or (files and field not in ("outlet", "published_at")):
        return "files"
    return STORE_FIELDS.get(field, "text")


class StoryPages(Controller):
    include_in_schema = False
    opt = {ROLE_OPT: EDITOR}

    @post(ADD_STORY_PATH, sync_to_thread=True)
    def add(
        self,
        data: MultipartForm,
        service: TrackerService,
        actor: Actor,
        current_user: Viewer | None,
    ) -> Redirect | Template:
        try:
            stories = story_inputs(data)
            stored = service.create_documents(stories, actor)
        except (ValidationError, TooLargeError) as exc:
            files = bool(uploads(data))
            answer = feedback("story", exc, lambda field: _story_field(field, files))
            return page(
                "start",
                current_user,
                answer.status,
                overview=service.overview(RECENT_DOCUMENTS),
                story={name: text_value(data, name) for name in STORY_FIELDS},
                feedback=answer,
            )
        if len(stored) == 1:
            done = "added" if stored[0].created else "known"
            return Redirect(
                f"/documents/{stored[0].document.id}?{DONE_PARAM}={done}", status_code=303
            )
        return Redirect(f"/?{DONE_PARAM}=added-several", status_code=303)
