"""Benchmark: end-to-end ingest, the set-based batch write path against a per-document ORM loop."""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import resource
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import psycopg
from _pg import bench_database, libpq_url
from sqlalchemy import ColumnElement, or_
from sqlalchemy.orm import Session, sessionmaker
from sqlmodel import col, select

from tracker.db import make_engine, make_session_factory
from tracker.extract import EXTRACTOR_VERSION, NATIVE
from tracker.ingest.bulk import DEFAULT_BATCH_SIZE, IngestOptions, bulk_ingest, write_with_retry
from tracker.ingest.extraction import prepare_item
from tracker.ingest.formats import RawItem, jsonl_item
from tracker.models import Citation, Document, Source, SourceAlias, Statement
from tracker.provenance.identity import fingerprint, search_config
from tracker.provenance.links import link_document
from tracker.store.inputs import HopIn, PreparedDocument, SourceIn
from tracker.store.names import normalize_name
from tracker.synthetic import generate

SEED = 7
"""Seed of the synthetic corpus: both paths read the very same articles."""

CHECKPOINTS = (1_000, 5_000, 10_000)
"""Document counts after which the batch path reports memory and its running rate."""

TABLES = "source_alias, citation, statement, document, source"
"""Every table ingest writes, truncated between runs so each run starts from empty."""

TARGET_DOCS_PER_S = 500.0
TARGET_RATIO = 10.0


# ---------------------------------------------------------------- input


def warm_up() -> None:
    """Load lexicons and compile patterns before any clock starts, so neither path pays it."""
    for article in generate(20, seed=SEED + 1):
        prepare_item(jsonl_item("warm-up", json.dumps(article.to_record())))


def articles(n: int) -> Iterator[tuple[float, RawItem]]:
    """The synthetic corpus as JSON Lines records, read back one at a time.

    Each article goes through ``json.dumps`` and the real JSONL reader, so the bench pays
    what `tracker ingest corpus.jsonl` pays for parsing; the seconds spent *making* the
    synthetic text are yielded alongside, to be left out of the ingest figures.
    """
    stream = generate(n, seed=SEED)
    for i in range(n):
        t0 = time.perf_counter()
        article = next(stream)
        line = json.dumps(article.to_record(), ensure_ascii=False)
        made = time.perf_counter() - t0
        yield made, jsonl_item(f"synthetic.jsonl:{i + 1}", line)


def rss_now_mib() -> float:
    """Resident set size right now (Linux /proc), to show memory is released, not only capped."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return float("nan")


def rss_peak_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


# ---------------------------------------------------------------- batch path


@dataclass(slots=True)
class Checkpoint:
    """The batch path's state after ``documents`` documents."""

    documents: int
    seconds: float
    """Ingest seconds so far (reading, extraction, writes; not corpus generation)."""
    docs_per_s_since_last: float
    peak_rss_mib: float
    rss_mib: float


@dataclass(slots=True)
class PathRun:
    """One timed pass of one write path over the corpus."""

    documents: int = 0
    statements: int = 0
    read_s: float = 0.0
    prepare_s: float = 0.0
    write_s: float = 0.0
    write_cpu_s: float = 0.0
    prepare_cpu_s: float = 0.0
    cpu_s: float = 0.0
    """This process's CPU seconds for the whole pass (generation excluded): on a shared
    machine the wall clock carries other people's load, the CPU clock much less so."""
    """This process's CPU seconds inside the writes; the rest is waiting on PostgreSQL."""
    generate_s: float = 0.0
    checkpoints: list[Checkpoint] = field(default_factory=list)

    @property
    def total_s(self) -> float:
        """End to end: reading the record, extraction and writes, in one process."""
        return self.read_s + self.prepare_s + self.write_s

    def rate(self, seconds: float, count: int | None = None) -> float:
        count = self.documents if count is None else count
        return count / seconds if seconds > 0 else float("nan")


