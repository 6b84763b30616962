"""Standard provenance exports of walks and documents: W3C PROV and schema.org JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from prov.model import (
    PROV,
    PROV_LABEL,
    PROV_TYPE,
    PROV_VALUE,
    Namespace,
    ProvBundle,
    ProvDocument,
    QualifiedName,
)
from sqlalchemy import text

from tracker import chains, reports
from tracker.chains import SourceBrief, Walk, WalkHop
from tracker.errors import NotFoundError
from tracker.matching import find_matches
from tracker.reports import REPORT_FORMATS, Rendered
from tracker.store import documents

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EXPORT_FORMATS = ("prov-json", "prov-o", "jsonld")
WALK_FORMATS = ("json", *EXPORT_FORMATS)
"""``json`` is the walk itself (tracker.chains); the others are exports."""
DOCUMENT_FORMATS = (*REPORT_FORMATS, *EXPORT_FORMATS)
"""A document's report renderings plus its exports."""
MEDIA_TYPES = {
    "prov-json": "application/json",
    "prov-o": "text/turtle",
    "jsonld": "application/ld+json",
}
Attributes = dict[QualifiedName | str, Any]
"""PROV attributes keyed by PROV's own names or ``prefix:local`` strings."""
NAMESPACE = "urn:tracker:"
"""Base of every identifier we mint: tracker has no public URL space of its own yet."""
TRACKER = Namespace("tracker", f"{NAMESPACE}vocab#")
"""tracker's own terms: the types Statement and Hop, and attributes such as kind."""
VERBATIM_KINDS = frozenset({"direct", "partial"})
"""Statement kinds whose words are quoted as said: PROV ``wasQuotedFrom``."""
_AGENT_TYPES = {
    "person": PROV["Person"],
    "organization": PROV["Organization"],
    "news_outlet": PROV["Organization"],
    "government_body": PROV["Organization"],
}
_SCHEMA_AGENT_TYPES = {"person": "Person", "document": "CreativeWork"}


def check_format(fmt: str, allowed: tuple[str, ...] = EXPORT_FORMATS) -> None:
    """Refuse unknown formats before any work is done."""
    reports.check_format(fmt, allowed)


# --------------------------------------------------------------------------- context


_STATEMENTS_SQL = text(
    """
    SELECT st.id, st.document_id, st.kind, st.text,
           sp.id AS speaker_id, sp.name AS speaker_name, sp.kind AS speaker_kind,
           sp.state_media AS speaker_state_media
    FROM statement st LEFT JOIN source sp ON sp.id = st.speaker_id
    WHERE st.id = ANY(:ids)
    """
)
_DOCUMENTS_SQL = text(
    """
    SELECT d.id, d.url, d.title, d.published_at, d.language,
           o.id AS outlet_id, o.name AS outlet_name, o.kind AS outlet_kind,
           o.state_media AS outlet_state_media
    FROM document d LEFT JOIN source o ON o.id = d.outlet_id
    WHERE d.id = ANY(:ids)
    """
)


@dataclass(frozen=True, slots=True)
class StatementInfo:
    id: int
    document_id: int
    kind: str
    text: str
    speaker: SourceBrief | None


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    url: str | None
    title: str | None
    published_at: datetime | None
    language: str
    outlet: SourceBrief | None


@dataclass(slots=True)
class Context:
    """Everything the walks touch, read in two queries: statements and their documents."""

    walks: list[Walk]
    statements: dict[int, StatementInfo] = field(default_factory=dict)
    documents: dict[int, DocumentInfo] = field(default_factory=dict)


def _brief(row: Any, prefix: str) -> SourceBrief | None:
    ident = getattr(row, f"{prefix}_id")
    if ident is None:
        return None
    return SourceBrief(
        ident,
        getattr(row, f"{prefix}_name"),
        getattr(row, f"{prefix}_kind"),
        getattr(row, f"{prefix}_state_media"),
    )


