"""Which new statement takes an old one's place on re-extraction."""

from __future__ import annotations

import pytest

from tracker.store.relinking import StatementSpan, replacement

OLD = StatementSpan(1, 100, 200)


@pytest.mark.parametrize(
    ("candidates", "expected"),
    [
        # the same span wins over a larger overlap met first
        ([StatementSpan(7, 90, 210), StatementSpan(8, 100, 200)], 8),
        # else the largest overlap of at least half the longer span
        ([StatementSpan(7, 150, 260), StatementSpan(8, 95, 190)], 8),
        # a span twice as long as the old one, covering it, still takes its place
        ([StatementSpan(9, 100, 300)], 9),
        # a tie goes to the first (lowest id, as the rows come)
        ([StatementSpan(4, 90, 190), StatementSpan(5, 110, 210)], 4),
        # less than half of the longer span shared: nothing replaced it
        ([StatementSpan(7, 160, 300), StatementSpan(8, 0, 140)], None),
        ([StatementSpan(9, 100, 301)], None),
        ([], None),
    ],
)
def test_replacement(candidates: list[StatementSpan], expected: int | None) -> None:
    assert replacement(OLD, candidates) == expected
