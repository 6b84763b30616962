"""Documents: store one with its statements and chains (one transaction), read them back."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.chains import SourceBrief
from tracker.errors import NotFoundError, ValidationError
from tracker.fingerprint import fingerprint, search_config
from tracker.store.inputs import DocumentIn, SourceIn, StatementIn, hop_tree
from tracker.store.names import normalize_name
from tracker.store.pagination import page_ids
from tracker.store.sources import SourceResolver
from tracker.store.validation import check_text_param, validate_document
from tracker.views import DocumentView, HopView, Page, StatementView

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What storing a document did: the document as stored, and whether it was new."""

    document: DocumentView
    created: bool


def content_hash(text_: str) -> str:
    """The identity of a document's text: the same text is the same document."""
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


_INSERT_DOCUMENT = text(
    """
    INSERT INTO document (text, text_length, language, url, title, outlet_id,
                          published_at, content_hash)
    VALUES (:text, :text_length, :language, :url, :title, :outlet_id,
            :published_at, :content_hash)
    ON CONFLICT DO NOTHING
    RETURNING id
    """
)
_FIND_EXISTING = text(
    """
    SELECT id FROM document WHERE content_hash = :content_hash
    UNION ALL
    SELECT id FROM document WHERE url = CAST(:url AS text)
    LIMIT 1
    """
)
_INSERT_STATEMENT = text(
    """
    INSERT INTO statement (id, document_id, document_length, kind, start_offset, end_offset,
                           text, cue, cue_start, cue_end, speaker_id, speaker_surface, origin,
                           fingerprint, search_config)
    VALUES (:id, :document_id, :document_length, :kind, :start, :end, :text, :cue,
            :cue_start, :cue_end, :speaker_id, :speaker_surface, :origin,
            :fingerprint, CAST(:search_config AS regconfig))
    """
)
_INSERT_CITATION = text(
    """
    INSERT INTO citation (id, statement_id, document_id, parent_id, position, source_id,
                          source_surface, relation, cue, evidence_start, evidence_end,
                          upstream_statement_id, link_method, link_similarity, origin)
    VALUES (:id, :statement_id, :document_id, :parent_id, :position, :source_id,
            :source_surface, :relation, :cue, :evidence_start, :evidence_end,
            :upstream_statement_id, :link_method, :link_similarity, :origin)
    """
)
_EXISTING_STATEMENTS = text("SELECT id FROM statement WHERE id = ANY(:ids)")


def _next_ids(session: Session, sequence: str, count: int) -> list[int]:
    """Reserve ``count`` ids up front so parents and children insert in one batch."""
    if count == 0:
        return []
    rows = session.execute(
        text(f"SELECT nextval('{sequence}') FROM generate_series(1, :n)"), {"n": count}
    )
    return [r[0] for r in rows]


def store_document(
    session: Session,
    doc: DocumentIn,
    *,
    origin: str,
    language: str | None = None,
    outlet: SourceIn | None = None,
) -> StoreResult:
    """Store ``doc`` with its statements and chains, or find it if already stored.

    The same text (content hash) or the same URL is the same document: storing it again
    writes nothing and returns the stored one. Runs inside the caller's transaction, so
    a failure anywhere leaves the database as it was.
    """
    validate_document(doc)
    digest = content_hash(doc.text)
    existing = session.execute(_FIND_EXISTING, {"content_hash": digest, "url": doc.url}).first()
    if existing is not None:
        return StoreResult(get_document(session, existing.id), created=False)
    _check_upstream_links(session, doc.statements or ())

    resolver = SourceResolver(session)
    outlet_mention = outlet or (SourceIn(doc.outlet, "news_outlet") if doc.outlet else None)
    mentions = [m for st in doc.statements or () for m in st.mentions()]
    resolver.resolve_all([outlet_mention, *mentions] if outlet_mention else mentions)
    outlet_id = resolver.resolve(outlet_mention).id if outlet_mention else None
    row = session.execute(
        _INSERT_DOCUMENT,
        {
            "text": doc.text,
            "text_length": len(doc.text),
            "language": language or doc.language or "und",
            "url": doc.url,
            "title": doc.title,
            "outlet_id": outlet_id,
            "published_at": doc.published_at,
            "content_hash": digest,
        },
    ).first()
    if row is None:  # a concurrent writer stored the same text or URL first
        existing = session.execute(_FIND_EXISTING, {"content_hash": digest, "url": doc.url}).one()
        return StoreResult(get_document(session, existing.id), created=False)
    document_id = int(row.id)
    resolver.document_id = document_id
    write_statements(
        session,
        document_id,
        doc.text,
        doc.statements or (),
        origin=origin,
        language=language or doc.language,
        resolver=resolver,
    )
    return StoreResult(get_document(session, document_id), created=True)


