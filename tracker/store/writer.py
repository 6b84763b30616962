"""The one write path: documents, sources, statements and hops, set-wise, in one transaction.

Every write goes through here: one document from `POST /api/v1/documents` (a batch of
one), a batch from `tracker ingest`, the statements `tracker reextract` makes again, and
later the review actions. Source identity is `tracker.store.resolver`'s, document
identity `tracker.store.identity`'s; a stored chain is `StatementIn.stored_chain` with
its hop tree, and new documents are linked upstream before the transaction ends.

Everything runs in the caller's session and transaction, so a review action (confirm,
reject or edit a statement or chain, merge or split sources) can write its change
through these functions and its audit row beside it: both commit, or neither. Storing
documents writes its own audit rows (``document.ingest``, one per new document) the same
way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from tracker.access.actor import Actor, process_actor
from tracker.errors import ValidationError
from tracker.provenance.identity import fingerprint, search_config
from tracker.provenance.links import link_documents
from tracker.store.audit import append_created
from tracker.store.documents import get_document
from tracker.store.holds import hold_targets
from tracker.store.identity import (
    claim_identities,
    content_hash,
    place_statements,
    split_by_identity,
    stored_ids_of,
)
from tracker.store.inputs import DocumentIn, PreparedDocument, SourceIn, StatementIn, hop_tree
from tracker.store.layout import one_connection_per_node
from tracker.store.outlets import outlet_source
from tracker.store.resolver import (
    ResolvedSources,
    SourcePlan,
    create_anonymous,
    link_affiliations,
    reserve_ids,
    resolve_named,
    write_aliases,
)
from tracker.store.validation import validate_document
from tracker.vocabulary import MANUAL_ORIGIN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.views import DocumentView

INGEST_ACTION = "document.ingest"
"""The audit action of a document stored by an ingest (API, desk or `tracker ingest`)."""
MANUAL_LINK = "manual"
"""``link_method`` of an upstream link given in the input (the linker writes its own)."""
UNDETERMINED_LANGUAGE = "und"
"""ISO 639 code stored for a document whose language nobody gave or detected."""

INSERT_DOCUMENTS_SQL = text(
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
"""A write's documents in one statement; one a concurrent writer stored first is skipped."""
EXISTING_STATEMENTS_SQL = text(
    "SELECT id, document_id FROM statement WHERE id = ANY(CAST(:ids AS bigint[]))"
)
STATEMENT_COPY = (
    "COPY statement (id, document_id, document_length, kind, start_offset, end_offset, text, "
    "cue, cue_start, cue_end, speaker_id, speaker_surface, origin, fingerprint, search_config, "
    "rule) FROM STDIN"
)
CITATION_COPY = (
    "COPY citation (id, statement_id, document_id, parent_id, position, source_id, "
    "source_surface, relation, cue, evidence_start, evidence_end, upstream_statement_id, "
    "upstream_document_id, link_method, origin) FROM STDIN"
)


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What storing one document did: the document as stored, and whether it was new."""

    document: DocumentView
    created: bool


@dataclass(slots=True)
class WriteOutcome:
    """What one write did."""

    new_documents: int = 0
    present_documents: int = 0
    statements: int = 0
    new_sources: int = 0
    document_ids: list[int] = field(default_factory=list)
    """The new documents' ids."""
    stored_ids: dict[str, int] = field(default_factory=dict)
    """Content hash -> id of the stored document, new or already present."""

    def add(self, other: WriteOutcome) -> None:
        """Count ``other`` in (the totals of a run of writes)."""
        self.new_documents += other.new_documents
        self.present_documents += other.present_documents
        self.statements += other.statements
        self.new_sources += other.new_sources
        self.document_ids += other.document_ids
        self.stored_ids.update(other.stored_ids)


@dataclass(frozen=True, slots=True)
class _Target:
    """Statements to write into one stored document, at ``position`` of the write."""

    position: int
    document_id: int
    text: str
    language: str | None
    statements: tuple[StatementIn, ...]
    origin: str


