"""A poll's share or an unnamed document as the subject, "according to" the pollster at
the end: the pollster found the whole clause (texts written for these tests)."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "opening", "chain"),
    [
        (
            "Some 55 percent of voters said they do not trust the mayor, according to a Blue"
            " Harbor poll conducted in May.",
            "en",
            "Some 55 percent of voters said",
            ["Blue Harbor"],
        ),
        (
            "Polls show that voters like the mayor, with 56 percent rating him well, according"
            " to a Blue Harbor poll in May.",
            "en",
            "Polls show that",
            ["Blue Harbor"],
        ),
        # lower-case words before a document noun name its topic, not its author
        (
            "In fact, campaign finance records show the $2 million the mayor raised from"
            " developers is the most of any candidate, according to the Center for Civic Data.",
            "en",
            "campaign finance records show",
            ["the Center for Civic Data"],
        ),
        # the clause ends in a quote whose closing mark shuts the comma in
        (
            "Some 55 percent of voters said they do not believe the mayor ''cares about"
            " people like me,'' according to a Blue Harbor poll conducted in May.",
            "en",
            "Some 55 percent of voters said",
            ["Blue Harbor"],
        ),
        (
            'Some 55 percent of voters said the mayor "does not listen to us," according to'
            " a Blue Harbor poll conducted in May.",
            "en",
            "Some 55 percent of voters said",
            ["Blue Harbor"],
        ),
        (
            "Sebanyak 55 persen warga mengatakan wali kota “tidak mendengar warga,” menurut"
            " survei Lembaga Nusantara.",
            "id",
            "Sebanyak 55 persen warga mengatakan",
            ["Lembaga Nusantara"],
        ),
        (
            "Sebanyak 55 persen warga mengatakan mereka tidak percaya pada wali kota, menurut"
            " survei Lembaga Nusantara.",
            "id",
            "Sebanyak 55 persen warga mengatakan",
            ["Lembaga Nusantara"],
        ),
    ],
)
def test_pollster_found_the_whole_clause(
    text: str, language: str, opening: str, chain: list[str]
) -> None:
    statement = extract(text, language).statements[0]
    assert statement.text.startswith(opening)
    assert [h.source.name for h in statement.chain] == chain


def test_a_person_according_to_is_no_pollster() -> None:
    text = "Some 55 percent of voters said they do not trust the mayor, according to John Smith."
    statement = extract(text, "en").statements[0]
    assert statement.text == "they do not trust the mayor"
    assert [h.source.name for h in statement.chain] == ["John Smith", "Some 55 percent of voters"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            'Mayor Lena Park met the governor "to discuss the flood response," according to a'
            " city hall readout.",
            "en",
        ),
        (
            "Wali Kota Budi Santoso bertemu gubernur “untuk membahas penanganan banjir,” menurut"
            " seorang pejabat balai kota.",
            "id",
        ),
    ],
)
def test_according_to_after_a_closing_quote_is_one_hop(text: str, language: str) -> None:
    """The marker opens a clause after the quote's comma; it is read once, as the
    speaker, not again as a relay of the same phrase."""
    statement = extract(text, language).statements[0]
    assert len(statement.chain) == 1
    assert statement.speaker is not None
    assert statement.chain[0].source.key == statement.speaker.key