def _timed_items(n: int, run: PathRun) -> Iterator[RawItem]:
    """The corpus, charging generation and JSONL reading to their own clocks."""
    last, last_cpu = time.perf_counter(), time.process_time()
    for made, item in articles(n):
        now, now_cpu = time.perf_counter(), time.process_time()
        run.generate_s += made
        run.read_s += now - last - made
        run.cpu_s -= made  # generation is (nearly all) CPU; keep it out of the ingest CPU
        run.cpu_s += now_cpu - last_cpu
        yield item
        last, last_cpu = time.perf_counter(), time.process_time()
        run.cpu_s += last_cpu - now_cpu


def run_batch(
    factory: sessionmaker[Session],
    n: int,
    batch_size: int,
    *,
    checkpoints: bool = True,
    also_at: int = 0,
) -> PathRun:
    """The batch path's steps, serially: prepare, then write per batch.

    This is ``tracker.ingest.bulk.bulk_ingest`` unrolled without its writer thread, so
    extraction and writes get separate clocks; each batch is one transaction through the same
    ``write_with_retry``. ``run_pipeline`` measures the real thing (writes overlapped).
    """
    run = PathRun()
    wanted = {c for c in (*CHECKPOINTS, also_at) if 0 < c < n} | {n}
    marks = sorted(wanted) if checkpoints else []
    batch: list[PreparedDocument] = []
    last_mark = (0, 0.0)

    def flush() -> None:
        t0, c0 = time.perf_counter(), time.process_time()
        outcome, failed = write_with_retry(factory, batch)
        run.write_s += time.perf_counter() - t0
        run.write_cpu_s += time.process_time() - c0
        if failed:
            raise SystemExit(f"ingest bench: {len(failed)} documents refused: {failed[0]}")
        run.documents += outcome.new_documents
        run.statements += outcome.statements
        batch.clear()

    for seen, item in enumerate(_timed_items(n, run), start=1):
        t0, c0 = time.perf_counter(), time.process_time()
        batch.append(prepare_item(item))
        run.prepare_s += time.perf_counter() - t0
        run.prepare_cpu_s += time.process_time() - c0
        at_mark = bool(marks) and seen == marks[0]
        if len(batch) >= batch_size or at_mark:
            flush()  # a mark closes its batch early, so its figures include the writes
        if at_mark:
            marks.pop(0)
            span = run.total_s - last_mark[1]
            run.checkpoints.append(
                Checkpoint(
                    documents=seen,
                    seconds=round(run.total_s, 2),
                    docs_per_s_since_last=round((seen - last_mark[0]) / span, 1),
                    peak_rss_mib=round(rss_peak_mib(), 1),
                    rss_mib=round(rss_now_mib(), 1),
                )
            )
            last_mark = (seen, run.total_s)
    if batch:
        flush()
    return run


def run_pipeline(factory: sessionmaker[Session], n: int, batch_size: int) -> float:
    """Docs/s of ``tracker.ingest.bulk.bulk_ingest`` itself, as `tracker ingest` runs it in one
    process (no separate clocks, so no timing overhead); making the synthetic text is left out."""
    made_s = 0.0

    def items() -> Iterator[RawItem]:
        nonlocal made_s
        for made, item in articles(n):
            made_s += made
            yield item

    started = time.perf_counter()
    summary = bulk_ingest(factory, items(), IngestOptions(batch_size=batch_size))
    elapsed = time.perf_counter() - started - made_s
    if summary.failed:
        raise SystemExit(f"ingest bench: {len(summary.failed)} documents refused")
    return summary.new_documents / elapsed


# ---------------------------------------------------------------- per-document ORM baseline


def _id(source: Source) -> int:
    assert source.id is not None, "flushed sources have ids"
    return source.id


