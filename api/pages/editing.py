"""What an editor's statement panel offers: sources to pick, the chain as rows, the search
for the statement a hop came from, and what the last form said back.

Built only for a viewer who may edit: readers and anonymous visitors get no tools, and
the templates draw no control without them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from api.pages.forms import ChainRow, rows_of_chain
from tracker.errors import (
    ConflictError,
    NotFoundError,
    PreconditionFailedError,
    PreconditionRequiredError,
    TrackerError,
    ValidationError,
)
from tracker.views import SourceBrief

if TYPE_CHECKING:
    from tracker.provenance.lookup import ProvenanceItem
    from tracker.views import DocumentView, StatementView

STALE = (
    "Changed meanwhile: someone saved a change here after this page was drawn, so yours "
    "was not saved. This is how it stands now; make your change again if it still needs it."
)
LINK_CANDIDATES = 8


@dataclass(frozen=True, slots=True)
class FieldError:
    """A mistake in one input, by the input's name."""

    name: str
    message: str


@dataclass(frozen=True, slots=True)
class Feedback:
    """What a refused form says: which form, the status it was answered with, a summary,
    and the inputs at fault."""

    form: str
    status: int
    message: str
    errors: tuple[FieldError, ...] = ()

    def error(self, name: str) -> str | None:
        return next((e.message for e in self.errors if e.name == name), None)


def feedback(form: str, exc: TrackerError, field_of: Callable[[str], str] = str) -> Feedback:
    """The page's answer to a refused form: 412 changed meanwhile, 428 no version, 409
    conflict, 404 gone, 422 a mistake in an input (``field_of`` maps the store's field
    names to the form's inputs)."""
    if isinstance(exc, PreconditionFailedError):
        return Feedback(form, 412, STALE)
    if isinstance(exc, PreconditionRequiredError):
        return Feedback(form, 428, str(exc))
    if isinstance(exc, ConflictError):
        return Feedback(form, 409, str(exc))
    if isinstance(exc, NotFoundError):
        return Feedback(form, 404, str(exc))
    errors: tuple[FieldError, ...] = ()
    if isinstance(exc, ValidationError):
        errors = tuple(
            FieldError(field_of(e.get("field", "")), e.get("message") or str(exc))
            for e in exc.errors
            if e.get("field")
        )
    return Feedback(form, 422, str(exc), errors)


@dataclass(frozen=True, slots=True)
class SpeakerFields:
    """The speaker form's values: the current speaker picked, or what was sent."""

    pick: str = ""
    name: str = ""
    kind: str = "person"


@dataclass(frozen=True, slots=True)
class LinkSearch:
    """The search for the statement a hop came from, in other stories."""

    hop_id: int
    quote: str
    candidates: list[ProvenanceItem] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewTools:
    """Everything the review forms of one statement's panel need."""

    sources: list[SourceBrief]
    rows: list[ChainRow]
    speaker: SpeakerFields
    link: LinkSearch | None = None
    feedback: Feedback | None = None

    def feedback_for(self, form: str) -> Feedback | None:
        return self.feedback if self.feedback is not None and self.feedback.form == form else None


def document_sources(document: DocumentView) -> list[SourceBrief]:
    """Every source the story's statements name (speakers and hops), by name: the ones
    an editor most likely means when correcting a speaker or a hop."""
    found: dict[int, SourceBrief] = {}
    for statement in document.statements:
        if statement.speaker is not None:
            found.setdefault(statement.speaker.id, statement.speaker)
        for hop in statement.chain:
            found.setdefault(hop.source.id, hop.source)
    return sorted(found.values(), key=lambda s: (s.name.casefold(), s.id))


def review_tools(
    statement: StatementView,
    document: DocumentView,
    *,
    feedback: Feedback | None = None,
    rows: list[ChainRow] | None = None,
    speaker: SpeakerFields | None = None,
    link: LinkSearch | None = None,
) -> ReviewTools:
    """The panel's forms drawn from the stored statement, or (after a mistake) from what
    was sent, so that nothing typed is lost."""
    current = SpeakerFields(
        pick=str(statement.speaker.id) if statement.speaker else "",
        kind=statement.speaker.kind if statement.speaker else "person",
    )
    return ReviewTools(
        sources=document_sources(document),
        rows=rows if rows is not None else rows_of_chain(statement.chain),
        speaker=speaker or current,
        link=link,
        feedback=feedback,
    )


def link_candidates(items: list[ProvenanceItem], document_id: int) -> list[ProvenanceItem]:
    """Statements in other stories only: a hop continues into another document."""
    return [item for item in items if item.document_id != document_id][:LINK_CANDIDATES]
