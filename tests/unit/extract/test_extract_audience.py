""" "X told Y …": Y is the audience (or, for an outlet, the medium hop), never the speaker
and never part of what was said. All texts are written for these tests."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "content", "chain"),
    [
        (
            "Lane told reporters it is clear that the bill will pass.",
            "it is clear that the bill will pass",
            ["Lane"],
        ),
        ("Lopez told him the plan was dead.", "the plan was dead", ["Lopez"]),
        ("Lopez told a Senate panel Wednesday the plan was dead.", "the plan was dead", ["Lopez"]),
        (
            "Lopez told the Associated Press the bill would pass.",
            "the bill would pass",
            ["Associated Press", "Lopez"],
        ),
        ("Kim told CNN on Sunday the talks had failed.", "the talks had failed", ["CNN", "Kim"]),
        ("Lopez told lawmakers on Tuesday that the deal was done.", "the deal was done", ["Lopez"]),
    ],
)
def test_the_audience_is_not_content(text: str, content: str, chain: list[str]) -> None:
    [statement] = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert statement.text == content
    assert [hop.source.name for hop in statement.chain] == chain


def test_an_unclear_audience_keeps_the_content_whole() -> None:
    """ "told reporters prices would rise": no clause opener after "reporters", so the
    extractor does not guess where the audience ends."""
    [statement] = extract("Lopez told reporters prices would rise.", "en").statements
    assert statement.text.endswith("prices would rise")
    assert statement.speaker is not None and statement.speaker.name == "Lopez"


def test_the_audience_after_a_long_subject_is_never_the_speaker() -> None:
    text = (
        "Lane, 56, who has served on the committee for a decade, told reporters it is clear "
        "that the bill will pass."
    )
    speakers = {s.speaker.name for s in extract(text, "en").statements if s.speaker}
    assert "reporters" not in speakers