class NaiveOrmWriter:
    """What a first version would write: one transaction per article, ORM objects row by row.

    Every mention looks its source up with a SELECT and adds it if missing, every row is
    flushed on its own to get its id, aliases are checked one by one. Same extraction,
    same rows (fingerprints, aliases, upstream links), same idempotency check as the
    batch path: only the write strategy differs.
    """

    def __init__(self, factory: sessionmaker[Session], origin: str = EXTRACTOR_VERSION) -> None:
        self.factory = factory
        self.origin = origin

    def store(self, p: PreparedDocument) -> int:
        """Store one prepared document in its own transaction; return its statement count."""
        with self.factory() as session, session.begin():
            clash: list[ColumnElement[bool]] = [col(Document.content_hash) == p.content_hash]
            if p.doc.url:
                clash.append(col(Document.url) == p.doc.url)
            if session.scalars(select(col(Document.id)).where(or_(*clash))).first() is not None:
                return 0
            outlet = self._named(session, p.outlet, None) if p.outlet else None
            text_ = p.doc.text
            doc = Document(
                text=text_,
                text_length=len(text_),
                language=p.language,
                url=p.doc.url,
                title=p.doc.title,
                outlet_id=outlet.id if outlet else None,
                published_at=p.doc.published_at,
                content_hash=p.content_hash,
            )
            session.add(doc)
            session.flush()
            assert doc.id is not None
            anonymous: dict[str, Source] = {}
            count = 0
            for st in p.doc.statements or ():
                chain = st.chain or (
                    (HopIn(source=st.speaker, relation="said", cue=st.cue),) if st.speaker else ()
                )
                speaker = st.speaker or chain[-1].source
                speaker_row = self._source(session, doc.id, anonymous, speaker, st.speaker_surface)
                statement = Statement(
                    document_id=doc.id,
                    document_length=len(text_),
                    kind=st.kind,
                    start_offset=st.start,
                    end_offset=st.end,
                    text=text_[st.start : st.end],
                    cue=st.cue,
                    cue_start=st.cue_start,
                    cue_end=st.cue_end,
                    speaker_id=speaker_row.id,
                    speaker_surface=st.speaker_surface,
                    origin=self.origin,
                    fingerprint=fingerprint(text_[st.start : st.end]),
                    search_config=search_config(p.language),
                )
                session.add(statement)
                session.flush()
                assert statement.id is not None
                hops: list[Citation] = []
                depths: list[int] = []
                for index, hop in enumerate(chain):
                    parent = hop.parent if hop.parent is not None else index - 1
                    depths.append(depths[parent] + 1 if parent >= 0 else 0)
                    source = self._source(session, doc.id, anonymous, hop.source, hop.surface)
                    citation = Citation(
                        statement_id=statement.id,
                        document_id=doc.id,
                        parent_id=hops[parent].id if parent >= 0 else None,
                        position=depths[-1],
                        source_id=_id(source),
                        source_surface=hop.surface,
                        relation=hop.relation,
                        cue=hop.cue,
                        evidence_start=hop.evidence_start,
                        evidence_end=hop.evidence_end,
                        upstream_statement_id=hop.upstream_statement_id,
                        origin=self.origin,
                    )
                    session.add(citation)
                    session.flush()
                    hops.append(citation)
                count += 1
            link_document(session, doc.id)  # upstream links, as every ingest path makes them
            return count

    def _source(
        self,
        session: Session,
        doc_id: int,
        anonymous: dict[str, Source],
        mention: SourceIn,
        surface: str | None,
    ) -> Source:
        if mention.kind != "anonymous":
            return self._named(session, mention, surface)
        row = anonymous.get(mention.name)
        if row is None:
            row = Source(
                name=mention.name,
                normalized_name=normalize_name(mention.name),
                kind="anonymous",
                role=mention.role,
                scope_document_id=doc_id,
            )
            session.add(row)
            session.flush()
            anonymous[mention.name] = row
            self._alias(session, row, mention.name)
        return row

    def _named(self, session: Session, mention: SourceIn, surface: str | None) -> Source:
        key = normalize_name(mention.name) or mention.name.casefold().strip()
        name = mention.name.strip()
        row = session.scalars(
            select(Source).where(
                col(Source.normalized_name) == key, col(Source.kind) == mention.kind
            )
        ).first()
        if row is None:
            row = Source(
                name=name,
                normalized_name=key,
                kind=mention.kind,
                role=mention.role,
                state_media=mention.state_media,
            )
            session.add(row)
            session.flush()
        else:
            if row.role is None and mention.role:
                row.role = mention.role
            row.state_media = row.state_media or mention.state_media
            if len(name) > len(row.name):
                row.name = name
        if mention.affiliation:
            org = self._named(session, SourceIn(mention.affiliation, "organization"), None)
            if row.affiliation_id is None and org.id != row.id:
                row.affiliation_id = org.id
        self._alias(session, row, name)
        if surface and surface.strip() and surface.strip() != name:
            self._alias(session, row, surface.strip())
        return row

    @staticmethod
    def _alias(session: Session, source: Source, alias: str) -> None:
        normalized = normalize_name(alias)
        if not normalized:
            return
        found = session.scalars(
            select(col(SourceAlias.id)).where(
                col(SourceAlias.source_id) == source.id,
                col(SourceAlias.normalized) == normalized,
            )
        ).first()
        if found is None:
            assert source.id is not None
            session.add(SourceAlias(source_id=source.id, alias=alias, normalized=normalized))


