"""The desk's colours keep WCAG AA contrast (4.5:1 for text) for every text on a fill."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[3] / "api" / "static" / "desk.css"
TEXT_ON_FILL = [
    ("--ink", "--paper"),
    ("--muted", "--paper"),
    ("--muted", "--wash"),
    ("--link", "--paper"),
    ("--link", "--info-bg"),
    ("--link", "--direct"),
    ("--warn-ink", "--warn-bg"),
    ("--warn-ink", "--paper"),
    ("--ok-ink", "--ok-bg"),
    ("--info-ink", "--info-bg"),
    ("--ink", "--direct"),
    ("--ink", "--indirect"),
    ("--ink", "--mixed"),
    ("--ink", "--partial"),
    ("--ink", "--prov-entity"),
    ("--ink", "--prov-agent"),
    ("--state", "--paper"),
]
"""(text, background) pairs the pages draw; white on --ink, --link and --warn-ink (the
buttons) is checked too."""


def colours() -> dict[str, str]:
    root = re.search(r":root\s*{([^}]*)}", CSS.read_text(encoding="utf-8"))
    assert root is not None
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})", root.group(1)))


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("text", "fill"), TEXT_ON_FILL)
def test_text_on_its_fill_meets_aa(text: str, fill: str) -> None:
    found = colours()
    assert contrast(found[text], found[fill]) >= 4.5, (text, fill)


@pytest.mark.parametrize("fill", ["--ink", "--link", "--warn-ink"])
def test_white_text_on_dark_fills_meets_aa(fill: str) -> None:
    assert contrast("#ffffff", colours()[fill]) >= 4.5


def test_the_check_can_fail() -> None:
    assert contrast("#777777", "#ffffff") < 4.5
