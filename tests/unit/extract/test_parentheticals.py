"""Content around its attribution ("The bridge, Mr. Osei said, could …") and leads before it."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import extract

# (text, the contents around "…, X said, …", speaker name)
SPLIT_CASES = [
    # a short lead that is the subject of the clause resuming after the attribution
    (
        "The bridge, Mr. Osei said, could carry twice the traffic.",
        ["The bridge", "could carry twice the traffic"],
        "Osei",
    ),
    # a one-word lead is no statement alone
    (
        "Potholes, the mayor often says, are cheaper to prevent than to fix.",
        ["are cheaper to prevent than to fix"],
        "the mayor",
    ),
    # a short tail after the attribution
    (
        "The ticket price, the mayor says, would be $12.",
        ["The ticket price", "would be $12"],
        "the mayor",
    ),
    # adjuncts of the attribution before the comma
    (
        "The bigger problem, he told me on Tuesday, is that nobody reads the manual.",
        ["The bigger problem", "is that nobody reads the manual"],
        None,
    ),
    (
        "The north district grew 4 percent, the bureau said in its annual survey, and the"
        " south district shrank 2 percent.",
        ["The north district grew 4 percent", "the south district shrank 2 percent"],
        "the bureau",
    ),
    # an adverbial lead stays out, as before
    ("Still, she said, the dam will hold.", ["the dam will hold"], None),
    # a common-noun subject between the commas: an unnamed group speaks
    (
        "Most weekdays, former employees said, she stayed at the office past midnight.",
        ["she stayed at the office past midnight"],
        "former employees",
    ),
    (
        "The three biggest worries of the town, residents said, are rents, jobs and roads.",
        ["The three biggest worries of the town", "are rents, jobs and roads"],
        "residents",
    ),
]


@pytest.mark.parametrize(("text", "contents", "speaker"), SPLIT_CASES)
def test_content_around_attribution(text: str, contents: list[str], speaker: str | None) -> None:
    statements = [s for s in extract(text, "en").statements if s.kind == "indirect"]
    assert [s.text for s in statements] == contents
    if speaker is not None:
        assert {speaker_name(s) for s in statements} == {speaker}


def test_object_of_a_cue_is_no_adjunct() -> None:
    """ "compared the fee to a tollbooth, which …": an object before the comma, no tail."""
    text = "Mr. Ruiz compared the fee to a tollbooth, which few drivers notice, in an interview."
    contents = [s.text for s in extract(text, "en").statements]
    assert not any(c.startswith("which few drivers notice") for c in contents)


def _spans(text: str) -> list[tuple[str, str | None]]:
    ex = extract(text, "en")
    return [
        (s.text, s.speaker.name if s.speaker else None)
        for s in ex.statements
        if s.kind != "partial"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Climate change, Mr. Lane often says, is the greatest threat we face.",
            [("Climate change", "Lane"), ("is the greatest threat we face", "Lane")],
        ),
        # a one-word or adverbial lead reports no claim of its own: only the rest is kept
        (
            "CNN, Ruiz said, called the race too early.",
            [("called the race too early", "Ruiz")],
        ),
        (
            "Too often, Ms. Okafor said, the budget fight is about the wrong things.",
            [("the budget fight is about the wrong things", "Okafor")],
        ),
        (
            "The verdict, the senator said then, was final and could not be appealed.",
            [("The verdict", None), ("was final and could not be appealed", None)],
        ),
        (
            # a connector links to the sentence before: no part of the claim
            "And perhaps, Mr. Obi said, the bridge will open by spring.",
            [("the bridge will open by spring", "Obi")],
        ),
        (
            "But, Carla Mendes added, she would not back the fuel tax.",
            [("she would not back the fuel tax", "Carla Mendes")],
        ),
        (
            # a long head keeps its tail after "said Friday,"
            "The new plan for the harbor, the mayor said Friday, will cut costs for families.",
            [
                ("The new plan for the harbor", None),
                ("will cut costs for families", None),
            ],
        ),
    ],
)
def test_parenthetical_attribution_keeps_both_parts(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    got = _spans(text)
    assert [t for t, _ in got] == [t for t, _ in expected]
    for (_, name), (_, want) in zip(got, expected, strict=True):
        if want is not None:
            assert name == want


@pytest.mark.parametrize(
    "text",
    [
        "In Paris, Lee said the talks would resume.",
        "So, Lee said, the talks have gone well.",
    ],
)
def test_adverbial_or_connector_lead_is_no_head(text: str) -> None:
    assert [t for t, _ in _spans(text)] == [
        "the talks would resume" if "Paris" in text else "the talks have gone well"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # an object after the cue: what follows its comma is no resumed content
        "Before the vote, Mr. Diallo compared the bill to a tax, which angered many.",
        "As costs rise, the city has pledged to cut its budget, reversing years of growth.",
    ],
)
def test_no_tail_after_an_object(text: str) -> None:
    got = [t for t, _ in _spans(text)]
    assert not any(t.startswith(("which angered", "reversing")) for t in got)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("As Hedrick-Moss reported in his book, the mayor left early.", "Hedrick-Moss"),
        ("As the Daily Ledger reported, the mayor left early.", "Daily Ledger"),
        ("As many analysts believe, the mayor left early.", None),
    ],
)
def test_as_clause_adjunct_is_no_content(text: str, speaker: str | None) -> None:
    got = _spans(text)
    assert [t for t, _ in got] == ["the mayor left early"]
    if speaker is not None:
        assert got[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "At the time, Lane called Mr. Ode, a former trucker, an outstanding leader.",
            "Mr. Ode, a former trucker, an outstanding leader",
            "Lane",
        ),
        (
            "In his Sunday interviews, Lopez again criticized the news media for its coverage.",
            "the news media for its coverage",
            "Lopez",
        ),
    ],
)
def test_adverbial_lead_before_an_object_taking_cue(text: str, content: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    st = with_text(statements, content)
    assert st.speaker is not None and st.speaker.name == speaker
    lead = text.split(",")[0]
    assert not [s for s in statements if s.text == lead]


def test_lead_clause_before_said_is_still_content() -> None:
    text = "In his state, Lane said, taxes have fallen for three years."
    texts = [s.text for s in extract(text, "en").statements]
    assert "In his state" in texts


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        (
            "Late last month, the company wrote a detailed, six-page letter to the college, "
            "calling the reports misleading.",
            "Late last month",
        ),
        (
            "Kicking off the day at a town hall in Salem, Lane accused Ruiz, the senator from "
            "Ohio, of lying.",
            "Kicking off the day at a town hall in Salem",
        ),
    ],
)
def test_lead_before_a_cue_with_an_object_is_no_content(text: str, lead: str) -> None:
    """ "…, X wrote a detailed, six-page letter": the words before the comma after the cue
    are its object, not adjuncts closing a parenthetical attribution, so the lead before
    the subject (a time, a participle clause) is never what X said."""
    assert all(s.text != lead for s in extract(text, "en").statements)
