"""One PostgreSQL and a Citus cluster, written alike, answer every read alike.

The same stories (written for this test) go through the same service actions (ingest,
linking, re-extraction, review actions) on a plain database and on a distributed one;
then every read the API, the CLI and the desk offer is compared: walks (cross-document,
circular, truncated, with rejected statements shown or not), appearances, lookups,
document and corpus reports in every format, source pages, the audit trail, lists and
the desk's pages. Where the layouts differ in how they ask (one query or a query per
document, one recursive reach or a level at a time), the answers must not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import text

from api.app import create_app
from tests.citus.conftest import DatabaseFactory
from tests.conftest import TEST_HOSTS
from tests.keys import TEST_ACTOR
from tracker.config import Settings
from tracker.db import make_engine, transaction
from tracker.service import TrackerService
from tracker.store.inputs import DocumentIn, HopIn, SourceIn, StatementIn
from tracker.store.layout import is_citus

pytestmark = pytest.mark.citus

QUOTE = "The new bridge over the river will open to traffic in June"
EDITED = "The new bridge over the river will open to traffic in July"

STORIES = [
    # (text, outlet, published day, extract?)
    (
        f'Minister Ana Ruiz said on Monday: "{QUOTE}." She spoke at the site.',
        "Reuters",
        1,
        True,
    ),
    (
        f'According to Reuters, Minister Ana Ruiz said "{QUOTE}." Traffic police agreed.',
        "Antara",
        2,
        True,
    ),
    (
        f'Citing Antara, the paper said Ana Ruiz told reporters "{EDITED}."',
        "Kompas",
        3,
        True,
    ),
    (
        'KCNA reported that Kim Jong Un said "Our friendship with Russia cannot be broken."',
        "Yonhap",
        4,
        True,
    ),
    (
        'A senior official, who asked not to be named, said "Talks will resume next week."',
        "Tempo",
        5,
        True,
    ),
]
"""Relays of one quote across three outlets (one of them edits it), a state-media chain,
and an anonymous source."""


def _chain_story(words: str, chain: list[HopIn]) -> DocumentIn:
    body = f'The statement read: "{words}." It was published on the wire.'
    start = body.index(words)
    statement = StatementIn(
        start=start,
        end=start + len(words),
        kind="direct",
        speaker=chain[-1].source,
        chain=tuple(chain),
    )
    return DocumentIn(text=body, language="en", statements=(statement,), outlet="Bernama")


def _write(service: TrackerService) -> dict[str, int]:
    """The same actions, in the same order, on either layout; the ids they made."""
    ids: dict[str, int] = {}
    for n, (body, outlet, day, extract) in enumerate(STORIES):
        stored = service.create_document(
            DocumentIn(
                text=body,
                language="en",
                outlet=outlet,
                url=f"https://news.example/{n}",
                published_at=datetime(2026, 10, day, 8, tzinfo=UTC),
            ),
            extract=extract,
        )
        ids[f"story{n}"] = stored.document.id
    # a chain deeper than the walk's bound, and two documents linked into each other
    deep = [HopIn(SourceIn(f"Relay {i}", "news_outlet"), "citing") for i in range(36)]
    deep.append(HopIn(SourceIn("Dr Sari Utami", "person")))
    ids["deep"] = service.create_document(
        _chain_story("Rates stay where they are", deep)
    ).document.id
    first = service.create_document(
        _chain_story(
            "Ships left the port at dawn",
            [HopIn(SourceIn("Harbour Office", "government_body"), "citing")],
        )
    )
    second = service.create_document(
        _chain_story(
            "Ships left the port at dawn today",
            [
                HopIn(
                    SourceIn("Port Gazette", "news_outlet"),
                    "citing",
                    upstream_statement_id=first.document.statements[0].id,
                )
            ],
        )
    )
    ids["first"], ids["second"] = first.document.id, second.document.id
    # review actions: a link that closes a cycle, a rejected statement, a merge
    service.set_upstream(
        TEST_ACTOR, first.document.statements[0].chain[0].id, second.document.statements[0].id
    )
    service.link(None)
    service.reextract([ids["story0"], ids["story3"]])  # statements deleted and made again
    relayed = service.get_document(ids["story2"]).statements[0]
    service.review_statement(TEST_ACTOR, relayed.id, "reject")
    harbour = service.search_sources(q="harbour office").items[0]
    port = service.search_sources(q="port gazette").items[0]
    service.merge_sources(TEST_ACTOR, port.id, harbour.id)
    return ids


def _stable(value: Any) -> str:
    """JSON of a read, without the times a write stamps (they differ between databases)."""
    text_ = json.dumps(value, default=str, sort_keys=True)
    return re.sub(r'"(ingested_at|created_at|reviewed_at)": "[^"]*"', r'"\1": "-"', text_)


def _reads(service: TrackerService) -> dict[str, str]:
    """Every read, each as stable JSON (or text), keyed by what was asked."""
    out: dict[str, str] = {"stats": _stable(service.stats())}
    documents = service.list_documents(limit=100).items
    out["documents"] = _stable([asdict(d) for d in documents])
    for doc in documents:
        out[f"report {doc.id}"] = _stable(service.document_report(doc.id).to_dict())
        for fmt in ("md", "csv", "html", "prov-json", "jsonld"):
            out[f"export {doc.id} {fmt}"] = service.export_document(doc.id, fmt).content
        detail = service.get_document(doc.id)
        out[f"document {doc.id}"] = _stable(asdict(detail))
        for st in detail.statements:
            out[f"walk {st.id}"] = _stable(service.walk(st.id).to_dict())
            shown = service.walk(st.id, include_rejected=True)
            out[f"walk {st.id} with rejected"] = _stable(shown.to_dict())
            out[f"walk {st.id} depth 3"] = _stable(service.walk(st.id, 3).to_dict())
            out[f"appearances {st.id}"] = _stable(asdict(service.appearances(st.id)))
            out[f"provenance {st.id}"] = _stable(
                [asdict(i) for i in service.provenance(st.text, language="en")]
            )
    sources = service.search_sources(limit=200).items
    out["sources"] = _stable([asdict(s) for s in sources])
    for source in sources:
        out[f"profile {source.id}"] = _stable(asdict(service.source_profile(source.id)))
    out["search jong"] = _stable([asdict(s) for s in service.search_sources(q="ana r").items])
    out["corpus"] = _stable(asdict(service.corpus_overview()))
    out["audit"] = re.sub(
        r'"at": "[^"]*"', '"at": "-"', _stable([asdict(a) for a in service.audit(limit=100).items])
    )
    return out


def _pages(settings: Settings, reads: dict[str, str]) -> dict[str, str]:
    """The desk's pages for every document, statement panel and source."""
    paths = ["/", "/corpus", f"/search?quote={QUOTE}"]
    for key in reads:
        kind, _, rest = key.partition(" ")
        if kind == "document":
            paths.append(f"/documents/{rest}")
        elif kind == "profile":
            paths.append(f"/sources/{rest}")
    with TestClient(app=create_app(settings)) as client:
        service: TrackerService = client.app.state.service
        for doc in service.list_documents(limit=100).items:
            for st in service.get_document(doc.id).statements:
                paths.append(f"/documents/{doc.id}?statement={st.id}")
        pages = {}
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            pages[path] = response.text
    return pages


