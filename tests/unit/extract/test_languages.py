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


def test_undecided_opening_reads_on() -> None:
    """A long opening with no clear vote (a list of names and figures, one English "the")
    must not decide the language: the vote reads on into the Indonesian body."""
    opening = "the " + "Jakarta 2026: Budi Santoso, Rina Wijaya, 120.000, 45 % · " * 40
    body = "Menteri itu mengatakan bahwa harga beras akan turun dan stok cukup. " * 10
    assert len(opening) > 2_000  # longer than the first sample
    assert detect_language(opening + body) == "id"


def test_clear_opening_settles_the_vote() -> None:
    """A clear lead in the opening is enough: what follows the first sample is not read."""
    english = "The minister said that the price of rice will fall and that the stock is safe. "
    indonesian = "Menteri itu mengatakan bahwa harga beras akan turun dan stok aman. " * 400
    assert detect_language(english * 30 + indonesian) == "en"
    assert detect_language(english + indonesian) == "id"
