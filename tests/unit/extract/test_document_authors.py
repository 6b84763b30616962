"""Documents name their authors late: "a survey conducted by X", "according to a new poll.
A X poll found …", "the results" of the last document named (texts written for these
tests)."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import chain_of
from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "needle", "chain"),
    [
        (  # the author after an authoring participle
            "Rates will rise in May, according to a survey conducted by Blue Harbor Analytics.",
            "en",
            "Rates will rise",
            ["Blue Harbor Analytics"],
        ),
        (  # documents in the plural, with their author after a participle
            "Jones leads Smith by three points, according to the average of recent polls"
            " compiled by Blue Harbor.",
            "en",
            "Jones leads Smith",
            ["Blue Harbor"],
        ),
        (  # a complement between the noun and its participle; the author relays the quote
            "“We came to listen,” Lena Marsh will say, according to excerpts of her speech"
            " released by the White House.",
            "en",
            "We came to listen",
            ["the White House", "Lena Marsh"],
        ),
        (  # an unnamed poll named in the next sentence
            "Jones leads the race, according to a new poll. A Blue Harbor poll found that"
            " Jones gained ten points.",
            "en",
            "Jones leads the race",
            ["Blue Harbor"],
        ),
        (
            "Harga beras akan naik, menurut sebuah survei terbaru. Survei Lembaga Nusantara"
            " menyebutkan 60 persen warga khawatir.",
            "id",
            "Harga beras akan naik",
            ["Lembaga Nusantara"],
        ),
        (  # "the results" are the last document's
            "A Blue Harbor poll found that Jones gained ten points. Smith trails by four"
            " points, according to the results.",
            "en",
            "Smith trails by four points",
            ["Blue Harbor"],
        ),
        (
            "Survei Lembaga Nusantara menyebutkan 60 persen warga khawatir. Hasil tersebut"
            " juga menyebutkan harga beras menjadi keluhan utama.",
            "id",
            "harga beras menjadi keluhan utama",
            ["Lembaga Nusantara"],
        ),
    ],
)
def test_document_takes_its_author(text: str, language: str, needle: str, chain: list[str]) -> None:
    assert chain_of(extract(text, language).statements, needle) == chain


@pytest.mark.parametrize(
    ("text", "needle", "chain"),
    [
        (  # who reviewed a letter did not write it
            "Jones spoke first, according to a copy of the letter reviewed by Blue Harbor.",
            "Jones spoke first",
            ["a copy of the letter"],
        ),
        (  # a later document of another noun is another document
            "Jones leads the race, according to a new poll. The Blue Harbor report found that"
            " turnout fell.",
            "Jones leads the race",
            ["a new poll"],
        ),
        (  # "Exit polls" names no pollster
            "Exit polls showed that Jones won most young voters.",
            "Jones won most young voters",
            ["Exit polls"],
        ),
    ],
)
def test_no_author_where_none_is_named(text: str, needle: str, chain: list[str]) -> None:
    assert chain_of(extract(text, "en").statements, needle) == chain
