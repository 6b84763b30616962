"""Media hops: "Y told X" / "kepada X" with X a medium is [X, Y]; an audience or a channel
of the speaker's own is no hop (CHAINS_GUIDE.md; extract.media)."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _statement(text: str, language: str, content: str | None = None) -> tuple[str, list[str]]:
    """The text and chain (hop names) of the first non-partial statement, or of the one
    whose text contains `content`."""
    statements = [s for s in extract(text, language).statements if s.kind != "partial"]
    if content is not None:
        statements = [s for s in statements if content in s.text]
    assert statements, text
    first = statements[0]
    return first.text, [h.source.name for h in first.chain]


@pytest.mark.parametrize(
    ("text", "language", "content", "chain"),
    [
        (
            "Finance Minister Ana Ruiz told the Financial Times that the levy would go.",
            "en",
            "the levy would go",
            ["Financial Times", "Ana Ruiz"],
        ),
        (
            "Ana Ruiz told Reuters the levy would go in June.",
            "en",
            "the levy would go in June",
            ["Reuters", "Ana Ruiz"],
        ),
        (
            "The minister said in an interview with a Tokyo daily that the levy would go.",
            "en",
            "the levy would go",
            ["a Tokyo daily", "The minister"],
        ),
        (
            "Governor Sam Okoro said on a Sunday talk show on NBC that the dam was safe.",
            "en",
            "the dam was safe",
            ["NBC News", "Sam Okoro"],
        ),
        (
            "Governor Sam Okoro told CNN's State of the Union the dam was safe.",
            "en",
            "the dam was safe",
            ["CNN", "Sam Okoro"],
        ),
        (
            'Governor Sam Okoro told NBC\'s "Meet the Press" that the dam was safe.',
            "en",
            "the dam was safe",
            ["NBC News", "Sam Okoro"],
        ),
        (
            "But Ana Ruiz told the Communist Party newspaper Pravda that the water was clean.",
            "en",
            "the water was clean",
            ["Pravda", "Ana Ruiz"],
        ),
        (
            "One neighbour told French television station BFMTV that the street was calm.",
            "en",
            "the street was calm",
            ["BFMTV", "One neighbour"],
        ),
        (
            "Mayor Lena Park in an interview with The Straits Times said the port would grow.",
            "en",
            "the port would grow",
            ["The Straits Times", "Lena Park"],
        ),
        (
            "Budi Santoso mengatakan kepada kantor berita Antara bahwa harga beras akan turun.",
            "id",
            "harga beras akan turun",
            ["Antara", "Budi Santoso"],
        ),
        (
            "”Harga beras akan turun,” kata Budi Santoso kepada Kompas.com, Senin (3/5/2021).",
            "id",
            "”Harga beras",
            ["Kompas", "Budi Santoso"],
        ),
        (
            "”Harga beras akan turun,” kata Budi Santoso kepada harian Suara Tepian.",
            "id",
            "”Harga beras",
            ["Suara Tepian", "Budi Santoso"],
        ),
        (
            "Menteri Ani Lestari dalam acara Sapa Pagi di Kompas TV mengatakan bahwa harga beras"
            " akan turun.",
            "id",
            "harga beras akan turun",
            ["Kompas", "Ani Lestari"],
        ),
        (
            "”Harga beras akan turun,” kata Menteri Ani Lestari dalam wawancara dengan Tempo.",
            "id",
            "”Harga beras",
            ["Tempo", "Ani Lestari"],
        ),
    ],
)
def test_a_medium_the_speaker_told_is_the_nearest_hop(
    text: str, language: str, content: str, chain: list[str]
) -> None:
    got_text, got_chain = _statement(text, language, content)
    assert got_chain == chain
    assert got_text.startswith(content)  # the medium phrase is no part of the content


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # a short masthead is the outlet of that masthead named earlier in the text
        (
            "The Times of Zambia reported that the mine had closed. Ana Ruiz told the Times the"
            " mine would reopen.",
            "Times of Zambia",
        ),
        ("Ana Ruiz told the Times the mine would reopen.", "The New York Times"),
        # a bare medium noun is the outlet named earlier, the one whose name holds the noun
        (
            "Radio Free Asia carried the speech. Minister Ana Ruiz later told the radio that the"
            " mine would reopen.",
            "Radio Free Asia",
        ),
    ],
)
def test_a_short_masthead_stands_for_the_outlet_named_before(text: str, outlet: str) -> None:
    _, chain = _statement(text, "en", "the mine would reopen")
    assert chain == [outlet, "Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        ("Ana Ruiz told reporters that the levy would go.", "en", "the levy would go", "Ana Ruiz"),
        (
            "Ana Ruiz told a news conference that the levy would go.",
            "en",
            "the levy would go",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz said in a statement that the levy would go.",
            "en",
            "the levy would go",
            "Ana Ruiz",
        ),
        ("Ana Ruiz said on Twitter that the levy would go.", "en", "the levy would go", "Ana Ruiz"),
        (
            "Ana Ruiz told Michael Bloomberg that the levy would go.",
            "en",
            "the levy would go",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz said on Monday the AP poll was wrong.",
            "en",
            "the AP poll was wrong",
            "Ana Ruiz",
        ),
        (
            "Budi Santoso mengatakan kepada wartawan bahwa harga beras akan turun.",
            "id",
            "harga beras akan turun",
            "Budi Santoso",
        ),
        (
            "Budi Santoso menyampaikan kepada masyarakat bahwa harga beras akan turun.",
            "id",
            "harga beras akan turun",
            "Budi Santoso",
        ),
        (
            "”Harga beras akan turun,” tulis Budi Santoso di akun Instagram miliknya.",
            "id",
            "”Harga beras",
            "Budi Santoso",
        ),
    ],
)
def test_an_audience_or_own_channel_is_no_hop(
    text: str, language: str, content: str, speaker: str
) -> None:
    _, chain = _statement(text, language, content)
    assert chain == [speaker]


def test_quoted_programme_title_is_no_partial_quote() -> None:
    ex = extract('Governor Sam Okoro told NBC\'s "Meet the Press" that the dam was safe.', "en")
    assert [s.kind for s in ex.statements] == ["indirect"]


def test_unnamed_audience_after_ujarnya_keeps_the_speaker() -> None:
    text = "Budi Santoso meninjau pasar. ”Harga beras akan turun,” ujarnya kepada wartawan."
    statement = extract(text, "id").statements[0]
    assert statement.speaker is not None and statement.speaker.name == "Budi Santoso"
    assert [h.source.name for h in statement.chain] == ["Budi Santoso"]


@pytest.mark.parametrize(
    ("text", "language", "chain"),
    [
        (
            "Asked by the Bernama news agency about prices, Minister Ali Rezai said the levy"
            " would go.",
            "en",
            ["Bernama", "Ali Rezai"],
        ),
        (
            "Ditanya oleh kantor berita Antara soal harga, Menteri Ali Rezai mengatakan pungutan"
            " itu akan dihapus.",
            "id",
            ["Antara", "Ali Rezai"],
        ),
        # asked by an audience: no hop
        (
            "Asked by reporters about prices, Minister Ali Rezai said the levy would go.",
            "en",
            ["Ali Rezai"],
        ),
    ],
)
def test_asked_by_a_medium_is_an_interview(text: str, language: str, chain: list[str]) -> None:
    statements = [s for s in extract(text, language).statements if s.kind != "partial"]
    assert [h.source.name for h in statements[-1].chain] == chain