def run_orm(factory: sessionmaker[Session], n: int) -> PathRun:
    """The baseline over the first ``n`` articles: same reading and extraction, ORM writes."""
    run = PathRun()
    writer = NaiveOrmWriter(factory)
    for item in _timed_items(n, run):
        t0, c0 = time.perf_counter(), time.process_time()
        prepared = prepare_item(item)
        t1, c1 = time.perf_counter(), time.process_time()
        run.prepare_cpu_s += c1 - c0
        statements = writer.store(prepared)
        run.write_s += time.perf_counter() - t1
        run.write_cpu_s += time.process_time() - c1
        run.prepare_s += t1 - t0
        run.documents += 1
        run.statements += statements
    return run


# ---------------------------------------------------------------- profile


PROFILE_GROUPS = (
    ("extractor (tracker/extract)", "/tracker/extract/"),
    ("regex module", "/regex/"),
    ("tracker store and ingest", "/tracker/"),
    ("SQLAlchemy", "/sqlalchemy/"),
    ("psycopg (driver, incl. wait on server)", "/psycopg"),
    ("synthetic corpus + json", "/json/"),
)


def profile_batch(factory: sessionmaker[Session], n: int, batch_size: int) -> dict[str, Any]:
    """cProfile one batch pass: own time per package, and the functions that dominate.

    Self time (tottime) is grouped by the file's package, so "where does the time go"
    has one line per layer; the top functions are listed by self and cumulative time.
    """
    profiler = cProfile.Profile()
    profiler.enable()
    run_batch(factory, n, batch_size, checkpoints=False)
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values())
    groups: dict[str, float] = {}
    for (path, _, func), (_, _, tottime, _, _) in raw.items():
        label = next((g for g, part in PROFILE_GROUPS if part in path), None)
        if label is None:
            label = "C builtins (re/str/…)" if path == "~" else "other Python"
            if path == "~" and "_regex" in func:
                label = "regex module"
        groups[label] = groups.get(label, 0.0) + tottime

    def top(index: int) -> list[dict[str, Any]]:
        rows = sorted(raw.items(), key=lambda kv: kv[1][index], reverse=True)[:12]
        return [
            {
                "function": f"{_short(path)}:{line}({func})",
                "calls": v[1],
                "tottime_s": round(v[2], 3),
                "cumtime_s": round(v[3], 3),
            }
            for (path, line, func), v in rows
        ]

    return {
        "documents": n,
        "profiled_seconds": round(total, 2),
        "self_time_by_group": {
            k: {"seconds": round(v, 2), "share": round(v / total, 3)}
            for k, v in sorted(groups.items(), key=lambda kv: kv[1], reverse=True)
        },
        "top_by_self_time": top(2),
        "top_by_cumulative_time": top(3),
    }


def _short(path: str) -> str:
    for marker in ("/tracker/", "/site-packages/", "/lib/python"):
        if marker in path:
            return (
                path.split(marker, 1)[1]
                if marker != "/tracker/"
                else "tracker/" + (path.split(marker, 1)[1])
            )
    return path


# ---------------------------------------------------------------- report


