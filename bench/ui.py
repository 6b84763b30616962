"""Benchmark: the desk's pages against the JSON API for the same data (not a test).

Server time, in process (Litestar's test client: no sockets, the whole ASGI app), of
(a) a document page with 50 statements, (b) the same page with one statement's panel
open (walk, flags, appearances): the relayed statement with the fewest appearances,
(c) that panel alone (what the page's script fetches), (d) the page with the panel of
the statement with the most appearances, and (e) the search page; each next to the JSON
API calls that carry the same data, measured in the same run, interleaved. Prints p50
and p99 and the ratio page / JSON.
The corpus is synthetic (tracker.synthetic, extracted as pasted stories), so quotes recur
across documents and the panels have appearances to show. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _pg import bench_database
from litestar.testing import TestClient

from api.app import create_app
from tracker.config import Settings
from tracker.inputs import DocumentIn
from tracker.service import TrackerService
from tracker.synthetic import generate

Fetch = Callable[[], None]
Case = tuple[str, Fetch, str, Fetch]
"""A page, the JSON API calls carrying the same data, and their names."""


def fill(service: TrackerService, documents: int) -> None:
    """``documents`` synthetic stories, extracted and stored as a pasted story would be."""
    for article in generate(documents, seed=11, paragraphs=(6, 12)):
        service.create_document(
            DocumentIn(
                text=article.text,
                language=article.language,
                url=article.url,
                title=article.title,
                outlet=article.outlet,
                published_at=article.published_at,
            )
        )


def big_document(service: TrackerService, statements: int) -> int:
    """A story of Indonesian paragraphs grown until the extractor finds ``statements``."""
    from tracker.extract import extract

    paragraphs: list[str] = []
    for article in generate(40, seed=23, paragraphs=(12, 12)):
        if article.language != "id":
            continue
        for paragraph in article.text.split("\n")[:-1]:
            candidate = [*paragraphs, paragraph]
            if len(extract("\n".join(candidate), language="id").statements) > statements:
                break
            paragraphs = candidate
        else:
            continue
        break
    text = "\n".join(paragraphs) + "\n(bench ui)"
    stored = service.create_document(
        DocumentIn(text=text, language="id", title="Fifty statements", outlet="Bench Daily")
    )
    return stored.document.id


def get(client: TestClient[Any], path: str, params: dict[str, Any] | None = None) -> Fetch:
    def fetch() -> None:
        response = client.get(path, params=params)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")

    return fetch


def both(*fetches: Fetch) -> Fetch:
    def fetch() -> None:
        for one in fetches:
            one()

    return fetch


def measure(page: Fetch, api: Fetch, rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds per call of each, interleaved so that noise hits both alike."""
    for _ in range(5):
        page()
        api()
    page_ms: list[float] = []
    api_ms: list[float] = []
    for _ in range(rounds):
        for fetch, into in ((page, page_ms), (api, api_ms)):
            start = time.perf_counter()
            fetch()
            into.append((time.perf_counter() - start) * 1000)
    return page_ms, api_ms


def p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=300, help="synthetic corpus size")
    parser.add_argument("--statements", type=int, default=50, help="statements of the page")
    parser.add_argument("--rounds", type=int, default=150)
    parser.add_argument("--database-url", help="an empty PostgreSQL to fill (default: embedded)")
    args = parser.parse_args()
    with bench_database(args.database_url) as url:
        settings = Settings(database_url=url)
        service = TrackerService(settings)
        started = time.perf_counter()
        fill(service, args.documents)
        document_id = big_document(service, args.statements)
        document = service.get_document(document_id)
        seen = {s.id: len(service.appearances(s.id).items) for s in document.statements}
        relays = [s for s in document.statements if len(s.chain) > 1] or document.statements
        typical = min(relays, key=lambda s: (seen[s.id], s.id))
        heaviest = max(document.statements, key=lambda s: (seen[s.id], s.id))
        counts = service.stats()
        print(
            f"corpus: {counts['documents']} documents, {counts['statements']} statements "
            f"(filled in {time.perf_counter() - started:.0f} s); page: {len(document.statements)}"
            f" statements, appearances per statement: median "
            f"{statistics.median(seen.values()):.0f}, fewest {seen[typical.id]} (statement "
            f"{typical.id}, a relay of {len(typical.chain)}), most {seen[heaviest.id]} "
            f"(statement {heaviest.id})"
        )
        with TestClient(app=create_app(settings)) as client:
            did = document_id

            def panel_case(label: str, sid: int) -> Case:
                return (
                    f"page + {label} panel",
                    get(client, f"/documents/{did}", {"statement": sid}),
                    "document + chain + appearances",
                    both(
                        get(client, f"/api/v1/documents/{did}"),
                        get(client, f"/api/v1/statements/{sid}/chain"),
                        get(client, f"/api/v1/statements/{sid}/appearances"),
                    ),
                )

            cases: list[tuple[Case, int]] = [
                (
                    (
                        "document page",
                        get(client, f"/documents/{did}"),
                        "GET /documents/{id}",
                        get(client, f"/api/v1/documents/{did}"),
                    ),
                    args.rounds,
                ),
                (panel_case("fewest", typical.id), args.rounds),
                (
                    (
                        "fewest panel alone",
                        get(client, f"/documents/{did}/statements/{typical.id}/panel"),
                        "chain + appearances",
                        both(
                            get(client, f"/api/v1/statements/{typical.id}/chain"),
                            get(client, f"/api/v1/statements/{typical.id}/appearances"),
                        ),
                    ),
                    args.rounds,
                ),
                (panel_case("most", heaviest.id), max(20, args.rounds // 3)),
                (
                    (
                        "search page",
                        get(client, "/search", {"quote": typical.text}),
                        "GET /provenance",
                        get(client, "/api/v1/provenance", {"quote": typical.text}),
                    ),
                    args.rounds,
                ),
            ]
            print(
                f"{'page':<26}{'p50 ms':>9}{'p99 ms':>9}   {'JSON API, same data':<32}"
                f"{'p50 ms':>9}{'p99 ms':>9}{'ratio p50':>11}{'ratio p99':>11}"
            )
            for (name, page, api_name, api), rounds in cases:
                page_ms, api_ms = measure(page, api, rounds)
                ratio_50 = p(page_ms, 50) / p(api_ms, 50)
                ratio_99 = p(page_ms, 99) / p(api_ms, 99)
                print(
                    f"{name:<26}{p(page_ms, 50):>9.2f}{p(page_ms, 99):>9.2f}   {api_name:<32}"
                    f"{p(api_ms, 50):>9.2f}{p(api_ms, 99):>9.2f}"
                    f"{ratio_50:>10.2f}x{ratio_99:>10.2f}x"
                )
        service.engine.dispose()


if __name__ == "__main__":
    main()
