"""Concurrent single-document writes (as API handler threads make them) never duplicate."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import text
from sqlalchemy.engine import Engine

from tracker.config import Settings
from tracker.service import TrackerService
from tracker.store.inputs import DocumentIn, SourceIn, StatementIn

NAMES = ["Ana Ruiz", "Budi Santoso", "Reuters", "Antara", "Maria Lopez", "Kang Dae Sik"]


def _doc(i: int) -> DocumentIn:
    text_ = f"Story {i}: the ministers spoke about water prices in district {i}."
    order = NAMES[i % len(NAMES) :] + NAMES[: i % len(NAMES)]
    if i % 2:
        order.reverse()
    statements = tuple(
        StatementIn(
            start=0,
            end=len(text_),
            kind="indirect",
            speaker=SourceIn(name, "news_outlet" if name in ("Reuters", "Antara") else "person"),
        )
        for name in order
    )
    return DocumentIn(text=text_, language="en", statements=statements)


def test_parallel_posts_share_sources(settings: Settings, engine: Engine) -> None:
    service = TrackerService(settings, engine=engine)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda i: service.create_document(_doc(i)), range(24)))
    assert all(r.created for r in results)
    with engine.connect() as conn:
        sources = conn.execute(
            text("SELECT count(*), count(DISTINCT (normalized_name, kind)) FROM source")
        ).one()
        statements = conn.execute(text("SELECT count(*) FROM statement")).scalar_one()
    assert sources[0] == sources[1] == len(NAMES)
    assert statements == 24 * len(NAMES)