def load_context(session: Session, walks: list[Walk]) -> Context:
    """The statements and documents the walks pass through."""
    ctx = Context(walks=walks)
    ids = {w.statement_id for w in walks}
    ids |= {h.statement_id for w in walks for h in w.hops}
    ids |= {h.continues_statement_id for w in walks for h in w.hops if h.continues_statement_id}
    for r in session.execute(_STATEMENTS_SQL, {"ids": sorted(ids)}):
        ctx.statements[r.id] = StatementInfo(
            r.id, r.document_id, r.kind, r.text, _brief(r, "speaker")
        )
    doc_ids = sorted({s.document_id for s in ctx.statements.values()})
    ctx.documents = _document_infos(session, doc_ids)
    return ctx


# --------------------------------------------------------------------------- PROV


class ProvBuilder:
    """Builds one ProvDocument: agents at the top, one bundle per document for its words.

    Records are added once even when several walks share hops (a whole document's
    statements often end at the same primary source).
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc = ProvDocument()
        for prefix in ("document", "statement", "hop", "source"):
            self.doc.add_namespace(prefix, f"{NAMESPACE}{prefix}:")
        self.doc.add_namespace(TRACKER)
        self.bundles: dict[int, ProvBundle] = {}
        self.seen: set[str] = set()

    def build(self, document_ids: list[int] | None = None) -> ProvDocument:
        """The PROV document; ``document_ids`` get a bundle even when they hold no words."""
        for document_id in document_ids or []:
            self._bundle(document_id)
        for w in self.ctx.walks:
            self._add_walk(w)
        return self.doc

    def _once(self, key: str) -> bool:
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def _bundle(self, document_id: int) -> ProvBundle:
        if document_id not in self.bundles:
            info = self.ctx.documents.get(document_id)
            attrs: Attributes = {PROV_TYPE: PROV["Bundle"]}
            if info is not None:
                attrs.update(_document_attributes(info))
            self.doc.entity(f"document:{document_id}", attrs)
            if info is not None and info.outlet is not None:
                self.doc.wasAttributedTo(f"document:{document_id}", self._agent(info.outlet))
            self.bundles[document_id] = self.doc.bundle(f"document:{document_id}")
        return self.bundles[document_id]

    def _agent(self, source: SourceBrief) -> str:
        ident = f"source:{source.id}"
        if self._once(ident):
            attrs: Attributes = {
                PROV_LABEL: source.name,
                "tracker:kind": source.kind,
                "tracker:state_media": source.state_media,
            }
            if source.kind in _AGENT_TYPES:
                attrs[PROV_TYPE] = _AGENT_TYPES[source.kind]
            self.doc.agent(ident, attrs)
        return ident

    def _statement(self, statement_id: int) -> str | None:
        info = self.ctx.statements.get(statement_id)
        if info is None:
            return None  # a broken upstream link: nothing to describe
        ident = f"statement:{statement_id}"
        if self._once(ident):
            bundle = self._bundle(info.document_id)
            bundle.entity(
                ident,
                {PROV_VALUE: info.text, "tracker:kind": info.kind, PROV_TYPE: TRACKER["Statement"]},
            )
            if info.speaker is not None:
                bundle.wasAttributedTo(ident, self._agent(info.speaker))
        return ident

    def _hop(self, hop: WalkHop) -> str:
        ident = f"hop:{hop.citation_id}"
        if self._once(ident):
            bundle = self._bundle(hop.document_id)
            attrs: Attributes = {
                PROV_LABEL: f"the words as {hop.source.name} passed them on",
                PROV_TYPE: TRACKER["Hop"],
                "tracker:relation": hop.relation,
                "tracker:position": hop.position,
                "tracker:statement": f"statement:{hop.statement_id}",
            }
            if hop.cue:
                attrs["tracker:cue"] = hop.cue
            bundle.entity(ident, attrs)
            bundle.wasAttributedTo(ident, self._agent(hop.source))
        return ident

    def _derive(self, derived: str, derived_statement: int, used: str, used_statement: int) -> None:
        """Quoted when both ends are verbatim statements, derived (paraphrase) otherwise."""
        if not self._once(f"{derived}<-{used}"):
            return
        bundle = self._bundle(self.ctx.statements[derived_statement].document_id)
        kinds = {self.ctx.statements[derived_statement].kind}
        kinds.add(self.ctx.statements[used_statement].kind)
        if kinds <= VERBATIM_KINDS:
            bundle.wasQuotedFrom(derived, used)
        else:
            bundle.wasDerivedFrom(derived, used)

    def _add_walk(self, w: Walk) -> None:
        head = self._statement(w.statement_id)
        if head is None:
            return
        for hop in w.hops:
            entity = self._hop(hop)
            parent = w.hops[hop.parent] if hop.parent is not None else None
            self._link_parent(w, hop, entity, parent)
            if hop.continues_statement_id is not None:
                upstream = self._statement(hop.continues_statement_id)
                if upstream is not None:
                    self._derive(entity, hop.statement_id, upstream, hop.continues_statement_id)
            if hop.is_primary and self._once(f"{head}<=={entity}"):
                self._bundle(w.document_id).hadPrimarySource(head, entity)

    def _link_parent(self, w: Walk, hop: WalkHop, entity: str, parent: WalkHop | None) -> None:
        """A hop's words come to its parent hop, or to the statement it roots."""
        if parent is None:
            self._derive(f"statement:{w.statement_id}", w.statement_id, entity, hop.statement_id)
        elif parent.continues_statement_id == hop.statement_id:
            self._derive(
                f"statement:{hop.statement_id}", hop.statement_id, entity, hop.statement_id
            )
        else:
            self._derive(f"hop:{parent.citation_id}", parent.statement_id, entity, hop.statement_id)


