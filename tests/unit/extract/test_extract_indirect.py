"""Indirect speech, menurut/according to, and partial quotes inside reported speech."""

from __future__ import annotations

import pytest

from tracker.extract import extract

ID_CASES = [
    (
        "Gubernur Lina Marpaung mengatakan bahwa anggaran pendidikan akan dinaikkan.",
        "anggaran pendidikan akan dinaikkan",
        "Lina Marpaung",
    ),
    (
        "Direktur utama PT Maju Jaya, Rudi Hartono, menegaskan perusahaan"
        " tidak akan mem-PHK karyawan.",
        "perusahaan tidak akan mem-PHK karyawan",
        "Rudi Hartono",
    ),
    (
        "Ekonom senior Faisal Akbar menilai, inflasi masih terkendali.",
        "inflasi masih terkendali",
        "Faisal Akbar",
    ),
    (
        "Menurut Kepala Dinas Kesehatan Yuni Astuti, kasus demam berdarah menurun.",
        "kasus demam berdarah menurun",
        "Yuni Astuti",
    ),
    ("Polisi menyatakan bahwa pelaku sudah ditangkap.", "pelaku sudah ditangkap", "Polisi"),
    (
        "Wakil Ketua DPRD Anton Simanjuntak menambahkan, rapat akan dilanjutkan besok.",
        "rapat akan dilanjutkan besok",
        "Anton Simanjuntak",
    ),
]

EN_CASES = [
    (
        "Senator Paul Grant said that the bill would pass next month.",
        "the bill would pass next month",
        "Paul Grant",
    ),
    ("The deal is almost done, Maria Lopez said.", "The deal is almost done", "Maria Lopez"),
    (
        "According to Sheriff Dan Ruiz, the road will stay closed until Friday.",
        "the road will stay closed until Friday",
        "Dan Ruiz",
    ),
    (
        "The factory will close in March, according to the company.",
        "The factory will close in March",
        "the company",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker"), ID_CASES)
def test_indonesian_indirect(text: str, content: str, speaker: str) -> None:
    ex = extract(text, "id")
    assert len(ex.statements) == 1
    st = ex.statements[0]
    assert st.kind == "indirect"
    assert st.text == content
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(("text", "content", "speaker"), EN_CASES)
def test_english_indirect(text: str, content: str, speaker: str) -> None:
    ex = extract(text, "en")
    assert len(ex.statements) == 1
    st = ex.statements[0]
    assert (st.kind, st.text) == ("indirect", content)
    assert st.speaker is not None and st.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "language", "partial", "speaker"),
    [
        (
            "Menteri Arif Budiman menyatakan bahwa kerja sama itu ‘sangat strategis’"
            " bagi kedua negara.",
            "id",
            "‘sangat strategis’",
            "Arif Budiman",
        ),
        (
            "Mayor Lisa Chen said the plan was “a disaster waiting to happen” for the city.",
            "en",
            "“a disaster waiting to happen”",
            "Lisa Chen",
        ),
    ],
)
def test_partial_quote_belongs_to_statement(
    text: str, language: str, partial: str, speaker: str
) -> None:
    ex = extract(text, language)
    kinds = {s.kind: s for s in ex.statements}
    assert set(kinds) == {"mixed", "partial"}
    assert kinds["partial"].text == partial
    assert kinds["partial"].speaker == kinds["mixed"].speaker
    assert kinds["partial"].chain == kinds["mixed"].chain
    assert kinds["mixed"].speaker is not None and kinds["mixed"].speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Harga minyak dunia naik tajam pekan ini karena pasokan terganggu.", "id"),
        ("Oil prices rose sharply this week as supply was disrupted.", "en"),
        ("Perjanjian itu menyatakan bahwa kedua pihak akan bekerja sama.", "id"),
    ],
)
def test_outlet_own_statements_are_not_attributed(text: str, language: str) -> None:
    assert extract(text, language).statements == ()


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("Pejabat itu disinyalir menerima suap dari kontraktor.", "id", "disinyalir"),
        ("Kabarnya, pabrik itu akan ditutup.", "id", "Kabarnya"),
        ("Konon jembatan itu dibangun dalam semalam.", "id", "Konon"),
        ("Tersangka diduga membawa senjata api.", "id", "diduga"),
        ("The company reportedly lost millions.", "en", "reportedly"),
        ("The mayor allegedly took bribes.", "en", "allegedly"),
        ("It is understood that the talks collapsed.", "en", "It is understood"),
    ],
)
def test_hedges_are_unattributed(text: str, language: str, cue: str) -> None:
    ex = extract(text, language)
    assert [u.cue for u in ex.unattributed] == [cue]
    un = ex.unattributed[0]
    assert text[un.start : un.end] == un.text


def test_two_attributed_clauses_in_one_sentence() -> None:
    text = (
        "Mayor Ann Cole said the park would open in May, but Councilman Ray Diaz denied the claim."
    )
    ex = extract(text, "en")
    assert [(s.text, s.speaker.name if s.speaker else None) for s in ex.statements] == [
        ("the park would open in May", "Ann Cole"),
        ("the claim", "Ray Diaz"),
    ]


def test_unresolved_pronoun_keeps_the_claim_with_unknown_speaker() -> None:
    ex = extract("Dia mengatakan bahwa hujan akan turun.", "id")
    (st,) = ex.statements
    assert st.text == "hujan akan turun"
    assert st.speaker is None and st.speaker_surface == "Dia" and st.chain == ()