def _check_upstream_links(session: Session, statements: tuple[StatementIn, ...]) -> None:
    wanted = {
        hop.upstream_statement_id
        for st in statements
        for hop in st.chain
        if hop.upstream_statement_id is not None
    }
    if not wanted:
        return
    found = {r.id for r in session.execute(_EXISTING_STATEMENTS, {"ids": list(wanted)})}
    missing = sorted(wanted - found)
    if missing:
        raise ValidationError(
            f"upstream statement {missing[0]} does not exist",
            [
                {"field": "upstream_statement_id", "message": f"statement {m} does not exist"}
                for m in missing
            ],
        )


def write_statements(
    session: Session,
    document_id: int,
    document_text: str,
    statements: tuple[StatementIn, ...] | list[StatementIn],
    *,
    origin: str,
    language: str | None,
    resolver: SourceResolver | None = None,
) -> list[int]:
    """Insert statements and their chains for a stored document; return statement ids."""
    if not statements:
        if resolver is not None:
            resolver.flush()
        return []
    if resolver is None:
        resolver = SourceResolver(session, document_id=document_id)
        resolver.resolve_all(m for st in statements for m in st.mentions())
    statement_ids = _next_ids(session, "statement_id_seq", len(statements))
    chains = [st.stored_chain() for st in statements]
    citation_ids = _next_ids(session, "citation_id_seq", sum(len(c) for c in chains))
    statement_rows: list[dict[str, Any]] = []
    citation_rows: list[dict[str, Any]] = []
    next_citation = iter(citation_ids)
    for st, statement_id, chain in zip(statements, statement_ids, chains, strict=True):
        speaker = st.speaker or chain[-1].source
        speaker_id = resolver.resolve(speaker, st.speaker_surface).id
        statement_rows.append(
            {
                "id": statement_id,
                "document_id": document_id,
                "document_length": len(document_text),
                "kind": st.kind,
                "start": st.start,
                "end": st.end,
                "text": document_text[st.start : st.end],
                "cue": st.cue,
                "cue_start": st.cue_start,
                "cue_end": st.cue_end,
                "speaker_id": speaker_id,
                "speaker_surface": st.speaker_surface,
                "origin": origin,
                "fingerprint": fingerprint(document_text[st.start : st.end]),
                "search_config": search_config(language),
            }
        )
        ids: list[int] = []
        for hop, (parent, depth) in zip(chain, hop_tree(chain), strict=True):
            parent_id = ids[parent] if parent is not None else None
            citation_id = next(next_citation)
            ids.append(citation_id)
            same_as_speaker = hop.source == speaker
            source = resolver.resolve(
                hop.source, st.speaker_surface if same_as_speaker else hop.surface
            )
            citation_rows.append(
                {
                    "id": citation_id,
                    "statement_id": statement_id,
                    "document_id": document_id,
                    "parent_id": parent_id,
                    "position": depth,
                    "source_id": source.id,
                    "source_surface": hop.surface,
                    "relation": hop.relation,
                    "cue": hop.cue,
                    "evidence_start": hop.evidence_start,
                    "evidence_end": hop.evidence_end,
                    "upstream_statement_id": hop.upstream_statement_id,
                    "link_method": "manual" if hop.upstream_statement_id is not None else None,
                    "link_similarity": None,
                    "origin": origin,
                }
            )
    resolver.flush()
    session.execute(_INSERT_STATEMENT, statement_rows)
    session.execute(_INSERT_CITATION, citation_rows)
    return statement_ids


_DOCUMENT_SQL = text(
    """
    SELECT d.id, d.text, d.language, d.url, d.title, d.published_at, d.ingested_at,
           d.content_hash, o.id AS outlet_id, o.name AS outlet_name, o.kind AS outlet_kind,
           o.state_media AS outlet_state_media
    FROM document d LEFT JOIN source o ON o.id = d.outlet_id
    WHERE d.id = ANY(:ids)
    """
)
_STATEMENTS_SQL = text(
    """
    SELECT st.id, st.document_id, st.kind, st.start_offset, st.end_offset, st.text, st.cue,
           st.speaker_surface, st.origin, st.review_status,
           sp.id AS speaker_id, sp.name AS speaker_name, sp.kind AS speaker_kind,
           sp.state_media AS speaker_state_media
    FROM statement st LEFT JOIN source sp ON sp.id = st.speaker_id
    WHERE {where}
    ORDER BY st.document_id, st.start_offset, st.id
    """
)
_HOPS_SQL = text(
    """
    SELECT c.id, c.statement_id, c.position, c.parent_id, c.relation, c.cue,
           c.evidence_start, c.evidence_end, c.upstream_statement_id, c.link_method,
           c.link_similarity, c.origin,
           s.id AS source_id, s.name AS source_name, s.kind AS source_kind,
           s.state_media AS source_state_media
    FROM citation c JOIN source s ON s.id = c.source_id
    WHERE c.statement_id = ANY(:ids)
    ORDER BY c.statement_id, c.position, c.id
    """
)


