"""Benchmark: the one-query chain walk against a naive per-hop ORM loop, at 10k and 100k.

Also times the walk as it ran before it was planned once (``walk_before``: the same query
through SQLAlchemy's ``text()``, prepared by psycopg only after five runs on a
connection, its rows through SQLAlchemy's result objects), in the same run, so the
before/after ratio of issue 15's plan-once change is measured side by side.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shlex
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import psycopg
from _pg import bench_database, libpq_url
from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlmodel import col

from tracker.db import make_engine, make_session_factory, statement_session
from tracker.errors import NotFoundError
from tracker.models import Citation, Source, Statement
from tracker.walk.model import DEFAULT_MAX_DEPTH
from tracker.walk.sql import ENTERED_ONE_SQL, WALK_SQL
from tracker.walk.walker import build_walk, walk, walk_hop_by_hop

ORIGIN = "bench-chain-walk"
"""Origin of every generated row, so the bench's data is recognisable in a shared database."""

SMALL = 10_000
"""The first size measured; the run then grows the same database to ``--n``."""

CROSS_SHARE = 0.05
"""Share of statements whose chain continues into another document's statement."""

WARMUP_WALKS = 200
"""Walks per method before timing: fills PostgreSQL's buffers and catalog caches, the pool."""

HEADER_LENGTH = 23
"""Length of ``'Bench story 000000042. '``, the fixed header of every generated text."""

SENTENCE_LENGTH = 100
"""Every generated sentence is padded to this length, so offsets are computable in SQL."""

OUTLETS = (
    "Yonhap", "KCNA", "Reuters", "Agence France-Presse", "Associated Press", "Antara",
    "Kompas", "Tempo", "Detik", "Xinhua", "Kyodo", "NHK", "BBC", "Al Jazeera", "Bernama",
    "TASS", "Deutsche Welle", "The Korea Herald", "The Jakarta Post", "Nikkei",
)  # fmt: skip
"""Well-known outlets; the pool is filled up with numbered regional titles."""

STATE_MEDIA = ("KCNA", "Xinhua", "TASS")

FIRST_NAMES = (
    "Kim", "Lee", "Park", "Choi", "Maria", "Ana", "John", "Siti", "Budi", "Dewi", "Ahmad",
    "Wei", "Yuki", "Hiroshi", "Olga", "Ivan", "Fatima", "Omar", "Grace", "Peter", "Ines",
    "Lucas", "Amara", "Chen", "Rahul", "Priya", "Sofia", "Mateo", "Nadia", "Tomas",
)  # fmt: skip
LAST_NAMES = (
    "Jong Un", "Dae Sik", "Lopez", "Santoso", "Wijaya", "Tanaka", "Sato", "Ivanova",
    "Petrov", "Haddad", "Rahman", "Okafor", "Mensah", "Smith", "Garcia", "Rossi", "Muller",
    "Novak", "Kowalski", "Silva", "Costa", "Nguyen", "Tran", "Wang", "Zhang", "Sharma",
    "Gupta", "Hassan", "Ali", "Kaya", "Yilmaz", "Andersen", "Berg", "Dubois", "Moreau",
    "Fischer", "Weber", "Horvat", "Popescu", "Lindqvist", "Oliveira", "Mendes", "Reyes",
    "Cruz", "Bautista", "Kurniawan", "Hidayat", "Saputra", "Suzuki", "Watanabe",
)  # fmt: skip
GOVERNMENT_BODIES = (
    "Ministry of Defence", "Ministry of Health", "Ministry of Finance", "Foreign Ministry",
    "National Intelligence Service", "Central Bank", "Election Commission", "Supreme Court",
    "National Police", "Presidential Office", "Ministry of Unification", "Customs Agency",
)  # fmt: skip
COUNTRIES = (
    "South Korea", "North Korea", "Indonesia", "Japan", "China", "Russia", "France",
    "Germany", "Brazil", "Nigeria", "India", "Turkey",
)  # fmt: skip
PHRASES = (
    "We will build the bridge by June",
    "The talks were frank and useful",
    "Prices will not rise again this year",
    "The missile test was a success",
    "We have no plans to raise taxes",
    "The vaccine is safe for children",
    "Our troops will stay until the job is done",
    "The election was free and fair",
    "Exports grew faster than expected",
    "The flood barrier held overnight",
    "Nobody was hurt in the fire",
    "The summit will go ahead as planned",
    "We reject these allegations entirely",
    "The reforms are working",
    "The border crossing will reopen on Monday",
    "Talks with the union have broken down",
    "There is no evidence of fraud",
    "The strike will continue",
    "The budget deficit will narrow next year",
    "We are ready for dialogue without preconditions",
)
"""Quoted text; each is under 70 characters so it fits a padded sentence."""


# ---------------------------------------------------------------- data generation (set-based)

_PICK_FUNCTION = """
CREATE OR REPLACE FUNCTION pg_temp.pick(ids bigint[], skew float8 DEFAULT 1.0)
RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT ids[1 + floor(power(random(), skew) * cardinality(ids))::int]
$$
"""
"""A random element; ``skew`` > 1 favours the front of the pool, like real wire traffic."""

