"""Statements whose speaker comes after the content or the cue: parenthetical
attributions with short heads, "…, X told <outlet> in an interview.", and an aside after an
inverted speaker. Texts written for tracker."""

from __future__ import annotations

import pytest

from tracker.extract import extract


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
    ("text", "content", "chain"),
    [
        (
            "The mayor could back a clean energy plan, but only if it pays, Sen. Dana Ruiz"
            " (R-Ohio) told The Daily Ledger in an interview.",
            "The mayor could back a clean energy plan, but only if it pays",
            [("Daily Ledger", "news_outlet", "told"), ("Dana Ruiz", "person", "said")],
        ),
        (
            "The port deal is dead, Gov. Amir Haddad told the Valley Herald on Tuesday.",
            "The port deal is dead",
            [("Valley Herald", "news_outlet", "told"), ("Amir Haddad", "person", "said")],
        ),
        (
            "The levy is too steep, Dana Ruiz told the committee in a hearing on the bill.",
            "The levy is too steep",
            [("Dana Ruiz", "person", "said")],
        ),
    ],
)
def test_told_audience_after_the_content(
    text: str, content: str, chain: list[tuple[str, str, str]]
) -> None:
    st = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert [s.text for s in st] == [content]
    assert [(h.source.name, h.source.kind, h.relation) for h in st[0].chain] == chain


def test_aside_after_inverted_speaker() -> None:
    text = (
        "However noble the aim, using the sales tax ''is a poor approach,'' said Mr. Lamb"
        " (a view shared by others)."
    )
    st = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert len(st) == 1
    assert st[0].text.startswith("However noble the aim")
    assert st[0].speaker is not None and st[0].speaker.name == "Lamb"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Holding that district is squarely within the governor's reach, said a handful of"
            " Democrats who point to his ties with labor.",
            "Holding that district is squarely within the governor's reach",
            "a handful of Democrats",
        ),
        (
            "The firm lobbied for the hotel group on taxes in Ohio and Texas, said lobbyist and"
            " strategist Carl Bloom, Lane's former partner.",
            "The firm lobbied for the hotel group on taxes in Ohio and Texas",
            "Carl Bloom",
        ),
        (
            "The new ferry will run twice a day, said two aides to the governor.",
            "The new ferry will run twice a day",
            "two aides to the governor",
        ),
    ],
)
def test_inverted_speaker_opening_lower_case(text: str, content: str, speaker: str) -> None:
    assert _spans(text) == [(content, speaker)]


def test_no_inverted_group_after_a_verb_taking_an_object() -> None:
    got = _spans("The governor lost the primary, but in Iowa, he, too, feels a payoff coming.")
    assert all(name != "a payoff coming" for _, name in got)


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
