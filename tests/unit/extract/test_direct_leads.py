"""Who leads into a direct quote when the clause before it is long or opens with an adverbial."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import speaker_name, with_text
from tracker.extract import extract

# A participle lead-in ("…, saying,", "… before saying,") in a clause that opens with a
# short adverbial: the subject after the opener speaks the quote.
OPENER_LEADS = [
    (
        'After the storm, Mayor Rosa Diaz toured the harbor, saying, "We will rebuild the pier."',
        '"We will rebuild the pier."',
        "Rosa Diaz",
    ),
    (
        "On Friday, Tom Lee dodged several questions about the budget before saying,"
        ' "The council will vote when it is ready."',
        '"The council will vote when it is ready."',
        "Tom Lee",
    ),
    (
        "During the hearing, Ana Ruiz pressed the agency for answers, adding,"
        " “Nobody has told the families anything.”",
        "“Nobody has told the families anything.”",
        "Ana Ruiz",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), OPENER_LEADS)
def test_participle_lead_after_an_opener(text: str, quote: str, speaker: str) -> None:
    stmt = with_text(extract(text, "en").statements, quote)
    assert stmt.kind == "direct"
    assert speaker_name(stmt) == speaker
