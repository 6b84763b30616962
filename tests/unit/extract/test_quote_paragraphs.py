"""A quotation over several paragraphs: one direct statement per paragraph, one speaker."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name
from tracker.extract import extract
from tracker.extract.quote_paragraphs import paragraph_bounds

LONG_QUOTE = (
    "The mayor spoke for an hour.\n\n"
    '"The first part of the plan is the bridge.\n\n'
    '"The second part is the school on the hill.\n\n'
    '"And the last part is the park," Ana Ruiz said.'
)


def test_each_paragraph_is_a_statement_of_the_same_speaker() -> None:
    direct = [s for s in extract(LONG_QUOTE, "en").statements if s.kind == "direct"]
    assert [s.text for s in direct] == [
        '"The first part of the plan is the bridge.',
        '"The second part is the school on the hill.',
        '"And the last part is the park,"',
    ]
    assert {speaker_name(s) for s in direct} == {"Ana Ruiz"}
    assert len({tuple(h.source.name for h in s.chain) for s in direct}) == 1


def test_lead_in_colon_gives_every_paragraph_its_speaker() -> None:
    text = (
        "Ana Ruiz told the council:\n\n"
        "\u201cWe have waited long enough for this road.\n\n"
        "\u201cNow we will build it.\u201d"
    )
    direct = [s for s in extract(text, "en").statements if s.kind == "direct"]
    assert len(direct) == 2
    assert {speaker_name(s) for s in direct} == {"Ana Ruiz"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"One.\n\n"Two.\n"Three."', ['"One.', '"Two.', '"Three."']),
        # a line break with no mark after it is no new paragraph of the quote
        ('"One line\nwrapped on."', ['"One line\nwrapped on."']),
        ("\u201cOne.\n\n\u201cTwo.\u201d", ["\u201cOne.", "\u201cTwo.\u201d"]),
        ('"No break at all."', ['"No break at all."']),
    ],
)
def test_paragraph_bounds(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in paragraph_bounds(text, 0, len(text))] == expected
