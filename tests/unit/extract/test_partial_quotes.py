"""Partial and scare quotes: a short quote belongs to the statement around it, or to nobody."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def test_scare_quote_in_outlet_analysis_is_not_a_statement() -> None:
    text = "Kota itu kini disebut sebagai ‘ibu kota kuliner’ oleh banyak wisatawan."
    assert extract(text, "id").statements == ()


@pytest.mark.parametrize(
    ("text", "language", "partial", "speaker"),
    [
        (
            "Menteri Arif Budiman menyatakan bahwa kerja sama itu ‘sangat strategis’"
            " bagi kedua negara.",
            "id",
            "‘sangat strategis’",
            "Arif Budiman",
        ),
        (
            "Mayor Lisa Chen said the plan was “a disaster waiting to happen” for the city.",
            "en",
            "“a disaster waiting to happen”",
            "Lisa Chen",
        ),
    ],
)
def test_partial_quote_belongs_to_statement(
    text: str, language: str, partial: str, speaker: str
) -> None:
    ex = extract(text, language)
    kinds = {s.kind: s for s in ex.statements}
    assert set(kinds) == {"mixed", "partial"}
    assert kinds["partial"].text == partial
    assert kinds["partial"].speaker == kinds["mixed"].speaker
    assert kinds["partial"].chain == kinds["mixed"].chain
    assert kinds["mixed"].speaker is not None and kinds["mixed"].speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("“We will win this,” Lopez said, calling the plan a “disaster.”", "“disaster.”"),
        ('Lopez said on Monday that the bill is a "mess."', '"mess."'),
        ('He called the plan a "disaster" yesterday.', '"disaster"'),
    ],
)
def test_scare_quote_after_a_cue_is_not_resumed(text: str, scare: str) -> None:
    sts = extract(text, "en").statements
    assert not [s for s in sts if s.text == scare and s.kind == "direct"], sts


def test_weak_cue_with_short_object_and_quote() -> None:
    statements = extract("Jeb Lane called the senator “unhinged.”", "en").statements
    found = [s for s in statements if s.kind == "mixed"]
    assert [s.text for s in found] == ["the senator “unhinged.”"], statements
