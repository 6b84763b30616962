"""An outlet that reported wrote "the report": the description stands for it, and a monitor
set off after "according to the report" carries the whole broadcast (texts written for these
tests)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import chain_of
from tracker.extract import extract

REPORTED_EN = "The country tested a rocket early today, the official Tass news agency reported."
REPORTED_ID = "Kantor berita Antara melaporkan bahwa gempa terjadi pukul 02.00."


@pytest.mark.parametrize(
    ("text", "language", "needle", "chain"),
    [
        (
            f"{REPORTED_EN}\nAccording to the report, the launch was at dawn.",
            "en",
            "dawn",
            ["TASS"],
        ),
        (f"{REPORTED_EN}\nThe report said the launch was at dawn.", "en", "dawn", ["TASS"]),
        (
            f"{REPORTED_ID}\nLaporan itu juga menyebutkan korban mencapai 20 orang.",
            "id",
            "korban",
            ["Antara"],
        ),
    ],
)
def test_the_report_is_the_reporting_outlets(
    text: str, language: str, needle: str, chain: list[str]
) -> None:
    ex = extract(text, language)
    assert chain_of(ex.statements, needle) == chain
    assert all(s.speaker is not None and s.speaker.kind == "news_outlet" for s in ex.statements)


def test_a_report_nobody_reported_stays_a_document() -> None:
    # no outlet reported before: "the report" is a document of its own, as before
    text = "Finance Minister Ahmad Rahim said the cut would start in May.\nAccording to the"
    text += " report, the launch was at dawn."
    ex = extract(text, "en")
    found = [s for s in ex.statements if "dawn" in s.text]
    assert found and found[0].speaker is not None and found[0].speaker.kind == "document"


@pytest.mark.parametrize(
    ("text", "needle", "chain"),
    [
        # set off after "according to the report": every statement of the outlet
        (
            f"{REPORTED_EN}\nAccording to the report, monitored by the British Broadcasting"
            ' Corporation, the launch was at dawn.\nTass said the rocket had "a new engine."',
            "launch was at dawn",
            ["BBC", "TASS"],
        ),
        (
            f"{REPORTED_EN}\nAccording to the report, monitored by the British Broadcasting"
            ' Corporation, the launch was at dawn.\nTass said the rocket had "a new engine."',
            "tested a rocket",
            ["BBC", "TASS"],
        ),
        (
            "According to the Tass news agency, monitored by the BBC, the launch was at dawn.",
            "dawn",
            ["BBC", "TASS"],
        ),
    ],
)
def test_a_monitor_set_off_after_the_source_is_outermost(
    text: str, needle: str, chain: list[str]
) -> None:
    assert chain_of(extract(text, "en").statements, needle) == chain
