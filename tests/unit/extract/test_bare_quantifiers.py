"""'Salah satu prinsip … . "…," katanya.': a bare quantifier subject is nobody "katanya" means."""

from __future__ import annotations

import pytest

from tracker.extract import extract

QUOTE_ID = '"Tanpa itu, pesisir bisa rusak,"'
QUOTE_EN = '"Without it, the coast suffers,"'


@pytest.mark.parametrize(
    ("text", "language", "quote", "speaker"),
    [
        # the quantifier's noun is no person: the pronoun means who spoke before
        (
            "Direktur Lembaga Riset Pangan Budi Hartono menilai, prinsip pencegahan penting."
            " Salah satu prinsip pencegahan yang dihilangkan adalah izin lingkungan."
            f" {QUOTE_ID} katanya.",
            "id",
            QUOTE_ID,
            "Budi Hartono",
        ),
        (
            "Director Budi Hartono said the principle matters. One of the principles removed"
            f" is the permit. {QUOTE_EN} he said.",
            "en",
            QUOTE_EN,
            "Budi Hartono",
        ),
        # a quantifier over people stays whom the pronoun may mean
        (
            "Direktur Lembaga Riset Pangan Budi Hartono menilai, prinsip pencegahan penting."
            f" Salah satu warga yang hadir adalah petani. {QUOTE_ID} katanya.",
            "id",
            QUOTE_ID,
            "Salah satu warga",
        ),
        (
            "Director Budi Hartono said the principle matters. One of the officials arrived"
            f" later. {QUOTE_EN} he said.",
            "en",
            QUOTE_EN,
            "One of the officials",
        ),
    ],
)
def test_a_bare_quantifier_is_no_antecedent(
    text: str, language: str, quote: str, speaker: str
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == quote]
    assert st.speaker is not None and st.speaker.name == speaker
