"""'Berdasarkan laporan harian oleh X, …' / 'According to a daily report by X, …': X speaks."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        # the report's kind ("harian", "mingguan") between the noun and its author
        (
            "Berdasarkan laporan harian oleh Kepala Dinas Kesehatan Budi Hartono, ada 575 kasus"
            " positif.",
            "id",
            "ada 575 kasus positif",
            "Budi Hartono",
        ),
        (
            "Berdasarkan laporan mingguan dari Badan Pangan, harga beras naik.",
            "id",
            "harga beras naik",
            "Badan Pangan",
        ),
        (
            "According to a daily report by health chief Budi Hartono, there were 575 new cases.",
            "en",
            "there were 575 new cases",
            "Budi Hartono",
        ),
        # the author then is whom "katanya" / "he said" continues
        (
            "Andi Saputra mengatakan harga naik. Berdasarkan laporan harian oleh Kepala Dinas"
            ' Kesehatan Budi Hartono, ada 575 kasus positif. "Sebanyak 80 kasus adalah kasus'
            ' lama," katanya.',
            "id",
            '"Sebanyak 80 kasus adalah kasus lama,"',
            "Budi Hartono",
        ),
    ],
)
def test_a_report_speaks_for_its_author(
    text: str, language: str, content: str, speaker: str
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    assert st.speaker is not None and st.speaker.name == speaker
