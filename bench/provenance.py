"""Benchmark: provenance lookup by text and appearances at 100k statements (not a test).

Prints p50/p99 of (a) a plain fingerprint lookup (hash index, exact text only: the
floor), (b) the candidate search (GIN full text + rapidfuzz verification), (c) the full
lookup by text as the API serves it (candidates, first appearance, walks of the top
matches) and (d) appearances of a statement, side by side with ratios to (a).

Statements are generated from a synthetic vocabulary (pseudo-words, Zipf-distributed
like news text), 10% of them re-published later with one word changed or truncated, so
lookups have real near-duplicates to find. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg
from _pg import bench_database, libpq_url
from sqlalchemy import text

from tracker.db import make_engine, make_session_factory, transaction
from tracker.provenance.appearances import appearances
from tracker.provenance.identity import fingerprint
from tracker.provenance.lookup import lookup
from tracker.provenance.matching import find_matches
from tracker.store.inputs import DocumentIn, PreparedDocument, SourceIn, StatementIn
from tracker.store.writer import store_documents

SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bu",
    "ka",
    "ke",
    "ki",
    "ku",
    "ta",
    "te",
    "ti",
    "tu",
    "ma",
    "me",
    "mi",
    "mu",
    "na",
    "ne",
    "ni",
    "nu",
    "ra",
    "re",
    "ri",
    "ru",
    "sa",
    "se",
    "si",
    "su",
    "la",
    "le",
    "li",
    "lu",
    "pa",
    "pe",
    "pi",
    "pu",
    "da",
    "de",
    "di",
    "du",
    "ga",
    "ge",
    "gi",
    "gu",
    "ja",
    "je",
    "ji",
    "ju",
    "ya",
    "ye",
    "yu",
    "wa",
    "we",
    "ng",
    "ny",
    "an",
    "ar",
    "as",
    "at",
    "ah",
    "al",
    "am",
    "in",
    "ir",
    "is",
    "it",
    "un",
    "ur",
    "us",
]
STATEMENTS_PER_DOCUMENT = 10


def vocabulary(size: int, rng: random.Random) -> list[str]:
    """Pseudo-words of 1-5 syllables, frequent ones short (Zipf's law of abbreviation)."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 5))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return sorted(ordered, key=len)


class QuoteMaker:
    """Sentences with Zipf-like word frequencies, as in real reporting."""

    def __init__(self, rng: random.Random, vocab_size: int = 20_000) -> None:
        self.rng = rng
        self.words = vocabulary(vocab_size, rng)
        self.weights = [1.0 / (rank + 10) for rank in range(len(self.words))]

    def quote(self) -> str:
        n = self.rng.randint(8, 22)
        return " ".join(self.rng.choices(self.words, self.weights, k=n)).capitalize()

    def edit(self, quote: str) -> str:
        """One word changed, or truncated with an ellipsis: how quotes drift."""
        words = quote.split()
        if self.rng.random() < 0.5 and len(words) > 10:
            return " ".join(words[: max(6, len(words) * 2 // 3)]) + "…"
        words[self.rng.randrange(len(words))] = self.rng.choice(self.words[:2000])
        return " ".join(words)


def documents(count: int, seed: int) -> Iterator[tuple[PreparedDocument, list[str]]]:
    """Documents of ten quoted statements each; 10% of quotes re-published, edited."""
    rng = random.Random(seed)
    maker = QuoteMaker(rng)
    published: list[str] = []
    people = [
        f"{a.capitalize()} {b.capitalize()}"
        for a, b in zip(maker.words[500:2500], maker.words[3000:5000], strict=True)
    ]
    for i in range(count):
        quotes = []
        for _ in range(STATEMENTS_PER_DOCUMENT):
            if published and rng.random() < 0.1:
                quotes.append(maker.edit(rng.choice(published)))
            else:
                quotes.append(maker.quote())
        published.extend(q for q in quotes if rng.random() < 0.2)
        if len(published) > 50_000:
            del published[: len(published) - 50_000]
        parts, statements = [], []
        offset = 0
        for quote in quotes:
            speaker = rng.choice(people)
            sentence = f"“{quote},” kata {speaker}. "
            start = offset + 1
            statements.append(
                StatementIn(
                    start=start,
                    end=start + len(quote),
                    kind="direct",
                    speaker=SourceIn(speaker, "person"),
                    cue="kata",
                )
            )
            parts.append(sentence)
            offset += len(sentence)
        body = "".join(parts) + f"(doc {seed}-{i})"
        doc = DocumentIn(text=body, language="id", statements=tuple(statements))
        yield (
            PreparedDocument(
                doc=doc,
                language="id",
                outlet=SourceIn(f"Outlet {i % 40}", "news_outlet"),
                content_hash=f"bench-{seed}-{i}",
                statement_origin="bench",
                label="bench",
            ),
            quotes,
        )


def fill(url: str, statements: int, seed: int, vacuum: bool = False) -> list[str]:
    """Write the corpus in batches; return a sample of the quotes stored."""
    factory = make_session_factory(make_engine(url))
    rng = random.Random(seed + 1)
    sample: list[str] = []
    batch: list[PreparedDocument] = []
    for prepared, quotes in documents(statements // STATEMENTS_PER_DOCUMENT, seed):
        batch.append(prepared)
        if rng.random() < 0.05:
            sample.append(rng.choice(quotes))
        if len(batch) == 200:
            with transaction(factory) as session:
                store_documents(session, batch)
            batch.clear()
    if batch:
        with transaction(factory) as session:
            store_documents(session, batch)
    if vacuum:
        # settle the GIN pending list, as autovacuum does in a steady state
        with psycopg.connect(libpq_url(url), autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE statement")
    else:
        with factory() as session:
            session.execute(text("ANALYZE"))
            session.commit()
    return sample


def timed(fn: Callable[[Any], Any], inputs: list[Any], session: Any) -> list[float]:
    """Milliseconds per call, after a short warm-up."""
    for item in inputs[:20]:
        fn(item)
    out = []
    for item in inputs:
        start = time.perf_counter_ns()
        fn(item)
        out.append((time.perf_counter_ns() - start) / 1e6)
        session.rollback()
    return out


def pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="statements to generate")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--vacuum", action="store_true", help="VACUUM after loading (steady state)")
    args = parser.parse_args()

    with bench_database(args.database_url) as url:
        started = time.perf_counter()
        sample = fill(url, args.n, args.seed, vacuum=args.vacuum)
        fill_s = time.perf_counter() - started
        rng = random.Random(args.seed + 2)
        maker = QuoteMaker(random.Random(args.seed + 3))
        exact = rng.sample(sample, min(args.queries, len(sample)))
        edited = [maker.edit(q) if rng.random() < 0.7 else q for q in exact]
        factory = make_session_factory(make_engine(url))
        with factory() as session:
            ids = [
                r[0]
                for r in session.execute(
                    text("SELECT id FROM statement ORDER BY random() LIMIT :n"),
                    {"n": args.queries},
                )
            ]
            fp_sql = text("SELECT id, document_id FROM statement WHERE fingerprint = :fp")
            results = {
                "fingerprint lookup (exact)": timed(
                    lambda q: session.execute(fp_sql, {"fp": fingerprint(q)}).all(),
                    exact,
                    session,
                ),
                "candidates (FTS + verify)": timed(
                    lambda q: find_matches(session, q, language="id"), edited, session
                ),
                "lookup by text (API)": timed(
                    lambda q: lookup(session, q, language="id"), edited, session
                ),
                "appearances": timed(lambda i: appearances(session, i), ids, session),
            }
            found = sum(1 for q in edited if lookup(session, q, language="id"))
            total = session.execute(text("SELECT count(*) FROM statement")).scalar_one()
    floor = statistics.median(results["fingerprint lookup (exact)"])
    rows = {
        name: {
            "p50_ms": round(statistics.median(s), 3),
            "p99_ms": round(pct(s, 99), 3),
            "mean_ms": round(statistics.fmean(s), 3),
            "p50_ratio_to_fingerprint": round(statistics.median(s) / floor, 1),
        }
        for name, s in results.items()
    }
    report = {
        "statements": total,
        "fill_seconds": round(fill_s, 1),
        "queries": len(edited),
        "edited_share": 0.7,
        "lookups_finding_their_quote": f"{found}/{len(edited)}",
        "timings": rows,
        "target": "lookup by text p99 < 50 ms",
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"statements: {total:,} (filled in {fill_s:.0f} s); {len(edited)} queries, "
        f"70% edited (one word changed or truncated)"
    )
    print(f"lookups that found a match: {found}/{len(edited)}")
    print(f"{'':28} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8} {'p50 / fingerprint':>18}")
    for name, row in rows.items():
        print(
            f"{name:28} {row['p50_ms']:8.2f} {row['p99_ms']:8.2f} {row['mean_ms']:8.2f} "
            f"{row['p50_ratio_to_fingerprint']:>17.1f}x"
        )
    print("target: lookup by text p99 < 50 ms")


if __name__ == "__main__":
    main()
