"""From article to stored chains: extraction into statements, and the batch write path."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.extract import EXTRACTOR_VERSION, Extraction, detect_language, extract
from tracker.fingerprint import fingerprint, search_config
from tracker.ingest.formats import RawItem
from tracker.store.documents import content_hash
from tracker.store.inputs import DocumentIn, HopIn, SourceIn, StatementIn, hop_tree
from tracker.store.names import normalize_name
from tracker.store.outlets import outlet_source
from tracker.store.sources import ENRICH_ON_CONFLICT, canonical_outlet, enriches
from tracker.store.validation import validate_document

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def source_in(ref: Any) -> SourceIn:
    """An extractor SourceRef as an input source."""
    return SourceIn(
        name=ref.name,
        kind=ref.kind,
        role=ref.role,
        affiliation=ref.affiliation,
        state_media=ref.state_media,
    )


INDEFINITE_WORDS = ("salah seorang", "seorang", "sebuah", "a", "an", "one")
"""Words that open an unnamed description ("seorang anggota parlemen …", "a lawmaker")."""


def described_people(extraction: Extraction) -> dict[str, SourceIn]:
    """Unnamed descriptions the text later names: anonymous source key -> the person.

    "seorang anggota parlemen Korea Selatan mengungkapkan …" and, later, "anggota
    parlemen Kang Dae Sik mengatakan …" are one lawmaker: the description is the
    named person's role. Only an unambiguous match (one named person with that role)
    is taken; the raw mention stays on the statement as its speaker surface.
    """
    people = [s for s in extraction.sources if s.kind == "person" and s.role]
    found: dict[str, SourceIn] = {}
    for source in extraction.sources:
        if source.kind != "anonymous":
            continue
        words = source.name.casefold()
        for article in INDEFINITE_WORDS:
            if words.startswith(article + " "):
                words = words[len(article) + 1 :]
                break
        else:
            continue
        matches = [p for p in people if _starts_with_words(words, (p.role or "").casefold())]
        if len(matches) == 1:
            person = matches[0]
            found[source.key] = SourceIn(
                name=person.name,
                kind="person",
                role=person.role,
                affiliation=person.affiliation or source.affiliation,
                state_media=person.state_media,
            )
    return found


def _starts_with_words(text_: str, prefix: str) -> bool:
    return bool(prefix) and (text_ == prefix or text_.startswith(prefix + " "))


def statements_from_extraction(extraction: Extraction) -> tuple[StatementIn, ...]:
    """The extractor's statements in the shape the store takes (chains nearest relay first)."""
    named = described_people(extraction)

    def mention(ref: Any) -> SourceIn:
        return named.get(ref.key) or source_in(ref)

    out: list[StatementIn] = []
    for st in extraction.statements:
        if st.speaker is None and not st.chain:
            continue
        chain = tuple(
            HopIn(
                source=mention(hop.source),
                relation=hop.relation,
                cue=hop.cue,
                evidence_start=hop.start if hop.start is not None and hop.end else None,
                evidence_end=hop.end if hop.start is not None and hop.end else None,
                surface=None,
            )
            for hop in st.chain
        )
        out.append(
            StatementIn(
                start=st.start,
                end=st.end,
                kind=st.kind,
                speaker=mention(st.speaker) if st.speaker is not None else None,
                chain=chain,
                cue=st.cue,
                cue_start=st.cue_start,
                cue_end=st.cue_end,
                speaker_surface=st.speaker_surface,
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document ready to write: text, metadata, language, outlet and statements."""

    doc: DocumentIn
    language: str
    outlet: SourceIn | None
    content_hash: str
    origin: str
    """Where it came from (path or path:line), for error messages."""


def resolve_language(text_: str, given: str | None) -> str:
    """The document's language: as given, else detected between id and en."""
    return given or detect_language(text_)


def prepare_document(
    doc: DocumentIn, *, extract_statements: bool = True, origin: str = "request"
) -> PreparedDocument:
    """Validate ``doc`` and, if it carries no statements, run the extractor on it.

    Pure CPU work with no database, so `tracker ingest --jobs N` runs it in worker
    processes and only the writes happen in the parent.
    """
    validate_document(doc)
    language = resolve_language(doc.text, doc.language)
    if doc.statements is None and extract_statements:
        extraction = extract(doc.text, language=language if language in ("id", "en") else "auto")
        doc = _with_statements(doc, statements_from_extraction(extraction))
        validate_document(doc)
    return PreparedDocument(
        doc=doc,
        language=language,
        outlet=outlet_source(doc.outlet, doc.url),
        content_hash=content_hash(doc.text),
        origin=origin,
    )


def _with_statements(doc: DocumentIn, statements: tuple[StatementIn, ...]) -> DocumentIn:
    return DocumentIn(
        text=doc.text,
        language=doc.language,
        url=doc.url,
        title=doc.title,
        outlet=doc.outlet,
        published_at=doc.published_at,
        statements=statements,
    )


def prepare_item(
    item: RawItem, *, language: str | None = None, outlet: str | None = None
) -> PreparedDocument:
    """A read item made ready: overrides from the command line win over the file's own."""
    doc = DocumentIn(
        text=item.text,
        language=language or item.language,
        url=item.url,
        title=item.title,
        outlet=outlet or item.outlet,
        published_at=item.published_at,
        statements=None,
    )
    return prepare_document(doc, origin=item.origin)


@dataclass(slots=True)
class BatchOutcome:
    """What one batch write did."""

    new_documents: int = 0
    present_documents: int = 0
    statements: int = 0
    new_sources: int = 0
    document_ids: list[int] = field(default_factory=list)


def _arrays(rows: list[dict[str, Any]], columns: Iterable[str]) -> dict[str, list[Any]]:
    return {c: [r[c] for r in rows] for c in columns}


_EXISTING_SQL = text(
    """
    SELECT content_hash, url FROM document
    WHERE content_hash = ANY(CAST(:hashes AS text[])) OR url = ANY(CAST(:urls AS text[]))
    """
)
_UPSERT_SOURCES_SQL = text(
    """
    INSERT INTO source (name, normalized_name, kind, role, state_media)
    SELECT * FROM unnest(CAST(:name AS text[]), CAST(:normalized AS text[]),
                         CAST(:kind AS text[]), CAST(:role AS text[]),
                         CAST(:state_media AS boolean[]))
    """
    + ENRICH_ON_CONFLICT
    + "RETURNING id, normalized_name, kind, (xmax = 0) AS inserted"
)
_AFFILIATIONS_SQL = text(
    """
    UPDATE source s SET affiliation_id = a.affiliation_id
    FROM unnest(CAST(:ids AS bigint[]), CAST(:affiliation_ids AS bigint[]))
         AS a(id, affiliation_id)
    WHERE s.id = a.id AND s.affiliation_id IS NULL AND s.id <> a.affiliation_id
    """
)
_INSERT_DOCUMENTS_SQL = text(
    """
    INSERT INTO document (id, text, text_length, language, url, title, outlet_id,
                          published_at, content_hash)
    SELECT * FROM unnest(CAST(:id AS bigint[]), CAST(:text AS text[]),
                         CAST(:text_length AS int[]), CAST(:language AS text[]),
                         CAST(:url AS text[]), CAST(:title AS text[]),
                         CAST(:outlet_id AS bigint[]), CAST(:published_at AS timestamptz[]),
                         CAST(:content_hash AS text[]))
    ON CONFLICT DO NOTHING
    RETURNING id
    """
)
_INSERT_ANONYMOUS_SQL = text(
    """
    INSERT INTO source (id, name, normalized_name, kind, role, scope_document_id)
    SELECT id, name, normalized, 'anonymous', role, doc
    FROM unnest(CAST(:id AS bigint[]), CAST(:name AS text[]), CAST(:normalized AS text[]),
                CAST(:role AS text[]), CAST(:doc AS bigint[]))
         AS a(id, name, normalized, role, doc)
    """
)
STATEMENT_COPY_COLUMNS = (
    "id", "document_id", "document_length", "kind", "start_offset", "end_offset", "text",
    "cue", "cue_start", "cue_end", "speaker_id", "speaker_surface", "origin", "fingerprint",
    "search_config",
)  # fmt: skip
CITATION_COPY_COLUMNS = (
    "id", "statement_id", "document_id", "parent_id", "position", "source_id",
    "source_surface", "relation", "cue", "evidence_start", "evidence_end",
    "upstream_statement_id", "origin",
)  # fmt: skip


def _copy_rows(
    session: Session, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """COPY rows into ``table`` on the session's own connection (same transaction).

    Statements and hops have their ids reserved and never conflict, so the fastest
    bulk path PostgreSQL has applies; parents precede children in ``rows``.
    """
    connection = session.connection().connection.driver_connection
    assert connection is not None
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


_INSERT_ALIASES_SQL = text(
    """
    INSERT INTO source_alias (source_id, alias, normalized)
    SELECT * FROM unnest(CAST(:source_id AS bigint[]), CAST(:alias AS text[]),
                         CAST(:normalized AS text[]))
    ON CONFLICT (source_id, normalized) DO NOTHING
    """
)


def _reserve(session: Session, sequence: str, count: int) -> list[int]:
    if count == 0:
        return []
    rows = session.execute(
        text(f"SELECT nextval('{sequence}') FROM generate_series(1, :n)"), {"n": count}
    )
    return [r[0] for r in rows]


class _SourceTable:
    """The batch's non-anonymous sources, merged by matching key before one upsert."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}
        self.aliases: set[tuple[tuple[str, str], str]] = set()
        self.affiliations: set[tuple[tuple[str, str], tuple[str, str]]] = set()

    def add(self, mention: SourceIn, surface: str | None = None) -> tuple[str, str]:
        normalized = normalize_name(mention.name) or mention.name.casefold().strip()
        if mention.kind == "news_outlet":
            mention, normalized = canonical_outlet(mention, normalized)
        key = (normalized, mention.kind)
        row = self.rows.get(key)
        name = mention.name.strip()
        if row is None:
            self.rows[key] = {
                "name": name,
                "normalized": key[0],
                "kind": mention.kind,
                "role": mention.role,
                "state_media": mention.state_media,
            }
        else:
            if len(name) > len(row["name"]):
                row["name"] = name
            row["role"] = row["role"] or mention.role
            row["state_media"] = row["state_media"] or mention.state_media
        self.aliases.add((key, name))
        if surface and surface.strip() and surface.strip() != name:
            self.aliases.add((key, surface.strip()))
        if mention.affiliation:
            org = self.add(SourceIn(mention.affiliation, "organization"))
            if org != key:
                self.affiliations.add((key, org))
        return key


_KNOWN_SOURCES_SQL = text(
    """
    SELECT s.id, s.normalized_name, s.kind, s.name, s.role, s.state_media
    FROM unnest(CAST(:normalized AS text[]), CAST(:kind AS text[])) AS k(normalized, kind)
    JOIN source s ON s.normalized_name = k.normalized AND s.kind = k.kind
    WHERE s.kind <> 'anonymous'
    """
)


def _known_sources(session: Session, sources: _SourceTable) -> dict[tuple[str, str], int]:
    """Ids of the batch's sources already stored and not enriched by this batch."""
    if not sources.rows:
        return {}
    keys = sorted(sources.rows)
    found: dict[tuple[str, str], int] = {}
    params = {"normalized": [k[0] for k in keys], "kind": [k[1] for k in keys]}
    for row in session.execute(_KNOWN_SOURCES_SQL, params):
        key = (row.normalized_name, row.kind)
        new = sources.rows[key]
        mention = SourceIn(new["name"], new["kind"], new["role"], None, new["state_media"])
        if not enriches(row.name, row.role, row.state_media, mention):
            found[key] = row.id
    return found


def same_document(p: PreparedDocument, content_hash_: str, url: str | None) -> bool:
    """Document identity: the same text, or the same URL when both documents have one.

    Two documents without a URL are not the same document by URL: ``None == None``
    once made every new URL-less document of a batch "already present".
    """
    return p.content_hash == content_hash_ or (p.doc.url is not None and p.doc.url == url)


def write_batch(
    session: Session, prepared: list[PreparedDocument], *, origin: str = EXTRACTOR_VERSION
) -> BatchOutcome:
    """Store a batch of prepared documents set-wise: a handful of statements per batch.

    Everything is keyed and sorted (content hash, source key), so concurrent batches
    take their locks in the same order; documents already stored, or stored by a
    concurrent writer meanwhile, are skipped with everything they carry.
    """
    outcome = BatchOutcome()
    unique: dict[str, PreparedDocument] = {}
    seen_urls: set[str] = set()
    for p in sorted(prepared, key=lambda p: p.content_hash):
        if p.content_hash in unique or (p.doc.url and p.doc.url in seen_urls):
            outcome.present_documents += 1
            continue
        unique[p.content_hash] = p
        if p.doc.url:
            seen_urls.add(p.doc.url)
    if not unique:
        return outcome
    existing = session.execute(
        _EXISTING_SQL, {"hashes": list(unique), "urls": sorted(seen_urls)}
    ).all()
    for row in existing:
        for h in [h for h, p in unique.items() if same_document(p, row.content_hash, row.url)]:
            del unique[h]
            outcome.present_documents += 1
    docs = list(unique.values())
    if not docs:
        return outcome

    # 1. Every named source of the batch, in one ordered upsert.
    sources = _SourceTable()
    for p in docs:
        if p.outlet is not None:
            sources.add(p.outlet)
        for st in p.doc.statements or ():
            if st.speaker is not None and st.speaker.kind != "anonymous":
                sources.add(st.speaker, st.speaker_surface)
            for hop in st.chain:
                if hop.source.kind != "anonymous":
                    sources.add(hop.source, hop.surface)
    ids = _known_sources(session, sources)
    if len(ids) < len(sources.rows):
        # only new sources, or ones this batch enriches, are written: an upsert that
        # changes nothing would still write a new row version of every popular source
        ordered = [sources.rows[k] for k in sorted(sources.rows) if k not in ids]
        source_cols = ("name", "normalized", "kind", "role", "state_media")
        for row in session.execute(_UPSERT_SOURCES_SQL, _arrays(ordered, source_cols)):
            ids[(row.normalized_name, row.kind)] = row.id
            outcome.new_sources += int(row.inserted)
    if sources.affiliations:
        pairs = sorted((ids[a], ids[b]) for a, b in sources.affiliations)
        session.execute(
            _AFFILIATIONS_SQL,
            {"ids": [a for a, _ in pairs], "affiliation_ids": [b for _, b in pairs]},
        )

    # 2. Documents, with ids reserved up front; a concurrent writer's wins are skipped.
    doc_ids = _reserve(session, "document_id_seq", len(docs))
    doc_rows = [
        {
            "id": doc_id,
            "text": p.doc.text,
            "text_length": len(p.doc.text),
            "language": p.language,
            "url": p.doc.url,
            "title": p.doc.title,
            "outlet_id": ids[sources.add(p.outlet)] if p.outlet else None,
            "published_at": p.doc.published_at,
            "content_hash": p.content_hash,
        }
        for doc_id, p in zip(doc_ids, docs, strict=True)
    ]
    cols = tuple(doc_rows[0])
    inserted = {r.id for r in session.execute(_INSERT_DOCUMENTS_SQL, _arrays(doc_rows, cols))}
    outcome.present_documents += len(docs) - len(inserted)
    outcome.new_documents = len(inserted)
    kept = [(i, p) for i, p in zip(doc_ids, docs, strict=True) if i in inserted]
    outcome.document_ids = [i for i, _ in kept]

    # 3. Anonymous sources (one per document and mention), statements and hops.
    anonymous: list[dict[str, Any]] = []
    anon_ids: dict[tuple[int, str], int] = {}
    for doc_id, p in kept:
        for st in p.doc.statements or ():
            for mention in (st.speaker, *(h.source for h in st.chain)):
                if mention is not None and mention.kind == "anonymous":
                    key = (doc_id, mention.name)
                    if key not in anon_ids:
                        anon_ids[key] = -1
                        anonymous.append(
                            {
                                "doc": doc_id,
                                "name": mention.name,
                                "normalized": normalize_name(mention.name),
                                "role": mention.role,
                            }
                        )
    if anonymous:
        reserved = _reserve(session, "source_id_seq", len(anonymous))
        for anon, new_id in zip(anonymous, reserved, strict=True):
            anon["id"] = new_id
            anon_ids[(anon["doc"], anon["name"])] = new_id
        session.execute(
            _INSERT_ANONYMOUS_SQL, _arrays(anonymous, ("id", "name", "normalized", "role", "doc"))
        )
        outcome.new_sources += len(anonymous)

    def source_id(doc_id: int, mention: SourceIn) -> int:
        if mention.kind == "anonymous":
            return anon_ids[(doc_id, mention.name)]
        return ids[sources.add(mention)]

    statement_rows: list[tuple[Any, ...]] = []
    citation_rows: list[tuple[Any, ...]] = []
    n_statements = sum(len(p.doc.statements or ()) for _, p in kept)
    statement_ids = iter(_reserve(session, "statement_id_seq", n_statements))
    n_hops = sum(len(st.stored_chain()) for _, p in kept for st in p.doc.statements or ())
    citation_ids = iter(_reserve(session, "citation_id_seq", n_hops))
    for doc_id, p in kept:
        text_ = p.doc.text
        for st in p.doc.statements or ():
            sid = next(statement_ids)
            chain = st.stored_chain()
            speaker = st.speaker or chain[-1].source
            span = text_[st.start : st.end]
            statement_rows.append(
                (
                    sid,
                    doc_id,
                    len(text_),
                    st.kind,
                    st.start,
                    st.end,
                    span,
                    st.cue,
                    st.cue_start,
                    st.cue_end,
                    source_id(doc_id, speaker),
                    st.speaker_surface,
                    origin,
                    fingerprint(span),
                    search_config(p.language),
                )
            )
            hop_ids: list[int] = []
            for hop, (parent, depth) in zip(chain, hop_tree(chain), strict=True):
                cid = next(citation_ids)
                hop_ids.append(cid)
                citation_rows.append(
                    (
                        cid,
                        sid,
                        doc_id,
                        hop_ids[parent] if parent is not None else None,
                        depth,
                        source_id(doc_id, hop.source),
                        hop.surface,
                        hop.relation,
                        hop.cue,
                        hop.evidence_start,
                        hop.evidence_end,
                        hop.upstream_statement_id,
                        origin,
                    )
                )
    if statement_rows:
        _copy_rows(session, "statement", STATEMENT_COPY_COLUMNS, statement_rows)
    if citation_rows:
        _copy_rows(session, "citation", CITATION_COPY_COLUMNS, citation_rows)
    outcome.statements = len(statement_rows)

    # 4. Surface forms, so a wrong merge can be traced and undone later.
    alias_rows = sorted(
        {(ids[key], alias, normalize_name(alias)) for key, alias in sources.aliases}
        | {
            (anon_id, name, normalize_name(name))
            for (_, name), anon_id in anon_ids.items()
            if anon_id > 0
        }
    )
    alias_rows = [r for r in alias_rows if r[2]]
    if alias_rows:
        session.execute(
            _INSERT_ALIASES_SQL,
            {
                "source_id": [r[0] for r in alias_rows],
                "alias": [r[1] for r in alias_rows],
                "normalized": [r[2] for r in alias_rows],
            },
        )
    return outcome
