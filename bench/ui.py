"""Benchmark: the desk's pages against the JSON API for the same data (not a test).

Server time, in process (Litestar's test client: no sockets, the whole ASGI app), of
(a) a document page with 50 statements, (b) the same page with one statement's panel
open (walk, flags, appearances): a relayed quote that a few later stories repeat, (c)
that panel alone (what the page's script fetches), (d) the page with the panel of the
statement with the most appearances (a much-repeated synthetic quote), (e) the
search page for the quote of (b), and (f) the page of (b) for an editor signed in at
/login (the session looked up, the review forms drawn) against the same JSON calls with
the editor's Bearer key; each next to the JSON API calls that carry the same data,
measured in the same run, interleaved. Prints p50, p99 and the ratio page / JSON.

The corpus is synthetic (tracker.synthetic, extracted as pasted stories; its template
quotes recur by the hundred); the 50-statement story is made of pseudo-word quotes that
only the bench's later "echo" stories repeat. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import logging
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _pg import bench_database
from litestar.testing import TestClient

from api.app import create_app
from tracker.access.actor import Actor
from tracker.config import LOOPBACK_HOSTS, Settings
from tracker.service import TrackerService
from tracker.store.inputs import DocumentIn
from tracker.synthetic import PEOPLE, STATE, WIRES, generate

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


SYLLABLES = ("ba", "ke", "mi", "to", "ra", "nu", "si", "lo", "pa", "de", "gu", "ha")


def _quote(rng: random.Random) -> str:
    """Nine pseudo-words: a quote no other story carries unless the bench repeats it."""
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(9)
    )


def _paragraph(rng: random.Random, i: int, quote: str) -> str:
    name, role, _ = PEOPLE[i % len(PEOPLE)]
    if i % 3 == 0:
        wire, state = WIRES[i % len(WIRES)], STATE[i % len(STATE)]
        return (
            f'Berdasarkan laporan {wire} yang mengutip {state}, {name} menyatakan bahwa "{quote}".'
        )
    return f'"{quote.capitalize()}," kata {role} {name}.'


def big_document(service: TrackerService, statements: int, echoes: int) -> int:
    """A story of ``statements`` statements (relays and direct quotes of their own words,
    plus two paragraphs of the synthetic corpus's much-repeated ones), then ``echoes``
    later stories that repeat a few of its quotes with a word changed."""
    from tracker.extract import extract

    rng = random.Random(5)
    paragraphs = next(generate(1, seed=11, paragraphs=(6, 6))).text.split("\n")[:2]
    quotes: list[str] = []
    for i in range(statements * 2):
        quote = _quote(rng)
        candidate = [*paragraphs, _paragraph(rng, i, quote)]
        found = len(extract("\n".join(candidate), language="id").statements)
        if found > statements:
            continue  # a relay adds two statements: the next paragraph may add one
        paragraphs = candidate
        quotes.append(quote)
        if found == statements:
            break
    stored = service.create_document(
        DocumentIn(
            text="\n".join(paragraphs),
            language="id",
            title="Fifty statements",
            outlet="Bench Daily",
            published_at=datetime(2026, 6, 1, tzinfo=UTC),
        )
    )
    for n in range(echoes):
        picked = rng.sample(quotes, k=min(8, len(quotes)))
        lines = []
        for quote in picked:
            words = quote.split()
            words[rng.randrange(len(words))] = "ubah"
            lines.append(
                f'Berdasarkan laporan Antara, {PEOPLE[n][0]} menyatakan "{" ".join(words)}".'
            )
        service.create_document(
            DocumentIn(
                text="\n".join(lines),
                language="id",
                outlet=f"Echo {n}",
                published_at=datetime(2026, 6, 2 + n, tzinfo=UTC),
            )
        )
    return stored.document.id


def get(
    client: TestClient[Any],
    path: str,
    params: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Fetch:
    def fetch() -> None:
        response = client.get(path, params=params, headers=headers)
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


TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def sign_in(client: TestClient[Any], key: str) -> None:
    """Sign the client in at /login as a browser does (the form token off the page)."""
    found = TOKEN_RE.search(client.get("/login").text)
    assert found is not None
    response = client.post("/login", data={"key": key, "csrf_token": found.group(1)})
    if "Signed in as" not in response.text:
        raise SystemExit("the bench's editor could not sign in")


def p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=300, help="synthetic corpus size")
    parser.add_argument("--statements", type=int, default=50, help="statements of the page")
    parser.add_argument("--echoes", type=int, default=6, help="later stories repeating quotes")
    parser.add_argument("--rounds", type=int, default=150)
    parser.add_argument("--database-url", help="an empty PostgreSQL to fill (default: embedded)")
    args = parser.parse_args()
    with bench_database(args.database_url) as url:
        # the test client's Host, beside loopback (TRACKER_ALLOWED_HOSTS)
        settings = Settings(database_url=url, allowed_hosts=(*LOOPBACK_HOSTS, "testserver.local"))
        service = TrackerService(settings)
        started = time.perf_counter()
        fill(service, args.documents)
        document_id = big_document(service, args.statements, args.echoes)
        document = service.get_document(document_id)
        seen = {s.id: len(service.appearances(s.id).items) for s in document.statements}
        relays = [s for s in document.statements if len(s.chain) > 1 and seen[s.id] > 1]
        typical = min(relays or document.statements, key=lambda s: (abs(seen[s.id] - 3), s.id))
        heaviest = max(document.statements, key=lambda s: (seen[s.id], s.id))
        counts = service.stats()
        print(
            f"corpus: {counts['documents']} documents, {counts['statements']} statements "
            f"(filled in {time.perf_counter() - started:.0f} s); page: {len(document.statements)}"
            f" statements, appearances per statement: median "
            f"{statistics.median(seen.values()):.0f}; typical panel: statement {typical.id}, a "
            f"relay of {len(typical.chain)} with {seen[typical.id]} appearances; heaviest: "
            f"statement {heaviest.id} with {seen[heaviest.id]}"
        )
        editor_key = service.create_key(Actor("bench"), "bench-editor", "editor").key
        with (
            TestClient(app=create_app(settings)) as client,
            TestClient(app=create_app(settings)) as editor,
        ):
            # Litestar sets the root logger to INFO: httpx would log every request here.
            logging.getLogger("httpx").setLevel(logging.WARNING)
            did = document_id
            sign_in(editor, editor_key)
            shown = editor.get(f"/documents/{did}", params={"statement": typical.id}).text
            if "Review this statement" not in shown:
                raise SystemExit("the editor's page has no review forms")
            bearer = {"Authorization": f"Bearer {editor_key}"}

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
                (panel_case("typical", typical.id), args.rounds),
                (
                    (
                        "typical panel alone",
                        get(client, f"/documents/{did}/statements/{typical.id}/panel"),
                        "chain + appearances",
                        both(
                            get(client, f"/api/v1/statements/{typical.id}/chain"),
                            get(client, f"/api/v1/statements/{typical.id}/appearances"),
                        ),
                    ),
                    args.rounds,
                ),
                (panel_case("heaviest", heaviest.id), max(20, args.rounds // 3)),
                (
                    (
                        "search page",
                        get(client, "/search", {"quote": typical.text}),
                        "GET /provenance",
                        get(client, "/api/v1/provenance", {"quote": typical.text}),
                    ),
                    args.rounds,
                ),
                (
                    (
                        "editor: page + typical",
                        get(editor, f"/documents/{did}", {"statement": typical.id}),
                        "the same three, Bearer key",
                        both(
                            get(client, f"/api/v1/documents/{did}", headers=bearer),
                            get(client, f"/api/v1/statements/{typical.id}/chain", headers=bearer),
                            get(
                                client,
                                f"/api/v1/statements/{typical.id}/appearances",
                                headers=bearer,
                            ),
                        ),
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
