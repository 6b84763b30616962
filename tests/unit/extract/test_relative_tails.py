"""'"…," said Ana Lopez, who noted that …': the relative after the attribution is hers too."""

from __future__ import annotations

import pytest

from tracker.extract import extract

from .helpers import speaker_name


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            '"The port is dying," said Ana Lopez, who noted that traffic fell by half.',
            "traffic fell by half",
        ),
        (
            '"The port is dying," said Ana Lopez, the harbor master, who conceded that the'
            " levy would rise.",
            "the levy would rise",
        ),
        (
            '"The port is dying," Ana Lopez said, who acknowledged the levy was too high.',
            "the levy was too high",
        ),
    ],
)
def test_the_relative_is_the_quote_speakers(text: str, content: str) -> None:
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text == content and s.rule == "relative_tail"]
    assert found, statements
    assert speaker_name(found[0]) == "Ana Lopez"


@pytest.mark.parametrize(
    "text",
    [
        # no speech verb of its own
        '"The port is dying," said Ana Lopez, who supports the new levy.',
        # a speech verb with an object, no claim
        '"The port is dying," said Ana Lopez, who writes about shipping for the Tribune.',
        # no relative on the speaker: another clause
        '"The port is dying," said Ana Lopez, and the mayor noted that traffic fell.',
    ],
)
def test_no_relative_tail_without_a_claim_on_the_speaker(text: str) -> None:
    rules = [s.rule for s in extract(text, "en").statements]
    assert "relative_tail" not in rules
