"""A sentence that is only a subject, "say" and a clause is the subject's statement even
when the subject finders read no subject (sieves.subject_says)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import with_text
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The farm was quiet. Mrs. Ortiz's neighbours say it is only fair that she now "
            "faces a rival.",
            "it is only fair that she now faces a rival",
            "Mrs. Ortiz's neighbours",
        ),
        (
            "Lee and others who want to ban fishing said Monday's ruling will make the "
            "choice clearer.",
            "Monday's ruling will make the choice clearer",
            "Lee and others",
        ),
        (
            "Several people I have spoken with over the last two weeks said Mr. Lee had "
            "called the mayor.",
            "Mr. Lee had called the mayor",
            "Several people I have spoken with over the last two weeks",
        ),
        (
            "Yet many officials on and off the island believe real debt relief is possible "
            "only in court.",
            "real debt relief is possible only in court",
            "many officials on and off the island",
        ),
        (
            "In separate interviews, Mrs. Ortiz's neighbours said the mill had closed in May.",
            "the mill had closed in May",
            "Mrs. Ortiz's neighbours",
        ),
        (
            "Polls there show a wide divide on the issue of the dam.",
            "a wide divide on the issue of the dam",
            "Polls there",
        ),
    ],
)
def test_subject_and_say_make_a_statement(text: str, content: str, speaker: str) -> None:
    st = with_text(extract(text, "en").statements, content)
    assert st.rule == "subject_say"
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The mill owners and the river crews who said no to the dam sold the boats last year.",
        "What the mill owners and the river crews say about the dam is not clear.",
        "The mill owners and the river crews would like to say the dam will hold.",
        "Some of the mill owners and the river crews said yes.",  # no clause after the verb
        "The mill owners and the river crews say a prayer before every trip.",  # an object
        "Mrs. Ortiz's allies fear the storm.",  # an object, too short for a claim
        "Crews there show the visitors around the harbour each day.",  # no document shows
        "Sadly for the town, Mrs. Ortiz's neighbours said the mill had closed.",  # no opener
    ],
)
def test_no_subject_say_otherwise(text: str) -> None:
    assert not [s for s in extract(text, "en").statements if s.rule == "subject_say"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The judge rubbed his chin, and then said the case was very strange.",
            "the case was very strange",
            "The judge",
        ),
        (
            "Ana Ruiz walked along the dock with the crews, and said their boats were never safer.",
            "their boats were never safer",
            "Ana Ruiz",
        ),
    ],
)
def test_coordinated_say_shares_the_opening_subject(text: str, content: str, speaker: str) -> None:
    st = with_text(extract(text, "en").statements, content)
    assert st.rule == "coordinated_say"
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The judge rubbed his chin, and then said nothing.",  # no clause after the verb
        "The judge rubbed his chin, and the clerk said the case was very strange.",
        "The judge rubbed his chin, and then quietly said the case was strange.",  # adverb
    ],
)
def test_no_coordinated_say_otherwise(text: str) -> None:
    assert not [s for s in extract(text, "en").statements if s.rule == "coordinated_say"]