def _document_attributes(info: DocumentInfo) -> Attributes:
    attrs: Attributes = {"tracker:language": info.language}
    if info.title:
        attrs[PROV_LABEL] = info.title
    if info.url:
        attrs["tracker:url"] = info.url
    if info.published_at:
        attrs["tracker:published_at"] = info.published_at.isoformat()
    return attrs


def prov_document(ctx: Context) -> ProvDocument:
    """The walks in ``ctx`` as one PROV document (one bundle per document)."""
    return ProvBuilder(ctx).build()


def serialize_prov(doc: ProvDocument, fmt: str) -> str:
    """PROV-JSON keeps one bundle per document; Turtle has no named graphs, so PROV-O
    gets the bundles' statements flattened into one graph."""
    if fmt == "prov-o":
        return str(doc.flattened().serialize(format="rdf", rdf_format="turtle"))
    return str(doc.serialize(format="json"))


# --------------------------------------------------------------------------- JSON-LD


def _creative_work(info: DocumentInfo) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "@id": f"{NAMESPACE}document:{info.id}"}
    if info.url:
        work["url"] = info.url
    if info.title:
        work["headline"] = info.title
    if info.published_at:
        work["datePublished"] = info.published_at.isoformat()
    if info.outlet is not None:
        work["publisher"] = {"@type": "Organization", "name": info.outlet.name}
    work["inLanguage"] = info.language
    return work


def _thing(source: SourceBrief) -> dict[str, Any]:
    return {
        "@type": _SCHEMA_AGENT_TYPES.get(source.kind, "Organization"),
        "@id": f"{NAMESPACE}source:{source.id}",
        "name": source.name,
    }


def statement_jsonld(info: StatementInfo, works: list[DocumentInfo]) -> dict[str, Any]:
    """A schema.org Quotation (verbatim) or Claim (paraphrase) with where it appeared."""
    verbatim = info.kind in VERBATIM_KINDS
    node: dict[str, Any] = {
        "@type": "Quotation" if verbatim else "Claim",
        "@id": f"{NAMESPACE}statement:{info.id}",
        "text": info.text,
    }
    if info.speaker is not None:
        node["spokenByCharacter" if verbatim else "author"] = _thing(info.speaker)
    appearances = [_creative_work(work) for work in works]
    if appearances:
        node["firstAppearance"] = appearances[0]
        node["appearance"] = appearances
    return node


