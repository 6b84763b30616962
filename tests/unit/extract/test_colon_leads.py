"""A colon lead-in that names a medium ('He told state radio:') hands it to the quote on the
next line (texts written for these tests)."""

from __future__ import annotations

import pytest

from tracker.extract import extract

OPENER_EN = "Prime Minister Ahmad Rahim returned home on Sunday.\n"
OPENER_ID = "Perdana Menteri Budi Santoso tiba di Jakarta pada Minggu.\n"
QUOTE_EN = '\n"We will never accept the plan. The sea is ours."'
QUOTE_ID = '\n"Kami tidak akan menerima rencana itu."'


@pytest.mark.parametrize(
    ("text", "language", "chain"),
    [
        (f"{OPENER_EN}He told state radio:{QUOTE_EN}", "en", ["state radio", "Ahmad Rahim"]),
        (
            f"{OPENER_EN}He was in a defiant mood, telling the daily Harian Pagi:{QUOTE_EN}",
            "en",
            ["Harian Pagi", "Ahmad Rahim"],
        ),
        (
            f"{OPENER_ID}Ia mengatakan kepada harian Kompas:{QUOTE_ID}",
            "id",
            ["Kompas", "Budi Santoso"],
        ),
    ],
)
def test_the_quote_after_the_lead_in_was_said_to_the_medium(
    text: str, language: str, chain: list[str]
) -> None:
    statement = extract(text, language).statements[-1]
    assert [h.source.name for h in statement.chain] == chain


@pytest.mark.parametrize(
    ("text", "language", "chain"),
    [
        # an audience is no medium; a lead-in with no colon hands nothing on
        (f"{OPENER_EN}He told reporters:{QUOTE_EN}", "en", ["Ahmad Rahim"]),
        (f"{OPENER_ID}Ia mengatakan kepada wartawan:{QUOTE_ID}", "id", ["Budi Santoso"]),
        (f"{OPENER_EN}He spoke to state radio on Sunday.{QUOTE_EN}", "en", ["Ahmad Rahim"]),
    ],
)
def test_no_medium_no_hop(text: str, language: str, chain: list[str]) -> None:
    statement = extract(text, language).statements[-1]
    assert [h.source.name for h in statement.chain] == chain