def _brief(row: Any, prefix: str) -> SourceBrief | None:
    ident = getattr(row, f"{prefix}_id")
    if ident is None:
        return None
    return SourceBrief(
        id=ident,
        name=getattr(row, f"{prefix}_name"),
        kind=getattr(row, f"{prefix}_kind"),
        state_media=getattr(row, f"{prefix}_state_media"),
    )


def load_statements(session: Session, where: str, params: dict[str, Any]) -> list[StatementView]:
    """Statements matching a fixed SQL condition, each with its own stored chain."""
    rows = session.execute(text(_STATEMENTS_SQL.text.format(where=where)), params).all()
    hops: dict[int, list[HopView]] = {}
    if rows:
        for h in session.execute(_HOPS_SQL, {"ids": [r.id for r in rows]}):
            link = None
            if h.link_method is not None:
                link = {"method": h.link_method, "similarity": h.link_similarity}
            source = _brief(h, "source")
            assert source is not None
            hops.setdefault(h.statement_id, []).append(
                HopView(
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
                )
            )
    return [
        StatementView(
            id=r.id,
            document_id=r.document_id,
            kind=r.kind,
            start=r.start_offset,
            end=r.end_offset,
            text=r.text,
            cue=r.cue,
            speaker=_brief(r, "speaker"),
            speaker_surface=r.speaker_surface,
            origin=r.origin,
            review_status=r.review_status,
            chain=hops.get(r.id, []),
        )
        for r in rows
    ]


def _documents(session: Session, ids: list[int]) -> dict[int, DocumentView]:
    """Documents by id, without statements, in one query."""
    return {
        row.id: DocumentView(
            id=row.id,
            text=row.text,
            language=row.language,
            url=row.url,
            title=row.title,
            outlet=_brief(row, "outlet"),
            published_at=row.published_at,
            ingested_at=row.ingested_at,
            content_hash=row.content_hash,
        )
        for row in session.execute(_DOCUMENT_SQL, {"ids": ids})
    }


def get_document(session: Session, document_id: int, *, statements: bool = True) -> DocumentView:
    """A stored document with (by default) its statements and their chains."""
    document = _documents(session, [document_id]).get(document_id)
    if document is None:
        raise NotFoundError("document", document_id)
    if not statements:
        return document
    views = load_statements(session, "st.document_id = :id", {"id": document_id})
    return replace(document, statements=views)


def get_statement(session: Session, statement_id: int) -> StatementView:
    """One stored statement with its own chain."""
    found = load_statements(session, "st.id = :id", {"id": statement_id})
    if not found:
        raise NotFoundError("statement", statement_id)
    return found[0]


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
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if document_id is not None:
        clauses.append("t.document_id = :document_id")
        params["document_id"] = document_id
    if speaker_id is not None:
        clauses.append("t.speaker_id = :speaker_id")
        params["speaker_id"] = speaker_id
    if q:
        # the statement's GIN-indexed words; websearch syntax allows "exact phrases"
        clauses.append("t.search_vector @@ websearch_to_tsquery('simple', :q)")
        params["q"] = q
    ids, next_cursor = page_ids(session, "statement", clauses, params, cursor=cursor, limit=limit)
    items = load_statements(session, "st.id = ANY(:ids)", {"ids": ids}) if ids else []
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
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if outlet:
        clauses.append(
            "t.outlet_id IN (SELECT a.source_id FROM source_alias a WHERE a.normalized = :outlet)"
        )
        params["outlet"] = normalize_name(outlet)
    if language:
        clauses.append("t.language = :language")
        params["language"] = language
    if url:
        clauses.append("t.url = :url")
        params["url"] = url
    ids, next_cursor = page_ids(
        session, "document", clauses, params, cursor=cursor, limit=limit, newest_first=True
    )
    found = _documents(session, ids)
    return Page(items=[found[i] for i in ids], next_cursor=next_cursor)


def all_document_ids(session: Session) -> list[int]:
    """Every stored document's id, oldest first (for --all passes)."""
    return [r.id for r in session.execute(text("SELECT id FROM document ORDER BY id"))]