@dataclass(slots=True)
class PathFigures:
    """One path's figures: medians over the repeats."""

    documents: int
    statements: int
    docs_per_s: float
    statements_per_s: float
    extract_docs_per_s: float
    """Documents per second of extraction alone (prepare_item)."""
    write_docs_per_s: float
    """Documents per second of the writes alone."""
    read_docs_per_s: float
    """Documents per second of JSONL parsing alone."""
    share_extract: float
    share_write: float
    share_write_client_cpu: float
    cpu_docs_per_s: float
    """Documents per CPU second of this process: the one-process ceiling, whatever the
    server and the neighbours do."""
    extract_cpu_docs_per_s: float
    """Share of end-to-end time this process spent on CPU inside the writes (SQL building,
    parameter encoding, linking); the rest of the write share is waiting on the server."""


@dataclass(slots=True)
class Report:
    """Everything one run measured, with what is needed to reproduce it."""

    command: str
    date: str
    machine: str
    postgres: str
    revision: str
    """The commit measured (``+dirty`` when tracker/ had uncommitted edits)."""
    repeats: int
    batch_size: int
    batch: PathFigures
    orm: PathFigures
    batch_first_n: float
    """Batch-path docs/s over the same first ``--baseline-n`` articles the baseline ingests."""
    ratio: float
    ratio_same_articles: float
    checkpoints: list[Checkpoint]
    load_average: list[float] = field(default_factory=list)
    """1-minute load average before and after the timed runs: the machine is shared."""
    pipeline_docs_per_s: float = 0.0
    """``tracker.ingest.bulk.bulk_ingest`` end to end, as `tracker ingest` runs it (median)."""
    profile: dict[str, Any] | None = None


def figures(runs: list[PathRun]) -> PathFigures:
    """Median figures over repeated runs of one path."""

    def med(fn: Callable[[PathRun], float]) -> float:
        return round(statistics.median(fn(r) for r in runs), 1)

    return PathFigures(
        documents=runs[0].documents,
        statements=runs[0].statements,
        docs_per_s=med(lambda r: r.rate(r.total_s)),
        statements_per_s=med(lambda r: r.rate(r.total_s, r.statements)),
        extract_docs_per_s=med(lambda r: r.rate(r.prepare_s)),
        write_docs_per_s=med(lambda r: r.rate(r.write_s)),
        read_docs_per_s=med(lambda r: r.rate(r.read_s)),
        share_extract=round(statistics.median(r.prepare_s / r.total_s for r in runs), 3),
        share_write=round(statistics.median(r.write_s / r.total_s for r in runs), 3),
        cpu_docs_per_s=med(lambda r: r.rate(r.cpu_s)),
        extract_cpu_docs_per_s=med(lambda r: r.rate(r.prepare_cpu_s)),
        share_write_client_cpu=round(statistics.median(r.write_cpu_s / r.total_s for r in runs), 3),
    )


def _describe_server(url: str) -> str:
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0]}" if row else "PostgreSQL ?"


def _revision() -> str:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    try:
        head = subprocess.run(
            ["git", "-C", root, "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", root, "status", "--porcelain", "--", "tracker", "alembic"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def _truncate(url: str) -> None:
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")


def _is_empty(url: str) -> bool:
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM document) + (SELECT count(*) FROM source)"
        ).fetchone()
    return row is not None and row[0] == 0