_SOURCES_SQL = """
INSERT INTO source (name, normalized_name, kind, state_media, role)
SELECT name, lower(name), kind, state_media, role FROM (
    SELECT o AS name, 'news_outlet' AS kind, o = ANY(%(state_media)s) AS state_media,
           NULL AS role
    FROM unnest(%(outlets)s::text[]) o
  UNION ALL
    SELECT 'Regional Daily ' || g, 'news_outlet', false, NULL
    FROM generate_series(1, 280) g
  UNION ALL
    SELECT f || ' ' || l, 'person', false, 'official'
    FROM unnest(%(first)s::text[]) f CROSS JOIN unnest(%(last)s::text[]) l
  UNION ALL
    SELECT c || ' ' || b, 'government_body', false, NULL
    FROM unnest(%(countries)s::text[]) c CROSS JOIN unnest(%(bodies)s::text[]) b
  UNION ALL
    SELECT 'Institute for Policy Study ' || g, 'organization', false, NULL
    FROM generate_series(1, 200) g
  UNION ALL
    SELECT 'Annual Report ' || g, 'document', false, NULL
    FROM generate_series(1, 60) g
) pool
"""

_BATCH_DOCS_SQL = """
CREATE TEMP TABLE b_doc ON COMMIT DROP AS
WITH d AS (
    SELECT g, 6 + floor(random() * 9)::int AS k FROM generate_series(1, %(max_docs)s) g
), c AS (
    SELECT g, k, sum(k) OVER (ORDER BY g) - k AS before FROM d
)
SELECT g, least(k, %(n_new)s - before)::int AS k, before::bigint AS before,
       random() < 0.2 AS has_anon, pg_temp.pick(%(outlets)s, 2.0) AS outlet_id
FROM c WHERE before < %(n_new)s
"""

_INSERT_DOCS_SQL = """
INSERT INTO document (id, text, text_length, language, url, title, outlet_id,
                      published_at, content_hash)
SELECT d.id, t.body, char_length(t.body), 'en', 'https://bench.example/story/' || d.id,
       'Bench story ' || d.id, d.outlet_id,
       timestamptz '2026-01-01 00:00+00' + d.id * interval '7 minutes',
       encode(sha256(convert_to(t.body, 'UTF8')), 'hex')
FROM (SELECT %(doc_base)s + g - 1 AS id, k, outlet_id FROM b_doc) d
CROSS JOIN LATERAL (
    SELECT 'Bench story ' || lpad(d.id::text, 9, '0') || '. '
           || string_agg(
                  rpad('"' || (%(phrases)s::text[])[1 + mod(d.id * 7 + j * 13, %(n_phrases)s)]
                       || '," the spokesperson said.', %(sentence)s - 1) || ' ',
                  '' ORDER BY j) AS body
    FROM generate_series(0, d.k - 1) j
) t
"""

_ANON_SOURCES_SQL = """
INSERT INTO source (name, normalized_name, kind, scope_document_id)
SELECT n, lower(n), 'anonymous', %(doc_base)s + g - 1
FROM b_doc
CROSS JOIN LATERAL (SELECT (ARRAY['officials familiar with the matter', 'a senior official',
                                  'two diplomats', 'a source close to the talks'])
                           [1 + floor(random() * 4)::int] AS n) a
WHERE has_anon
"""

_BATCH_STATEMENTS_SQL = """
CREATE TEMP TABLE b_st ON COMMIT DROP AS
WITH s AS (
    SELECT %(stmt_base)s + b.before + j AS id, %(doc_base)s + b.g - 1 AS document_id,
           %(stmt_base)s + b.before AS doc_first, j,
           1 + floor(random() * 8)::int AS depth,
           random() < %(cross)s AS crosses,
           b.has_anon AND random() < 0.5 AS anonymous,
           random() AS u
    FROM b_doc b CROSS JOIN LATERAL generate_series(0, b.k - 1) j
)
SELECT s.id, s.document_id, s.doc_first, s.depth, s.crosses,
       %(header)s + %(sentence)s * s.j + 1 AS start_offset,
       %(header)s + %(sentence)s * s.j + 1 + char_length(
           (%(phrases)s::text[])[1 + mod(s.document_id * 7 + s.j * 13, %(n_phrases)s)]
       ) AS end_offset,
       CASE WHEN s.anonymous THEN a.id
            WHEN s.u < 0.70 THEN pg_temp.pick(%(persons)s, 1.5)
            WHEN s.u < 0.85 THEN pg_temp.pick(%(bodies)s, 1.5)
            WHEN s.u < 0.95 THEN pg_temp.pick(%(orgs)s, 1.5)
            ELSE pg_temp.pick(%(docs)s)
       END AS speaker_id,
       NULL::bigint AS upstream_id,
       sum(s.depth) OVER (ORDER BY s.id) - s.depth AS hop_before
FROM s LEFT JOIN source a ON a.kind = 'anonymous' AND a.scope_document_id = s.document_id
                          AND s.anonymous
"""

_INSERT_STATEMENTS_SQL = """
INSERT INTO statement (id, document_id, document_length, kind, start_offset, end_offset, text,
                       cue, speaker_id, origin{extra_columns})
SELECT s.id, s.document_id, d.text_length,
       (ARRAY['direct', 'direct', 'direct', 'indirect', 'mixed', 'partial'])
           [1 + floor(random() * 6)::int],
       s.start_offset, s.end_offset,
       substr(d.text, s.start_offset + 1, s.end_offset - s.start_offset), 'said',
       s.speaker_id, %(origin)s{extra_values}
FROM b_st s JOIN document d ON d.id = s.document_id
"""
"""Formatted with the columns later migrations added, see ``_statement_extras``."""