def _placements(settings: Settings) -> dict[int, int]:
    """Each statement's document: on Citus as the lookup by statement id has it (and it
    must hold every statement, no more), on one PostgreSQL from the statements."""
    engine = make_engine(settings.database_url or "")
    try:
        with engine.connect() as conn:
            statements = dict(conn.execute(text("SELECT id, document_id FROM statement")).all())
            if not is_citus_url(conn):
                return statements
            placed = conn.execute(text("SELECT statement_id, document_id FROM statement_document"))
            lookup = dict(placed.all())
    finally:
        engine.dispose()
    assert lookup == statements
    return lookup


def is_citus_url(conn: Any) -> bool:
    return conn.execute(text("SELECT to_regclass('statement_document') IS NOT NULL")).scalar_one()


@pytest.fixture(scope="module")
def citus_url(citus_database: DatabaseFactory) -> str:
    return citus_database("head")


@pytest.fixture
def both(db_url: str, citus_url: str) -> Iterator[tuple[Settings, Settings]]:
    yield (
        Settings(database_url=db_url, allowed_hosts=TEST_HOSTS),
        Settings(database_url=citus_url, allowed_hosts=TEST_HOSTS),
    )


def test_every_read_is_the_same_on_one_node_and_on_the_cluster(
    both: tuple[Settings, Settings],
) -> None:
    answers = []
    for settings in both:
        service = TrackerService(settings)
        try:
            ids = _write(service)
            reads = _reads(service)
            with transaction(service.sessions) as session:
                layout = is_citus(session)
        finally:
            service.close()
        answers.append((layout, ids, reads, _pages(settings, reads)))
    (plain, plain_ids, plain_reads, plain_pages), (citus, citus_ids, citus_reads, citus_pages) = (
        answers
    )
    assert (plain, citus) == (False, True)
    assert plain_ids == citus_ids
    assert plain_reads.keys() == citus_reads.keys()
    differing = [k for k in plain_reads if plain_reads[k] != citus_reads[k]]
    assert differing == [], {
        k: _first_difference(plain_reads[k], citus_reads[k]) for k in differing
    }
    assert [k for k in plain_pages if plain_pages[k] != citus_pages[k]] == []
    # the comparison covers what the layouts do differently
    walks = [json.loads(v) for k, v in plain_reads.items() if k.startswith("walk ")]
    flags = {f for w in walks for f in w["flags"]}
    assert {"circular", "truncated", "complete", "state_media_origin", "anonymous"} <= flags
    assert any(len({h["document_id"] for h in w["hops"]}) > 1 for w in walks)
    assert _placements(both[1]) == _placements(both[0])
    corpus = json.loads(plain_reads["corpus"])
    assert corpus["sources"]["state_media_chains"] and corpus["shares"]["statements"] > 0


def _first_difference(a: str, b: str) -> tuple[str, str]:
    """The two texts from a little before where they part."""
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return a[max(0, at - 120) : at + 200], b[max(0, at - 120) : at + 200]
