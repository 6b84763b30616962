"""An acronym in brackets right before the comma that closes a speaker's apposition is no
part of the subject: "Ramon Diaz, secretary of the Harbour Commission (HCGG), said" is
Diaz's statement, not the acronym's; a date in brackets is read as before ("Budi, di
Jayapura, Jumat (25/9/2020), mengatakan"). Wire tickers are blanked before the sieves read
the text (`reading.blank_tickers`); the ticker case guards that."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _speakers(text: str, language: str) -> list[str | None]:
    return [
        s.speaker.name if s.speaker else None
        for s in extract(text, language).statements
        if s.kind != "partial"
    ]


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            "Ramon Diaz, secretary of the Harbour Commission on Good Governance (HCGG), said the"
            " north pier would close in May.",
            "en",
            "Ramon Diaz",
        ),
        (
            "Senator Ana Lopez (D-Ohio), said the north pier would close in May.",
            "en",
            "Ana Lopez",
        ),
        (
            "Acme Ports NV <ACME.AS>, said the north pier would close in May.",
            "en",
            "Acme Ports NV",
        ),
        (
            "Budi Santoso, Kepala Dinas Perhubungan Kota Ambon (Dishub), mengatakan dermaga utara"
            " akan ditutup pada Mei.",
            "id",
            "Budi Santoso",
        ),
        (
            "Budi Santoso, di Ambon, Jumat (25/9/2020), mengatakan dermaga utara akan ditutup"
            " pada Mei.",
            "id",
            "Budi Santoso",
        ),
    ],
)
def test_a_bracketed_aside_before_the_comma_is_no_subject(
    text: str, language: str, speaker: str
) -> None:
    assert _speakers(text, language) == [speaker]
