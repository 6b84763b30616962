"""Request and response shapes of the HTTP API (msgspec), apart from the tables."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

import msgspec

from tracker.provenance.lookup import ProvenanceItem
from tracker.store.inputs import DocumentIn, HopIn, SourceIn, StatementIn
from tracker.views import DocumentView, SourceBrief, SourceView, StatementView
from tracker.walk.model import Walk

SourceKind = Literal[
    "person", "organization", "news_outlet", "government_body", "document", "anonymous", "unknown"
]
StatementKind = Literal["direct", "indirect", "mixed", "partial"]


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


class Health(msgspec.Struct):
    status: str
    database: str
    server_version: str
    version: str
    extractor: str  # EXTRACTOR_VERSION, recorded on every machine-made statement
    extractor_compiled: bool  # whether the mypyc build is in use (speed only)
    schema: Literal["current", "behind", "ahead"]  # the database's migrations against the code's


__all__ = [
    "DocumentCreate",
    "DocumentPage",
    "Health",
    "SourceBrief",
    "SourcePage",
    "StatementPage",
    "Walk",
]
