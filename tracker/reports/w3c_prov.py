"""W3C PROV exports of walks and documents: PROV-JSON, and PROV-O as Turtle."""

from __future__ import annotations

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

from tracker.reports.context import (
    NAMESPACE,
    VERBATIM_KINDS,
    Context,
    DocumentInfo,
    document_infos,
    load_context,
)
from tracker.store import documents
from tracker.walk.walker import walk, walks

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.views import SourceBrief
    from tracker.walk.model import Walk, WalkHop

Attributes = dict[QualifiedName | str, Any]
"""PROV attributes keyed by PROV's own names or ``prefix:local`` strings."""
TRACKER = Namespace("tracker", f"{NAMESPACE}vocab#")
"""tracker's own terms: the types Statement and Hop, and attributes such as kind."""
_AGENT_TYPES = {
    "person": PROV["Person"],
    "organization": PROV["Organization"],
    "news_outlet": PROV["Organization"],
    "government_body": PROV["Organization"],
}


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


def walk_prov(session: Session, statement_id: int, fmt: str) -> str:
    """A statement's walk as PROV: one bundle per document the walk passes through."""
    w = walk(session, statement_id)
    return serialize_prov(prov_document(load_context(session, [w])), fmt)


def document_prov(session: Session, document_id: int, fmt: str) -> str:
    """Every walk of a document's statements as one PROV document.

    The document gets its bundle even when none of its statements has a chain.
    """
    doc = documents.get_document(session, document_id)
    walked = walks(session, [(st.id, doc.id) for st in doc.statements])
    ctx = load_context(session, [walked[st.id] for st in doc.statements])
    ctx.documents.update(document_infos(session, [document_id]))
    prov = ProvBuilder(ctx).build(document_ids=[document_id])
    return serialize_prov(prov, fmt)
