"""A source phrase closed by when the document came out ("released Sunday", "yang dikutip
Minggu") or by its title in quote marks still opens the clause it relays (texts written for
these tests)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import chain_of
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "needle", "chain"),
    [
        (
            "According to data from the Harbor Institute released Sunday, prices rose 2 percent.",
            "en",
            "prices rose",
            ["the Harbor Institute"],
        ),
        (
            "Based on Harbor Institute data released on Sunday, prices rose 2 percent.",
            "en",
            "prices rose",
            ["Harbor Institute"],
        ),
        (
            "Berdasarkan data Badan Pusat Statistik yang dikutip Minggu, jumlah penduduk miskin"
            " naik 2 persen.",
            "id",
            "jumlah penduduk miskin",
            ["Badan Pusat Statistik"],
        ),
        (
            "Berdasarkan data Badan Pusat Statistik (BPS) yang dikutip Minggu (26/7/2020),"
            " jumlah penduduk miskin naik 2 persen.",
            "id",
            "jumlah penduduk miskin",
            ["Badan Pusat Statistik"],
        ),
        (
            "Mengacu pada data Bank Dunia ”Membangun Kelas Menengah”, ada 20 juta orang yang"
            " rentan miskin.",
            "id",
            "ada 20 juta orang",
            ["Bank Dunia"],
        ),
        (
            "Menurut laporan Bank Dunia bertajuk ”Membangun Kelas Menengah”, ada 20 juta orang"
            " yang rentan miskin.",
            "id",
            "ada 20 juta orang",
            ["Bank Dunia"],
        ),
        (
            "According to a Harbor Institute report titled “Building the Middle”, 20 million"
            " people are at risk.",
            "en",
            "20 million people",
            ["Harbor Institute"],
        ),
    ],
)
def test_source_closed_by_its_release(
    text: str, language: str, needle: str, chain: list[str]
) -> None:
    assert chain_of(extract(text, language).statements, needle) == chain


def test_a_clause_after_the_participle_is_no_access_clause() -> None:
    # "released" and then a verb phrase of its own: not a time the writer read it
    text = "According to data from the Harbor Institute released to calm investors, prices rose."
    statements = extract(text, "en").statements
    assert all("calm investors, prices" not in s.text for s in statements)
    assert all(s.text != "prices rose" for s in statements)
