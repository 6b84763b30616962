"""Read models returned by tracker's services: plain data, never table objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SourceBrief:
    """The part of a source a read shows: a speaker, an outlet, a hop's source."""

    id: int
    name: str
    kind: str
    state_media: bool = False

    @classmethod
    def from_row(cls, row: Any, prefix: str) -> SourceBrief | None:
        """The source a query row names through ``{prefix}_id``, ``_name``, ``_kind`` and
        ``_state_media`` columns, or None when it names none (an outer join missed)."""
        ident = getattr(row, f"{prefix}_id")
        if ident is None:
            return None
        return cls(
            ident,
            getattr(row, f"{prefix}_name"),
            getattr(row, f"{prefix}_kind"),
            getattr(row, f"{prefix}_state_media"),
        )


@dataclass(frozen=True, slots=True)
class HopView:
    """One stored hop of a statement's own chain (the walk goes further)."""

    id: int
    position: int
    parent_id: int | None
    source: SourceBrief
    relation: str
    cue: str | None
    evidence_start: int | None
    evidence_end: int | None
    upstream_statement_id: int | None
    link: dict[str, Any] | None
    origin: str
    review_status: str = "unreviewed"
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    version: int = 1
    statement_id: int | None = None
    """The statement whose chain this hop is (set where a hop is read on its own)."""


@dataclass(frozen=True, slots=True)
class StatementView:
    """A stored statement with its speaker and its own chain."""

    id: int
    document_id: int
    kind: str
    start: int
    end: int
    text: str
    cue: str | None
    speaker: SourceBrief | None
    speaker_surface: str | None
    origin: str
    review_status: str
    rule: str | None = None
    """The extractor rule that made the statement (None when entered by hand)."""
    chain: list[HopView] = field(default_factory=list)
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    version: int = 1
    """Bumped by every review write; the ETag, checked against If-Match."""


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A stored document, optionally with its statements."""

    id: int
    text: str
    language: str
    url: str | None
    title: str | None
    outlet: SourceBrief | None
    published_at: datetime | None
    ingested_at: datetime
    content_hash: str
    statements: list[StatementView] = field(default_factory=list)
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class SourceView:
    """A stored source with its aliases and affiliation."""

    id: int
    name: str
    kind: str
    role: str | None
    description: str | None
    state_media: bool
    affiliation: SourceBrief | None
    aliases: list[str]
    external_ids: dict[str, Any]
    statement_count: int = 0
    citation_count: int = 0
    version: int = 1
    merged_into: int | None = None
    """The source this one was merged into (a tombstone left by a merge), else None."""


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a keyset-paginated list; ``next_cursor`` is None on the last page."""

    items: list[T]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class AuditView:
    """One row of the audit trail: who did what to which row, before and after."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    before: Any
    after: Any
    note: str | None
    request_id: str | None


@dataclass(frozen=True, slots=True)
class KeyView:
    """An API key as listed: never the key itself, which only its creator ever sees."""

    id: int
    name: str
    role: str
    created_at: datetime
    revoked_at: datetime | None
    last_used_at: datetime | None
