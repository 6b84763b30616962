"""Horizontal bar charts laid out for SVG: the corpus's most-cited sources at a glance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.reports.corpus import SourceCount

LABEL_WIDTH = 200
BAR_SPACE = 320
BAR_HEIGHT = 22
BAR_GAP = 8
VALUE_WIDTH = 48
CHART_BARS = 10


@dataclass(frozen=True, slots=True)
class Bar:
    """One source's bar: where it sits, how long it is, what it says."""

    y: float
    width: float
    label: str
    value: int
    source_id: int
    state_media: bool

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT / 2 + 5


@dataclass(frozen=True, slots=True)
class BarChart:
    """Bars with the canvas size and where the bars start."""

    bars: list[Bar]
    width: float
    height: float
    bar_x: float = LABEL_WIDTH
    bar_height: float = BAR_HEIGHT

    @property
    def value_x(self) -> float:
        return self.bar_x + BAR_SPACE + 6


def statements_chart(counts: list[SourceCount], limit: int = CHART_BARS) -> BarChart:
    """The first ``limit`` sources as bars scaled to the largest statement count."""
    shown = counts[:limit]
    top = max((c.statements for c in shown), default=0) or 1
    bars = [
        Bar(
            y=i * (BAR_HEIGHT + BAR_GAP),
            width=max(2.0, BAR_SPACE * c.statements / top),
            label=c.source.name if len(c.source.name) <= 26 else c.source.name[:25] + "…",
            value=c.statements,
            source_id=c.source.id,
            state_media=c.source.state_media,
        )
        for i, c in enumerate(shown)
    ]
    height = max(1, len(bars)) * (BAR_HEIGHT + BAR_GAP)
    return BarChart(bars=bars, width=LABEL_WIDTH + BAR_SPACE + VALUE_WIDTH, height=height)