def store_documents(
    session: Session, prepared: Sequence[PreparedDocument], actor: Actor | None = None
) -> WriteOutcome:
    """Store each document of ``prepared`` that is new, with its statements and chains.

    A document already stored (same text, or same URL), or stored meanwhile by a
    concurrent writer, is skipped with everything it carries. Each new document gets an
    audit row (``document.ingest``) by ``actor`` (None: whoever runs this process). Runs
    in the caller's transaction: a failure anywhere leaves the database as it was.
    """
    outcome = WriteOutcome()
    one_connection_per_node(session)
    split = split_by_identity(session, prepared)
    outcome.stored_ids.update(split.stored_ids)
    fresh = split.fresh
    if fresh:
        upstream = _check_upstream_links(
            session, [st for p in fresh for st in p.doc.statements or ()]
        )
        plan = SourcePlan()
        for position, p in enumerate(fresh):
            if p.outlet is not None:
                plan.add(position, p.outlet)
            _plan_statements(plan, position, p.doc.statements or ())
        sources = resolve_named(session, plan)
        link_affiliations(session, plan, sources)
        targets = _insert_documents(session, fresh, plan, sources, outcome)
        _write_statements(session, plan, sources, targets, outcome, upstream)
        outcome.new_sources += sources.inserted
        link_documents(session, outcome.document_ids)
        _audit_ingest(session, actor or process_actor(), fresh, targets)
    for p, earlier in split.repeats:
        if earlier.content_hash in outcome.stored_ids:
            outcome.stored_ids.setdefault(p.content_hash, outcome.stored_ids[earlier.content_hash])
    outcome.present_documents = len(prepared) - outcome.new_documents
    return outcome


def _audit_ingest(
    session: Session, actor: Actor, fresh: list[PreparedDocument], targets: list[_Target]
) -> None:
    """One audit row per stored document, written set-wise beside the documents."""
    created = []
    for t in targets:
        doc = fresh[t.position].doc
        after = {"id": t.document_id, "title": doc.title, "url": doc.url}
        created.append((t.document_id, {**after, "statements": len(t.statements)}))
    append_created(session, actor, INGEST_ACTION, "document", created)


def add_statements(
    session: Session,
    document_id: int,
    document_text: str,
    statements: Sequence[StatementIn],
    *,
    origin: str,
    language: str | None,
) -> WriteOutcome:
    """Write more statements into a stored document by the same rules, and link it again."""
    outcome = WriteOutcome()
    if not statements:
        return outcome
    one_connection_per_node(session)
    upstream = _check_upstream_links(session, statements)
    plan = SourcePlan()
    _plan_statements(plan, 0, statements)
    sources = resolve_named(session, plan)
    link_affiliations(session, plan, sources)
    target = _Target(0, document_id, document_text, language, tuple(statements), origin)
    _write_statements(session, plan, sources, [target], outcome, upstream)
    outcome.new_sources += sources.inserted
    link_documents(session, [document_id])
    return outcome


def resolve_sources(
    session: Session, document_id: int, mentions: Sequence[tuple[SourceIn, str | None]]
) -> list[int]:
    """Source ids for ``(mention, surface)`` pairs met in one stored document.

    The resolver's rules, exactly as for the extractor's mentions: a named source by its
    key (a merged one's tombstone leads to where it went), an ``unknown`` one joining a
    named source, an anonymous one new and scoped to the document; aliases written.
    """
    plan = SourcePlan()
    for mention, surface in mentions:
        plan.add(0, mention, surface)
    sources = resolve_named(session, plan)
    link_affiliations(session, plan, sources)
    create_anonymous(session, plan, sources, {0: document_id})
    write_aliases(session, plan, sources)
    return [sources.source_id(plan, 0, mention) for mention, _ in mentions]


@dataclass(frozen=True, slots=True)
class HopRow:
    """One hop of a straight chain as a reviewer enters it, its source resolved."""

    source_id: int
    surface: str | None
    relation: str
    cue: str | None


INSERT_REVIEWED_HOPS_SQL = text(
    """
    INSERT INTO citation (id, statement_id, document_id, parent_id, position, source_id,
                          source_surface, relation, cue, origin, review_status,
                          reviewed_by, reviewed_at)
    SELECT h.id, :statement_id, :document_id, h.parent_id, h.position, h.source_id,
           h.surface, h.relation, h.cue, :origin, :review_status, :reviewed_by, now()
    FROM unnest(CAST(:id AS bigint[]), CAST(:parent_id AS bigint[]), CAST(:position AS int[]),
                CAST(:source_id AS bigint[]), CAST(:surface AS text[]),
                CAST(:relation AS text[]), CAST(:cue AS text[]))
         AS h(id, parent_id, position, source_id, surface, relation, cue)
    """
)


