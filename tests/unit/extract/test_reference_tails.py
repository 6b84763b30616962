"""A reference phrase after a quote's attribution ('"…," Lee said, referring to the audit')
is that speaker's statement (sieves.reference_tails)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import with_text
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            '"The bridge was the biggest job in the county," Lee Park said, referring to '
            "the rail crossing over the river.",
            "the rail crossing over the river",
            "Lee Park",
        ),
        (
            '"It hurt us," said Ana Ruiz, a farmer from the valley, likely referring to the '
            "drought of last summer.",
            "the drought of last summer",
            "Ana Ruiz",
        ),
        (
            '"That was a mistake," Omar Haddad said on Tuesday, alluding to the sale of the '
            "old mill.",
            "the sale of the old mill",
            "Omar Haddad",
        ),
    ],
)
def test_reference_after_attribution_is_the_speakers(text: str, content: str, speaker: str) -> None:
    st = with_text(extract(text, "en").statements, content)
    assert st.rule == "reference_tail"
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    [
        '"We won," Lee Park said, referring to Ruiz.',  # a bare name, nothing said of it
        '"We won," Lee Park said; the clerk was referring to the vote count.',  # no comma
        '"We won," Lee Park said, smiling and waving, then clearly referring to the count.',
        '"We won," Lee Park said, pointing to the door of the hall.',  # a gesture
    ],
)
def test_no_reference_tail_otherwise(text: str) -> None:
    assert not [s for s in extract(text, "en").statements if s.rule == "reference_tail"]