# A crossing chain continues into an earlier statement of another document, so links form
# a DAG (no cycles) whose depth compounds now and then, as relays of relays do.
# The random candidate is drawn first, in its own UPDATE: inside the lookup it would be a
# volatile filter, re-drawn for every row scanned instead of one index probe.
_UPSTREAM_SQL = (
    """
UPDATE b_st s SET upstream_id = %(lo)s + floor(random() * (s.doc_first - %(lo)s))::bigint
WHERE s.crosses AND s.doc_first > %(lo)s
""",
    """
UPDATE b_st s SET upstream_id = (
    SELECT st.id FROM statement st
    WHERE st.id >= s.upstream_id AND st.id < s.doc_first
    ORDER BY st.id LIMIT 1
)
WHERE s.upstream_id IS NOT NULL
""",
)

_INSERT_CITATIONS_SQL = """
INSERT INTO citation (id, statement_id, document_id, parent_id, position, source_id, relation,
                      cue, evidence_start, evidence_end, upstream_statement_id, link_method,
                      origin)
SELECT h.id, h.statement_id, h.document_id, CASE WHEN h.pos > 0 THEN h.id - 1 END, h.pos,
       h.source_id, h.relation,
       CASE h.relation WHEN 'reported_by' THEN 'reported' WHEN 'according_to'
            THEN 'according to' ELSE h.relation END,
       h.end_offset + 2, h.end_offset + 26, h.upstream_id,
       CASE WHEN h.upstream_id IS NOT NULL THEN 'manual' END, %(origin)s
FROM (
    SELECT %(cit_base)s + s.hop_before + pos AS id, s.id AS statement_id, s.document_id, pos,
           s.end_offset,
           CASE WHEN pos < s.depth - 1 THEN NULL ELSE s.upstream_id END AS upstream_id,
           CASE
               WHEN pos = s.depth - 1 AND s.upstream_id IS NOT NULL
                   THEN pg_temp.pick(%(outlets)s, 2.0)
               WHEN pos = s.depth - 1 THEN s.speaker_id
               WHEN r.u < 0.75 THEN pg_temp.pick(%(outlets)s, 2.0)
               WHEN r.u < 0.90 THEN pg_temp.pick(%(bodies)s, 1.5)
               ELSE pg_temp.pick(%(orgs)s, 1.5)
           END AS source_id,
           CASE
               WHEN pos = s.depth - 1 AND s.upstream_id IS NOT NULL THEN 'citing'
               WHEN pos = s.depth - 1 THEN (ARRAY['said', 'said', 'told'])
                                           [1 + floor(r.u * 3)::int]
               WHEN pos = 0 THEN 'reported_by'
               ELSE (ARRAY['citing', 'according_to'])[1 + floor(r.u * 2)::int]
           END AS relation
    FROM b_st s
    CROSS JOIN LATERAL generate_series(0, s.depth - 1) pos
    CROSS JOIN LATERAL (SELECT random() + 0 * pos AS u) r
) h
"""


@dataclass(frozen=True, slots=True)
class Pools:
    """Source ids by kind: chains draw relays and primary sources from these."""

    outlets: list[int]
    persons: list[int]
    bodies: list[int]
    orgs: list[int]
    docs: list[int]


def _reserve(conn: psycopg.Connection[Any], table: str, count: int) -> int:
    """Take ``count`` consecutive ids from ``table``'s sequence; return the first.

    Ids computed in SQL from row numbers (parent = id - 1, statement = base + offset) let
    one INSERT ... SELECT write a whole batch without round trips per row.
    """
    row = conn.execute(
        "SELECT setval(pg_get_serial_sequence(%s, 'id'), nextval(pg_get_serial_sequence(%s, "
        "'id')) + %s - 1)",
        (table, table, count),
    ).fetchone()
    assert row is not None
    return int(row[0]) - count + 1


def _create_sources(conn: psycopg.Connection[Any]) -> Pools:
    """The named source pool (outlets, people, bodies, organizations, documents)."""
    conn.execute(
        _SOURCES_SQL,
        {
            "outlets": list(OUTLETS),
            "state_media": list(STATE_MEDIA),
            "first": list(FIRST_NAMES),
            "last": list(LAST_NAMES),
            "countries": list(COUNTRIES),
            "bodies": list(GOVERNMENT_BODIES),
        },
    )
    pools = _load_pools(conn)
    assert pools is not None
    return pools


def _load_pools(conn: psycopg.Connection[Any]) -> Pools | None:
    """The pool already in the database: growing to 100k reuses the 10k run's sources."""
    rows = dict(
        conn.execute(
            "SELECT kind, array_agg(id ORDER BY id) FROM source "
            "WHERE kind IN ('news_outlet', 'person', 'government_body', 'organization', "
            "'document') GROUP BY kind"
        ).fetchall()
    )
    if len(rows) < 5:
        return None
    return Pools(
        rows["news_outlet"],
        rows["person"],
        rows["government_body"],
        rows["organization"],
        rows["document"],
    )


