"""Document nouns: a report, survey, statement or data set names its author, who is the
source ("a report by X found", "X's annual report", "data BPS" are [X]; CHAINS_GUIDE.md);
a document with no author named stays the document (extract.document_sources)."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _one(text: str, language: str, content: str) -> tuple[str | None, str | None, list[str]]:
    statements = [s for s in extract(text, language).statements if content in s.text]
    assert statements, extract(text, language).statements
    first = statements[0]
    speaker = first.speaker
    return (
        speaker.name if speaker else None,
        speaker.kind if speaker else None,
        [h.source.name for h in first.chain],
    )


@pytest.mark.parametrize(
    ("text", "language", "content", "name", "kind"),
    [
        (
            '"The price is below cost," a statement by the Growers Union said.',
            "en",
            "The price is below cost",
            "the Growers Union",
            "organization",
        ),
        (
            "A survey by the Pew Research Center found that most voters were undecided.",
            "en",
            "most voters were undecided",
            "the Pew Research Center",
            "organization",
        ),
        (
            "Harlow Bank's annual report showed that its loans to farmers doubled.",
            "en",
            "its loans to farmers doubled",
            "Harlow Bank",
            "organization",
        ),
        (
            "A central bank statement said the sale was lawful.",
            "en",
            "the sale was lawful",
            "central bank",
            "organization",
        ),
        (
            "Loans rose by a third, according to a report by the Congressional Budget Office.",
            "en",
            "Loans rose by a third",
            "the Congressional Budget Office",
            "government_body",
        ),
        (
            "Users spent nine minutes a day on the site, according to recent data from comTrack.",
            "en",
            "Users spent nine minutes a day on the site",
            "comTrack",
            "organization",
        ),
        (
            "Berdasarkan data BPS, jumlah penganggur naik tahun ini.",
            "id",
            "jumlah penganggur naik tahun ini",
            "BPS",
            "government_body",
        ),
        (
            "Menurut laporan lembaga Indef, jumlah penganggur naik tahun ini.",
            "id",
            "jumlah penganggur naik tahun ini",
            "lembaga Indef",
            "organization",
        ),
        (
            "Laporan lembaga Indef menyebutkan bahwa jumlah penganggur naik tahun ini.",
            "id",
            "jumlah penganggur naik tahun ini",
            "lembaga Indef",
            "organization",
        ),
        (
            "Keterangan resmi Kementerian Kesehatan menyebutkan bahwa kasus baru turun.",
            "id",
            "kasus baru turun",
            "Kementerian Kesehatan",
            "government_body",
        ),
    ],
)
def test_a_document_speaks_for_its_author(
    text: str, language: str, content: str, name: str, kind: str
) -> None:
    assert _one(text, language, content) == (name, kind, [name])


@pytest.mark.parametrize(
    ("text", "language", "content", "name"),
    [
        # no author named: the document is all the text gives
        ("Trump leads the field, according to a new poll.", "en", "Trump leads", "a new poll"),
        ("Japanese data showed that exports fell.", "en", "exports fell", "Japanese data"),
        (
            "Berdasarkan data terbaru, jumlah penganggur naik tahun ini.",
            "id",
            "jumlah penganggur naik",
            "terbaru",
        ),
    ],
)
def test_a_document_with_no_author_stays_a_document(
    text: str, language: str, content: str, name: str
) -> None:
    got_name, kind, chain = _one(text, language, content)
    assert kind in ("document", "unknown")
    assert got_name is not None and name in got_name
    assert len(chain) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ana Ruiz spoke on Monday. Her statement said the plan was dead.", "Ana Ruiz"),
        (
            "The Growers Union met on Monday. Its statement said the plan was dead.",
            "The Growers Union",
        ),
    ],
)
def test_an_owners_document_speaks_for_the_owner(text: str, name: str) -> None:
    assert _one(text, "en", "the plan was dead")[0] == name


@pytest.mark.parametrize(
    ("text", "language", "content", "author"),
    [
        # "the statement" later stands for the author of the statement named before
        (
            '"Stocks are low," a statement by the Growers Union said. "Prices will rise soon,"'
            " the statement said.",
            "en",
            "Prices will rise soon",
            "the Growers Union",
        ),
        (
            "A central bank statement said reserves grew. The statement said exports fell in May.",
            "en",
            "exports fell in May",
            "central bank",
        ),
        (
            "Laporan Badan Pusat Statistik menyebutkan ekspor naik. Laporan itu menyebutkan"
            " impor turun pada Mei.",
            "id",
            "impor turun pada Mei",
            "Badan Pusat Statistik",
        ),
    ],
)
def test_the_document_named_again_speaks_for_its_author(
    text: str, language: str, content: str, author: str
) -> None:
    name, _, chain = _one(text, language, content)
    assert (name, chain) == (author, [author])


@pytest.mark.parametrize(
    ("text", "language", "content"),
    [
        # no author named before: the description stays the document
        ("The statement said exports fell in May.", "en", "exports fell in May"),
        # another noun: "the report" is no description of "a statement by X"
        (
            "A statement by the Growers Union said stocks were low. The report said exports"
            " fell in May.",
            "en",
            "exports fell in May",
        ),
        ("Laporan itu menyebutkan impor turun pada Mei.", "id", "impor turun pada Mei"),
    ],
)
def test_a_document_named_again_without_its_author_stays_a_document(
    text: str, language: str, content: str
) -> None:
    _, kind, _ = _one(text, language, content)
    assert kind == "document"


@pytest.mark.parametrize(
    ("text", "language", "content", "source"),
    [
        (
            "A fair rent in the valley is about $900 a month, according to calculations by"
            " the economist Nora Hale.",
            "en",
            "A fair rent in the valley is about $900 a month",
            "Nora Hale",
        ),
        (
            "Most dock workers backed the strike, according to polling by the Harbour Workers"
            " Union.",
            "en",
            "Most dock workers backed the strike",
            "Harbour Workers Union",
        ),
        (
            # "mengacu pada X," opening a clause nobody speaks: X's document is the source
            "Mengacu pada data Bank Pembangunan Asia, ada 20 juta petani yang belum punya"
            " lahan sendiri.",
            "id",
            "ada 20 juta petani yang belum punya lahan sendiri",
            "Bank Pembangunan Asia",
        ),
        (
            "Padahal, mengacu pada kajian Lembaga Riset Pangan, harga gabah akan turun bulan"
            " depan.",
            "id",
            "harga gabah akan turun bulan depan",
            "Lembaga Riset Pangan",
        ),
        (
            # a database: no body named as its author, the whole phrase is the source
            "Merujuk pada pangkalan data dinas kesehatan, ada 120 kasus baru pekan ini.",
            "id",
            "ada 120 kasus baru pekan ini",
            "pangkalan data dinas kesehatan",
        ),
    ],
)
def test_a_documents_author_is_the_source(
    text: str, language: str, content: str, source: str
) -> None:
    by_text = {s.text: s for s in extract(text, language).statements}
    assert content in by_text
    speaker = by_text[content].speaker
    assert speaker is not None and speaker.name.endswith(source)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Referring to the vote, she smiled and left the room.", "en"),
        ("Referring to last year's flood, the mayor walked along the new embankment.", "en"),
        ("Merujuk pada pertandingan itu, ia tersenyum lalu pergi.", "id"),
        ("Mengacu pada banjir tahun lalu, warga menanam pohon di tepi sungai.", "id"),
    ],
)
def test_an_opening_reference_to_what_is_not_a_source_makes_no_statement(
    text: str, language: str
) -> None:
    """ "Referring to X," opening a clause where nobody speaks names what the clause is
    about; only a source (a person, body, outlet or document) can be the one who told it."""
    assert extract(text, language).statements == ()
