"""Citation-chain reports: one document's statements with their chains, and the corpus's sources."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import text

from tracker import chains
from tracker.chains import SourceBrief, Walk, WalkHop
from tracker.errors import ValidationError
from tracker.matching import find_matches
from tracker.provenance import different_speaker, order_key
from tracker.store import documents

if TYPE_CHECKING:
    from jinja2 import Environment
    from sqlalchemy.orm import Session

    from tracker.views import DocumentView, StatementView

REPORT_FORMATS = ("json", "md", "csv", "html")
"""Formats every report renders to."""

MEDIA_TYPES = {
    "json": "application/json",
    "md": "text/markdown",
    "csv": "text/csv",
    "html": "text/html",
}
ARROW = " → "
CUT = "…"
"""Shown after a hop whose chain was cut (a cycle or the depth bound), not a primary source."""
MAX_SOURCES_LIMIT = 100


@dataclass(frozen=True, slots=True)
class Rendered:
    """A report or export as text, with the media type to serve it as."""

    content: str
    media_type: str


@dataclass(frozen=True, slots=True)
class ReportHop:
    """One hop of a walked chain as a report shows it, with its review status."""

    position: int
    parent: int | None
    source: SourceBrief
    relation: str
    cue: str | None
    statement_id: int
    document_id: int
    continues_statement_id: int | None
    continues_document_id: int | None
    link: dict[str, Any] | None
    review_status: str
    is_primary: bool


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
    hops: list[ReportHop]
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
            "statements": [{**asdict(s), "chain": s.chain} for s in self.statements],
        }


@dataclass(frozen=True, slots=True)
class SourceCount:
    """A source with how many statements and documents it accounts for."""

    source: SourceBrief
    statements: int
    documents: int
    hops: int = 0


@dataclass(frozen=True, slots=True)
class StateMediaChain:
    """A statement whose chain ends in or passes through state media."""

    statement_id: int
    document_id: int
    published_at: datetime | None
    paths: list[str]
    state_media: list[str]
    ends_in_state_media: bool


@dataclass(frozen=True, slots=True)
class SourcesReport:
    """The corpus's most-cited primary sources, busiest relays and state-media chains."""

    primary_sources: list[SourceCount]
    relaying_outlets: list[SourceCount]
    state_media_chains: list[StateMediaChain]
    state_media_total: int
    limit: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- documents

_REVIEW_SQL = text("SELECT id, review_status FROM citation WHERE id = ANY(:ids)")
_CONTEXT_SQL = text(
    """
    SELECT s.id, s.document_id, s.fingerprint, s.speaker_id, d.published_at,
           o.name AS outlet, sp.name AS speaker_name, sp.kind AS speaker_kind
    FROM statement s JOIN document d ON d.id = s.document_id
    LEFT JOIN source o ON o.id = d.outlet_id
    LEFT JOIN source sp ON sp.id = s.speaker_id
    WHERE s.id = ANY(:ids)
    """
)
# The walk of tracker.chains seeded with many statements at once, keeping only which
# sources each one ends at: the primary sources of every appearance in one query.
_PRIMARIES_SQL = text(
    """
    WITH RECURSIVE walk (root_id, citation_id, source_id, upstream_statement_id, depth) AS (
        SELECT c.statement_id, c.id, c.source_id, c.upstream_statement_id, 0
        FROM citation c
        WHERE c.statement_id = ANY(:ids) AND c.parent_id IS NULL
      UNION ALL
        SELECT w.root_id, n.id, n.source_id, n.upstream_statement_id, w.depth + 1
        FROM walk w
    """
    + chains.NEXT_HOPS_SQL
    + """
        WHERE w.depth < :max_depth
    ) CYCLE citation_id SET is_cycle USING cycle_path
    SELECT DISTINCT w.root_id, w.source_id FROM walk w
    WHERE NOT w.is_cycle AND
    """
    + chains.IS_LEAF_SQL
)


@dataclass(frozen=True, slots=True)
class _Seen:
    """What the statement's appearances elsewhere add: flags, first appearance, count."""

    flags: frozenset[str]
    first: dict[str, Any] | None
    count: int


