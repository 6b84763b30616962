"""Review in the page: each form posts here, one service call, then back to the panel.

POST, redirect, GET: a success redirects (303) to the statement's panel saying what was
done; a refused form draws the page again with the form's answer beside it (412 when
the statement changed meanwhile, 422 with the inputs at fault) and writes nothing. Every
form carries the version it was drawn from, the page's If-Match. Editors only (merging
sources and deleting a story: admins), signed in with a desk session whose form token was checked.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, post
from litestar.enums import RequestEncodingType
from litestar.params import Body
from litestar.response import Redirect, Template

from api.auth import ADMIN, EDITOR, ROLE_OPT
from api.pages.documents import document_page
from api.pages.editing import SpeakerFields, feedback
from api.pages.forms import (
    chain_error_field,
    chain_of_rows,
    note_of,
    optional_id,
    rows_of_form,
    speaker_edit,
    speaker_error_field,
    text_value,
    version_of,
)
from api.pages.links import DONE_PARAM, after_action
from api.pages.sources import source_page
from api.pages.viewer import Viewer
from tracker.access.actor import Actor
from tracker.errors import (
    ConflictError,
    NotFoundError,
    PreconditionFailedError,
    PreconditionRequiredError,
    ValidationError,
)
from tracker.service import TrackerService
from tracker.vocabulary import REJECTED

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
REFUSED = (ValidationError, PreconditionFailedError, PreconditionRequiredError, ConflictError)
"""What a form can get wrong: shown beside it. Anything else (404, 503) is an error page."""
DECISIONS = ("confirm", "reject")


class ReviewPages(Controller):
    include_in_schema = False
    opt = {ROLE_OPT: EDITOR}

    @post("/statements/{statement_id:int}/review", sync_to_thread=True)
    def review(
        self,
        statement_id: int,
        data: FormData,
        service: TrackerService,
        actor: Actor,
        current_user: Viewer | None,
    ) -> Redirect | Template:
        """Confirm or reject; a rejected statement leaves the page, so the browser goes
        back to the document rather than to its panel."""
        action = text_value(data, "action")
        try:
            if action not in DECISIONS:
                raise ValidationError("choose confirm or reject", [{"field": "action"}])
            view = service.review_statement(
                actor,
                statement_id,
                "confirm" if action == "confirm" else "reject",
                note=note_of(data),
                if_version=version_of(data),
            )
        except REFUSED as exc:
            return self._again(service, current_user, statement_id, feedback("review", exc))
        if action == "reject":
            return Redirect(after_action(view.document_id, None, "rejected"), status_code=303)
        return Redirect(after_action(view.document_id, view.id, "confirmed"), status_code=303)

    @post("/statements/{statement_id:int}/speaker", sync_to_thread=True)
    def speaker(
        self,
        statement_id: int,
        data: FormData,
        service: TrackerService,
        actor: Actor,
        current_user: Viewer | None,
    ) -> Redirect | Template:
        """A typed name (and kind) or a source picked from the story's sources."""
        try:
            view = service.edit_statement(
                actor,
                statement_id,
                speaker_edit(data),
                note=note_of(data),
                if_version=version_of(data),
            )
        except REFUSED as exc:
            answer = feedback("speaker", exc, speaker_error_field)
            sent = SpeakerFields(
                pick=text_value(data, "speaker_id"),
                name=text_value(data, "speaker_name"),
                kind=text_value(data, "speaker_kind") or "person",
            )
            keep = sent if answer.status == 422 else None
            return self._again(service, current_user, statement_id, answer, speaker=keep)
        return Redirect(after_action(view.document_id, view.id, "speaker"), status_code=303)

    @post("/statements/{statement_id:int}/chain", sync_to_thread=True)
    def chain(
        self,
        statement_id: int,
        data: FormData,
        service: TrackerService,
        actor: Actor,
        current_user: Viewer | None,
    ) -> Redirect | Template:
        """The chain as its rows say: hops kept, renamed, re-picked, removed, added and
        put in the order of their positions; the whole chain replaced in one action."""
        rows = rows_of_form(data)
        ordered = rows
        try:
            hops, ordered = chain_of_rows(rows)
            view = service.replace_chain(
                actor, statement_id, hops, note=note_of(data), if_version=version_of(data)
            )
        except REFUSED as exc:
            answer = feedback("chain", exc, lambda f: chain_error_field(f, ordered))
            keep = rows if answer.status == 422 else None
            return self._again(service, current_user, statement_id, answer, rows=keep)
        return Redirect(after_action(view.document_id, view.id, "chain"), status_code=303)

    @post("/citations/{citation_id:int}/upstream", sync_to_thread=True)
    def upstream(
        self,
        citation_id: int,
        data: FormData,
        service: TrackerService,
        actor: Actor,
        current_user: Viewer | None,
    ) -> Redirect | Template:
        """Link the hop to a statement found by its words in another story (or unlink)."""
        try:
            target = optional_id(data, "statement_id")
            hop = service.set_upstream(
                actor, citation_id, target, note=note_of(data), if_version=version_of(data)
            )
        except REFUSED as exc:
            statement_id = service.get_hop(citation_id).statement_id
            assert statement_id is not None
            return self._again(service, current_user, statement_id, feedback("link", exc))
        assert hop.statement_id is not None
        statement = service.get_statement(hop.statement_id)
        done = "linked" if target is not None else "unlinked"
        return Redirect(after_action(statement.document_id, statement.id, done), status_code=303)

    @post("/documents/{document_id:int}/review", sync_to_thread=True)
    def document_review(
        self,
        document_id: int,
        data: FormData,
        service: TrackerService,
        actor: Actor,
        current_user: Viewer | None,
    ) -> Redirect | Template:
        """Mark the whole story reviewed."""
        try:
            service.review_document(
                actor, document_id, note=note_of(data), if_version=version_of(data)
            )
        except REFUSED as exc:
            return document_page(
                service, current_user, document_id, None, feedback=feedback("document", exc)
            )
        return Redirect(f"/documents/{document_id}?{DONE_PARAM}=reviewed", status_code=303)

    @post("/documents/{document_id:int}/delete", sync_to_thread=True, opt={ROLE_OPT: ADMIN})
    def document_delete(
        self,
        document_id: int,
        data: FormData,
        service: TrackerService,
        actor: Actor,
        current_user: Viewer | None,
    ) -> Redirect | Template:
        """Delete the story with its statements and chains, once the box is ticked."""
        try:
            if text_value(data, "confirm") != "yes":
                raise ValidationError(
                    "tick the box to confirm: the story, its statements and chains go",
                    [{"field": "confirm", "message": "tick the box to delete the story"}],
                )
            service.delete_document(
                actor, document_id, note=note_of(data), if_version=version_of(data)
            )
        except REFUSED as exc:
            return document_page(
                service, current_user, document_id, None, feedback=feedback("document", exc)
            )
        return Redirect(f"/?{DONE_PARAM}=deleted", status_code=303)

    @post("/sources/{source_id:int}/merge", sync_to_thread=True, opt={ROLE_OPT: ADMIN})
    def merge(
        self,
        source_id: int,
        data: FormData,
        service: TrackerService,
        actor: Actor,
        current_user: Viewer | None,
    ) -> Redirect | Template:
        """Merge this source into the one picked; the browser goes to the one kept."""
        try:
            into = optional_id(data, "into") or optional_id(data, "into_id")
            if into is None:
                raise ValidationError(
                    "pick the source to merge into",
                    [{"field": "into_id", "message": "pick a source, or give its number"}],
                )
            kept = service.merge_sources(
                actor, source_id, into, note=note_of(data), if_version=version_of(data)
            )
        except (*REFUSED, NotFoundError) as exc:  # the other source may not exist
            return source_page(service, current_user, source_id, feedback=feedback("merge", exc))
        return Redirect(f"/sources/{kept.id}?{DONE_PARAM}=merged", status_code=303)

    @staticmethod
    def _again(
        service: TrackerService,
        current_user: Viewer | None,
        statement_id: int,
        answer: Any,
        **sent: Any,
    ) -> Template:
        """The statement's page again, its panel showing the form's answer (the document
        alone, the answer on top, when someone rejected the statement meanwhile)."""
        statement = service.get_statement(statement_id)
        if statement.review_status == REJECTED:
            return document_page(
                service, current_user, statement.document_id, None, feedback=answer
            )
        return document_page(
            service,
            current_user,
            statement.document_id,
            statement.id,
            feedback=answer,
            **sent,
        )
