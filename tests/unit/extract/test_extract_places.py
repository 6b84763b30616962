"""A place or employer after a speaker's name ("Mary Lane of Ohio", "Budi Santoso di
Bandung") is never the speaker. All texts are written for these tests."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "lang", "name", "kind", "role", "affiliation"),
    [
        (
            "Senator Mary Lane of Ohio said the bill would pass.",
            "en",
            "Mary Lane",
            "person",
            "Senator",
            "Ohio",
        ),
        (
            "Jeffrey Lamb of the Midvale Institute said the test had failed.",
            "en",
            "Jeffrey Lamb",
            "person",
            None,
            "Midvale Institute",
        ),
        (
            "Dana Ruiz at the National Ledger argued that the debate was a draw.",
            "en",
            "Dana Ruiz",
            "person",
            None,
            "National Ledger",
        ),
        # "in" says where the speaker was, not who employs them
        (
            "Maria Ortiz in Madrid said the talks would go on.",
            "en",
            "Maria Ortiz",
            "person",
            None,
            None,
        ),
        (
            "Menteri Dalam Negeri Budi Santoso di Bandung mengatakan bahwa anggaran daerah "
            "akan dipangkas.",
            "id",
            "Budi Santoso",
            "person",
            "Menteri",
            "Dalam Negeri",  # the portfolio, as without the place
        ),
        (
            "Peneliti Ani Lestari dari Universitas Gadjah Mada mengatakan hal itu sudah diduga.",
            "id",
            "Ani Lestari",
            "person",
            "Peneliti",
            "Universitas Gadjah Mada",
        ),
        # an institution head before the link names the institution, whole
        (
            "The Bank of England said rates would rise.",
            "en",
            "The Bank of England",
            "organization",
            None,
            None,
        ),
        (
            "The Department of Justice said the case was closed.",
            "en",
            "The Department of Justice",
            "government_body",
            None,
            None,
        ),
        # a title alone before "of" is still a title: the name comes after it
        (
            "Secretary of State John Kerr said the talks would go on.",
            "en",
            "John Kerr",
            "person",
            "Secretary",
            "State",
        ),
    ],
)
def test_place_after_name(
    text: str, lang: str, name: str, kind: str, role: str | None, affiliation: str | None
) -> None:
    [statement] = extract(text, lang).statements
    speaker = statement.speaker
    assert speaker is not None
    assert (speaker.name, speaker.kind) == (name, kind)
    assert (speaker.role, speaker.affiliation) == (role, affiliation)


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        # the region after the place belongs to the place
        (
            "Budi Santoso di Bandung, Jawa Barat, mengatakan anggaran akan dipangkas.",
            "id",
            "Budi Santoso",
        ),
        (
            "Ketua KPU Papua Theo Kosay di Jayapura, Papua, mengatakan anggaran akan dipangkas.",
            "id",
            "Theo Kosay",
        ),
        ("Mary Lane of Springfield, Ill., said the plant would close.", "en", "Mary Lane"),
        # after a role, the segment after the comma is the person's name
        (
            "Epidemiolog Indonesia di Universitas Griffith, Dicky Budiwan, mengingatkan bahwa "
            "varian baru menyebar.",
            "id",
            "Dicky Budiwan",
        ),
    ],
)
def test_region_after_place(text: str, lang: str, name: str) -> None:
    [statement] = extract(text, lang).statements
    assert statement.speaker is not None
    assert statement.speaker.name == name
    assert statement.text in text and statement.speaker.name not in statement.text
