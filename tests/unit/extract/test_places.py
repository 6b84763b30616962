"""A place or residence by a name ("Mary Lane of Ohio", "X, of Bowie, Md.,") is no speaker."""

from __future__ import annotations

import pytest

from tracker.extract import Statement, extract


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


def _with(statements: tuple[Statement, ...], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text and s.kind != "partial"]
    assert found, statements
    return found[0]


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        ("Paul Ode, of Fairfax, Va., said he had waited for hours.", "he had waited", "Paul Ode"),
        (
            "Anna Ruiz, of Dayton, Ohio, said she had waited for hours.",
            "she had waited",
            "Anna Ruiz",
        ),
        (
            "Mary Cole, 61, of Bowie, Md., who came with her son, said the line was long.",
            "the line was long",
            "Mary Cole",
        ),
        ("Mary Cole, of Bowie, Md., said, “We came early.”", "We came early", "Mary Cole"),
        ("“We came early,” Mary Cole, of Bowie, Md., said.", "We came early", "Mary Cole"),
        ("“We came early,” said Mary Cole, of Bowie, Md.", "We came early", "Mary Cole"),
        ("Jim Roe, from Albany, N.Y., said the bus was late.", "the bus was late", "Jim Roe"),
    ],
)
def test_residence_is_not_the_speaker(text: str, fragment: str, name: str) -> None:
    stmt = _with(extract(text, "en").statements, fragment)
    assert stmt.speaker is not None and stmt.speaker.name == name
    assert stmt.speaker.role is None  # "of" is no role


def test_a_state_ending_a_long_subject_is_not_the_speaker() -> None:
    text = "Residents near Chappaqua, N.Y., speaking on the condition of anonymity, said it rained."
    stmt = _with(extract(text, "en").statements, "it rained")
    assert stmt.speaker is None or stmt.speaker.name not in ("N.Y", "N.Y.")
