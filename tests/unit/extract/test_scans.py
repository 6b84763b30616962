"""Whole-text scans: quote marks paired (nested, spaced, multi-paragraph) and sentences split."""

from __future__ import annotations

import pytest

from tests.unit.extract.helpers import with_text
from tracker.extract import extract
from tracker.extract.lexicon import load_lexicon
from tracker.extract.quotes import scan_quotes
from tracker.extract.reading import blank_tickers, reading_text, unwrap_lines
from tracker.extract.sentences import split_sentences


def _spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in scan_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dia bilang “kami siap,” lalu pergi.", ["“kami siap,”"]),
        ('She said "we are ready," then left.', ['"we are ready,"']),
        ("Ia menyebutnya ‘mitra abadi’ kemarin.", ["‘mitra abadi’"]),
        ("He called it 'a fine mess' twice.", ["'a fine mess'"]),
        ("Le ministre a dit «nous verrons» hier.", ["«nous verrons»"]),
        ("Er sagte „wir kommen“ heute.", ["„wir kommen“"]),
        # Kompas style: ” opens as well as closes
        ("Pasar ramai. ”Harga naik terus,” kata Budi.", ["”Harga naik terus,”"]),
        # nested quotes stay inside the outer span
        (
            "“Dia bilang ‘tunggu dulu’ kepada kami,” ujar Rina.",
            ["“Dia bilang ‘tunggu dulu’ kepada kami,”"],
        ),
        # apostrophes are not quote marks
        ("Clinton’s aide said it's done and Sanders’ team agreed.", []),
        # an unbalanced mark is skipped, the rest kept
        ("“Unclosed here.\nThen “closed one” later.", ["“closed one”"]),
        # ellipsis inside a quote
        ("“Kita akan… menang,” katanya.", ["“Kita akan… menang,”"]),
        # NYT-style double apostrophes
        ("''We will win,'' he said.", ["''We will win,''"]),
    ],
)
def test_scan_quotes(text: str, expected: list[str]) -> None:
    assert _spans(text) == expected


def test_multi_paragraph_quote_runs_to_the_final_closing_mark() -> None:
    text = "“First paragraph of the quote.\n“Second paragraph ends it,” she said."
    spans = scan_quotes(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end] == (
        "“First paragraph of the quote.\n“Second paragraph ends it,”"
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Harga naik. Warga mengeluh.", "id", ["Harga naik.", "Warga mengeluh."]),
        ("“Satu. Dua,” kata Ani. Lalu pergi.", "id", ["“Satu. Dua,” kata Ani.", "Lalu pergi."]),
        (
            "Mr. Smith spoke. Then Sen. Jones left.",
            "en",
            ["Mr. Smith spoke.", "Then Sen. Jones left."],
        ),
        ("Donald J. Trump won. Done.", "en", ["Donald J. Trump won.", "Done."]),
        ("One line\nAnother line", "en", ["One line", "Another line"]),
        # wire copy wrapped mid-sentence (`reading_text` joins the line)
        (
            "The ministry said on Monday that the new tariffs on the\nImported steel would"
            " start in May.",
            "en",
            [
                "The ministry said on Monday that the new tariffs on the\nImported steel would"
                " start in May."
            ],
        ),
        (
            "Kementerian Perdagangan mengatakan pada Senin bahwa tarif baru untuk\nBaja impor"
            " berlaku Mei.",
            "id",
            [
                "Kementerian Perdagangan mengatakan pada Senin bahwa tarif baru untuk\nBaja impor"
                " berlaku Mei."
            ],
        ),
        # a labelled headline: its line break stays a break
        (
            "Survey: Most residents back the new park plan\nMore below.",
            "en",
            ["Survey: Most residents back the new park plan", "More below."],
        ),
        # a short line stopping on "the" is a heading or a list item, not a wrapped line
        ("Notes on the\nBudget.", "en", ["Notes on the", "Budget."]),
        # a listed outlet's "!" is part of its name; any other "!" ends the sentence
        (
            "Ann Moss told Yahoo! News on Monday that she will run.",
            "en",
            ["Ann Moss told Yahoo! News on Monday that she will run."],
        ),
        ("We won! News came at noon.", "en", ["We won!", "News came at noon."]),
        (
            "Ani Lestari kepada Yahoo! News mengatakan ia maju.",
            "id",
            ["Ani Lestari kepada Yahoo! News mengatakan ia maju."],
        ),
    ],
)
def test_split_sentences(text: str, language: str, expected: list[str]) -> None:
    read = reading_text(text)  # what the pipeline splits: wrapped lines joined
    spans = split_sentences(read, scan_quotes(read), load_lexicon(language))
    assert [text[a:b] for a, b in spans] == expected


