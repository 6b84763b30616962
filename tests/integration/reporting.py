"""Documents for the report and export tests: short texts written for the tests, chains by hand."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from tracker.db import transaction
from tracker.store.inputs import DocumentIn, HopIn, SourceIn, StatementIn
from tracker.store.writer import StoreResult, store_document

KIM = SourceIn("Kim", "person")
YONHAP = SourceIn("Yonhap", "news_outlet")
KCNA = SourceIn("KCNA", "news_outlet", state_media=True)
ANTARA = SourceIn("Antara", "news_outlet")

SMALL_TEXT = (
    'Yonhap, citing KCNA, reported: "The ties are invincible," Kim said. '
    "An official who asked not to be named said the talks had stalled. "
    "Minister Lee said exports would grow. "
    "Someone claimed prices would fall."
)


def _statement(text: str, words: str, kind: str, chain: list[HopIn]) -> StatementIn:
    start = text.index(words)
    return StatementIn(
        start=start, end=start + len(words), kind=kind, speaker=chain[-1].source, chain=tuple(chain)
    )


def store(factory: sessionmaker[Session], doc: DocumentIn) -> StoreResult:
    with transaction(factory) as session:
        return store_document(session, doc, origin="manual")


def small_document(factory: sessionmaker[Session]) -> StoreResult:
    """Four statements: named via state media, anonymous, named first-hand, unknown."""
    t = SMALL_TEXT
    statements = (
        _statement(
            t,
            "The ties are invincible",
            "direct",
            [HopIn(YONHAP, "reported_by"), HopIn(KCNA, "citing"), HopIn(KIM)],
        ),
        _statement(
            t, "the talks had stalled", "indirect", [HopIn(SourceIn("an official", "anonymous"))]
        ),
        _statement(t, "exports would grow", "indirect", [HopIn(SourceIn("Lee", "person"))]),
        _statement(t, "prices would fall", "indirect", [HopIn(SourceIn("Someone", "unknown"))]),
    )
    return store(
        factory,
        DocumentIn(
            text=t,
            language="en",
            title="Ties & talks <today>",
            url="https://news.example/ties",
            outlet="Daily Example",
            published_at=datetime(2026, 10, 9, tzinfo=UTC),
            statements=statements,
        ),
    )


def kcna_document(factory: sessionmaker[Session]) -> StoreResult:
    """A second statement ending at Kim, relayed by KCNA."""
    t = 'KCNA reported: "We will win," Kim said.'
    chain = [HopIn(KCNA, "reported_by"), HopIn(KIM)]
    return store(
        factory,
        DocumentIn(
            text=t, language="en", statements=(_statement(t, "We will win", "direct", chain),)
        ),
    )


def linked_pair(factory: sessionmaker[Session]) -> tuple[StoreResult, StoreResult]:
    """An early Antara story quoting Kim via KCNA, and a later one citing Antara by link."""
    early_text = 'KCNA said Kim told officials: "Our friendship is unbreakable."'
    early = store(
        factory,
        DocumentIn(
            text=early_text,
            language="en",
            outlet="Antara",
            url="https://antara.example/1",
            published_at=datetime(2026, 10, 6, tzinfo=UTC),
            statements=(
                _statement(
                    early_text,
                    "Our friendship is unbreakable.",
                    "direct",
                    [HopIn(KCNA, "reported_by"), HopIn(KIM)],
                ),
            ),
        ),
    )
    upstream = early.document.statements[0].id
    later_text = 'Antara reported that Kim said: "Our friendship is unbreakable."'
    later = store(
        factory,
        DocumentIn(
            text=later_text,
            language="en",
            outlet="Metro Example",
            published_at=datetime(2026, 10, 7, tzinfo=UTC),
            statements=(
                StatementIn(
                    start=later_text.index("Our"),
                    end=later_text.index("Our") + len("Our friendship is unbreakable."),
                    kind="direct",
                    speaker=KIM,
                    chain=(HopIn(ANTARA, "reported_by", upstream_statement_id=upstream),),
                ),
            ),
        ),
    )
    return early, later