def document_report(session: Session, document_id: int) -> DocumentReport:
    """Walk every statement of the document and sum up where its words come from.

    One walk and one candidate lookup per statement, then three set-based queries for
    the whole document (review states, appearances' context, their primary sources):
    a 20-statement document stays well under a second.
    """
    doc = documents.get_document(session, document_id)
    walks = {st.id: chains.walk(session, st.id) for st in doc.statements}
    citation_ids = [h.citation_id for w in walks.values() for h in w.hops]
    review = {r.id: r.review_status for r in session.execute(_REVIEW_SQL, {"ids": citation_ids})}
    seen = _appearances(session, doc)
    statements = [_statement_report(st, walks[st.id], review, seen[st.id]) for st in doc.statements]
    return DocumentReport(
        document=_document_meta(doc),
        statements=statements,
        summary=_summary(statements),
        text=doc.text,
    )


def _appearances(session: Session, doc: DocumentView) -> dict[int, _Seen]:
    """The flags tracker.provenance.appearances gives each statement, for all at once.

    Same rules (altered and misattributed against the first appearance, single_source
    when every document carrying the words ends at one primary source), but the
    appearances' primary sources come from one batched query instead of a walk each.
    """
    matches = {
        st.id: {m.statement_id for m in find_matches(session, st.text, language=doc.language)}
        | {st.id}
        for st in doc.statements
    }
    ids = sorted(set().union(*matches.values())) if matches else []
    rows = {r.id: r._asdict() for r in session.execute(_CONTEXT_SQL, {"ids": ids})}
    primaries: dict[int, set[int]] = {}
    params = {"ids": ids, "max_depth": chains.DEFAULT_MAX_DEPTH - 1}
    for r in session.execute(_PRIMARIES_SQL, params):
        primaries.setdefault(r.root_id, set()).add(r.source_id)
    return {
        sid: _seen(rows[sid], [rows[i] for i in found if i in rows], primaries)
        for sid, found in matches.items()
    }


