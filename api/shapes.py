"""The shapes of JSON the API builds as plain dicts (walks, reports, exports, stats), for
the OpenAPI document only: the handlers return the dicts; schemathesis checks that every
response matches these (tests/api/test_openapi_contract.py)."""

from __future__ import annotations

from typing import Any, Literal

import msgspec
from litestar.openapi.spec import OpenAPIType, Reference, Schema

from tracker.reports.corpus import SourcesReport
from tracker.reports.document import ReportSummary
from tracker.views import SourceBrief

ReviewStatus = Literal["unreviewed", "confirmed", "edited", "rejected"]
StatementKind = Literal["direct", "indirect", "mixed", "partial"]


class LinkJson(msgspec.Struct):
    """How a hop was linked to the statement it continues into."""

    method: str
    similarity: float | None


class WalkHopJson(msgspec.Struct):
    """One hop met on a walk, parents before children."""

    index: int
    position: int
    parent: int | None
    source: SourceBrief
    relation: str
    cue: str | None
    citation_id: int
    statement_id: int
    document_id: int
    evidence_start: int | None
    evidence_end: int | None
    continues_statement_id: int | None
    continues_document_id: int | None
    link: LinkJson | None
    inverted_statement_id: int | None
    is_primary: bool


class WalkJson(msgspec.Struct):
    """A statement's chain walked to its primary sources (format json)."""

    statement_id: int
    document_id: int
    hops: list[WalkHopJson]
    primary_sources: list[SourceBrief]
    flags: list[str]
    max_depth: int


class ReportHopJson(msgspec.Struct):
    """A hop in a document report."""

    position: int
    parent: int | None
    source: SourceBrief
    relation: str
    cue: str | None
    statement_id: int
    document_id: int
    continues_statement_id: int | None
    continues_document_id: int | None
    link: LinkJson | None
    review_status: ReviewStatus
    is_primary: bool


class FirstAppearanceJson(msgspec.Struct):
    """Where a statement's words appeared first, when that is another document."""

    statement_id: int
    document_id: int
    outlet: str | None
    published_at: str | None


class StatementReportJson(msgspec.Struct):
    """One statement of a document report, walked and flagged."""

    id: int
    kind: StatementKind
    text: str
    start: int
    end: int
    speaker: SourceBrief | None
    review_status: ReviewStatus
    hops: list[ReportHopJson]
    paths: list[str]
    primary_sources: list[SourceBrief]
    depth: int
    flags: list[str]
    unverified_hops: int
    first_appearance: FirstAppearanceJson | None
    appearances: int
    chain: str


class ReportDocumentJson(msgspec.Struct):
    id: int
    title: str | None
    url: str | None
    language: str | None
    outlet: str | None
    published_at: str | None


class DocumentReportJson(msgspec.Struct):
    """A document's citation-chain report (format json)."""

    document: ReportDocumentJson
    summary: ReportSummary
    statements: list[StatementReportJson]


class ProvJson(msgspec.Struct):
    """W3C PROV-JSON (format prov-json): namespaces, then records by kind, one bundle per
    document (https://www.w3.org/submissions/prov-json/)."""

    prefix: dict[str, str]
    entity: dict[str, Any] | None = None
    agent: dict[str, Any] | None = None
    bundle: dict[str, Any] | None = None


class Stats(msgspec.Struct):
    """What the database holds."""

    documents: int
    statements: int
    sources: dict[str, int]
    """Sources by kind (merged sources not counted)."""
    citations: int


_TEXT = Schema(type=OpenAPIType.STRING)
JSON_LD = Schema(
    type=OpenAPIType.OBJECT,
    required=["@context"],
    description="schema.org JSON-LD (format jsonld)",
)
WALK_CONTENT: dict[str, Schema | Reference] = {
    "text/turtle": Schema(type=OpenAPIType.STRING, description="W3C PROV-O (format prov-o)"),
    "application/ld+json": JSON_LD,
}
"""A walk's exports besides JSON (PROV-JSON is JSON too: ``WalkJson | ProvJson``)."""
DOCUMENT_REPORT_CONTENT: dict[str, Schema | Reference] = {
    "text/markdown": _TEXT,
    "text/csv": _TEXT,
    "text/html": _TEXT,
    **WALK_CONTENT,
}
SOURCES_REPORT_CONTENT: dict[str, Schema | Reference] = {
    "text/markdown": _TEXT,
    "text/csv": _TEXT,
    "text/html": _TEXT,
}

__all__ = [
    "DOCUMENT_REPORT_CONTENT",
    "SOURCES_REPORT_CONTENT",
    "WALK_CONTENT",
    "DocumentReportJson",
    "ProvJson",
    "SourcesReport",
    "Stats",
    "WalkJson",
]
