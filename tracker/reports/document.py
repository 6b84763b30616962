"""One document's citation-chain report: every statement walked, flagged and summed up."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from tracker.provenance.appearances import load_appearing
from tracker.provenance.matching import find_matches
from tracker.provenance.rules import (
    Appearing,
    drift_flags,
    in_publication_order,
    is_single_source,
)
from tracker.store import documents
from tracker.store.layout import is_citus
from tracker.vocabulary import REVIEWED_STATUSES
from tracker.walk.model import DEFAULT_MAX_DEPTH, REPORT_HOP_FIELDS, Walk, WalkHop, hop_json
from tracker.walk.sql import PRIMARY_SOURCES_SQL
from tracker.walk.trees import chain_paths
from tracker.walk.walker import walks, walks_by_document

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.views import DocumentView, SourceBrief, StatementView


@dataclass(frozen=True, slots=True)
class StatementReport:
    """One statement of the document with its walked chain and every flag we know of."""

    id: int
    kind: str
    text: str
    start: int
    end: int
    speaker: SourceBrief | None
    review_status: str
    hops: list[WalkHop]
    paths: list[str]
    """Each root-to-leaf path of the chain as "A → B → C"."""
    primary_sources: list[SourceBrief]
    depth: int
    flags: list[str]
    unverified_hops: int
    first_appearance: dict[str, Any] | None
    """Where the words appeared first when that is another document, else None."""
    appearances: int

    @property
    def chain(self) -> str:
        """All paths in one line, for a CSV cell or a table."""
        return "; ".join(self.paths)

    def to_dict(self) -> dict[str, Any]:
        """The statement in the report's JSON; its hops in the report's hop shape."""
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": asdict(self.speaker) if self.speaker is not None else None,
            "review_status": self.review_status,
            "hops": [hop_json(h, REPORT_HOP_FIELDS) for h in self.hops],
            "paths": list(self.paths),
            "primary_sources": [asdict(s) for s in self.primary_sources],
            "depth": self.depth,
            "flags": list(self.flags),
            "unverified_hops": self.unverified_hops,
            "first_appearance": self.first_appearance,
            "appearances": self.appearances,
            "chain": self.chain,
        }


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """The document at a glance: shares add up to one over named, anonymous and unresolved."""

    statements: int
    named_primary: int
    anonymous: int
    unresolved: int
    via_state_media: int
    circular: int
    hops: int
    unverified_hops: int
    named_primary_share: float
    anonymous_share: float
    unresolved_share: float
    state_media_share: float


@dataclass(frozen=True, slots=True)
class DocumentReport:
    """A document's citation-chain report."""

    document: dict[str, Any]
    statements: list[StatementReport]
    summary: ReportSummary
    text: str = field(repr=False, default="")
    """The document's text, kept for highlighting; left out of the JSON."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "summary": asdict(self.summary),
            "statements": [s.to_dict() for s in self.statements],
        }


@dataclass(frozen=True, slots=True)
class _Seen:
    """What the statement's appearances elsewhere add: flags, first appearance, count."""

    flags: frozenset[str]
    first: dict[str, Any] | None
    count: int


def document_report(session: Session, document_id: int) -> DocumentReport:
    """Walk every statement of the document and sum up where its words come from.

    One walk and one candidate lookup per statement, then two set-based queries for
    the whole document (appearances' context, their primary sources): a 20-statement
    document stays well under a second.
    """
    doc = documents.get_document(session, document_id)
    walked = walks(session, [(st.id, doc.id) for st in doc.statements])
    seen = _appearances(session, doc)
    statements = [_statement_report(st, walked[st.id], seen[st.id]) for st in doc.statements]
    return DocumentReport(
        document=_document_meta(doc),
        statements=statements,
        summary=_summary(statements),
        text=doc.text,
    )


def _appearances(session: Session, doc: DocumentView) -> dict[int, _Seen]:
    """The flags tracker.provenance.appearances gives each statement, for all at once.

    The same rules (tracker.provenance.rules), but the appearances' primary sources come
    from one batched walk query instead of a walk each.
    """
    matches = {
        st.id: {m.statement_id for m in find_matches(session, st.text, language=doc.language)}
        | {st.id}
        for st in doc.statements
    }
    ids = sorted(set().union(*matches.values())) if matches else []
    found = load_appearing(session, ids)
    primaries = _primary_sources(session, found)
    return {
        sid: _seen(found[sid], [found[i] for i in carrying if i in found], primaries)
        for sid, carrying in matches.items()
    }


def _primary_sources(session: Session, found: dict[int, Appearing]) -> dict[int, set[int]]:
    """The primary sources each statement's walk ends at, for all of them at once: one
    query seeded with every statement, or on Citus one per document they live in."""
    primaries: dict[int, set[int]] = {}
    if is_citus(session):
        heads = [(i, a.document_id) for i, a in found.items()]
        for statement_id, w in walks_by_document(session, heads).items():
            primaries[statement_id] = {s.id for s in w.primary_sources}
        return primaries
    params = {"ids": sorted(found), "max_depth": DEFAULT_MAX_DEPTH - 1}
    for r in session.execute(PRIMARY_SOURCES_SQL, params):
        primaries.setdefault(r.root_id, set()).add(r.source_id)
    return primaries


def _seen(own: Appearing, items: list[Appearing], primaries: dict[int, set[int]]) -> _Seen:
    ordered = in_publication_order(items)
    first = ordered[0]
    flags = drift_flags(own, first)
    if is_single_source(ordered, primaries):
        flags.add("single_source")
    first_appearance = None
    if first.statement_id != own.statement_id:
        published = first.published_at
        first_appearance = {
            "statement_id": first.statement_id,
            "document_id": first.document_id,
            "outlet": first.outlet,
            "published_at": published.isoformat() if published else None,
        }
    return _Seen(frozenset(flags), first_appearance, len(ordered))


def _document_meta(doc: DocumentView) -> dict[str, Any]:
    return {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "language": doc.language,
        "outlet": doc.outlet.name if doc.outlet else None,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
    }


def _statement_report(st: StatementView, w: Walk, seen: _Seen) -> StatementReport:
    return StatementReport(
        id=st.id,
        kind=st.kind,
        text=st.text,
        start=st.start,
        end=st.end,
        speaker=st.speaker,
        review_status=st.review_status,
        hops=w.hops,
        paths=chain_paths(w.hops),
        primary_sources=w.primary_sources,
        depth=w.depth,
        flags=sorted(set(w.flags) | seen.flags),
        unverified_hops=sum(1 for h in w.hops if h.review_status not in REVIEWED_STATUSES),
        first_appearance=seen.first,
        appearances=seen.count,
    )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _summary(statements: list[StatementReport]) -> ReportSummary:
    """Named, anonymous and unresolved are disjoint: ``complete`` excludes anonymous ends."""
    total = len(statements)
    named = sum(1 for s in statements if "complete" in s.flags)
    anonymous = sum(1 for s in statements if "anonymous" in s.flags and "complete" not in s.flags)
    state = sum(1 for s in statements if "state_media_origin" in s.flags)
    unresolved = total - named - anonymous
    return ReportSummary(
        statements=total,
        named_primary=named,
        anonymous=anonymous,
        unresolved=unresolved,
        via_state_media=state,
        circular=sum(1 for s in statements if "circular" in s.flags),
        hops=sum(len(s.hops) for s in statements),
        unverified_hops=sum(s.unverified_hops for s in statements),
        named_primary_share=_share(named, total),
        anonymous_share=_share(anonymous, total),
        unresolved_share=_share(unresolved, total),
        state_media_share=_share(state, total),
    )
