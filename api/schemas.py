"""Request and response shapes of the HTTP API (msgspec), apart from the tables."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec

from tracker.provenance.lookup import ProvenanceItem
from tracker.store.inputs import (
    ChainHopIn,
    DocumentIn,
    HopIn,
    SourceIn,
    StatementEdit,
    StatementIn,
)
from tracker.views import AuditView, DocumentView, KeyView, SourceBrief, SourceView, StatementView
from tracker.walk.model import Walk

SourceKind = Literal[
    "person", "organization", "news_outlet", "government_body", "document", "anonymous", "unknown"
]
StatementKind = Literal["direct", "indirect", "mixed", "partial"]
Role = Literal["reader", "editor", "admin"]
Note = Annotated[str, msgspec.Meta(max_length=4000, description="Why: kept in the audit trail")]


class SourceBody(msgspec.Struct, kw_only=True):
    """A speaker as named in a request; resolved to a stored source."""

    name: str
    kind: SourceKind = "unknown"
    role: str | None = None
    affiliation: str | None = None
    state_media: bool = False

    def to_input(self) -> SourceIn:
        return SourceIn(self.name, self.kind, self.role, self.affiliation, self.state_media)


class HopBody(SourceBody, kw_only=True):
    """One hop of a chain, nearest relay first; ``parent`` (hop index) makes branches."""

    relation: str = "said"
    cue: str | None = None
    upstream_statement_id: int | None = None
    parent: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None

    def to_hop(self) -> HopIn:
        return HopIn(
            source=self.to_input(),
            relation=self.relation,
            cue=self.cue,
            upstream_statement_id=self.upstream_statement_id,
            parent=self.parent,
            evidence_start=self.evidence_start,
            evidence_end=self.evidence_end,
        )


class StatementBody(msgspec.Struct, kw_only=True):
    """A statement: the same shape `tracker extract --format json` prints."""

    start: int
    end: int
    kind: StatementKind
    cue: str | None = None
    text: str | None = None
    """Optional copy of the span; when given it must equal text[start:end]."""
    speaker: SourceBody | None = None
    chain: list[HopBody] = msgspec.field(default_factory=list)

    def to_input(self) -> StatementIn:
        return StatementIn(
            start=self.start,
            end=self.end,
            kind=self.kind,
            speaker=self.speaker.to_input() if self.speaker else None,
            chain=tuple(h.to_hop() for h in self.chain),
            cue=self.cue,
        )


class DocumentCreate(msgspec.Struct, kw_only=True):
    """Body of POST /api/v1/documents."""

    text: str
    language: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None
    statements: list[StatementBody] | None = None

    def to_input(self) -> DocumentIn:
        return DocumentIn(
            text=self.text,
            language=self.language,
            url=self.url,
            title=self.title,
            outlet=self.outlet,
            published_at=self.published_at,
            statements=(
                tuple(s.to_input() for s in self.statements)
                if self.statements is not None
                else None
            ),
        )

    def span_errors(self) -> list[dict[str, str]]:
        """Statements whose given ``text`` is not the span they point at."""
        errors = []
        for i, st in enumerate(self.statements or []):
            if st.text is not None and 0 <= st.start < st.end <= len(self.text):
                if self.text[st.start : st.end] != st.text:
                    errors.append(
                        {
                            "field": f"statements[{i}].text",
                            "message": "does not match text[start:end]",
                        }
                    )
        return errors


class StatementPage(msgspec.Struct):
    """One keyset page of statements."""

    items: list[StatementView]
    next_cursor: str | None


class DocumentPage(msgspec.Struct):
    """One keyset page of documents (without statements), newest first."""

    items: list[DocumentView]
    next_cursor: str | None


class SourcePage(msgspec.Struct):
    """One keyset page of sources."""

    items: list[SourceView]
    next_cursor: str | None


class ProvenanceResult(msgspec.Struct):
    """Statements matching a pasted quote, best first."""

    items: list[ProvenanceItem]


class ReviewBody(msgspec.Struct, kw_only=True):
    """Body of POST /statements/{id}/review."""

    action: Literal["confirm", "reject"]
    note: Note | None = None


class SpeakerRef(msgspec.Struct, kw_only=True):
    """A speaker by name and kind (resolved like the extractor's mentions) or by ``id``."""

    id: int | None = None
    name: str | None = None
    kind: SourceKind = "unknown"
    role: str | None = None
    affiliation: str | None = None

    def to_source(self) -> SourceIn | None:
        if self.name is None:
            return None
        return SourceIn(self.name, self.kind, self.role, self.affiliation)


class StatementPatch(msgspec.Struct, kw_only=True):
    """Body of PATCH /statements/{id}: the span (start, end), the kind or the speaker."""

    start: int | None = None
    end: int | None = None
    kind: StatementKind | None = None
    speaker: SpeakerRef | None = None
    note: Note | None = None

    def to_edit(self) -> StatementEdit:
        speaker = self.speaker
        return StatementEdit(
            start=self.start,
            end=self.end,
            kind=self.kind,
            speaker=speaker.to_source() if speaker is not None else None,
            speaker_id=speaker.id if speaker is not None else None,
        )

    def speaker_errors(self) -> list[dict[str, str]]:
        """A speaker must be named (name) or given (id), not both, not neither."""
        if self.speaker is None or (self.speaker.id is None) != (self.speaker.name is None):
            return []
        return [{"field": "speaker", "message": "give name and kind, or id"}]


class ChainHopBody(msgspec.Struct, kw_only=True):
    """One hop of a replaced chain: a source by name and kind, or by ``source_id``."""

    name: str | None = None
    kind: SourceKind = "unknown"
    role: str | None = None
    affiliation: str | None = None
    source_id: int | None = None
    relation: str = "said"
    cue: str | None = None

    def to_hop(self) -> ChainHopIn:
        source = None
        if self.name is not None:
            source = SourceIn(self.name, self.kind, self.role, self.affiliation)
        return ChainHopIn(
            source=source, source_id=self.source_id, relation=self.relation, cue=self.cue
        )


class ChainPut(msgspec.Struct, kw_only=True):
    """Body of PUT /statements/{id}/chain: the whole chain, nearest relay first."""

    chain: list[ChainHopBody]
    note: Note | None = None


class UpstreamPut(msgspec.Struct, kw_only=True):
    """Body of PUT /citations/{id}/upstream: the statement the hop came from, or null."""

    statement_id: int | None
    note: Note | None = None


class MergeBody(msgspec.Struct, kw_only=True):
    """Body of POST /sources/{id}/merge."""

    into: int
    note: Note | None = None


class SplitBody(msgspec.Struct, kw_only=True):
    """Body of POST /sources/{id}/split."""

    alias: str
    note: Note | None = None


class DocumentReviewBody(msgspec.Struct, kw_only=True):
    """Body of POST /documents/{id}/review (optional)."""

    note: Note | None = None


class KeyCreate(msgspec.Struct, kw_only=True):
    """Body of POST /keys."""

    name: str
    role: Role


class KeyCreated(msgspec.Struct, kw_only=True):
    """A new key: the only response that ever shows it."""

    name: str
    role: str
    key: str
    created_at: datetime


class KeyList(msgspec.Struct):
    items: list[KeyView]


class AuditPage(msgspec.Struct):
    """One keyset page of the audit trail, newest first."""

    items: list[AuditView]
    next_cursor: str | None


class Health(msgspec.Struct):
    status: str
    database: str
    server_version: str
    version: str
    extractor: str  # EXTRACTOR_VERSION, recorded on every machine-made statement
    extractor_compiled: bool  # whether the mypyc build is in use (speed only)
    schema: Literal["current", "behind", "ahead"]  # the database's migrations against the code's


__all__ = [
    "AuditPage",
    "ChainPut",
    "DocumentCreate",
    "DocumentPage",
    "Health",
    "SourceBrief",
    "SourcePage",
    "StatementPage",
    "Walk",
]
