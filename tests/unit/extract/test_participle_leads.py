"""'Noting the audit, Lopez rejected the plan.': a participle lead is the main subject's."""

from __future__ import annotations

import pytest

from tracker.extract import extract

from .helpers import speaker_name


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Promising a new pier, Mayor Ana Lopez rejected the harbor budget.",
            "a new pier",
            "Ana Lopez",
        ),
        (
            "After saying the pier was unsafe, Governor Tom Reyes closed the beach.",
            "the pier was unsafe",
            "Tom Reyes",
        ),
        (
            "But in describing the levy as a theft, Senator Maria Ortiz went further.",
            "the levy as a theft",
            "Maria Ortiz",
        ),
    ],
)
def test_the_lead_is_the_main_subjects(text: str, content: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content and s.rule == "participle_lead"]
    assert found, statements
    assert speaker in (speaker_name(found[0]) or "")


@pytest.mark.parametrize(
    "text",
    [
        # no comma closes the lead
        "Promising a new pier the mayor was cheered by the harbor crowd.",
        # the participle is not at the clause's start
        "The council met on Tuesday and the mayor left early promising a new pier, Lopez said.",
        # no named or listed subject after the lead
        "Promising a new pier, prices rose again in March.",
    ],
)
def test_no_lead_statement_without_a_plain_lead_and_subject(text: str) -> None:
    rules = [s.rule for s in extract(text, "en").statements]
    assert "participle_lead" not in rules


def test_the_main_clause_is_still_read() -> None:
    text = "Noting that the pier was unsafe, Mayor Ana Lopez said the harbor budget would be cut."
    statements = extract(text, "en").statements
    assert {s.rule for s in statements} >= {"participle_lead", "reported_speech"}, statements


def test_indonesian_participles_are_left_alone() -> None:
    text = "Mengutip audit itu, Wali Kota Ana Lopez menolak anggaran pelabuhan."
    assert all(s.rule != "participle_lead" for s in extract(text, "id").statements)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Asked about the harbor budget, Mayor Ana Lopez said the port would stay open.",
            "about the harbor budget",
        ),
        (
            "Asked whether the levy, which the council set, would rise, Mayor Ana Lopez"
            " declined to say.",
            "whether the levy, which the council set, would rise",
        ),
    ],
)
def test_what_was_asked_is_the_unnamed_questioners(text: str, content: str) -> None:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content and s.rule == "question_lead"]
    assert found, statements
    assert found[0].speaker is None
    assert any(s.rule != "question_lead" for s in statements), statements


@pytest.mark.parametrize(
    "text",
    [
        # a subject before "asked": the asker is named, another sieve reads it
        "Mayor Ana Lopez asked the council to delay the vote, and the council agreed.",
        # a framing clause before it
        "When asked about the harbor budget, Mayor Ana Lopez said the port would stay open.",
        # no main clause after the lead
        "Asked about the harbor budget, no.",
    ],
)
def test_no_question_lead(text: str) -> None:
    assert all(s.rule != "question_lead" for s in extract(text, "en").statements)
