"""Language detection and the language argument."""

from __future__ import annotations

import pytest

from tracker.extract import detect_language, extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menteri itu mengatakan bahwa harga beras akan turun dalam waktu dekat.", "id"),
        ("The minister said that rice prices would fall in the near future.", "en"),
        ("", "id"),
        ("12345 !!!", "id"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_unknown_language_raises_value_error() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        extract("text", language="fr")


def test_auto_picks_language() -> None:
    assert extract("The mayor said that the bridge is safe.").language == "en"
    assert extract("Wali kota mengatakan bahwa jembatan itu aman.").language == "id"