def insert_reviewed_hops(
    session: Session,
    statement_id: int,
    document_id: int,
    hops: Sequence[HopRow],
    *,
    review_status: str,
    reviewed_by: str,
) -> list[int]:
    """A straight chain of hops entered by a reviewer (origin ``manual``), nearest first."""
    ids = reserve_ids(session, "citation_id_seq", len(hops))
    session.execute(
        INSERT_REVIEWED_HOPS_SQL,
        {
            "statement_id": statement_id,
            "document_id": document_id,
            "origin": MANUAL_ORIGIN,
            "review_status": review_status,
            "reviewed_by": reviewed_by,
            "id": ids,
            "parent_id": [None, *ids[:-1]],
            "position": list(range(len(hops))),
            "source_id": [h.source_id for h in hops],
            "surface": [h.surface for h in hops],
            "relation": [h.relation for h in hops],
            "cue": [h.cue for h in hops],
        },
    )
    return ids


def store_document(
    session: Session,
    doc: DocumentIn,
    *,
    origin: str = MANUAL_ORIGIN,
    language: str | None = None,
    outlet: SourceIn | None = None,
    actor: Actor | None = None,
) -> StoreResult:
    """One document as given (statements and all, no extraction): a write of one."""
    validate_document(doc)
    prepared = PreparedDocument(
        doc=doc,
        language=language or doc.language or UNDETERMINED_LANGUAGE,
        outlet=outlet or outlet_source(doc.outlet, doc.url),
        content_hash=content_hash(doc.text),
        statement_origin=origin,
    )
    return store_prepared(session, prepared, actor)


def store_prepared(
    session: Session, prepared: PreparedDocument, actor: Actor | None = None
) -> StoreResult:
    """One prepared document, read back as stored: 201 or 200 for the API."""
    outcome = store_documents(session, [prepared], actor)
    document_id = outcome.stored_ids[prepared.content_hash]
    return StoreResult(get_document(session, document_id), created=outcome.new_documents == 1)


def _plan_statements(plan: SourcePlan, position: int, statements: Sequence[StatementIn]) -> None:
    """The speaker (seen as its surface) and every hop; a first-hand statement's stored
    chain is its speaker again, so its given chain names every source it stores."""
    for st in statements:
        plan.add(position, st.speaker or st.chain[-1].source, st.speaker_surface)
        for hop in st.chain:
            plan.add(position, hop.source, hop.surface)


def _check_upstream_links(session: Session, statements: Sequence[StatementIn]) -> dict[int, int]:
    """Refuse hops linked by hand to statements that do not exist (422, nothing written);
    the documents of those that do, stored with each link (``upstream_document_id``)."""
    wanted = {
        hop.upstream_statement_id
        for st in statements
        for hop in st.chain
        if hop.upstream_statement_id is not None
    }
    if not wanted:
        return {}
    found = {
        r.id: r.document_id
        for r in session.execute(EXISTING_STATEMENTS_SQL, {"ids": sorted(wanted)})
    }
    there = hold_targets(session, found.items())
    found = {ident: document for ident, document in found.items() if ident in there}
    missing = sorted(wanted - found.keys())
    if missing:
        raise ValidationError(
            f"upstream statement {missing[0]} does not exist",
            [
                {"field": "upstream_statement_id", "message": f"statement {m} does not exist"}
                for m in missing
            ],
        )
    return found


def _insert_documents(
    session: Session,
    fresh: list[PreparedDocument],
    plan: SourcePlan,
    sources: ResolvedSources,
    outcome: WriteOutcome,
) -> list[_Target]:
    """Insert the documents, ids reserved up front, in content-hash order (lock order)."""
    ids = reserve_ids(session, "document_id_seq", len(fresh))
    claimed = claim_identities(session, list(zip(ids, fresh, strict=True)))
    order = sorted(range(len(fresh)), key=lambda i: fresh[i].content_hash)
    rows = [_document_row(ids[i], fresh[i], plan, sources, i) for i in order if ids[i] in claimed]
    inserted: set[int] = set()
    if rows:
        params = {column: [row[column] for row in rows] for column in rows[0]}
        inserted = {r.id for r in session.execute(INSERT_DOCUMENTS_SQL, params)}
    targets = []
    lost = []
    for position, (document_id, p) in enumerate(zip(ids, fresh, strict=True)):
        if document_id not in inserted:
            lost.append(p)
            continue
        outcome.document_ids.append(document_id)
        outcome.stored_ids[p.content_hash] = document_id
        statements = p.doc.statements or ()
        targets.append(
            _Target(position, document_id, p.doc.text, p.language, statements, p.statement_origin)
        )
    outcome.new_documents = len(targets)
    outcome.stored_ids.update(stored_ids_of(session, lost))
    return targets


