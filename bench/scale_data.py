"""A corpus of any size for bench/scale.py, written with COPY into a migrated database.

Shaped like what tracker stores: documents of about ten statements (8 to 12), each
statement's chain 1 to 8 hops (relays, then the primary source), a fifth of documents
with an anonymous source, and 5% of statements edited duplicates of an earlier
statement in another document, their last hop citing that document's outlet and linked
upstream into it (``upstream_statement_id`` and ``upstream_document_id``, as the linker
writes them), so walks cross documents, sometimes several in a row. Quote words follow a
Zipf law over a made-up vocabulary whose rare words are long, as in real text, so the
full-text candidates of a lookup are as selective as tracker's candidate query expects.

Ids are given here (sequences set after), every row written by COPY in chunks of
documents; on Citus the coordinator routes each row to its shard, and the document
identity lookup tables are filled alongside.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg

ORIGIN = "bench-scale"
CHUNK_DOCUMENTS = 2000
"""Documents per round of COPY (with their statements and hops)."""
VOCABULARY = 20_000
DUPLICATE_SHARE = 0.05
ANONYMOUS_SHARE = 0.2
RESERVOIR = 50_000
"""Earlier statements kept to copy from (a uniform sample of all so far)."""
EPOCH = datetime(2025, 1, 1, tzinfo=UTC)

OUTLETS = 300
PERSONS = 5000
BODIES = 300
ORGANIZATIONS = 500
REPORTS = 100
STATE_MEDIA = {2, 7, 11}
"""Outlet numbers that are state media."""

SYLLABLES = [
    c + v
    for c in ("b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "w", "j", "h")
    for v in ("a", "e", "i", "o", "u")
]


def _vocabulary(rng: random.Random) -> list[str]:
    """Made-up words, the most frequent shortest: rank r gets 1 + r/4000 + a coin of
    syllables, so common words are two or three letters and rare ones long."""
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < VOCABULARY:
        length = 1 + len(words) // 4000 + rng.randint(0, 2)
        word = "".join(rng.choice(SYLLABLES) for _ in range(length))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


@dataclass(frozen=True, slots=True)
class Said:
    """An earlier statement, kept so that a later one can repeat it."""

    statement_id: int
    document_id: int
    words: tuple[str, ...]
    speaker_id: int
    outlet_id: int


@dataclass(slots=True)
class Corpus:
    """What was generated so far: where the next ids start, and what can be sampled."""

    documents: int = 0
    statements: int = 0
    citations: int = 0
    sources: int = 0
    named_sources: int = 0
    reservoir: list[Said] = field(default_factory=list)
    seen_statements: int = 0
    source_names: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Pools:
    outlets: list[int]
    persons: list[int]
    bodies: list[int]
    organizations: list[int]
    reports: list[int]


def _named_sources() -> list[tuple[str, str, bool]]:
    rows = [(f"Outlet {i:03d} News", "news_outlet", i in STATE_MEDIA) for i in range(OUTLETS)]
    rows += [(f"Person {i:05d}", "person", False) for i in range(PERSONS)]
    rows += [(f"Ministry {i:03d}", "government_body", False) for i in range(BODIES)]
    rows += [(f"Institute {i:03d}", "organization", False) for i in range(ORGANIZATIONS)]
    rows += [(f"Annual Report {i:03d}", "document", False) for i in range(REPORTS)]
    return rows


def write_sources(conn: psycopg.Connection[Any], corpus: Corpus) -> Pools:
    """The named source pool and one alias each (its name), by COPY."""
    rows = _named_sources()
    with conn.cursor() as cur:
        with cur.copy(
            "COPY source (id, name, normalized_name, kind, state_media) FROM STDIN"
        ) as copy:
            for i, (name, kind, state_media) in enumerate(rows, start=1):
                copy.write_row((i, name, name.lower(), kind, state_media))
                corpus.source_names[i] = name
        with cur.copy("COPY source_alias (source_id, alias, normalized) FROM STDIN") as copy:
            for i, (name, _, _) in enumerate(rows, start=1):
                copy.write_row((i, name, name.lower()))
    corpus.sources = corpus.named_sources = len(rows)
    bounds = [0, OUTLETS, PERSONS, BODIES, ORGANIZATIONS, REPORTS]
    starts = [1 + sum(bounds[: i + 1]) for i in range(5)]
    ranges = [list(range(s, s + n)) for s, n in zip(starts, bounds[1:], strict=True)]
    return Pools(*ranges)


def _zipf_index(rng: random.Random, n: int, skew: float = 1.1) -> int:
    """An index in [0, n) drawn with a Zipf-like skew (the front is far more likely)."""
    return min(n - 1, int(n * rng.random() ** (skew * 3)))


@dataclass(slots=True)
class _Chunk:
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    statements: list[tuple[Any, ...]] = field(default_factory=list)
    citations: list[tuple[Any, ...]] = field(default_factory=list)
    anonymous: list[tuple[Any, ...]] = field(default_factory=list)
    hashes: list[tuple[Any, ...]] = field(default_factory=list)
    urls: list[tuple[Any, ...]] = field(default_factory=list)
    placed: list[tuple[Any, ...]] = field(default_factory=list)


class Generator:
    """Documents, statements and hops, chunk by chunk, deterministic for a seed."""

    def __init__(self, corpus: Corpus, pools: Pools, seed: int) -> None:
        self.corpus = corpus
        self.pools = pools
        self.rng = random.Random(seed)
        self.words = _vocabulary(random.Random(seed + 1))

    def quote(self) -> tuple[str, ...]:
        n = self.rng.randint(9, 15)
        return tuple(self.words[_zipf_index(self.rng, VOCABULARY)] for _ in range(n))

    def edited(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """One word changed, or the last dropped: still the same quote (fuzzy match)."""
        if self.rng.random() < 0.5 or len(words) < 10:
            i = self.rng.randrange(len(words))
            replaced = self.words[_zipf_index(self.rng, VOCABULARY)]
            return (*words[:i], replaced, *words[i + 1 :])
        return words[:-1]

    def chunk(self, documents: int) -> _Chunk:
        out = _Chunk()
        for _ in range(documents):
            self._document(out)
        return out

    def _pick(self, pool: list[int], skew: float = 1.0) -> int:
        return pool[_zipf_index(self.rng, len(pool), skew)]

    def _document(self, out: _Chunk) -> None:
        c = self.corpus
        c.documents += 1
        doc_id = c.documents
        outlet = self._pick(self.pools.outlets, 0.8)
        anonymous = None
        if self.rng.random() < ANONYMOUS_SHARE:
            c.sources += 1
            anonymous = c.sources
            name = "a senior official"
            out.anonymous.append((anonymous, name, name, "anonymous", doc_id))
        parts = [f"Bench story {doc_id}. "]
        offset = len(parts[0])
        planned = []
        for _ in range(self.rng.randint(8, 12)):
            planned.append(self._statement_plan(doc_id, anonymous))
        spans = []
        for words, _, speaker_id, _ in planned:
            quote = " ".join(words).capitalize()
            sentence = f'"{quote}," said {c.source_names.get(speaker_id, "an official")}. '
            spans.append((offset + 1, offset + 1 + len(quote)))
            parts.append(sentence)
            offset += len(sentence)
        body = "".join(parts)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        url = f"https://bench.example/story/{doc_id}"
        published = EPOCH + timedelta(minutes=7 * doc_id)
        out.documents.append(
            (doc_id, body, len(body), "en", url, f"Bench story {doc_id}", outlet, published, digest)
        )
        out.hashes.append((digest, doc_id))
        out.urls.append((url, doc_id))
        for (words, chain, speaker_id, upstream), (start, end) in zip(planned, spans, strict=True):
            self._write_statement(out, doc_id, len(body), body[start:end], words, chain,
                                  speaker_id, upstream, start, end, outlet)  # fmt: skip

    def _statement_plan(
        self, doc_id: int, anonymous: int | None
    ) -> tuple[tuple[str, ...], list[int], int, Said | None]:
        """(words, hop sources nearest first, speaker, the statement it repeats or None)."""
        c = self.corpus
        depth = self.rng.randint(1, 8)
        reservoir = c.reservoir
        upstream = None
        if reservoir and self.rng.random() < DUPLICATE_SHARE:
            upstream = reservoir[self.rng.randrange(len(reservoir))]
        if upstream is not None and upstream.document_id != doc_id:
            words = self.edited(upstream.words)
            speaker = upstream.speaker_id
            relays = [self._relay() for _ in range(depth - 1)]
            return words, [*relays, upstream.outlet_id], speaker, upstream
        words = self.quote()
        roll = self.rng.random()
        if anonymous is not None and roll < 0.1:
            speaker = anonymous
        elif roll < 0.7:
            speaker = self._pick(self.pools.persons, 0.7)
        elif roll < 0.85:
            speaker = self._pick(self.pools.bodies)
        elif roll < 0.95:
            speaker = self._pick(self.pools.organizations)
        else:
            speaker = self._pick(self.pools.reports)
        relays = [self._relay() for _ in range(depth - 1)]
        return words, [*relays, speaker], speaker, None

    def _relay(self) -> int:
        roll = self.rng.random()
        if roll < 0.75:
            return self._pick(self.pools.outlets, 0.8)
        if roll < 0.9:
            return self._pick(self.pools.bodies)
        return self._pick(self.pools.organizations)

    def _write_statement(
        self,
        out: _Chunk,
        doc_id: int,
        length: int,
        text: str,
        words: tuple[str, ...],
        chain: list[int],
        speaker_id: int,
        upstream: Said | None,
        start: int,
        end: int,
        outlet: int,
    ) -> None:
        c = self.corpus
        c.statements += 1
        sid = c.statements
        fingerprint = " ".join(words)
        out.placed.append((sid, doc_id))
        out.statements.append(
            (sid, doc_id, length, "direct", start, end, text, "said", speaker_id, ORIGIN,
             fingerprint, "english")
        )  # fmt: skip
        parent = None
        for position, source_id in enumerate(chain):
            c.citations += 1
            last = position == len(chain) - 1
            linked = upstream if last and upstream is not None else None
            relation = (
                "said"
                if last and linked is None
                else ("reported_by" if position == 0 else "citing")
            )
            out.citations.append(
                (c.citations, sid, doc_id, parent, position, source_id, relation, relation,
                 end + 2, end + 12,
                 linked.statement_id if linked else None,
                 linked.document_id if linked else None,
                 "fuzzy" if linked else None, 0.9 if linked else None, ORIGIN)
            )  # fmt: skip
            parent = c.citations
        self._remember(Said(sid, doc_id, words, speaker_id, outlet))

    def _remember(self, said: Said) -> None:
        """Reservoir sampling: every statement so far equally likely to be repeated."""
        c = self.corpus
        c.seen_statements += 1
        if len(c.reservoir) < RESERVOIR:
            c.reservoir.append(said)
            return
        slot = self.rng.randrange(c.seen_statements)
        if slot < RESERVOIR:
            c.reservoir[slot] = said


TABLES = {
    False: ("source", "source_alias", "document", "statement", "citation"),
    True: ("source", "source_alias", "document", "statement", "citation",
           "document_content_hash", "document_url", "statement_document"),
}  # fmt: skip
ANONYMOUS_COPY = "COPY source (id, name, normalized_name, kind, scope_document_id) FROM STDIN"
DOCUMENT_COPY = (
    "COPY document (id, text, text_length, language, url, title, outlet_id, published_at, "
    "content_hash) FROM STDIN"
)
STATEMENT_COPY = (
    "COPY statement (id, document_id, document_length, kind, start_offset, end_offset, text, "
    "cue, speaker_id, origin, fingerprint, search_config) FROM STDIN"
)
CITATION_COPY = (
    "COPY citation (id, statement_id, document_id, parent_id, position, source_id, relation, "
    "cue, evidence_start, evidence_end, upstream_statement_id, upstream_document_id, "
    "link_method, link_similarity, origin) FROM STDIN"
)


def _copy(cur: psycopg.Cursor[Any], statement: str, rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    with cur.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def grow(url: str, target: int, *, citus: bool, seed: int = 11) -> tuple[Corpus, float]:
    """Fill an empty migrated database with about ``target`` statements (whole documents).

    Returns what was generated and the documents per second COPY took them at.
    """
    import time

    with psycopg.connect(url, autocommit=True) as conn:
        if not citus:
            # integrity is the generator's; the foreign keys stay defined, unchecked here
            conn.execute("SET session_replication_role = replica")
        corpus = Corpus()
        pools = write_sources(conn, corpus)
        gen = Generator(corpus, pools, seed)
        started = time.perf_counter()
        with conn.cursor() as cur:
            while corpus.statements < target:
                left = (target - corpus.statements) // 10 + 1
                chunk = gen.chunk(min(CHUNK_DOCUMENTS, left))
                with conn.transaction():
                    # the reference table first: on Citus it may not follow a parallel write
                    _copy(cur, ANONYMOUS_COPY, chunk.anonymous)
                    _copy(cur, DOCUMENT_COPY, chunk.documents)
                    _copy(cur, STATEMENT_COPY, chunk.statements)
                    _copy(cur, CITATION_COPY, chunk.citations)
                    if citus:
                        _copy(cur, "COPY document_content_hash FROM STDIN", chunk.hashes)
                        _copy(cur, "COPY document_url FROM STDIN", chunk.urls)
                        _copy(cur, "COPY statement_document FROM STDIN", chunk.placed)
        elapsed = time.perf_counter() - started
        for table, last in (
            ("document", corpus.documents),
            ("statement", corpus.statements),
            ("citation", corpus.citations),
            ("source", corpus.sources),
        ):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {last})")
        conn.execute("SELECT setval(pg_get_serial_sequence('source_alias', 'id'), "
                     f"{corpus.named_sources})")  # fmt: skip
        # named: on Citus a VACUUM without tables skips the shards
        conn.execute(f"VACUUM ANALYZE {', '.join(TABLES[citus])}")
    return corpus, corpus.documents / elapsed


def sample(rng: random.Random, corpus: Corpus, count: int) -> Iterator[int]:
    """Statement ids drawn uniformly from the corpus."""
    for _ in range(count):
        yield rng.randint(1, corpus.statements)
