"""A source heard through an outlet it spoke to keeps that relay; media named by a medium
noun ("the daily X", "the agency", "in remarks published in X") are hops (texts written for
these tests)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import chain_of
from tracker.extract import extract

OTHER_EN = "Opposition leader Tan Lee said the plan was unfair."
OTHER_ID = "Ketua DPR Joko Susilo mengatakan rencana itu tidak adil."


@pytest.mark.parametrize(
    ("text", "language", "needle", "chain"),
    [
        # told an outlet, then another source, then the same speaker by name or pronoun
        (
            "Finance Minister Ahmad Rahim told the Bernama news agency the cut would start in"
            f" May.\n{OTHER_EN}\nRahim said the savings would go to schools.",
            "en",
            "savings",
            ["Bernama", "Ahmad Rahim"],
        ),
        (
            "The Valley Herald quoted Finance Minister Ahmad Rahim as saying the cut would start"
            f" in May.\n{OTHER_EN}\nRahim said the savings would go to schools.",
            "en",
            "savings",
            ["Valley Herald", "Ahmad Rahim"],
        ),
        (
            "Menteri Keuangan Budi Santoso mengatakan kepada harian Kompas bahwa subsidi akan"
            f" dipangkas.\n{OTHER_ID}\nBudi mengatakan dana itu dialihkan ke sekolah.",
            "id",
            "dialihkan",
            ["Kompas", "Budi Santoso"],
        ),
    ],
)
def test_a_source_heard_through_an_interview_keeps_its_relay(
    text: str, language: str, needle: str, chain: list[str]
) -> None:
    ex = extract(text, language)
    other = ["Tan Lee"] if language == "en" else ["Joko Susilo"]
    assert chain_of(ex.statements, "unfair" if language == "en" else "tidak adil") == other
    assert chain_of(ex.statements, needle) == chain


@pytest.mark.parametrize(
    ("text", "language", "needle", "chain"),
    [
        # a report of one statement, not an interview: the writer may have checked it since
        (
            "The cut will start in May, Finance Minister Ahmad Rahim said, according to the"
            f" Bernama news agency.\n{OTHER_EN}\nRahim said the savings would go to schools.",
            "en",
            "savings",
            ["Ahmad Rahim"],
        ),
        # heard first-hand since (the speaker's own channel): the relay is dropped
        (
            "Finance Minister Ahmad Rahim told the Bernama news agency the cut would start in"
            f" May.\n{OTHER_EN}\nRahim said in a statement that the savings would go to"
            " schools.\nRahim said the plan was final.",
            "en",
            "final",
            ["Ahmad Rahim"],
        ),
        (
            "Menteri Keuangan Budi Santoso mengatakan kepada harian Kompas bahwa subsidi akan"
            f" dipangkas.\n{OTHER_ID}\nBudi mengatakan kepada wartawan bahwa dana itu"
            " dialihkan.\nBudi mengatakan rencana itu final.",
            "id",
            "final",
            ["Budi Santoso"],
        ),
    ],
)
def test_a_source_heard_otherwise_is_first_hand(
    text: str, language: str, needle: str, chain: list[str]
) -> None:
    ex = extract(text, language)
    assert len(ex.statements[0].chain) == 2  # the first statement was relayed
    assert chain_of(ex.statements, needle) == chain


@pytest.mark.parametrize(
    ("text", "language", "chain"),
    [
        # a medium noun before an unlisted masthead
        (
            "Finance Minister Ahmad Rahim told the daily Harian Pagi the cut would start in May.",
            "en",
            ["Harian Pagi", "Ahmad Rahim"],
        ),
        # no "that": the medium phrase ends before the content's determiner
        (
            "Finance Minister Ahmad Rahim told a Tokyo daily the cut would start in May.",
            "en",
            ["a Tokyo daily", "Ahmad Rahim"],
        ),
        (
            "Finance Minister Ahmad Rahim told the radio the cut would start in May.",
            "en",
            ["the radio", "Ahmad Rahim"],
        ),
        # "the agency" after "asked by" is the listed agency named before
        (
            "Rahim backed the plan, the official Saudi Press Agency said.\nAsked by the agency"
            " about the timing, Rahim said the cut would start in May.",
            "en",
            ["Saudi Press Agency", "Rahim"],
        ),
        # remarks or an interview published in an outlet, a possessor before the medium noun
        (
            "Rahim said in remarks published in the emirate's daily Al-Qabas that the cut would"
            " start in May.",
            "en",
            ["Al-Qabas", "Rahim"],
        ),
        (
            "Rahim said in an interview published by the Financial Times that the cut would"
            " start in May.",
            "en",
            ["Financial Times", "Rahim"],
        ),
        (
            "Rahim said in comments to the radio that the cut would start in May.",
            "en",
            ["the radio", "Rahim"],
        ),
        (
            "Menteri Keuangan Budi Santoso dalam wawancara yang dimuat di harian Kompas"
            " mengatakan subsidi akan dipangkas.",
            "id",
            ["Kompas", "Budi Santoso"],
        ),
    ],
)
def test_a_medium_named_by_its_noun_is_a_hop(text: str, language: str, chain: list[str]) -> None:
    ex = extract(text, language)
    assert [h.source.name for h in ex.statements[-1].chain] == chain
    assert ex.statements[-1].chain[0].source.kind == "news_outlet"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # "the agency" with no listed agency before it: a government agency, no medium
        ("Asked by the agency about the timing, Rahim said the cut would start in May.", "en"),
        # a person's possessive is no medium phrase
        ("Rahim told his wife's brother the cut would start in May.", "en"),
    ],
)
def test_no_medium_without_one_named(text: str, language: str) -> None:
    ex = extract(text, language)
    assert [h.source.name for h in ex.statements[-1].chain] == ["Rahim"]
