"""The appearance rules: publication order, first appearance, drift, single source."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from tracker.provenance.rules import (
    Appearing,
    another_speaker,
    drift_flags,
    in_publication_order,
    is_single_source,
    publication_order,
    published_later,
)
from tracker.views import SourceBrief

KIM = SourceBrief(1, "Kim Jong Un", "person")
KIM_SHORT = SourceBrief(2, "Kim", "person")
PUTIN = SourceBrief(3, "Vladimir Putin", "person")
OFFICIAL = SourceBrief(4, "an official", "anonymous")
MONDAY = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)


def seen(statement_id: int, document_id: int, **kw: Any) -> Appearing:
    values: dict[str, Any] = {
        "statement_id": statement_id,
        "document_id": document_id,
        "text": "Our friendship is unbreakable",
        "fingerprint": "our friendship is unbreakable",
        "speaker": KIM,
        "published_at": MONDAY,
        "outlet": None,
        "language": "en",
    }
    values.update(kw)
    return Appearing(**values)


def test_oldest_first_unknown_time_last_then_document_then_statement() -> None:
    items = [
        seen(1, 5, published_at=None),
        seen(2, 4, published_at=MONDAY + timedelta(days=1)),
        seen(9, 3),
        seen(3, 3),
        seen(4, 2),
        seen(5, 1, published_at=None),
    ]
    ordered = in_publication_order(items)
    assert [(a.document_id, a.statement_id) for a in ordered] == [
        (2, 4),
        (3, 3),
        (3, 9),
        (4, 2),
        (1, 5),
        (5, 1),
    ]


def test_order_compares_instants_across_time_zones() -> None:
    jakarta = timezone(timedelta(hours=7))
    earlier_in_jakarta = datetime(2026, 10, 5, 14, 0, tzinfo=jakarta)  # 07:00 UTC
    assert publication_order(earlier_in_jakarta, 9) < publication_order(MONDAY, 1)


@pytest.mark.parametrize(
    ("candidate", "citing", "later"),
    [
        (MONDAY + timedelta(hours=1), MONDAY, True),
        (MONDAY, MONDAY, False),
        (MONDAY - timedelta(hours=1), MONDAY, False),
        (None, MONDAY, False),
        (MONDAY, None, False),
    ],
)
def test_published_later(candidate: datetime | None, citing: datetime | None, later: bool) -> None:
    assert published_later(candidate, citing) is later


@pytest.mark.parametrize(
    ("item", "first", "other"),
    [
        (PUTIN, KIM, True),
        (KIM_SHORT, KIM, False),  # a short form of the same name
        (KIM, KIM, False),
        (OFFICIAL, KIM, False),  # an unnamed relay of a named quote
        (KIM, OFFICIAL, False),
        (None, KIM, False),
        (KIM, None, False),
    ],
)
def test_another_speaker(item: SourceBrief | None, first: SourceBrief | None, other: bool) -> None:
    assert another_speaker(item, first) is other


def test_drift_against_the_first_appearance() -> None:
    first = seen(1, 1)
    assert drift_flags(first, first) == set()
    assert drift_flags(seen(2, 2), first) == set()
    reworded = seen(3, 3, fingerprint="our friendship is eternal")
    assert drift_flags(reworded, first) == {"altered"}
    assert drift_flags(seen(4, 4, speaker=PUTIN), first) == {"misattributed"}
    both = seen(5, 5, speaker=PUTIN, fingerprint="x")
    assert drift_flags(both, first) == {"altered", "misattributed"}


def test_single_source_needs_several_documents_and_one_origin() -> None:
    a, b, c = seen(1, 1), seen(2, 2), seen(3, 3)
    assert is_single_source([a, b, c], {1: [7], 2: [7], 3: [7]})
    assert not is_single_source([a], {1: [7]})  # one document confirms nothing
    assert not is_single_source([a, b], {1: [7], 2: [8]})  # two origins
    assert not is_single_source([a, b], {1: [7, 8], 2: [7, 8]})  # not one source
    assert not is_single_source([a, b], {})  # no origin known


def test_single_source_counts_a_documents_last_statement() -> None:
    a, b1, b2 = seen(1, 1), seen(2, 2), seen(3, 2)
    assert is_single_source([a, b1, b2], {1: [7], 2: [8], 3: [7]})
    assert not is_single_source([a, b2, b1], {1: [7], 2: [8], 3: [7]})