def test_spaced_closing_mark_after_nested_quote() -> None:
    text = "\"We call it the 'long road,' \" she told the club."
    spans = scan_quotes(text)
    assert [(q.start, q.end) for q in spans] == [(0, text.index(" she"))]
    st = with_text(extract(text, "en").statements, text[: text.index(" she")])
    assert st.kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        'She said "we will " and left.',  # a mark between spaces with nothing open before
        "Tom's 'big' day \" came",
    ],
)
def test_spaced_mark_without_open_quote_pairs_nothing(text: str) -> None:
    assert all(text[q.start] != '"' for q in scan_quotes(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire copy wraps lines mid-sentence: the newline is a space to the sieves
        (
            "Northwind Corp said its\nshares will be listed in Oslo.",
            "Northwind Corp said its shares will be listed in Oslo.",
        ),
        ("The board of the Harbour\nAuthority met.", "The board of the Harbour Authority met."),
        ("Prices fell sharply, traders\nsaid.", "Prices fell sharply, traders said."),
        ("Council meeting\nAna Lopez: yes.", "Council meeting\nAna Lopez: yes."),
        ("Poll: most back the new plan\nMore below.", "Poll: most back the new plan\nMore below."),
        # a stop, a paragraph, a title-case headline or a quote mark ends the line
        ("Prices fell.\nTraders left.", "Prices fell.\nTraders left."),
        ("Prices fell\n\nTraders left.", "Prices fell\n\nTraders left."),
        (
            "Mayor Backs New Bridge Plan\nThe mayor said yes.",
            "Mayor Backs New Bridge Plan\nThe mayor said yes.",
        ),
        ("He said this:\n“We go.”", "He said this:\n“We go.”"),
        # a quote goes on a wrapped line after a lower-case word, not after a name
        (
            "The port chief Ana Lopez said\n“big gains” were made.",
            "The port chief Ana Lopez said “big gains” were made.",
        ),
        (
            "“We lost the vote today.” ― Ana Lopez\n“We won.”",
            "“We lost the vote today.” ― Ana Lopez\n“We won.”",
        ),
    ],
)
def test_unwrap_lines(text: str, expected: str) -> None:
    assert unwrap_lines(text) == expected
    assert len(unwrap_lines(text)) == len(text)


def test_wrapped_sentence_is_one_statement_with_exact_offsets() -> None:
    text = (
        "Northwind Shipping Corp said if the\nharbour stays closed, it may move its fleet to Oslo."
    )
    statements = extract(text, "en").statements
    st = with_text(statements, "if the\nharbour stays closed, it may move its fleet to Oslo")
    assert st.speaker is not None and st.speaker.name == "Northwind Shipping Corp"
    assert text[st.start : st.end] == st.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Northwind AB <NWND ST> said its profit rose.",
            "Northwind AB " + " " * len("<NWND ST>") + " said its profit rose.",
        ),
        ("<Harbour Shipping Corp> said it won.", " Harbour Shipping Corp  said it won."),
        ("Sales rose <tweet/> in May.", "Sales rose <tweet/> in May."),
        ("Prices fell as x < y > z.", "Prices fell as x < y > z."),
    ],
)
def test_blank_tickers(text: str, expected: str) -> None:
    assert blank_tickers(text) == expected


def test_ticker_after_a_company_is_no_part_of_the_speaker() -> None:
    text = "Northwind Shipping AB <NWND ST> said its\nprofit rose by a third in the first quarter."
    [st] = extract(text, "en").statements
    assert st.speaker is not None and st.speaker.name == "Northwind Shipping AB"
    assert st.text == "its\nprofit rose by a third in the first quarter"