def _document_row(
    document_id: int, p: PreparedDocument, plan: SourcePlan, sources: ResolvedSources, i: int
) -> dict[str, Any]:
    return {
        "id": document_id,
        "text": p.doc.text,
        "text_length": len(p.doc.text),
        "language": p.language,
        "url": p.doc.url,
        "title": p.doc.title,
        "outlet_id": sources.source_id(plan, i, p.outlet) if p.outlet else None,
        "published_at": p.doc.published_at,
        "content_hash": p.content_hash,
    }


def _write_statements(
    session: Session,
    plan: SourcePlan,
    sources: ResolvedSources,
    targets: list[_Target],
    outcome: WriteOutcome,
    upstream_documents: dict[int, int],
) -> None:
    """Anonymous sources, then statements and hops by COPY, then every surface as an alias.

    Statements and hops have their ids reserved and never conflict, so the fastest bulk
    path PostgreSQL has applies; parents precede children in the rows.
    """
    create_anonymous(session, plan, sources, {t.position: t.document_id for t in targets})
    statement_ids = iter(
        reserve_ids(session, "statement_id_seq", sum(len(t.statements) for t in targets))
    )
    hops = sum(len(st.stored_chain()) for t in targets for st in t.statements)
    citation_ids = iter(reserve_ids(session, "citation_id_seq", hops))
    statement_rows: list[tuple[Any, ...]] = []
    citation_rows: list[tuple[Any, ...]] = []
    for target in targets:
        for st in target.statements:
            statement_id = next(statement_ids)
            statement_rows.append(_statement_row(statement_id, st, target, plan, sources))
            citation_rows += _citation_rows(
                statement_id, st, target, plan, sources, citation_ids, upstream_documents
            )
    _copy(session, STATEMENT_COPY, statement_rows)
    place_statements(session, [(row[0], row[1]) for row in statement_rows])
    _copy(session, CITATION_COPY, citation_rows)
    outcome.statements += len(statement_rows)
    write_aliases(session, plan, sources)


def _statement_row(
    statement_id: int, st: StatementIn, t: _Target, plan: SourcePlan, sources: ResolvedSources
) -> tuple[Any, ...]:
    span = t.text[st.start : st.end]
    speaker = st.speaker or st.chain[-1].source
    return (
        statement_id,
        t.document_id,
        len(t.text),
        st.kind,
        st.start,
        st.end,
        span,
        st.cue,
        st.cue_start,
        st.cue_end,
        sources.source_id(plan, t.position, speaker),
        st.speaker_surface,
        t.origin,
        fingerprint(span),
        search_config(t.language),
        st.rule,
    )


def _citation_rows(
    statement_id: int,
    st: StatementIn,
    t: _Target,
    plan: SourcePlan,
    sources: ResolvedSources,
    citation_ids: Any,
    upstream_documents: dict[int, int],
) -> list[tuple[Any, ...]]:
    """The statement's hops as a tree: each hangs from its parent (`hop_tree`)."""
    chain = st.stored_chain()
    ids: list[int] = []
    rows = []
    for hop, (parent, depth) in zip(chain, hop_tree(chain), strict=True):
        citation_id = next(citation_ids)
        ids.append(citation_id)
        rows.append(
            (
                citation_id,
                statement_id,
                t.document_id,
                ids[parent] if parent is not None else None,
                depth,
                sources.source_id(plan, t.position, hop.source),
                hop.surface,
                hop.relation,
                hop.cue,
                hop.evidence_start,
                hop.evidence_end,
                hop.upstream_statement_id,
                _upstream_document(hop.upstream_statement_id, upstream_documents),
                MANUAL_LINK if hop.upstream_statement_id is not None else None,
                t.origin,
            )
        )
    return rows


def _copy(session: Session, statement: str, rows: list[tuple[Any, ...]]) -> None:
    """COPY rows on the session's own connection (the same transaction)."""
    if not rows:
        return
    connection = session.connection().connection.driver_connection
    assert connection is not None
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def _upstream_document(statement_id: int | None, documents: dict[int, int]) -> int | None:
    return documents.get(statement_id) if statement_id is not None else None
