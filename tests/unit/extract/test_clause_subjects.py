"""'On Thursday, however, Lee spoke …, promising …': the participle's subject opens the clause."""

from __future__ import annotations

import pytest

from tracker.extract import extract

from .helpers import speaker_name


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "On Thursday, however, Mayor Ana Lopez spoke to the farmers, promising to lift"
            " the levy.",
            "to lift the levy",
            "Ana Lopez",
        ),
        (
            "And now Governor Tom Reyes has taken on a larger fight, seeking to close the port.",
            "to close the port",
            "Tom Reyes",
        ),
    ],
)
def test_the_subject_past_openers_speaks(text: str, content: str, speaker: str) -> None:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content]
    assert found, statements
    assert speaker in (speaker_name(found[0]) or "")


def test_the_opener_is_no_content() -> None:
    text = "On Thursday, however, Mayor Ana Lopez spoke to the farmers, promising to lift the levy."
    assert all(s.text != "On Thursday, however" for s in extract(text, "en").statements)


@pytest.mark.parametrize(
    "text",
    [
        # no subject that could speak: the participle is no one's statement
        "On Thursday, prices rose again, promising a hard winter.",
        # a common noun the parser does not list is nobody
        "Despite the rain, the harbor flooded, promising a hard winter.",
    ],
)
def test_no_speaker_from_a_clause_without_one(text: str) -> None:
    statements = extract(text, "en").statements
    assert all(s.cue != "promising" for s in statements), statements
