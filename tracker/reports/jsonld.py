"""schema.org JSON-LD of statements and documents: Quotation or Claim, and where it appeared."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from tracker.errors import NotFoundError
from tracker.provenance.matching import find_matches
from tracker.provenance.rules import publication_order
from tracker.reports.context import (
    NAMESPACE,
    VERBATIM_KINDS,
    DocumentInfo,
    StatementInfo,
    document_infos,
    statement_infos,
)
from tracker.store import documents

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.views import SourceBrief

SCHEMA_ORG = "https://schema.org"
_SCHEMA_AGENT_TYPES = {"person": "Person", "document": "CreativeWork"}


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


def jsonld_nodes(session: Session, statement_ids: list[int]) -> list[dict[str, Any]]:
    """JSON-LD nodes for the statements, each with the documents carrying its words.

    The same candidates as tracker.provenance.appearances, in publication order, without
    walking each one: JSON-LD needs only where the words appeared, not their flags.
    """
    infos = statement_infos(session, statement_ids)
    missing = [sid for sid in statement_ids if sid not in infos]
    if missing:
        raise NotFoundError("statement", missing[0])
    homes = document_infos(session, {i.document_id for i in infos.values()})
    carrying = {
        sid: {info.document_id}
        | {
            m.document_id
            for m in find_matches(session, info.text, language=homes[info.document_id].language)
        }
        for sid, info in infos.items()
    }
    works = document_infos(session, set().union(*carrying.values()))
    return [
        statement_jsonld(
            infos[sid],
            sorted(
                (works[d] for d in carrying[sid]),
                key=lambda w: publication_order(w.published_at, w.id),
            ),
        )
        for sid in statement_ids
    ]


def _dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str)


def walk_jsonld(session: Session, statement_id: int) -> str:
    """One statement as a JSON-LD document."""
    node = jsonld_nodes(session, [statement_id])[0]
    return _dumps({"@context": SCHEMA_ORG, **node})


def document_jsonld(session: Session, document_id: int) -> str:
    """A document as a CreativeWork followed by its statements, in one ``@graph``."""
    doc = documents.get_document(session, document_id)
    ids = [st.id for st in doc.statements]
    article = _creative_work(document_infos(session, [document_id])[document_id])
    graph = [article, *(jsonld_nodes(session, ids) if ids else [])]
    return _dumps({"@context": SCHEMA_ORG, "@graph": graph})
