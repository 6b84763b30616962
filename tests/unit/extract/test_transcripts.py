"""Quoted transcripts, "Name: claim" lines, and the block quote after a lead-in colon."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import Statement, extract

TRANSCRIPT = (
    "The mayor spoke to a radio host on Sunday. A partial transcript:\n\n"
    '"HOST: Good morning. Will the new bridge open on time this year?\n\n'
    '"MAYOR: Yes, it will. The steel arrived last week and the crews are working nights.\n\n'
    '"But we still need the state to release the last payment.\n\n'
    '"HOST: And if it does not?\n\n'
    '"MAYOR: Then we will borrow the money for a few months."'
)


def _speaker(statements: tuple[Statement, ...], content: str) -> str | None:
    found = [s for s in statements if s.text == content]
    assert found, statements
    return found[0].speaker.name if found[0].speaker is not None else None


@pytest.mark.parametrize(
    ("content", "speaker"),
    [
        ("Good morning. Will the new bridge open on time this year", "HOST"),
        ("Yes, it will. The steel arrived last week and the crews are working nights", "MAYOR"),
        ("But we still need the state to release the last payment", "MAYOR"),
        ("And if it does not", "HOST"),
        ("Then we will borrow the money for a few months", "MAYOR"),
    ],
)
def test_quoted_transcript_is_one_statement_per_turn_paragraph(content: str, speaker: str) -> None:
    assert _speaker(extract(TRANSCRIPT, "en").statements, content) == speaker


def test_one_label_in_a_quote_is_no_transcript() -> None:
    text = 'Lopez said: "We met twice.\n\n"NOTE: the second meeting was short, nothing signed."'
    statements = extract(text, "en").statements
    assert all(s.cue != ":" for s in statements), statements


LINE_CASES = [
    (
        "Ana Wirawan: Harga beras akan turun bulan depan\n\nPasar ramai pagi ini.",
        "id",
        "Harga beras akan turun bulan depan",
        "Ana Wirawan",
    ),
    (
        "Mayor Lin: The new bridge will open before winter\n\nTraffic was light.",
        "en",
        "The new bridge will open before winter",
        "Lin",
    ),
    (
        "Story opens here.\nCOUNCILLOR REED: We have waited three years for this road.",
        "en",
        "We have waited three years for this road",
        "REED",
    ),
    (
        "Survey: Most residents back the new park plan\nMore below.",
        "en",
        "Most residents back the new park plan",
        "Survey",
    ),
]


NOT_LINE_CASES = [
    ("Update: The council met again on Monday night to vote.", "en"),
    ("Baca juga: Harga cabai naik di pasar induk kota.", "id"),
    ("The Latest: Storm moves east across the three valleys\n", "en"),
    ("Lin: Yes\n", "en"),  # too short to be a claim
    ("The plan has one goal: Lower prices for every family in town.", "en"),  # not a line start
]


@pytest.mark.parametrize(("text", "lang", "content", "speaker"), LINE_CASES)
def test_line_speaker(text: str, lang: str, content: str, speaker: str) -> None:
    ex = extract(text, lang)
    found = [s for s in ex.statements if s.text == content]
    assert found, ex.statements
    st = found[0]
    assert st.kind == "indirect"
    assert st.cue == ":"
    assert st.speaker is not None
    assert speaker in st.speaker.name
    assert text[st.start : st.end] == content


@pytest.mark.parametrize(("text", "lang"), NOT_LINE_CASES)
def test_not_line_speaker(text: str, lang: str) -> None:
    assert not [s for s in extract(text, lang).statements if s.cue == ":"]


def test_lead_in_colon_takes_the_next_paragraph() -> None:
    body = (
        "The town has waited two years for this road. We will not wait two more, and she knows it."
    )
    text = "The mayor added:\n\n" + body + "\n\nThe meeting ended at noon."
    sts = extract(text, "en").statements
    st = with_text(sts, body.rstrip("."))
    assert (st.kind, speaker_name(st)) == ("indirect", "The mayor")
    assert len(sts) == 1, sts  # the block's own words ("she knows it") are the mayor's


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz said the areas include:\n\nRoad safety: the city will add lights to every school "
        "crossing in the north.",
        "One fan tweeted:\n\n<tweet>Great night for the home team, see you all next week.</tweet>",
        "The mayor read out a list:\n\nThe park opens at noon and closes at dusk on every day of "
        "the week.",
        "The report points out some figures:\n\nThe city spent more on roads this year than in "
        "the last ten years together.",
        "Ruiz wrote:\n\nThanks to all.",
        "Ruiz added:\n\n1. The park opens at noon and closes at dusk on every day of the week.",
    ],
)
def test_lead_in_colon_without_a_prose_block(text: str) -> None:
    sts = extract(text, "en").statements
    assert not [s for s in sts if s.start > text.index("\n")], sts
