"""What the exports describe beyond the walks: the statements and documents they touch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import text

from tracker.views import SourceBrief

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.walk.model import Walk

NAMESPACE = "urn:tracker:"
"""Base of every identifier we mint: tracker has no public URL space of its own yet."""
VERBATIM_KINDS = frozenset({"direct", "partial"})
"""Statement kinds whose words are quoted as said: PROV ``wasQuotedFrom``, a schema.org
``Quotation`` (other kinds are paraphrase: ``wasDerivedFrom``, a ``Claim``)."""

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
    """A statement as an export describes it: its words, kind and speaker."""

    id: int
    document_id: int
    kind: str
    text: str
    speaker: SourceBrief | None


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document as an export describes it: where and when it was published."""

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


def statement_infos(session: Session, ids: Iterable[int]) -> dict[int, StatementInfo]:
    """Statements by id, with their speakers, in one query."""
    return {
        r.id: StatementInfo(r.id, r.document_id, r.kind, r.text, SourceBrief.from_row(r, "speaker"))
        for r in session.execute(_STATEMENTS_SQL, {"ids": sorted(ids)})
    }


def document_infos(session: Session, ids: Iterable[int]) -> dict[int, DocumentInfo]:
    """Documents by id, with their outlets, in one query."""
    return {
        r.id: DocumentInfo(
            r.id, r.url, r.title, r.published_at, r.language, SourceBrief.from_row(r, "outlet")
        )
        for r in session.execute(_DOCUMENTS_SQL, {"ids": sorted(ids)})
    }


def load_context(session: Session, walks: list[Walk]) -> Context:
    """The statements and documents the walks pass through."""
    ids = {w.statement_id for w in walks}
    ids |= {h.statement_id for w in walks for h in w.hops}
    ids |= {h.continues_statement_id for w in walks for h in w.hops if h.continues_statement_id}
    statements = statement_infos(session, ids)
    documents = document_infos(session, {s.document_id for s in statements.values()})
    return Context(walks=walks, statements=statements, documents=documents)