def _seen(own: dict[str, Any], rows: list[dict[str, Any]], primaries: dict[int, set[int]]) -> _Seen:
    ordered = sorted(rows, key=order_key)
    first = ordered[0]
    flags: set[str] = set()
    if own["id"] != first["id"]:
        if own["fingerprint"] != first["fingerprint"]:
            flags.add("altered")
        if different_speaker(own, first):
            flags.add("misattributed")
    per_document = {r["document_id"]: frozenset(primaries.get(r["id"], ())) for r in ordered}
    origins = set(per_document.values())
    if len(per_document) >= 2 and len(origins) == 1 and len(next(iter(origins))) == 1:
        flags.add("single_source")
    first_appearance = None
    if first["id"] != own["id"]:
        published = first["published_at"]
        first_appearance = {
            "statement_id": first["id"],
            "document_id": first["document_id"],
            "outlet": first["outlet"],
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


def _statement_report(
    st: StatementView, w: Walk, review: dict[int, str], seen: _Seen
) -> StatementReport:
    hops = [_report_hop(h, review.get(h.citation_id, "unreviewed")) for h in w.hops]
    return StatementReport(
        id=st.id,
        kind=st.kind,
        text=st.text,
        start=st.start,
        end=st.end,
        speaker=st.speaker,
        review_status=st.review_status,
        hops=hops,
        paths=chain_paths(w),
        primary_sources=w.primary_sources,
        depth=w.depth,
        flags=sorted(set(w.flags) | seen.flags),
        unverified_hops=sum(1 for h in hops if h.review_status != "confirmed"),
        first_appearance=seen.first,
        appearances=seen.count,
    )


def _report_hop(hop: WalkHop, review_status: str) -> ReportHop:
    return ReportHop(
        position=hop.position,
        parent=hop.parent,
        source=hop.source,
        relation=hop.relation,
        cue=hop.cue,
        statement_id=hop.statement_id,
        document_id=hop.document_id,
        continues_statement_id=hop.continues_statement_id,
        continues_document_id=hop.continues_document_id,
        link=hop.link,
        review_status=review_status,
        is_primary=hop.is_primary,
    )


class _Hop(Protocol):
    @property
    def parent(self) -> int | None: ...
    @property
    def source(self) -> SourceBrief: ...
    @property
    def is_primary(self) -> bool: ...


def hop_paths(hops: Sequence[_Hop]) -> list[list[int]]:
    """Every root-to-leaf path of a walked tree, as indices into ``hops`` (walk order)."""
    children: dict[int | None, list[int]] = {}
    for index, hop in enumerate(hops):
        children.setdefault(hop.parent, []).append(index)
    paths: list[list[int]] = []

    def descend(index: int, path: list[int]) -> None:
        path = [*path, index]
        below = children.get(index, [])
        if not below:
            paths.append(path)
        for child in below:
            descend(child, path)

    for root in children.get(None, []):
        descend(root, [])
    return paths


def chain_paths(w: Walk) -> list[str]:
    """Every root-to-leaf path of a walk as "A → B → C"; a cut path ends in "…"."""
    return [_path_text(w.hops, path) for path in hop_paths(w.hops)]


def _path_text(hops: Sequence[_Hop], path: list[int]) -> str:
    names = [hops[i].source.name for i in path]
    return ARROW.join(names if hops[path[-1]].is_primary else [*names, CUT])


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


# --------------------------------------------------------------------------- corpus

# Leaf hops end a statement's own chain: no hop cites further and no link goes upstream.
_PRIMARY_SQL = text(
    """
    SELECT s.id, s.name, s.kind, s.state_media,
           count(DISTINCT c.statement_id) AS statements,
           count(DISTINCT c.document_id) AS documents, count(*) AS hops
    FROM citation c JOIN source s ON s.id = c.source_id
    WHERE c.upstream_statement_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM citation k WHERE k.parent_id = c.id)
    GROUP BY s.id
    ORDER BY statements DESC, documents DESC, s.name, s.id
    LIMIT :limit
    """
)
_RELAY_SQL = text(
    """
    SELECT s.id, s.name, s.kind, s.state_media,
           count(DISTINCT c.statement_id) AS statements,
           count(DISTINCT c.document_id) AS documents, count(*) AS hops
    FROM citation c JOIN source s ON s.id = c.source_id
    WHERE s.kind = 'news_outlet'
      AND (c.upstream_statement_id IS NOT NULL
           OR EXISTS (SELECT 1 FROM citation k WHERE k.parent_id = c.id))
    GROUP BY s.id
    ORDER BY statements DESC, documents DESC, s.name, s.id
    LIMIT :limit
    """
)
# Statements with a state-media hop of their own, then (UNION dedupes, so it ends) every
# statement whose hop links upstream into one already reached.
_STATE_MEDIA_SQL = text(
    """
    WITH RECURSIVE reach (statement_id) AS (
        SELECT c.statement_id FROM citation c JOIN source s ON s.id = c.source_id
        WHERE s.state_media
      UNION
        SELECT c.statement_id FROM citation c
        JOIN reach r ON c.upstream_statement_id = r.statement_id
    )
    SELECT st.id, st.document_id, d.published_at, count(*) OVER () AS total
    FROM reach r JOIN statement st ON st.id = r.statement_id
    JOIN document d ON d.id = st.document_id
    ORDER BY d.published_at DESC NULLS LAST, st.id DESC
    LIMIT :limit
    """
)


def sources_report(session: Session, limit: int = 20) -> SourcesReport:
    """The corpus at a glance, in three set-based queries plus one walk per listed chain."""
    if not 1 <= limit <= MAX_SOURCES_LIMIT:
        raise ValidationError(
            f"limit must be between 1 and {MAX_SOURCES_LIMIT}", [{"field": "limit"}]
        )
    primary = [_source_count(r) for r in session.execute(_PRIMARY_SQL, {"limit": limit})]
    relays = [_source_count(r) for r in session.execute(_RELAY_SQL, {"limit": limit})]
    rows = session.execute(_STATE_MEDIA_SQL, {"limit": limit}).all()
    chains_ = [_state_media_chain(chains.walk(session, r.id), r.published_at) for r in rows]
    return SourcesReport(
        primary_sources=primary,
        relaying_outlets=relays,
        state_media_chains=chains_,
        state_media_total=int(rows[0].total) if rows else 0,
        limit=limit,
    )


def _source_count(row: Any) -> SourceCount:
    return SourceCount(
        source=SourceBrief(row.id, row.name, row.kind, row.state_media),
        statements=int(row.statements),
        documents=int(row.documents),
        hops=int(row.hops),
    )


def _state_media_chain(w: Walk, published_at: datetime | None) -> StateMediaChain:
    names = list(dict.fromkeys(h.source.name for h in w.hops if h.source.state_media))
    return StateMediaChain(
        statement_id=w.statement_id,
        document_id=w.document_id,
        published_at=published_at,
        paths=chain_paths(w),
        state_media=names,
        ends_in_state_media=any(s.state_media for s in w.primary_sources),
    )


# --------------------------------------------------------------------------- renderers

AnyReport = DocumentReport | SourcesReport


def check_format(fmt: str, allowed: tuple[str, ...] = REPORT_FORMATS) -> None:
    """Refuse an unknown format up front, naming the ones that exist."""
    if fmt not in allowed:
        raise ValidationError(
            f"unknown format {fmt!r}; use one of {', '.join(allowed)}",
            [{"field": "format", "message": f"unknown format {fmt!r}"}],
        )


def render(report: AnyReport, fmt: str) -> Rendered:
    """The report in ``fmt`` (json, md, csv, html) with its media type."""
    check_format(fmt)
    renderers = {"json": to_json, "md": to_markdown, "csv": to_csv, "html": to_html}
    return Rendered(renderers[fmt](report), MEDIA_TYPES[fmt])


def to_json(report: AnyReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str)


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _md_cell(value: object) -> str:
    """Table cells must not break the table: pipes escaped, lines joined."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(report: AnyReport) -> str:
    if isinstance(report, DocumentReport):
        return _document_markdown(report)
    return _sources_markdown(report)


def _document_markdown(report: DocumentReport) -> str:
    meta, s = report.document, report.summary
    title = meta["title"] or f"Document {meta['id']}"
    url = f" · <{meta['url']}>" if meta["url"] else ""
    lines = [
        f"# Citation chains: {title}",
        "",
        f"Document {meta['id']} · {meta['outlet'] or 'outlet unknown'} · "
        f"{meta['published_at'] or 'date unknown'}{url}",
        "",
        "## Summary",
        "",
        "| measure | value |",
        "|---|---|",
        f"| statements | {s.statements} |",
        f"| traced to a named primary source | {s.named_primary} "
        f"({_percent(s.named_primary_share)}) |",
        f"| ending anonymous | {s.anonymous} ({_percent(s.anonymous_share)}) |",
        f"| unresolved | {s.unresolved} ({_percent(s.unresolved_share)}) |",
        f"| via state media | {s.via_state_media} ({_percent(s.state_media_share)}) |",
        f"| unverified hops | {s.unverified_hops} of {s.hops} |",
        f"| circular chains | {s.circular} |",
        "",
        "## Statements",
    ]
    for st in report.statements:
        lines.extend(_statement_markdown(st))
    return "\n".join(lines) + "\n"


def _statement_markdown(st: StatementReport) -> list[str]:
    speaker = st.speaker.name if st.speaker else "unknown"
    lines = [
        "",
        f"### Statement {st.id} ({st.kind}, {speaker})",
        "",
        "> " + st.text.replace("\n", " "),
        "",
    ]
    lines += [f"- chain: {path}" for path in st.paths] or ["- chain: (none)"]
    primaries = ", ".join(p.name for p in st.primary_sources) or "none"
    lines += [
        f"- primary sources: {primaries}",
        f"- depth: {st.depth}",
        f"- flags: {', '.join(st.flags) or 'none'}",
        f"- unverified hops: {st.unverified_hops}",
    ]
    if st.first_appearance:
        first = st.first_appearance
        lines.append(
            f"- first appearance: statement {first['statement_id']} in document "
            f"{first['document_id']} ({first['outlet'] or 'outlet unknown'}, "
            f"{first['published_at'] or 'date unknown'})"
        )
    return lines


def _sources_markdown(report: SourcesReport) -> str:
    lines = ["# Sources across the corpus", "", "## Most-cited primary sources", ""]
    lines += _counts_table(report.primary_sources)
    lines += ["", "## Outlets that relay the most", ""]
    lines += _counts_table(report.relaying_outlets)
    lines += [
        "",
        f"## Chains through state media ({report.state_media_total} statements)",
        "",
        "| statement | document | chain | state media | ends there |",
        "|---|---|---|---|---|",
    ]
    for c in report.state_media_chains:
        lines.append(
            f"| {c.statement_id} | {c.document_id} | {_md_cell('; '.join(c.paths))} | "
            f"{_md_cell(', '.join(c.state_media))} | {'yes' if c.ends_in_state_media else 'no'} |"
        )
    return "\n".join(lines) + "\n"


def _counts_table(counts: list[SourceCount]) -> list[str]:
    lines = ["| source | kind | statements | documents |", "|---|---|---|---|"]
    for c in counts:
        mark = " (state media)" if c.source.state_media else ""
        lines.append(
            f"| {_md_cell(c.source.name)}{mark} | {c.source.kind} | {c.statements} "
            f"| {c.documents} |"
        )
    return lines


CSV_COLUMNS = ("id", "kind", "speaker", "chain", "primary_sources", "depth", "flags")


def to_csv(report: AnyReport) -> str:
    """One row per statement (document) or per listed item (sources)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if isinstance(report, DocumentReport):
        writer.writerow(CSV_COLUMNS)
        writer.writerows(_statement_row(st) for st in report.statements)
    else:
        writer.writerow(("section", "id", "name", "kind", "statements", "documents", "detail"))
        writer.writerows(_sources_rows(report))
    return out.getvalue()


def _statement_row(st: StatementReport) -> tuple[object, ...]:
    return (
        st.id,
        st.kind,
        st.speaker.name if st.speaker else "",
        st.chain,
        "; ".join(p.name for p in st.primary_sources),
        st.depth,
        " ".join(st.flags),
    )


def _sources_rows(report: SourcesReport) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for section, counts in (
        ("primary_source", report.primary_sources),
        ("relaying_outlet", report.relaying_outlets),
    ):
        rows += [
            (section, c.source.id, c.source.name, c.source.kind, c.statements, c.documents, "")
            for c in counts
        ]
    rows += [
        (
            "state_media_chain",
            c.statement_id,
            "; ".join(c.paths),
            "",
            1,
            1,
            ", ".join(c.state_media),
        )
        for c in report.state_media_chains
    ]
    return rows


@functools.cache
def _environment() -> Environment:
    """Templates ship as package data; autoescape is on because every text is untrusted."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("tracker", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def to_html(report: AnyReport) -> str:
    """A self-contained page: the text with statements highlighted, each chain drawn."""
    if isinstance(report, DocumentReport):
        template = _environment().get_template("report.html.j2")
        drawn = {
            st.id: [[st.hops[i] for i in p] for p in hop_paths(st.hops)] for st in report.statements
        }
        return template.render(report=report, segments=highlight_segments(report), drawn=drawn)
    return _environment().get_template("sources.html.j2").render(report=report)


def highlight_segments(report: DocumentReport) -> list[tuple[str, int | None]]:
    """The text cut into (piece, statement id or None); overlapping spans keep the first."""
    segments: list[tuple[str, int | None]] = []
    cursor = 0
    for st in sorted(report.statements, key=lambda s: (s.start, -s.end)):
        if st.start < cursor:
            continue  # nested in (or overlapping) a span already highlighted
        if st.start > cursor:
            segments.append((report.text[cursor : st.start], None))
        segments.append((report.text[st.start : st.end], st.id))
        cursor = st.end
    if cursor < len(report.text):
        segments.append((report.text[cursor:], None))
    return segments
