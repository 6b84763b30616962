"""'X said, citing Y': a reason after "citing" (an article-led phrase, a possessive) is no hop."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "content", "chain"),
    [
        # an article-led phrase whose head is no source noun: the speaker's reason
        (
            '"We are not asking for much," Maria Lopez said, citing a fairer plan on rents.',
            "en",
            '"We are not asking for much,"',
            ["Maria Lopez"],
        ),
        (
            "Turnout will be high, the organiser said, citing a growing anger over fees.",
            "en",
            "Turnout will be high",
            ["the organiser"],
        ),
        # a possessive is read by what it owns: "Vance's weak appeal" is a reason
        (
            '"The race is close," Lopez said, citing Vance’s weak appeal with young voters.',
            "en",
            '"The race is close,"',
            ["Lopez"],
        ),
        (
            "Sales will slow, Lopez said, citing Acme's shrinking margins.",
            "en",
            "Sales will slow",
            ["Lopez"],
        ),
        # an unnamed source, a reporting document, a name, and what a name says stay hops
        (
            "Prices will rise, Lopez said, citing a senior official.",
            "en",
            "Prices will rise",
            ["Lopez", "a senior official"],
        ),
        (
            "Prices will rise, Lopez said, citing a new study.",
            "en",
            "Prices will rise",
            ["Lopez", "a new study"],
        ),
        (
            "Sales will slow, Lopez said, citing Acme's chief economist.",
            "en",
            "Sales will slow",
            ["Lopez", "Acme's chief economist"],
        ),
        (
            '"Harga akan naik," kata Budi, mengutip seorang pejabat.',
            "id",
            '"Harga akan naik,"',
            ["Budi", "seorang pejabat"],
        ),
        (
            "Harga beras naik, kata Andi Saputra, mengutip sebuah laporan baru.",
            "id",
            "Harga beras naik",
            ["Andi Saputra", "sebuah laporan baru"],
        ),
    ],
)
def test_citing_a_reason_is_no_hop(
    text: str, language: str, content: str, chain: list[str]
) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    assert [h.source.name for h in st.chain] == chain
