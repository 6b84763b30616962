"""'Wu Lin, Minister of Agriculture, Fisheries and Forestry, said': the minister speaks."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        # the last segment of a portfolio list is no name
        (
            "Wu Lin, Minister of Agriculture, Animal Husbandry and Fisheries, said this week"
            " that the price was raised.",
            "en",
            "the price was raised",
            "Wu Lin",
        ),
        (
            "Budi Hartono, Menteri Pertanian, Peternakan dan Perikanan, mengatakan harga gabah"
            " naik.",
            "id",
            "harga gabah naik",
            "Budi Hartono",
        ),
        # a role with no list after it reads as before
        (
            "Ana Ruiz, Minister of Trade, said this week that prices rose.",
            "en",
            "prices rose",
            "Ana Ruiz",
        ),
    ],
)
def test_a_portfolio_list_closes_the_role(
    text: str, language: str, content: str, speaker: str
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    assert st.speaker is not None and st.speaker.name == speaker
