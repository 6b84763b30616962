"""'…," kata pengelola taman RT 8, Kelurahan X, Nama.': places between a role and its name.

The construction is Indonesian: English names the person first ("said Ana Ruiz, who runs
the garden in Riverside"), which the apposition readers already take.
"""

from __future__ import annotations

import pytest

from tracker.extract import extract

QUOTE = '"Gang ini dulu kumuh sekali,"'


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        # one place segment between the role's phrase and the name
        ("kata pengelola taman RT 008, Kelurahan Sukamaju, Siti Aminah.", "Siti Aminah"),
        # two of them
        (
            "kata pakar tata kota Universitas Sukamaju, Kota Bandung, Kecamatan Coblong,"
            " Siti Aminah.",
            "Siti Aminah",
        ),
        # a neighbourhood's numbers ("RT 008 RW 009") are no name
        (
            "kata pengelola Gang Mawar RT 008 RW 009, Kelurahan Sukamaju, Siti Aminah.",
            "Siti Aminah",
        ),
        # no place between: the name right after the role's comma, as before
        ("kata pakar tata kota, Siti Aminah.", "Siti Aminah"),
    ],
)
def test_places_between_role_and_name(attribution: str, speaker: str) -> None:
    text = f"{QUOTE} {attribution} Menurut dia, kebanyakan tanaman adalah jenis toga."
    statements = extract(text, "id").statements
    [quote] = [s for s in statements if s.text == QUOTE]
    assert quote.speaker is not None and quote.speaker.name == speaker
    # "dia" in the next sentence is the same person
    [after] = [s for s in statements if s.text.startswith("kebanyakan tanaman")]
    assert after.speaker is not None and after.speaker.name == speaker


def test_three_places_are_too_many() -> None:
    """Past two place segments the name is no longer read as this speaker's."""
    text = (
        f"{QUOTE} kata pengelola taman RT 008, Kelurahan Sukamaju, Kecamatan Coblong,"
        " Kota Bandung, Siti Aminah."
    )
    [quote] = [s for s in extract(text, "id").statements if s.text == QUOTE]
    assert quote.speaker is None or quote.speaker.name != "Siti Aminah"