def print_report(r: Report) -> None:
    """The human-readable result: both paths side by side, the split, memory, targets."""
    print(f"ingest benchmark · {r.date} · {r.machine} · {r.postgres}")
    print(f"$ {r.command}    (revision {r.revision})")
    print(
        f"end to end in one process (JSONL parse + extraction + writes; corpus generation "
        f"excluded), batches of {r.batch_size}"
        + (f", medians of {r.repeats} runs" if r.repeats > 1 else "")
    )
    print(f"1-min load average before/after the timed runs: {r.load_average}")
    print()
    print(f"{'':<28}{'batch path':>14}{'per-document ORM':>19}{'batch/ORM':>11}")
    b, o = r.batch, r.orm
    rows = (
        ("documents", f"{b.documents:,}", f"{o.documents:,}", ""),
        ("statements", f"{b.statements:,}", f"{o.statements:,}", ""),
        ("docs/s", f"{b.docs_per_s:,.0f}", f"{o.docs_per_s:,.0f}", f"{r.ratio:.1f}x"),
        (
            "docs/s, tracker.ingest.bulk.bulk_ingest",
            f"{r.pipeline_docs_per_s:,.0f}",
            "",
            f"{r.pipeline_docs_per_s / o.docs_per_s:.1f}x",
        ),
        (
            "statements/s",
            f"{b.statements_per_s:,.0f}",
            f"{o.statements_per_s:,.0f}",
            f"{b.statements_per_s / o.statements_per_s:.1f}x",
        ),
        (
            f"docs/s, first {o.documents:,} only",
            f"{r.batch_first_n:,.0f}",
            f"{o.docs_per_s:,.0f}",
            f"{r.ratio_same_articles:.1f}x",
        ),
        (
            "extraction-only docs/s",
            f"{b.extract_docs_per_s:,.0f}",
            f"{o.extract_docs_per_s:,.0f}",
            "",
        ),
        (
            "write-only docs/s",
            f"{b.write_docs_per_s:,.0f}",
            f"{o.write_docs_per_s:,.0f}",
            f"{b.write_docs_per_s / o.write_docs_per_s:.1f}x",
        ),
        (
            "docs per CPU s (client)",
            f"{b.cpu_docs_per_s:,.0f}",
            f"{o.cpu_docs_per_s:,.0f}",
            "",
        ),
        (
            "extraction docs per CPU s",
            f"{b.extract_cpu_docs_per_s:,.0f}",
            f"{o.extract_cpu_docs_per_s:,.0f}",
            "",
        ),
        ("JSONL-parse-only docs/s", f"{b.read_docs_per_s:,.0f}", f"{o.read_docs_per_s:,.0f}", ""),
        (
            "time: extraction / writes",
            f"{b.share_extract:.0%} / {b.share_write:.0%}",
            f"{o.share_extract:.0%} / {o.share_write:.0%}",
            "",
        ),
        (
            "  writes: our CPU / waiting",
            f"{b.share_write_client_cpu:.0%} / {b.share_write - b.share_write_client_cpu:.0%}",
            f"{o.share_write_client_cpu:.0%} / {o.share_write - o.share_write_client_cpu:.0%}",
            "",
        ),
    )
    for label, bv, ov, ratio in rows:
        print(f"{label:<28}{bv:>14}{ov:>19}{ratio:>11}")
    print()
    print("batch path memory as the corpus grows (first run):")
    print(f"{'documents':>10} {'seconds':>8} {'docs/s since last':>18} {'peak RSS':>10} {'RSS':>9}")
    for c in r.checkpoints:
        print(
            f"{c.documents:>10,} {c.seconds:>8.1f} {c.docs_per_s_since_last:>18,.0f} "
            f"{c.peak_rss_mib:>6.1f} MiB {c.rss_mib:>5.1f} MiB"
        )
    print()
    for line in target_lines(r):
        print(line)
    if r.profile:
        print_profile(r.profile)


def target_lines(r: Report) -> list[str]:
    """The issue's targets, each with its measured value: met or not, never hidden."""
    b = r.batch
    return [
        f"target  batch path >= {TARGET_DOCS_PER_S:.0f} docs/s end to end: "
        f"{r.pipeline_docs_per_s:,.0f} as `tracker ingest` runs it, "
        f"{b.docs_per_s:,.0f} unrolled serially -> "
        f"{'met' if r.pipeline_docs_per_s >= TARGET_DOCS_PER_S else 'NOT met'} (extraction alone: "
        f"{b.extract_docs_per_s:,.0f} docs/s, writes alone: {b.write_docs_per_s:,.0f} docs/s; "
        f"one-process CPU ceiling: {b.cpu_docs_per_s:,.0f} docs/s)",
        f"target  batch >= {TARGET_RATIO:.0f}x per-document ORM: {r.ratio:.1f}x "
        f"({r.ratio_same_articles:.1f}x on the same first {r.orm.documents:,} articles) -> "
        f"{'met' if r.ratio >= TARGET_RATIO else 'NOT met'}",
    ]


