"""A sentence that opens "According to X," is X's even when X is no known source
(sieves.according_leads)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import with_text
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The boats left at dawn. According to the book and the film, the guards "
            "loaded the boats and set off at once.",
            "the guards loaded the boats and set off at once",
            "the book and the film",
        ),
        (
            "According to the officer in charge of the harbour that night, the story in "
            "the film is untrue.",
            "the story in the film is untrue",
            "the officer in charge of the harbour that night",
        ),
        (
            "But according to reports circulating in the valley, the miller could not "
            "pay his debts.",
            "the miller could not pay his debts",
            "reports circulating in the valley",
        ),
    ],
)
def test_opening_according_phrase_names_the_source(text: str, content: str, speaker: str) -> None:
    st = with_text(extract(text, "en").statements, content)
    assert st.rule == "according_lead"
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "According to the book and the film, yes.",  # too short a clause for a statement
        'According to her "payback" plan, firms must repay every grant.',  # a quote in it
        "The ferry runs according to the timetable, which changed in May.",  # not opening
        "Sadly according to the timetable, the ferry runs late.",  # no opener of the list
    ],
)
def test_no_according_lead_otherwise(text: str) -> None:
    assert not [s for s in extract(text, "en").statements if s.rule == "according_lead"]


def test_opening_menurut_with_a_long_title_is_the_named_person() -> None:
    text = (
        "Hujan turun sejak pagi. Menurut Kepala Dinas Perikanan Kabupaten Sumba dr Made "
        "Wira, hasil tangkapan nelayan turun tajam tahun ini."
    )
    st = with_text(extract(text, "id").statements, "hasil tangkapan nelayan turun tajam tahun ini")
    assert st.rule == "according_lead"
    assert st.speaker is not None and st.speaker.name == "Made Wira"


def test_no_menurut_lead_with_a_one_word_clause() -> None:
    text = "Menurut Kepala Dinas Perikanan Kabupaten Sumba dr Made Wira, tidak."
    assert not [s for s in extract(text, "id").statements if s.rule == "according_lead"]