def _statement_extras(conn: psycopg.Connection[Any]) -> tuple[str, str]:
    """Columns that later migrations added to ``statement`` and the values to give them.

    The quote-identity migration adds a NOT NULL ``fingerprint`` (and a per-language
    ``search_config``); a statement's text here is always one of PHRASES, so its
    fingerprint is looked up by the same index that picked the phrase.
    """
    present = {
        r[0]
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'statement'"
        )
    }
    columns, values = [], []
    if "fingerprint" in present:
        columns.append("fingerprint")
        values.append(
            "(%(fingerprints)s::text[])[1 + mod(s.document_id * 7 + "
            "(s.start_offset - %(header)s) / %(sentence)s * 13, %(n_phrases)s)]"
        )
    if "search_config" in present:
        columns.append("search_config")
        values.append("'english'::regconfig")
    return "".join(f", {c}" for c in columns), "".join(f", {v}" for v in values)


def _fingerprints() -> list[str]:
    """The app's fingerprint of each phrase (lower case where the app has none yet)."""
    try:
        from tracker.provenance.identity import fingerprint
    except ImportError:
        return [p.lower() for p in PHRASES]
    return [fingerprint(p) for p in PHRASES]


def grow(url: str, target: int) -> float:
    """Add statements (with documents, chains and links) until there are ``target``.

    Returns the seconds it took. One transaction per call: a failed run leaves nothing
    half-written. VACUUM ANALYZE afterwards, as autovacuum would before real traffic, so
    the planner sees the real row counts and index-only scans can skip the heap.
    """
    started = time.perf_counter()
    with psycopg.connect(libpq_url(url)) as conn:
        conn.execute(_PICK_FUNCTION)
        pools = _load_pools(conn) or _create_sources(conn)
        row = conn.execute("SELECT count(*), coalesce(min(id), 0) FROM statement").fetchone()
        assert row is not None
        have, lowest = int(row[0]), int(row[1])
        n_new = target - have
        if n_new <= 0:
            return 0.0
        params: dict[str, Any] = {
            "n_new": n_new,
            "max_docs": n_new // 6 + 1,
            "outlets": pools.outlets,
            "persons": pools.persons,
            "bodies": pools.bodies,
            "orgs": pools.orgs,
            "docs": pools.docs,
            "phrases": list(PHRASES),
            "n_phrases": len(PHRASES),
            "header": HEADER_LENGTH,
            "sentence": SENTENCE_LENGTH,
            "cross": CROSS_SHARE,
            "origin": ORIGIN,
            "fingerprints": _fingerprints(),
        }
        conn.execute(_BATCH_DOCS_SQL, params)
        n_docs = conn.execute("SELECT count(*) FROM b_doc").fetchone()
        assert n_docs is not None
        params["doc_base"] = _reserve(conn, "document", int(n_docs[0]))
        conn.execute(_INSERT_DOCS_SQL, params)
        conn.execute(_ANON_SOURCES_SQL, params)
        params["stmt_base"] = _reserve(conn, "statement", n_new)
        conn.execute(_BATCH_STATEMENTS_SQL, params)
        extra_columns, extra_values = _statement_extras(conn)
        insert = _INSERT_STATEMENTS_SQL.format(
            extra_columns=extra_columns, extra_values=extra_values
        )
        conn.execute(insert, params)
        params["lo"] = lowest or params["stmt_base"]
        for update in _UPSTREAM_SQL:
            conn.execute(update, params)
        hops = conn.execute("SELECT sum(depth) FROM b_st").fetchone()
        assert hops is not None
        params["cit_base"] = _reserve(conn, "citation", int(hops[0]))
        conn.execute(_INSERT_CITATIONS_SQL, params)
    with psycopg.connect(libpq_url(url), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE source, document, statement, citation")
    return time.perf_counter() - started


# ---------------------------------------------------------------- the baseline


@dataclass(frozen=True, slots=True)
class NaiveHop:
    """What the per-hop loop yields per hop: enough to compare it with the real walk."""

    citation_id: int
    source_name: str
    source_kind: str
    depth: int
    is_primary: bool


def naive_walk(
    session: Session, statement_id: int, max_depth: int = DEFAULT_MAX_DEPTH
) -> list[NaiveHop]:
    """The walk as an ORM loop: one query per hop, as code grows without a recursive CTE.

    Depth-first in the order of the real walk (position, then id), following upstream
    links into other documents, bounded by ``max_depth`` and skipping hops met twice on
    one path. This is the baseline the one-query walk must beat.
    """
    if session.get(Statement, statement_id) is None:
        raise NotFoundError("statement", statement_id)

    def roots(sid: int) -> Sequence[Citation]:
        return session.scalars(
            select(Citation)
            .where(col(Citation.statement_id) == sid, col(Citation.parent_id).is_(None))
            .order_by(col(Citation.position), col(Citation.id))
        ).all()

    def children(cid: int) -> Sequence[Citation]:
        return session.scalars(
            select(Citation)
            .where(col(Citation.parent_id) == cid)
            .order_by(col(Citation.position), col(Citation.id))
        ).all()

    hops: list[NaiveHop] = []
    stack: list[tuple[Citation, int, frozenset[int]]] = [
        (c, 0, frozenset()) for c in reversed(roots(statement_id))
    ]
    while stack:
        hop, depth, path = stack.pop()
        assert hop.id is not None
        if hop.id in path:
            continue  # circular: reported by the real walk, skipped here
        source = session.get(Source, hop.source_id)
        assert source is not None
        if hop.upstream_statement_id is not None:
            upstream = session.get(Statement, hop.upstream_statement_id)
            following = roots(hop.upstream_statement_id) if upstream is not None else []
        else:
            following = children(hop.id)
        truncated = bool(following) and depth + 1 >= max_depth
        hops.append(NaiveHop(hop.id, source.name, source.kind, depth, not following))
        if not truncated:
            on_path = path | {hop.id}
            stack.extend((c, depth + 1, on_path) for c in reversed(following))
    return hops


def walk_in_transaction(
    session: Session, statement_id: int, max_depth: int = DEFAULT_MAX_DEPTH
) -> Any:
    """The walk planned once, run inside a transaction block as tracker.service ran it on
    one PostgreSQL until the walk moved out of it (a BEGIN round trip before the query)."""
    return walk(session, statement_id, max_depth)


def walk_before(session: Session, statement_id: int, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """The walk as main ran it before plan-once (tracker/walk/walker.py at a3f76d8)."""
    rows = session.execute(
        WALK_SQL, {"statement_id": statement_id, "max_depth": max_depth - 1}
    ).all()
    if not rows:
        raise NotFoundError("statement", statement_id)
    head = rows[0]
    hops = [r for r in rows if r.citation_id is not None]
    return build_walk(statement_id, head.head_document_id, hops, max_depth, head.head_speaker_name)


# ---------------------------------------------------------------- timing


@dataclass(slots=True)
class Timing:
    """Latency summary of one method on one sample, in milliseconds."""

    p50: float
    p99: float
    mean: float

    @classmethod
    def of(cls, samples_ns: list[int]) -> Timing:
        ordered = sorted(samples_ns)
        return cls(
            p50=_percentile(ordered, 50) / 1e6,
            p99=_percentile(ordered, 99) / 1e6,
            mean=statistics.fmean(ordered) / 1e6,
        )

    @classmethod
    def median_of(cls, runs: Sequence[Timing]) -> Timing:
        """Each statistic's median over repeated runs: one noisy run cannot set a figure."""
        return cls(
            p50=statistics.median(t.p50 for t in runs),
            p99=statistics.median(t.p99 for t in runs),
            mean=statistics.median(t.mean for t in runs),
        )


def _percentile(ordered: list[int], pct: float) -> float:
    """Nearest-rank percentile: a value that was really measured, never interpolated."""
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return float(ordered[rank - 1])


@dataclass(slots=True)
class Cell:
    """One row of the result table: a database size and a sample of statements."""

    statements: int
    sample: str
    walks: int
    """Timed walks per method in each repeat."""
    repeats: int
    mean_hops: float
    one_query: Timing
    before: Timing
    """The walk as it ran before plan-once (``walk_before``), timed in the same run."""
    in_transaction: Timing
    """The walk planned once but inside a transaction block (``walk_in_transaction``)."""
    hop_by_hop: Timing
    """The walk hop by hop in SQL (``walk_hop_by_hop``), as it ran before the walk went
    over the statements entered."""
    per_hop: Timing
    ratio_p50: float
    ratio_p99: float
    before_ratio_p50: float
    """How many times faster the walk is now than before plan-once, at p50."""
    in_transaction_ratio_p50: float
    """The per-hop loop over the walk in a transaction block, at p50 (before the walk
    left it)."""
    hop_by_hop_ratio_p50: float
    """The per-hop loop over the walk hop by hop in SQL, at p50."""
    hop_by_hop_gain_p50: float
    """How many times faster the walk is than the walk hop by hop in SQL, at p50."""
    sql_plan_ms: float
    """Median planning time of the walk query (EXPLAIN ANALYZE), paid by every unprepared run."""
    sql_exec_ms: float
    """Median server-side execution time of the walk query (EXPLAIN ANALYZE)."""
    mismatches: int = 0
    """Warm-up walks where the two methods disagreed on the hops (should be 0)."""


def _sample(url: str, kind: str, count: int, seed: int) -> list[int]:
    """Statement ids to walk: any statement, or only those with an 8-hop chain of their own.

    The depth-8 sample excludes chains that cross documents, so each walk there is
    exactly 8 hops and the per-hop loop's cost is the same for every walk.
    """
    if kind == "all":
        sql = "SELECT id FROM statement WHERE origin = %(origin)s"
    else:
        sql = (
            "SELECT c.statement_id FROM citation c WHERE c.position = 7 AND c.origin = %(origin)s "
            "AND NOT EXISTS (SELECT 1 FROM citation u WHERE u.statement_id = c.statement_id "
            "AND u.upstream_statement_id IS NOT NULL)"
        )
    with psycopg.connect(libpq_url(url)) as conn:
        ids = [int(r[0]) for r in conn.execute(sql, {"origin": ORIGIN})]
    rng = random.Random(seed)
    return [rng.choice(ids) for _ in range(count)]


def _timed(
    factory: sessionmaker[Session],
    fn: Callable[[Session, int], Any],
    statement_id: int,
    commit: bool,
) -> tuple[int, Any]:
    """Time ``fn`` alone: the session's connection is checked out before the clock starts.

    A fresh session per walk, as a request gets: the ORM's identity map cannot cache
    sources across walks. How it ends matters: tracker.service closes read sessions
    without committing, and psycopg forgets its prepared statements on every ROLLBACK,
    so each walk is planned again; ``commit`` ends the session the other way.

    ``walk`` and ``walk_hop_by_hop`` get the session tracker.service gives a walk
    (``statement_session``: outside a transaction block, so no BEGIN or COMMIT); every
    other method a transaction's.
    """
    if fn in OUTSIDE_TRANSACTION:
        with statement_session(factory) as session:
            started = time.perf_counter_ns()
            result = fn(session, statement_id)
            elapsed = time.perf_counter_ns() - started
        return elapsed, result
    with factory() as session:
        session.connection()
        started = time.perf_counter_ns()
        result = fn(session, statement_id)
        elapsed = time.perf_counter_ns() - started
        if commit:
            session.commit()
    return elapsed, result


OUTSIDE_TRANSACTION: tuple[Callable[[Session, int], Any], ...] = (walk, walk_hop_by_hop)
"""Methods timed as tracker.service runs a walk: outside a transaction block."""


def _explain_ms(engine: Engine, statement_ids: list[int]) -> tuple[float, float]:
    """Median planning and execution time of the walk's query on the server, in ms."""
    plans: list[float] = []
    runs: list[float] = []
    explain = text("EXPLAIN (ANALYZE, FORMAT JSON) " + ENTERED_ONE_SQL.text)
    with engine.connect() as conn:
        for sid in statement_ids:
            params = {"statement_id": sid, "max_depth": DEFAULT_MAX_DEPTH - 1}
            plan = conn.execute(explain, params).scalar_one()[0]
            plans.append(float(plan["Planning Time"]))
            runs.append(float(plan["Execution Time"]))
    return statistics.median(plans), statistics.median(runs)


@dataclass(frozen=True, slots=True)
class Options:
    """How to time: walks per method, repeats, seed, how sessions end, progress output."""

    walks: int
    repeats: int
    seed: int
    commit: bool
    progress: bool


@dataclass(slots=True)
class _Run:
    """One repeat's timings: the walk now, the walk before plan-once, the per-hop loop."""

    walk: Timing
    before: Timing
    in_transaction: Timing
    hop_by_hop: Timing
    naive: Timing
    mean_hops: float
    mismatches: int


def _one_run(factory: sessionmaker[Session], ids: list[int], opts: Options, label: str) -> _Run:
    """Warm up, then time the three methods on the same statements, rotating their order.

    Rotating means a burst of noise from the shared machine hits every method alike, so
    the ratios stay fair even when the absolute figures wobble.
    """
    warmup, timed = ids[:WARMUP_WALKS], ids[WARMUP_WALKS:]
    mismatches = 0
    for sid in warmup:
        _, fast = _timed(factory, walk, sid, opts.commit)
        _, old = _timed(factory, walk_before, sid, opts.commit)
        _, inside = _timed(factory, walk_in_transaction, sid, opts.commit)
        _, by_hop = _timed(factory, walk_hop_by_hop, sid, opts.commit)
        _, slow = _timed(factory, naive_walk, sid, opts.commit)
        expected = [h.citation_id for h in fast.hops]
        if (
            expected != [h.citation_id for h in slow]
            or expected != [h.citation_id for h in old.hops]
            or expected != [h.citation_id for h in inside.hops]
            or fast.to_dict() != by_hop.to_dict()
        ):
            mismatches += 1
    methods: list[Callable[[Session, int], Any]] = [
        walk,
        walk_before,
        walk_in_transaction,
        walk_hop_by_hop,
        naive_walk,
    ]
    times: dict[Any, list[int]] = {m: [] for m in methods}
    hops = 0
    for i, sid in enumerate(timed):
        for k in range(len(methods)):
            method = methods[(i + k) % len(methods)]
            ns, result = _timed(factory, method, sid, opts.commit)
            times[method].append(ns)
            if method is walk:
                hops += len(result.hops)
        if opts.progress and (i + 1) % 1000 == 0:
            print(f"  {label}: {i + 1}/{len(timed)} walks", file=sys.stderr)
    return _Run(
        Timing.of(times[walk]),
        Timing.of(times[walk_before]),
        Timing.of(times[walk_in_transaction]),
        Timing.of(times[walk_hop_by_hop]),
        Timing.of(times[naive_walk]),
        hops / len(timed),
        mismatches,
    )


def measure(url: str, engine: Engine, statements: int, sample: str, opts: Options) -> Cell:
    """Time the methods ``opts.repeats`` times on fresh samples; keep each figure's median."""
    factory = make_session_factory(engine)
    runs: list[_Run] = []
    explain_ids: list[int] = []
    for r in range(opts.repeats):
        label = f"{statements:,} {sample} run {r + 1}/{opts.repeats}"
        if opts.progress:
            print(f"measuring {label}…", file=sys.stderr)
        ids = _sample(url, sample, opts.walks + WARMUP_WALKS, opts.seed + r)
        explain_ids = ids[-50:]
        runs.append(_one_run(factory, ids, opts, label))
    plan_ms, exec_ms = _explain_ms(engine, explain_ids)
    return Cell(
        statements=statements,
        sample=sample,
        walks=opts.walks,
        repeats=opts.repeats,
        mean_hops=statistics.median(r.mean_hops for r in runs),
        one_query=Timing.median_of([r.walk for r in runs]),
        before=Timing.median_of([r.before for r in runs]),
        in_transaction=Timing.median_of([r.in_transaction for r in runs]),
        hop_by_hop=Timing.median_of([r.hop_by_hop for r in runs]),
        per_hop=Timing.median_of([r.naive for r in runs]),
        ratio_p50=statistics.median(r.naive.p50 / r.walk.p50 for r in runs),
        ratio_p99=statistics.median(r.naive.p99 / r.walk.p99 for r in runs),
        before_ratio_p50=statistics.median(r.before.p50 / r.walk.p50 for r in runs),
        in_transaction_ratio_p50=statistics.median(
            r.naive.p50 / r.in_transaction.p50 for r in runs
        ),
        hop_by_hop_ratio_p50=statistics.median(r.naive.p50 / r.hop_by_hop.p50 for r in runs),
        hop_by_hop_gain_p50=statistics.median(r.hop_by_hop.p50 / r.walk.p50 for r in runs),
        sql_plan_ms=plan_ms,
        sql_exec_ms=exec_ms,
        mismatches=sum(r.mismatches for r in runs),
    )


# ---------------------------------------------------------------- report


@dataclass(slots=True)
class Report:
    """Everything one run measured, with what is needed to reproduce it."""

    command: str
    date: str
    machine: str
    postgres: str
    settings: dict[str, str]
    session_end: str
    load: dict[str, float] = field(default_factory=dict)
    """1-minute load average before and after: on a shared 2-core box it explains the p99s."""
    generation_seconds: dict[str, float] = field(default_factory=dict)
    shape: dict[str, Any] = field(default_factory=dict)
    cells: list[Cell] = field(default_factory=list)


def _describe_server(url: str) -> tuple[str, dict[str, str]]:
    with psycopg.connect(libpq_url(url)) as conn:
        version = conn.execute("SHOW server_version").fetchone()
        settings = {
            name: str(value)
            for name, value in conn.execute(
                "SELECT name, setting || coalesce(unit, '') FROM pg_settings WHERE name = ANY(%s)",
                (["shared_buffers", "jit", "work_mem", "random_page_cost"],),
            )
        }
    return (f"PostgreSQL {version[0]}" if version else "PostgreSQL ?"), settings


def _describe_data(url: str) -> dict[str, Any]:
    """The generated data's shape, so the figures can be read against it."""
    with psycopg.connect(libpq_url(url)) as conn:
        row = conn.execute(
            """
            SELECT (SELECT count(*) FROM document),
                   (SELECT count(*) FROM statement),
                   (SELECT count(*) FROM citation),
                   (SELECT count(*) FROM source),
                   (SELECT count(*) FROM source WHERE kind = 'anonymous'),
                   (SELECT count(*) FROM citation WHERE upstream_statement_id IS NOT NULL),
                   pg_size_pretty(pg_total_relation_size('citation'))
            """
        ).fetchone()
    assert row is not None
    keys = (
        "documents", "statements", "citations", "sources", "anonymous_sources",
        "cross_document_links", "citation_table_size",
    )  # fmt: skip
    return dict(zip(keys, row, strict=True))


def _fmt(t: Timing) -> str:
    return f"{t.p50:6.2f} {t.p99:6.2f} {t.mean:6.2f}"


def print_table(report: Report) -> None:
    """The human-readable result: one row per size and sample, ratios on the right."""
    print(f"chain walk benchmark · {report.date} · {report.machine}")
    print(f"{report.postgres} ({', '.join(f'{k}={v}' for k, v in report.settings.items())})")
    print(f"$ {report.command}")
    print(f"sessions end with {report.session_end}; one fresh session per walk")
    if report.load:
        print("load average (1 min): " + ", ".join(f"{k} {v:.2f}" for k, v in report.load.items()))
    for size, seconds in report.generation_seconds.items():
        print(f"generated up to {size} statements in {seconds:.1f} s")
    print(f"data: {', '.join(f'{k}={v}' for k, v in report.shape.items())}")
    if report.cells and report.cells[0].repeats > 1:
        print(f"each figure: median of {report.cells[0].repeats} repeats")
    print()
    print(
        f"{'statements':>10}  {'sample':<7} {'walks':>5} {'hops':>5}  "
        f"{'walk, planned once (ms)':^20}  {'walk before (ms)':^20}  {'walk in a txn (ms)':^20}  "
        f"{'hop-by-hop SQL (ms)':^20}  {'per-hop ORM loop (ms)':^20}  "
        f"{'loop/walk':^11}  {'before/now':^10}  "
        f"{'walk SQL (ms)':^13}"
    )
    print(
        f"{'':>10}  {'':<7} {'':>5} {'':>5}  {'p50':>6} {'p99':>6} {'mean':>6}  "
        f"{'p50':>6} {'p99':>6} {'mean':>6}  {'p50':>6} {'p99':>6} {'mean':>6}  "
        f"{'p50':>6} {'p99':>6} {'mean':>6}  {'p50':>6} {'p99':>6} {'mean':>6}  "
        f"{'p50':>5} {'p99':>5}  {'p50':>10}  {'plan':>6} {'exec':>6}"
    )
    for c in report.cells:
        print(
            f"{c.statements:>10,}  {c.sample:<7} {c.walks:>5} {c.mean_hops:>5.1f}  "
            f"{_fmt(c.one_query)}  {_fmt(c.before)}  {_fmt(c.in_transaction)}  "
            f"{_fmt(c.hop_by_hop)}  {_fmt(c.per_hop)}  "
            f"{c.ratio_p50:>4.1f}x {c.ratio_p99:>4.1f}x  {c.before_ratio_p50:>9.2f}x  "
            f"{c.sql_plan_ms:>6.2f} {c.sql_exec_ms:>6.2f}"
            + (f"  ({c.mismatches} warm-up mismatches!)" if c.mismatches else "")
        )
    print()
    for line in target_lines(report.cells):
        print(line)


def target_lines(cells: list[Cell]) -> list[str]:
    """The issue's targets, each with its measured value: met or not, never hidden."""
    if not cells:
        return []
    largest = max(c.statements for c in cells)
    smallest = min(c.statements for c in cells)
    by_key = {(c.statements, c.sample): c for c in cells}
    worst = max(c.one_query.p99 for c in cells if c.statements == largest)
    lines = [
        f"target  one-query p99 < 5 ms at {largest:,}: {worst:.2f} ms "
        f"-> {'met' if worst < 5 else 'NOT met'}"
    ]
    if smallest != largest:
        for sample in ("all", "depth8"):
            lo, hi = by_key.get((smallest, sample)), by_key.get((largest, sample))
            if lo and hi:
                lines.append(
                    f"target  no growth {smallest:,} -> {largest:,} ({sample}): p50 "
                    f"{lo.one_query.p50:.2f} -> {hi.one_query.p50:.2f} ms, p99 "
                    f"{lo.one_query.p99:.2f} -> {hi.one_query.p99:.2f} ms"
                )
    deep = by_key.get((largest, "depth8"))
    if deep:
        lines.append(
            f"target  >= 15x faster than the per-hop loop at depth 8 (issue 15): "
            f"{deep.ratio_p50:.1f}x p50, {deep.ratio_p99:.1f}x p99 "
            f"-> {'met' if deep.ratio_p50 >= 15 else 'NOT met'}; before plan-once: "
            f"{deep.per_hop.p50 / deep.before.p50:.1f}x p50 (now {deep.before_ratio_p50:.2f}x "
            "faster than before); in a transaction block: "
            f"{deep.in_transaction_ratio_p50:.1f}x p50 ({deep.in_transaction.p50:.2f} ms); "
            f"hop by hop in SQL: {deep.hop_by_hop_ratio_p50:.1f}x p50 "
            f"({deep.hop_by_hop.p50:.2f} ms, the walk {deep.hop_by_hop_gain_p50:.2f}x faster)"
        )
    return lines


def run(args: argparse.Namespace) -> Report:
    """Generate, measure at each size, and collect the report (in one process)."""
    command = "python bench/chain_walk.py " + shlex.join(sys.argv[1:])
    sizes = sorted({min(SMALL, args.n), args.n})
    opts = Options(
        walks=args.walks,
        repeats=args.repeat,
        seed=args.seed,
        commit=args.session_end == "commit",
        progress=not args.json,
    )
    with bench_database(args.database_url) as url:
        with psycopg.connect(libpq_url(url)) as conn:
            existing = conn.execute("SELECT count(*) FROM statement").fetchone()
        if existing and existing[0]:
            raise SystemExit(
                "chain_walk: the database already holds statements; give it an empty one"
            )
        postgres, settings = _describe_server(url)
        report = Report(
            command=command.strip(),
            date=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            machine=f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()}, "
            f"Python {platform.python_version()}",
            postgres=postgres,
            settings=settings,
            session_end=args.session_end,
        )
        report.load["start"] = os.getloadavg()[0]
        engine = make_engine(url, pool_pre_ping=False)
        try:
            for size in sizes:
                if opts.progress:
                    print(f"generating {size:,} statements…", file=sys.stderr)
                report.generation_seconds[f"{size:,}"] = round(grow(url, size), 1)
                engine.dispose()  # new connections: fresh plans against fresh statistics
                for sample in ("all", "depth8"):
                    report.cells.append(measure(url, engine, size, sample, opts))
            report.shape = _describe_data(url)
            report.load["end"] = os.getloadavg()[0]
        finally:
            engine.dispose()
    return report


def main(argv: list[str] | None = None) -> int:
    """Entry point: ``python bench/chain_walk.py [--n N] [--walks W] [--database-url URL]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="statements at the end")
    parser.add_argument("--walks", type=int, default=2000, help="timed walks per method and cell")
    parser.add_argument(
        "--database-url",
        default=None,
        help="an empty PostgreSQL 15+ database to fill (default: a throwaway embedded one)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="repeats per cell (medians kept)")
    parser.add_argument(
        "--session-end",
        choices=("rollback", "commit"),
        default="commit",
        help="how each walk's session ends: commit is what tracker.service does (psycopg "
        "keeps prepared plans across commits, not rollbacks)",
    )
    parser.add_argument("--seed", type=int, default=7, help="seed for picking statements")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    if args.n < 100 or args.walks < 1 or args.repeat < 1:
        parser.error("--n must be >= 100, --walks and --repeat >= 1")
    report = run(args)
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
