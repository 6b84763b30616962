"""'The Planning Unit (EPU) of the Finance Ministry said …': the unit speaks, not the ministry."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        (
            "Prices will fall, the Economic Planning Unit (EPU) of the Finance Ministry said.",
            "en",
            "Prices will fall",
            "Economic Planning Unit",
        ),
        (
            "The Economic Planning Unit (EPU) of the Finance Ministry said prices will fall.",
            "en",
            "prices will fall",
            "Economic Planning Unit",
        ),
        (
            "Unit Perencanaan Ekonomi (UPE) dari Kementerian Keuangan mengatakan harga akan turun.",
            "id",
            "harga akan turun",
            "Unit Perencanaan Ekonomi",
        ),
        # a parenthesis that is no abbreviation stays out of the name
        (
            "Prices will fall, the Planning Unit (in Kuala Lumpur) said.",
            "en",
            "Prices will fall",
            None,
        ),
    ],
)
def test_an_abbreviation_inside_the_subject(
    text: str, language: str, content: str, speaker: str | None
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    if speaker is None:
        assert st.speaker is None or "(" not in st.speaker.name
    else:
        assert st.speaker is not None and st.speaker.name == speaker