def _document_infos(session: Session, ids: list[int]) -> dict[int, DocumentInfo]:
    return {
        r.id: DocumentInfo(r.id, r.url, r.title, r.published_at, r.language, _brief(r, "outlet"))
        for r in session.execute(_DOCUMENTS_SQL, {"ids": ids})
    }


def _published_order(info: DocumentInfo) -> tuple[bool, float, int]:
    """Oldest first, unknown time last: the order of tracker.provenance.appearances."""
    published = info.published_at
    return (published is None, published.timestamp() if published else 0.0, info.id)


def jsonld(session: Session, statement_ids: list[int]) -> list[dict[str, Any]]:
    """JSON-LD nodes for the statements, each with the documents carrying its words.

    The same candidates as tracker.provenance.appearances, without walking each one:
    JSON-LD needs only where the words appeared, not the appearances' flags.
    """
    infos = {
        r.id: StatementInfo(r.id, r.document_id, r.kind, r.text, _brief(r, "speaker"))
        for r in session.execute(_STATEMENTS_SQL, {"ids": statement_ids})
    }
    missing = [sid for sid in statement_ids if sid not in infos]
    if missing:
        raise NotFoundError("statement", missing[0])
    homes = _document_infos(session, sorted({i.document_id for i in infos.values()}))
    carrying = {
        sid: {info.document_id}
        | {
            m.document_id
            for m in find_matches(session, info.text, language=homes[info.document_id].language)
        }
        for sid, info in infos.items()
    }
    works = _document_infos(session, sorted(set().union(*carrying.values())))
    return [
        statement_jsonld(
            infos[sid], sorted((works[d] for d in carrying[sid]), key=_published_order)
        )
        for sid in statement_ids
    ]


# --------------------------------------------------------------------------- entry points


def export_walk(session: Session, statement_id: int, fmt: str) -> Rendered:
    """A statement's walk as tracker's JSON, PROV-JSON, PROV-O or schema.org JSON-LD."""
    check_format(fmt, WALK_FORMATS)
    if fmt == "json":
        payload = chains.walk(session, statement_id).to_dict()
        return Rendered(json.dumps(payload, ensure_ascii=False, default=str), "application/json")
    if fmt == "jsonld":
        node = jsonld(session, [statement_id])[0]
        return _jsonld_rendered({"@context": "https://schema.org", **node})
    w = chains.walk(session, statement_id)
    doc = prov_document(load_context(session, [w]))
    return Rendered(serialize_prov(doc, fmt), MEDIA_TYPES[fmt])


def export_document(session: Session, document_id: int, fmt: str) -> Rendered:
    """A document's report (json, md, csv, html) or its walks as PROV or JSON-LD.

    PROV has one bundle per document the walks pass through.
    """
    check_format(fmt, DOCUMENT_FORMATS)
    if fmt in REPORT_FORMATS:
        return reports.render(reports.document_report(session, document_id), fmt)
    doc = documents.get_document(session, document_id)
    ids = [st.id for st in doc.statements]
    if fmt == "jsonld":
        article = _creative_work(_document_infos(session, [document_id])[document_id])
        graph = [article, *(jsonld(session, ids) if ids else [])]
        return _jsonld_rendered({"@context": "https://schema.org", "@graph": graph})
    ctx = load_context(session, [chains.walk(session, sid) for sid in ids])
    ctx.documents.update(_document_infos(session, [document_id]))
    prov = ProvBuilder(ctx).build(document_ids=[document_id])
    return Rendered(serialize_prov(prov, fmt), MEDIA_TYPES[fmt])


def _jsonld_rendered(payload: dict[str, Any]) -> Rendered:
    return Rendered(
        json.dumps(payload, ensure_ascii=False, indent=2, default=str), MEDIA_TYPES["jsonld"]
    )
