"""The review actions as the service offers them: one write transaction each, with its
audit row inside it (a mixin of ``tracker.service.TrackerService``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from tracker.review import actions

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.access.actor import Actor
    from tracker.review.actions import Decision
    from tracker.store.inputs import ChainHopIn, StatementEdit
    from tracker.views import DocumentView, HopView, SourceView, StatementView

T = TypeVar("T")


class ReviewActions:
    """Confirm, reject and correct; merge, split and delete. Each takes the ``Actor`` it is
    done by, recorded in the audit row its transaction writes."""

    def _write(self, work: Callable[[Session], T]) -> T:
        raise NotImplementedError  # TrackerService's: one write transaction, retried

    def review_statement(
        self,
        actor: Actor,
        statement_id: int,
        decision: Decision,
        *,
        note: str | None = None,
        if_version: int | None = None,
    ) -> StatementView:
        """Confirm or reject a statement (confirming confirms its unreviewed hops too)."""
        return self._write(
            lambda s: actions.review_statement(
                s, actor, statement_id, decision, note=note, if_version=if_version
            )
        )

    def edit_statement(
        self,
        actor: Actor,
        statement_id: int,
        edit: StatementEdit,
        *,
        note: str | None = None,
        if_version: int | None = None,
    ) -> StatementView:
        """Correct a statement's span, kind or speaker."""
        return self._write(
            lambda s: actions.edit_statement(
                s, actor, statement_id, edit, note=note, if_version=if_version
            )
        )

    def replace_chain(
        self,
        actor: Actor,
        statement_id: int,
        chain: tuple[ChainHopIn, ...],
        *,
        note: str | None = None,
        if_version: int | None = None,
    ) -> StatementView:
        """Replace a statement's chain (nearest relay first)."""
        return self._write(
            lambda s: actions.replace_chain(
                s, actor, statement_id, chain, note=note, if_version=if_version
            )
        )

    def set_upstream(
        self,
        actor: Actor,
        citation_id: int,
        upstream_statement_id: int | None,
        *,
        note: str | None = None,
        if_version: int | None = None,
    ) -> HopView:
        """Link a hop to the statement it came from elsewhere, or remove that link."""
        return self._write(
            lambda s: actions.set_upstream(
                s, actor, citation_id, upstream_statement_id, note=note, if_version=if_version
            )
        )

    def merge_sources(
        self,
        actor: Actor,
        source_id: int,
        into_id: int,
        *,
        note: str | None = None,
        if_version: int | None = None,
    ) -> SourceView:
        """Merge a source into another (never an anonymous one); returns the one kept."""
        return self._write(
            lambda s: actions.merge_sources(
                s, actor, source_id, into_id, note=note, if_version=if_version
            )
        )

    def split_source(
        self,
        actor: Actor,
        source_id: int,
        alias: str,
        *,
        note: str | None = None,
        if_version: int | None = None,
    ) -> SourceView:
        """Make an alias of a source a source of its own; returns the new source."""
        return self._write(
            lambda s: actions.split_source(
                s, actor, source_id, alias, note=note, if_version=if_version
            )
        )

    def review_document(
        self,
        actor: Actor,
        document_id: int,
        *,
        note: str | None = None,
        if_version: int | None = None,
    ) -> DocumentView:
        """Mark a document reviewed."""
        return self._write(
            lambda s: actions.review_document(
                s, actor, document_id, note=note, if_version=if_version
            )
        )

    def delete_document(
        self,
        actor: Actor,
        document_id: int,
        *,
        note: str | None = None,
        if_version: int | None = None,
    ) -> None:
        """Delete a document and all it carries; links into it from elsewhere are removed."""
        self._write(
            lambda s: actions.delete_document(
                s, actor, document_id, note=note, if_version=if_version
            )
        )

    def delete_source(
        self,
        actor: Actor,
        source_id: int,
        *,
        note: str | None = None,
        if_version: int | None = None,
    ) -> None:
        """Delete a source nothing names any more (a named one is refused: merge it first)."""
        self._write(
            lambda s: actions.delete_source(s, actor, source_id, note=note, if_version=if_version)
        )
