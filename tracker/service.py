"""The one entry point the API and CLI call: each action is one method, one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from tracker.db import (
    engine_for,
    make_session_factory,
    run_in_transaction,
    statement_session,
    stop_embedded_servers,
    transaction,
)
from tracker.errors import DatabaseUnavailableError, NotFoundError
from tracker.models import Document
from tracker.provenance import appearances, links, lookup
from tracker.review.service_actions import ReviewActions
from tracker.store import documents, sources
from tracker.store.layout import one_connection_per_node
from tracker.store.visibility import show_rejected
from tracker.walk import walker

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from tracker.access.actor import Actor
    from tracker.access.bootstrap import FirstKey
    from tracker.access.keys import CreatedKey
    from tracker.access.sessions import StartedSession
    from tracker.config import Settings
    from tracker.ingest.bulk import IngestOptions, IngestSummary
    from tracker.ingest.formats import BadItem, RawItem
    from tracker.ingest.reextract import ReextractOutcome
    from tracker.provenance.appearances import Appearances
    from tracker.provenance.lookup import ProvenanceItem
    from tracker.reports.corpus import SourcesReport
    from tracker.reports.document import DocumentReport
    from tracker.reports.outputs import Rendered
    from tracker.reports.shares import CorpusOverview
    from tracker.reports.source import SourceProfile
    from tracker.reports.statement import DocumentDetail, StatementDetail
    from tracker.store.inputs import DocumentIn
    from tracker.store.stats import Overview
    from tracker.store.writer import StoreResult
    from tracker.views import (
        AuditView,
        DocumentView,
        HopView,
        KeyView,
        Page,
        SourceView,
        StatementView,
    )
    from tracker.walk.model import Walk

T = TypeVar("T")


class TrackerService(ReviewActions):
    """tracker's actions over one database; reads and writes each in their own transaction.

    Writes go through one method per action; review actions take the ``Actor`` they are
    done by, and write their audit row in the action's own transaction. Reads hide
    rejected statements unless ``include_rejected`` asks for them.
    """

    # Reads run in a committed transaction too: psycopg drops its prepared statements on
    # ROLLBACK, and re-planning the walk costs as much as running it.

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        self.settings = settings
        self._owns_engine = engine is None
        self.engine = engine or engine_for(settings)
        self.sessions: sessionmaker[Session] = make_session_factory(self.engine)

    def close(self) -> None:
        """Release pooled connections and this process's hold on the embedded server.

        Servers like uvicorn re-raise SIGTERM after a graceful shutdown, which skips
        atexit hooks, so the embedded PostgreSQL is released here explicitly.
        """
        if self._owns_engine:
            self.engine.dispose()
            stop_embedded_servers()

    @contextmanager
    def _read(self, include_rejected: bool = False) -> Iterator[Session]:
        """A read transaction; with ``include_rejected`` its reads see rejected statements."""
        with transaction(self.sessions) as session:
            if include_rejected:
                show_rejected(session)
            yield session

    @contextmanager
    def _walk_read(self, include_rejected: bool) -> Iterator[Session]:
        """The walk's session: outside a transaction block, unless it shows rejected
        statements (a ``SET LOCAL``, which needs the transaction).

        On one PostgreSQL a walk is one query, which sees one snapshot on its own: the
        BEGIN before it and the COMMIT after it were two round trips to its one. On Citus
        each of its calls runs on its own as well: in a transaction block every worker a
        read touches gets a BEGIN and, at the end, a COMMIT from the coordinator (about a
        third of a walk's time on the local cluster), and a transaction gives the walk
        nothing more (at READ COMMITTED each statement sees its own snapshot, and Citus
        keeps no snapshot across nodes).
        """
        if include_rejected:
            with self._read(include_rejected) as session:
                yield session
            return
        with statement_session(self.sessions) as session:
            yield session

    def _write(self, work: Callable[[Session], T]) -> T:
        """One write transaction, run again if PostgreSQL picks it as a deadlock victim.

        On Citus over one connection per node: an action reads across shards, then
        writes sources (a table on every node), which Citus refuses after a parallel read.
        """

        def on_one_connection_per_node(session: Session) -> T:
            one_connection_per_node(session)
            return work(session)

        return run_in_transaction(self.sessions, on_one_connection_per_node)

    def health(self) -> dict[str, str]:
        """Database reachability, server version and whether the schema is at this code's
        head (``current``, ``behind`` or ``ahead``), for /health."""
        from tracker.migrations import schema_state

        try:
            with transaction(self.sessions) as session:
                version = session.execute(text("SHOW server_version")).scalar_one()
                schema = schema_state(session.connection())
        except OperationalError as exc:
            raise DatabaseUnavailableError(f"database unreachable: {exc.orig}") from exc
        return {"database": "ok", "server_version": str(version), "schema": schema}

    def create_document(
        self, doc: DocumentIn, *, extract: bool = True, actor: Actor | None = None
    ) -> StoreResult:
        """Store a document (idempotent by text and URL) in one transaction: the writer
        with a batch of one.

        Statements given are stored as manual; without statements the extractor runs,
        unless ``extract`` is False, and its statements record the extractor version. The
        audit row names ``actor`` (None: whoever runs this process).
        """
        from tracker.ingest.extraction import prepare_document
        from tracker.store.writer import store_prepared

        prepared = prepare_document(
            doc, extract_statements=extract, max_statements=self.settings.max_statements
        )
        return run_in_transaction(
            self.sessions, lambda session: store_prepared(session, prepared, actor)
        )

    def create_documents(
        self, docs: list[DocumentIn], actor: Actor | None = None
    ) -> list[StoreResult]:
        """Store several documents in one transaction, all or none: every one is prepared
        (validated, extracted) before the first is written."""
        from tracker.ingest.extraction import prepare_document
        from tracker.store.writer import store_prepared

        prepared = [
            prepare_document(
                doc, extract_statements=True, max_statements=self.settings.max_statements
            )
            for doc in docs
        ]
        return run_in_transaction(
            self.sessions, lambda session: [store_prepared(session, p, actor) for p in prepared]
        )

    def ingest(
        self,
        items: Iterable[RawItem | BadItem],
        options: IngestOptions,
        on_progress: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        """Bulk-store many read items in batches (see tracker.ingest.bulk)."""
        from tracker.ingest.bulk import bulk_ingest

        return bulk_ingest(self.sessions, items, options, on_progress)

    def reextract(self, document_ids: list[int] | None) -> list[ReextractOutcome]:
        """Re-run the extractor on the given documents (all when None), one transaction each."""
        from tracker.ingest.reextract import reextract_document

        if document_ids is None:
            with transaction(self.sessions) as session:
                document_ids = documents.all_document_ids(session)
        outcomes = []
        for document_id in document_ids:
            with transaction(self.sessions) as session:
                outcomes.append(reextract_document(session, document_id))
        return outcomes

    def link(self, document_ids: list[int] | None) -> links.LinkReport:
        """Make automatic upstream links for stored documents (all when None)."""
        total = links.LinkReport()
        if document_ids is None:
            with transaction(self.sessions) as session:
                document_ids = documents.all_document_ids(session)
        for document_id in document_ids:
            with transaction(self.sessions) as session:
                if session.get(Document, document_id) is None:
                    raise NotFoundError("document", document_id)
                report = links.link_document(session, document_id)
            total.linked += report.linked
            total.time_inversions += report.time_inversions
        return total

    def appearances(self, statement_id: int, include_rejected: bool = False) -> Appearances:
        """Every document carrying this statement or a close variant, oldest first."""
        with self._read(include_rejected) as session:
            return appearances.appearances(session, statement_id)

    def provenance(
        self,
        quote: str,
        language: str | None = None,
        limit: int = 10,
        include_rejected: bool = False,
    ) -> list[ProvenanceItem]:
        """Best matches for a pasted quote, with first appearance and primary sources."""
        with self._read(include_rejected) as session:
            return lookup.lookup(session, quote, language=language, limit=limit)

    def stats(self) -> dict[str, Any]:
        """Counts of documents, statements, sources by kind and citations."""
        from tracker.store.stats import stats

        with transaction(self.sessions) as session:
            return stats(session)

    def get_document(self, document_id: int, include_rejected: bool = False) -> DocumentView:
        with self._read(include_rejected) as session:
            return documents.get_document(session, document_id)

    def get_statement(self, statement_id: int) -> StatementView:
        """One statement, rejected or not (its status says which)."""
        with transaction(self.sessions) as session:
            return documents.get_statement(session, statement_id)

    def get_hop(self, citation_id: int) -> HopView:
        """One hop of a chain, with its statement, review state and version."""
        with transaction(self.sessions) as session:
            return documents.get_hop(session, citation_id)

    def list_statements(
        self,
        *,
        document_id: int | None = None,
        speaker_id: int | None = None,
        q: str | None = None,
        cursor: str | None = None,
        limit: int | None = None,
        include_rejected: bool = False,
    ) -> Page[StatementView]:
        with self._read(include_rejected) as session:
            return documents.list_statements(
                session,
                document_id=document_id,
                speaker_id=speaker_id,
                q=q,
                cursor=cursor,
                limit=limit or self.settings.page_size,
            )

    def list_documents(
        self,
        *,
        outlet: str | None = None,
        language: str | None = None,
        url: str | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> Page[DocumentView]:
        with transaction(self.sessions) as session:
            return documents.list_documents(
                session,
                outlet=outlet,
                language=language,
                url=url,
                cursor=cursor,
                limit=limit or self.settings.page_size,
            )

    def walk(
        self, statement_id: int, max_depth: int | None = None, include_rejected: bool = False
    ) -> Walk:
        """The statement's chain to its primary sources (one round trip: a query, on Citus
        a function call, outside a transaction block)."""
        with self._walk_read(include_rejected) as session:
            return walker.walk(session, statement_id, max_depth or self.settings.max_walk_depth)

    def get_source(self, source_id: int) -> SourceView:
        with transaction(self.sessions) as session:
            return sources.get_source(session, source_id)

    def search_sources(
        self,
        *,
        q: str | None = None,
        kind: str | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> Page[SourceView]:
        with transaction(self.sessions) as session:
            return sources.search_sources(
                session, q=q, kind=kind, cursor=cursor, limit=limit or self.settings.page_size
            )

    def document_report(self, document_id: int, include_rejected: bool = False) -> DocumentReport:
        """Every statement of a document with its walked chain, flags and a summary."""
        from tracker.reports.document import document_report

        with self._read(include_rejected) as session:
            return document_report(session, document_id)

    def sources_report(self, limit: int = 20, include_rejected: bool = False) -> SourcesReport:
        """Most-cited primary sources, busiest relays, chains through state media."""
        from tracker.reports.corpus import sources_report

        with self._read(include_rejected) as session:
            return sources_report(session, limit)

    def export_walk(self, statement_id: int, fmt: str, include_rejected: bool = False) -> Rendered:
        """A statement's walk as JSON, PROV-JSON, PROV-O (Turtle) or schema.org JSON-LD."""
        from tracker.reports import outputs

        outputs.check_format(fmt, "walk")
        with self._read(include_rejected) as session:
            return outputs.export_walk(session, statement_id, fmt)

    def export_document(
        self, document_id: int, fmt: str, include_rejected: bool = False
    ) -> Rendered:
        """A document's report (json, md, csv, html) or its walks as PROV or JSON-LD."""
        from tracker.reports import outputs

        outputs.check_format(fmt, "document")
        with self._read(include_rejected) as session:
            return outputs.export_document(session, document_id, fmt)

    def audit(
        self,
        *,
        entity: str | None = None,
        entity_id: int | None = None,
        actor: str | None = None,
        since: datetime | None = None,
        cursor: str | None = None,
        limit: int | None = None,
    ) -> Page[AuditView]:
        """The audit trail, newest first, one keyset page."""
        from tracker.store.audit import list_audit

        with transaction(self.sessions) as session:
            return list_audit(
                session,
                entity=entity,
                entity_id=entity_id,
                actor=actor,
                since=since,
                cursor=cursor,
                limit=limit or self.settings.page_size,
            )

    # API keys.

    def create_key(self, actor: Actor, name: str, role: str) -> CreatedKey:
        """A new key (returned once, in clear, and never again)."""
        from tracker.access.keys import create_key

        return self._write(lambda s: create_key(s, actor, name, role))

    def list_keys(self) -> list[KeyView]:
        from tracker.store.keys import list_keys

        with transaction(self.sessions) as session:
            return list_keys(session)

    def revoke_key(self, actor: Actor, name: str) -> KeyView:
        """Revoke a key: the next request with it is refused."""
        from tracker.access.keys import revoke_key

        return self._write(lambda s: revoke_key(s, actor, name))

    def authenticate(self, key: str) -> Actor | None:
        """The actor a presented API key stands for, or None (unknown, malformed, revoked).

        Read on every call, never cached: a revoked key stops working at once.
        """
        from tracker.access.keys import authenticate

        with transaction(self.sessions) as session:
            return authenticate(session, key)

    def can_sign_in(self) -> bool:
        """Whether any key is live, so that a desk sign-in could succeed."""
        from tracker.store.keys import any_live_key

        with transaction(self.sessions) as session:
            return any_live_key(session)

    def start_session(self, key: str, request_id: str | None = None) -> StartedSession | None:
        """Sign a browser in with an API key: a session token, or None for a bad key."""
        from tracker.access.sessions import start_session

        return self._write(lambda s: start_session(s, key, request_id))

    def session_actor(self, token: str) -> Actor | None:
        """The key behind a desk session token; read on every call, like a key."""
        from tracker.access.sessions import session_actor

        with transaction(self.sessions) as session:
            return session_actor(session, token)

    def end_session(self, token: str, request_id: str | None = None) -> bool:
        """Sign a browser out (its session row goes); False when it had no session."""
        from tracker.access.sessions import end_session

        return self._write(lambda s: end_session(s, token, request_id))

    def first_admin_key(self, data_dir: Path) -> FirstKey | None:
        """The admin key `tracker serve` makes on a database without any key (else None)."""
        from sqlalchemy.exc import ProgrammingError

        from tracker.access.bootstrap import first_admin_key

        try:
            return self._write(lambda s: first_admin_key(s, data_dir))
        except ProgrammingError as exc:  # no api_key table: migrations not run
            raise DatabaseUnavailableError(
                "the database is not migrated: run `tracker db upgrade` first"
            ) from exc

    def overview(self, recent: int = 10) -> Overview:
        """Counts of the corpus and its ``recent`` newest documents, in one transaction."""
        from tracker.store.stats import overview

        with transaction(self.sessions) as session:
            return overview(session, recent)

    def statement_detail(self, statement_id: int) -> StatementDetail:
        """A statement with its walk and its appearances, read together."""
        from tracker.reports.statement import statement_detail

        with transaction(self.sessions) as session:
            return statement_detail(session, statement_id, self.settings.max_walk_depth)

    def document_detail(self, document_id: int, statement_id: int | None = None) -> DocumentDetail:
        """A document with its statements, and one of them with its walk and appearances."""
        from tracker.reports.statement import document_detail

        with transaction(self.sessions) as session:
            return document_detail(session, document_id, statement_id, self.settings.max_walk_depth)

    def source_profile(self, source_id: int, limit: int = 20) -> SourceProfile:
        """A source with what it said, the chains it ends and the chains it relayed."""
        from tracker.reports.source import source_profile

        with transaction(self.sessions) as session:
            source = sources.get_source(session, source_id)
            return source_profile(session, source, limit, self.settings.max_walk_depth)

    def corpus_overview(self, limit: int = 20) -> CorpusOverview:
        """The corpus report with the shares of named, anonymous and state-media chains."""
        from tracker.reports.corpus import sources_report
        from tracker.reports.shares import CorpusOverview, corpus_shares

        with transaction(self.sessions) as session:
            report = sources_report(session, limit)
            return CorpusOverview(report, corpus_shares(session, self.settings.max_walk_depth))
