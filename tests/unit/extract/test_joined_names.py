"""Names with dots, hyphens and slashes inside ("U.S. Trade Board", "A.B.C.-D.E.F.", "CNN/WMUR")."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        # the dot of run-together initials does not end the name
        (
            "The port needs a third crane, according to the U.S. Maritime Board.",
            "en",
            "The port needs a third crane",
            "U.S. Maritime Board",
        ),
        (
            "Harga beras naik, menurut Komisi A.S. Pangan.",
            "id",
            "Harga beras naik",
            "Komisi A.S. Pangan",
        ),
        # nor a hyphen between two groups of initials
        (
            "Members favored the senator by 20 points, according to polling by the B.W.U.-T.L.C.",
            "en",
            "Members favored the senator by 20 points",
            "B.W.U.-T.L.C",
        ),
        (
            "Wages rose, the B.W.U.-T.L.C. said.",
            "en",
            "Wages rose",
            "B.W.U.-T.L.C",
        ),
        # two pollsters joined by a slash are one source, not an outlet and its reporter
        (
            "Smith leads Jones 50% to 40%, according to a CNN/WMUR poll.",
            "en",
            "Smith leads Jones 50% to 40%",
            "CNN/WMUR",
        ),
        (
            "Smith leads Jones, a Gallup/Quorum poll found.",
            "en",
            "Smith leads Jones",
            "Gallup/Quorum",
        ),
        (
            "Elektabilitas Budi naik, menurut survei Lintas/Indikator.",
            "id",
            "Elektabilitas Budi naik",
            "Lintas/Indikator",
        ),
        # a survey's author after the noun ("survei X") speaks, not "survei X" as a name
        (
            "Menurut survei Lembaga Riset Pangan, harga beras naik tajam.",
            "id",
            "harga beras naik tajam",
            "Lembaga Riset Pangan",
        ),
        # a name that ends with the sentence is cut there as before
        (
            "Prices will rise, according to Smith. Jones said nothing.",
            "en",
            "Prices will rise",
            "Smith",
        ),
    ],
)
def test_joined_names_stay_whole(text: str, language: str, content: str, speaker: str) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    assert st.speaker is not None
    assert st.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "author"),
    [
        # a time or place phrase after the document noun: the name before the noun wrote it
        ("Voters like him, according to a CNN/ORC poll in February.", "CNN/ORC"),
        ("Voters like him, according to a Quinnipiac poll in February.", "Quinnipiac"),
        # a capitalised "Press" is part of the name, not the "press" of "press release"
        ("She won, according to an Associated Press survey of delegates.", "Associated Press"),
        ("She won, an Associated Press poll found.", "Associated Press"),
    ],
)
def test_a_document_phrase_names_its_author(text: str, author: str) -> None:
    [st] = extract(text, "en").statements
    assert st.speaker is not None and st.speaker.name == author