def print_profile(profile: dict[str, Any]) -> None:
    """Where the batch path's time goes, by package and by function."""
    print()
    print(
        f"cProfile of the batch path over {profile['documents']:,} documents "
        f"({profile['profiled_seconds']:.1f} s under the profiler), self time by package:"
    )
    for label, v in profile["self_time_by_group"].items():
        print(f"  {label:<42}{v['seconds']:>7.2f} s {v['share']:>6.1%}")
    for title, key in (("self", "top_by_self_time"), ("cumulative", "top_by_cumulative_time")):
        print(f"top functions by {title} time:")
        for row in profile[key]:
            print(
                f"  {row['tottime_s']:>7.3f} {row['cumtime_s']:>7.3f} {row['calls']:>9,}  "
                f"{row['function']}"
            )


def run(args: argparse.Namespace) -> Report:
    """Alternate the two paths over fresh tables, ``--repeat`` times; profile if asked."""
    command = "python bench/ingest.py " + shlex.join(sys.argv[1:])
    batch_runs: list[PathRun] = []
    orm_runs: list[PathRun] = []
    pipeline_rates: list[float] = []
    profile = None
    load = [round(os.getloadavg()[0], 2)]
    with bench_database(args.database_url) as url:
        if not _is_empty(url):
            raise SystemExit("ingest bench: the database is not empty; it truncates, give it one")
        engine = make_engine(url, pool_pre_ping=False)
        factory = make_session_factory(engine)
        progress = not args.json
        warm_up()
        try:
            for i in range(args.repeat):
                if progress:
                    print(f"run {i + 1}/{args.repeat}: batch path, {args.n:,}…", file=sys.stderr)
                batch_runs.append(
                    run_batch(factory, args.n, args.batch_size, also_at=args.baseline_n)
                )
                _truncate(url)
                if progress:
                    print(
                        f"run {i + 1}/{args.repeat}: ORM path, {args.baseline_n:,}…",
                        file=sys.stderr,
                    )
                orm_runs.append(run_orm(factory, args.baseline_n))
                _truncate(url)
                if progress:
                    print(f"run {i + 1}/{args.repeat}: bulk_ingest…", file=sys.stderr)
                pipeline_rates.append(run_pipeline(factory, args.n, args.batch_size))
                _truncate(url)
            load.append(round(os.getloadavg()[0], 2))
            if args.profile:
                if progress:
                    print(f"profiling the batch path over {args.profile:,}…", file=sys.stderr)
                profile = profile_batch(factory, args.profile, args.batch_size)
                _truncate(url)
            postgres = _describe_server(url)
        finally:
            engine.dispose()
    batch, orm = figures(batch_runs), figures(orm_runs)
    first_n = statistics.median(_rate_at(r, args.baseline_n) for r in batch_runs)
    return Report(
        command=command.strip(),
        date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        machine=f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}, extractor {EXTRACTOR_VERSION} "
        f"({'compiled' if NATIVE else 'pure Python'})",
        postgres=postgres,
        revision=_revision(),
        repeats=args.repeat,
        batch_size=args.batch_size,
        batch=batch,
        orm=orm,
        batch_first_n=round(first_n, 1),
        ratio=round(batch.docs_per_s / orm.docs_per_s, 1),
        ratio_same_articles=round(first_n / orm.docs_per_s, 1),
        checkpoints=batch_runs[0].checkpoints,
        load_average=load,
        profile=profile,
        pipeline_docs_per_s=round(statistics.median(pipeline_rates), 1),
    )


def _rate_at(run_: PathRun, count: int) -> float:
    """Batch docs/s over the first ``count`` documents, from the checkpoint at that count."""
    for c in run_.checkpoints:
        if c.documents == count:
            return c.documents / c.seconds
    return run_.rate(run_.total_s)


def main(argv: list[str] | None = None) -> int:
    """Entry point: ``python bench/ingest.py [--n N] [--baseline-n M] [--json]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000, help="articles for the batch path")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--baseline-n", type=int, default=1_000, help="articles for the per-document ORM path"
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="an empty PostgreSQL 15+ database (it is truncated; default: a throwaway one)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per path (medians kept)")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="also cProfile the batch path over N articles and print where the time goes",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.n < 1 or args.baseline_n < 1 or args.batch_size < 1 or args.repeat < 1:
        parser.error("--n, --baseline-n, --batch-size and --repeat must be positive")
    report = run(args)
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
