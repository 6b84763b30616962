"""Person descriptions ("the campaign manager", "presiden tersebut") stand for the person a
title or an apposition named before; a name in commas right after a description is the
speaker (texts written for these tests)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import chain_of, speaker_name
from tracker.extract import extract


def _speaker_of(text: str, language: str, needle: str) -> str | None:
    found = [s for s in extract(text, language).statements if needle in s.text]
    assert found, text
    return speaker_name(found[0])


@pytest.mark.parametrize(
    ("text", "language", "needle", "speaker"),
    [
        (  # the title right before the name
            "Donors blamed campaign manager Tom Reyes for the slump. Asked about it on"
            " Sunday, the campaign manager said the team would change nothing.",
            "en",
            "the team would change nothing",
            "Tom Reyes",
        ),
        (  # a clipped title: "Sen." for "senator"
            "Sen. Ada Brook opened the hearing on Monday. Later the Ohio senator said the"
            " bill had enough votes.",
            "en",
            "the bill had enough votes",
            "Ada Brook",
        ),
        (  # an apposition after the name holds the role
            "Dana Cole, the city's fire chief, toured the site. “Two buildings were lost,”"
            " the fire chief said.",
            "en",
            "Two buildings were lost",
            "Dana Cole",
        ),
        (  # modifiers the first mention lacked
            "President Lena Marsh opened the summit. “We came to listen,” the two-term"
            " president said.",
            "en",
            "We came to listen",
            "Lena Marsh",
        ),
        (
            "Presiden Rudi Hartono meresmikan jembatan itu pada Senin. “Jembatan ini untuk"
            " warga,” ujar presiden tersebut.",
            "id",
            "Jembatan ini untuk",
            "Rudi Hartono",
        ),
    ],
)
def test_description_is_the_person_named_before(
    text: str, language: str, needle: str, speaker: str
) -> None:
    assert _speaker_of(text, language, needle) == speaker


@pytest.mark.parametrize(
    ("text", "language", "needle", "speaker"),
    [
        (  # another office: a vice president is no "the president"
            "Vice President Ian Holt visited the plant. The president said the plant would"
            " stay open.",
            "en",
            "the plant would stay open",
            "The president",
        ),
        (  # another state's governor
            "Florida Gov. Ian Holt spoke first. Then the Ohio governor said the deal was dead.",
            "en",
            "the deal was dead",
            "the Ohio governor",
        ),
        (  # a former office holder is no "the mayor"
            "Former Mayor Ian Holt spoke first. The mayor said the budget was balanced.",
            "en",
            "the budget was balanced",
            "The mayor",
        ),
        (
            "Wakil Presiden Rudi Hartono meninjau pabrik itu. “Pabrik ini tetap buka,” kata"
            " presiden tersebut.",
            "id",
            "Pabrik ini tetap buka",
            "presiden tersebut",
        ),
    ],
)
def test_description_of_another_office_stays_unnamed(
    text: str, language: str, needle: str, speaker: str
) -> None:
    assert _speaker_of(text, language, needle) == speaker


def test_described_person_keeps_the_relay() -> None:
    text = (
        "Donors blamed campaign manager Tom Reyes for the slump. “I will call you back,”"
        " the campaign manager told the AP."
    )
    assert chain_of(extract(text, "en").statements, "call you back") == [
        "Associated Press",
        "Tom Reyes",
    ]


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        (
            "“We will build schools, not roads,” the city spokesman, Maria Lopez, told reporters.",
            "en",
            "city spokesman",
        ),
        (
            "“Kami akan membangun sekolah,” juru bicara kota, Maria Lopez, menjelaskan.",
            "id",
            "juru bicara kota",
        ),
    ],
)
def test_name_in_commas_after_a_description_speaks(text: str, language: str, role: str) -> None:
    statement = extract(text, language).statements[0]
    assert speaker_name(statement) == "Maria Lopez"
    assert statement.speaker is not None and role in (statement.speaker.role or "")
