"""Documents and statements read back: one by id, and keyset pages filtered by field."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import BigInteger, ColumnElement, Select, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased
from sqlmodel import col

from tracker.errors import NotFoundError
from tracker.models import Citation, Document, Source, SourceAlias, Statement
from tracker.store.identity import statement_documents
from tracker.store.layout import is_citus
from tracker.store.names import normalize_name
from tracker.store.pagination import page_ids
from tracker.store.validation import check_text_param
from tracker.store.visibility import visible
from tracker.views import DocumentView, HopView, Page, SourceBrief, StatementView

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_outlet = aliased(Source, name="outlet")
_speaker = aliased(Source, name="speaker")
_hop_source = aliased(Source, name="hop_source")

_DOCUMENTS: Select[*tuple[Any, ...]] = select(
    col(Document.id),
    col(Document.text),
    col(Document.language),
    col(Document.url),
    col(Document.title),
    col(Document.published_at),
    col(Document.ingested_at),
    col(Document.content_hash),
    col(Document.reviewed_by),
    col(Document.reviewed_at),
    col(Document.version),
    col(_outlet.id).label("outlet_id"),
    col(_outlet.name).label("outlet_name"),
    col(_outlet.kind).label("outlet_kind"),
    col(_outlet.state_media).label("outlet_state_media"),
).outerjoin(_outlet, col(_outlet.id) == col(Document.outlet_id))
"""Documents with their outlet; callers add the condition."""

_STATEMENTS = (
    select(
        col(Statement.id),
        col(Statement.document_id),
        col(Statement.kind),
        col(Statement.start_offset),
        col(Statement.end_offset),
        col(Statement.text),
        col(Statement.cue),
        col(Statement.speaker_surface),
        col(Statement.origin),
        col(Statement.rule),
        col(Statement.review_status),
        col(Statement.reviewed_by),
        col(Statement.reviewed_at),
        col(Statement.version),
        col(_speaker.id).label("speaker_id"),
        col(_speaker.name).label("speaker_name"),
        col(_speaker.kind).label("speaker_kind"),
        col(_speaker.state_media).label("speaker_state_media"),
    )
    .outerjoin(_speaker, col(_speaker.id) == col(Statement.speaker_id))
    .order_by(col(Statement.document_id), col(Statement.start_offset), col(Statement.id))
)
"""Statements in text order with their speaker; callers add the condition."""

_HOPS = (
    select(
        col(Citation.id),
        col(Citation.statement_id),
        col(Citation.position),
        col(Citation.parent_id),
        col(Citation.relation),
        col(Citation.cue),
        col(Citation.evidence_start),
        col(Citation.evidence_end),
        col(Citation.upstream_statement_id),
        col(Citation.link_method),
        col(Citation.link_similarity),
        col(Citation.origin),
        col(Citation.review_status),
        col(Citation.reviewed_by),
        col(Citation.reviewed_at),
        col(Citation.version),
        col(_hop_source.id).label("source_id"),
        col(_hop_source.name).label("source_name"),
        col(_hop_source.kind).label("source_kind"),
        col(_hop_source.state_media).label("source_state_media"),
    )
    .join(_hop_source, col(_hop_source.id) == col(Citation.source_id))
    .order_by(col(Citation.statement_id), col(Citation.position), col(Citation.id))
)


def id_in(column: Any, ids: list[int]) -> ColumnElement[bool]:
    """``column = ANY(:ids)``: one array parameter, so the query text (and its prepared
    plan) is the same for any number of ids, unlike an expanded IN list."""
    return column == any_(bindparam(None, ids, type_=ARRAY(BigInteger)))  # type: ignore[no-any-return]


def load_statements(
    session: Session, condition: ColumnElement[bool], document_id: int | None = None
) -> list[StatementView]:
    """Statements matching ``condition``, in text order, each with its own stored chain.

    ``document_id``, the one document they are all in when the caller knows it, keeps
    both reads to it: on Citus to the one shard that holds it instead of every shard.
    """
    if document_id is not None:
        condition = (col(Statement.document_id) == document_id) & condition
    rows = session.execute(_STATEMENTS.where(condition)).all()
    hops: dict[int, list[HopView]] = {}
    if rows:
        in_rows = id_in(col(Citation.statement_id), [r.id for r in rows])
        if document_id is not None:
            in_rows = (col(Citation.document_id) == document_id) & in_rows
        for h in session.execute(_HOPS.where(in_rows)):
            hops.setdefault(h.statement_id, []).append(_hop_view(h))
    return [
        StatementView(
            id=r.id,
            document_id=r.document_id,
            kind=r.kind,
            start=r.start_offset,
            end=r.end_offset,
            text=r.text,
            cue=r.cue,
            speaker=SourceBrief.from_row(r, "speaker"),
            speaker_surface=r.speaker_surface,
            origin=r.origin,
            review_status=r.review_status,
            rule=r.rule,
            chain=hops.get(r.id, []),
            reviewed_by=r.reviewed_by,
            reviewed_at=r.reviewed_at,
            version=r.version,
        )
        for r in rows
    ]


def _hop_view(h: Any) -> HopView:
    source = SourceBrief.from_row(h, "source")
    assert source is not None
    link = None
    if h.link_method is not None:
        link = {"method": h.link_method, "similarity": h.link_similarity}
    return HopView(
        id=h.id,
        position=h.position,
        parent_id=h.parent_id,
        source=source,
        relation=h.relation,
        cue=h.cue,
        evidence_start=h.evidence_start,
        evidence_end=h.evidence_end,
        upstream_statement_id=h.upstream_statement_id,
        link=link,
        origin=h.origin,
        review_status=h.review_status,
        reviewed_by=h.reviewed_by,
        reviewed_at=h.reviewed_at,
        version=h.version,
        statement_id=h.statement_id,
    )


def _documents(session: Session, ids: list[int]) -> dict[int, DocumentView]:
    """Documents by id, without statements, in one query."""
    return {
        row.id: DocumentView(
            id=row.id,
            text=row.text,
            language=row.language,
            url=row.url,
            title=row.title,
            outlet=SourceBrief.from_row(row, "outlet"),
            published_at=row.published_at,
            ingested_at=row.ingested_at,
            content_hash=row.content_hash,
            reviewed_by=row.reviewed_by,
            reviewed_at=row.reviewed_at,
            version=row.version,
        )
        for row in session.execute(_DOCUMENTS.where(id_in(col(Document.id), ids)))
    }


def get_document(session: Session, document_id: int, *, statements: bool = True) -> DocumentView:
    """A stored document with (by default) its statements and their chains."""
    document = _documents(session, [document_id]).get(document_id)
    if document is None:
        raise NotFoundError("document", document_id)
    if not statements:
        return document
    views = load_statements(session, visible(), document_id)
    return replace(document, statements=views)


def get_statement(session: Session, statement_id: int) -> StatementView:
    """One stored statement with its own chain; a rejected one too, with its status.

    On Citus its document is looked up first (``statement_document``, one shard), so
    the statement and its hops are read from the one shard that holds them, not asked
    of every shard.
    """
    document_id = None
    if is_citus(session):
        document_id = statement_documents(session, [statement_id]).get(statement_id)
        if document_id is None:
            raise NotFoundError("statement", statement_id)
    found = load_statements(session, col(Statement.id) == statement_id, document_id)
    if not found:
        raise NotFoundError("statement", statement_id)
    return found[0]


def get_hop(session: Session, citation_id: int) -> HopView:
    """One stored hop of a chain, with the statement it belongs to."""
    found = session.execute(_HOPS.where(col(Citation.id) == citation_id)).first()
    if found is None:
        raise NotFoundError("citation", citation_id)
    return _hop_view(found)


def list_statements(
    session: Session,
    *,
    document_id: int | None = None,
    speaker_id: int | None = None,
    q: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[StatementView]:
    """Statements by document, speaker or words, oldest id first, one keyset page."""
    check_text_param(q, "q")
    conditions: list[ColumnElement[bool]] = [visible()]
    if document_id is not None:
        conditions.append(col(Statement.document_id) == document_id)
    if speaker_id is not None:
        conditions.append(col(Statement.speaker_id) == speaker_id)
    if q:
        # the statement's GIN-indexed words; websearch syntax allows "exact phrases"
        words = func.websearch_to_tsquery("simple", q)
        conditions.append(col(Statement.search_vector).bool_op("@@")(words))
    ids, next_cursor = page_ids(session, col(Statement.id), conditions, cursor=cursor, limit=limit)
    items = load_statements(session, id_in(col(Statement.id), ids), document_id) if ids else []
    items.sort(key=lambda s: s.id)
    return Page(items=items, next_cursor=next_cursor)


def list_documents(
    session: Session,
    *,
    outlet: str | None = None,
    language: str | None = None,
    url: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[DocumentView]:
    """Documents newest first (by id), filtered by outlet name, language or URL."""
    for name, value in (("outlet", outlet), ("language", language), ("url", url)):
        check_text_param(value, name)
    conditions: list[ColumnElement[bool]] = []
    if outlet:
        named = select(col(SourceAlias.source_id)).where(
            col(SourceAlias.normalized) == normalize_name(outlet)
        )
        conditions.append(col(Document.outlet_id).in_(named))
    if language:
        conditions.append(col(Document.language) == language)
    if url:
        conditions.append(col(Document.url) == url)
    ids, next_cursor = page_ids(
        session, col(Document.id), conditions, cursor=cursor, limit=limit, newest_first=True
    )
    found = _documents(session, ids)
    return Page(items=[found[i] for i in ids], next_cursor=next_cursor)


def all_document_ids(session: Session) -> list[int]:
    """Every stored document's id, oldest first (for --all passes)."""
    return list(session.scalars(select(col(Document.id)).order_by(col(Document.id))))
