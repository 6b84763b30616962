"""Validated-on-write input shapes shared by the API, the CLI and the extractor bridge."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class SourceIn:
    """A source as named by the input: resolved to a stored source on write."""

    name: str
    kind: str = "unknown"
    role: str | None = None
    affiliation: str | None = None
    state_media: bool = False


@dataclass(frozen=True, slots=True)
class HopIn:
    """One hop of a chain as given: who passed the words on, and how.

    ``parent`` is the index of the hop this one is cited by; None means the hop just
    before it (a straight chain), so branches are written as two hops with one parent.
    """

    source: SourceIn
    relation: str = "said"
    cue: str | None = None
    upstream_statement_id: int | None = None
    parent: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    surface: str | None = None


@dataclass(frozen=True, slots=True)
class StatementIn:
    """One statement: a span of the document, its speaker, and its chain.

    The chain runs from the nearest relay to the primary source; an empty chain means
    first-hand, stored as ``[speaker]``.
    """

    start: int
    end: int
    kind: str
    speaker: SourceIn | None = None
    chain: tuple[HopIn, ...] = ()
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_surface: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentIn:
    """A document to store, with statements given by hand or by the extractor."""

    text: str
    language: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None
    statements: tuple[StatementIn, ...] | None = None
    extra_sources: tuple[SourceIn, ...] = field(default=())
