"""A sentence that opens "In a … poll," reports the poll's finding (sieves.poll_leads)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import with_text
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "lang", "content", "speaker"),
    [
        (
            "In a new Gallup poll released Monday, 40 percent of voters back Lee.",
            "en",
            "40 percent of voters back Lee",
            "Gallup",
        ),
        (
            "In an early-spring Harris survey, most tenants favoured the rent cap.",
            "en",
            "most tenants favoured the rent cap",
            "Harris",
        ),
        (
            "In the latest Quinnipiac poll, conducted in May, Ruiz led Lee by six points.",
            "en",
            "Ruiz led Lee by six points",
            "Quinnipiac",
        ),
        (
            "Dalam survei Litbang Kompas, elektabilitas Anies naik tiga persen.",
            "id",
            "elektabilitas Anies naik tiga persen",
            "Litbang Kompas",
        ),
    ],
)
def test_opening_poll_reports_the_finding(text: str, lang: str, content: str, speaker: str) -> None:
    st = with_text(extract(text, lang).statements, content)
    assert st.rule == "poll_lead"
    assert st.kind == "indirect"
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In the polls, anyway.", "en"),  # no finding after the comma
        ("In the fall of 2019, Lee led in a Gallup poll.", "en"),  # no poll opens it
        ("In his speech on the poll results of the Gallup group, Lee smiled.", "en"),
        ("Lee leads Ruiz in the latest Gallup poll, aides said.", "en"),  # poll not first
        ("Dalam rapat itu, Anies meminta survei diulang.", "id"),
    ],
)
def test_no_poll_lead_without_an_opening_poll(text: str, lang: str) -> None:
    assert not [s for s in extract(text, lang).statements if s.rule == "poll_lead"]


def test_a_sentence_someone_speaks_in_is_left_to_its_speaker() -> None:
    text = "In a new Gallup poll, 40 percent said they back Lee."
    statements = extract(text, "en").statements
    assert statements
    assert not [s for s in statements if s.rule == "poll_lead"]
