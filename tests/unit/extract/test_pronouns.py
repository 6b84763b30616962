"""Pronoun speakers (dia, beliau, mereka, he, they) resolved to the nearest one who fits."""

from __future__ import annotations

import pytest

from tracker.extract import extract
from tracker.extract.pronouns import Antecedent, Salience


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        (
            "Kepala desa Warsito meninjau sawah. “Panen tahun ini bagus sekali,” katanya.",
            "id",
            "Warsito",
        ),
        (
            "Ketua RT Bambang Sutejo mengatakan warga sudah mengungsi. “Air masih naik,” ujarnya.",
            "id",
            "Bambang Sutejo",
        ),
        (
            "Rektor Maya Sari hadir di acara itu. Ia mengatakan kampus akan dibuka kembali.",
            "id",
            "Maya Sari",
        ),
        (
            "Dokter Irwan Hakim menjelaskan prosedurnya. Dia menambahkan, pasien sudah pulih.",
            "id",
            "Irwan Hakim",
        ),
        ('Senator Amy Cole spoke first. "We need this bill," she said.', "en", "Amy Cole"),
        (
            "Coach Ben Ortiz praised the team. He said the defense was the best in years.",
            "en",
            "Ben Ortiz",
        ),
    ],
)
def test_pronoun_speakers(text: str, language: str, speaker: str) -> None:
    ex = extract(text, language)
    last = ex.statements[-1]
    assert last.speaker is not None and last.speaker.name == speaker


def test_pronoun_inherits_chain() -> None:
    text = (
        "Menurut laporan Antara yang mengutip Kementerian Luar Negeri, Menteri Retno Ayu"
        " menegaskan bahwa evakuasi berjalan lancar. “Semua warga sudah aman,” tambahnya."
    )
    ex = extract(text, "id")
    chains = [[h.source.name for h in s.chain] for s in ex.statements]
    assert chains[-1] == chains[0]
    assert chains[0][0] == "Antara" and chains[0][-1] == "Retno Ayu"


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (
            "Kiai Hasan Basri memberi tausiah. Beliau mengatakan bahwa umat harus bersatu.",
            "Hasan Basri",
            "person",
        ),
        (
            "Para nelayan Desa Sukamaju mengeluh. Mereka mengatakan bahwa harga solar naik.",
            "Para nelayan Desa Sukamaju",
            "anonymous",
        ),
    ],
)
def test_beliau_and_mereka(text: str, speaker: str, kind: str) -> None:
    st = extract(text, "id").statements[-1]
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind) == (speaker, kind)


def test_pronoun_with_a_contracted_auxiliary_is_the_pronoun() -> None:
    """ "They're saying …": a pronoun speaker, resolved like "they", never a source named
    "They're"."""
    text = "Lane arrived late. They're saying that the vote was rigged."
    [st] = extract(text, "en").statements
    assert st.speaker_surface == "They"
    assert st.speaker is None or st.speaker.name != "They're"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Lane arrived. He’s claiming that voter fraud is a big problem.", "claiming"),
        ("Lane arrived. He's saying that the count was rigged.", "saying"),
    ],
)
def test_pronoun_contraction_is_no_possessive(text: str, cue: str) -> None:
    """ "He’s claiming" is "he is claiming": a pronoun's "’s" is no possessive, so the cue
    after it is a verb (while "Lopez’s warning" stays a noun)."""
    [st] = extract(text, "en").statements
    assert (st.cue, st.speaker_surface) == (cue, "He")


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        # "it" stands for a body (a company, an outlet), never for a person
        (
            "Harbor Freight Corp said it would close two plants. It said 300 jobs would go.",
            "en",
            "Harbor Freight Corp",
        ),
        (
            "Mayor Lena Park said the city would sue. The World Bank said the loan was"
            " approved. It said the money would come in May.",
            "en",
            "The World Bank",
        ),
        ("Mayor Lena Park opened the bridge. It said the bridge would ease traffic.", "en", None),
        # "they" stands for a group or a body, never for one person named before
        (
            "Senate Republican leaders said the bill was dead. Mayor Lena Park said the city"
            " would sue. They said the vote would wait.",
            "en",
            "Senate Republican leaders",
        ),
        ("Mayor Lena Park said the city would sue. They said the vote would wait.", "en", None),
        (
            "Bupati Rina Wati meresmikan jembatan itu. Mereka mengatakan jembatan itu mengurai"
            " kemacetan.",
            "id",
            None,
        ),
        # and "he" never for a group
        (
            "Mayor Lena Park said the city would sue. Senate Republican leaders said the bill"
            " was dead. He said the vote would wait.",
            "en",
            "Lena Park",
        ),
    ],
)
def test_it_and_they_fit_their_antecedents(text: str, language: str, speaker: str | None) -> None:
    last = extract(text, language).statements[-1]
    if speaker is None:
        assert last.speaker is None and last.chain == ()
    else:
        assert last.speaker is not None and last.speaker.name == speaker


def test_find_passes_over_a_sentence_it_need_not_parse() -> None:
    parsed: list[tuple[int, int]] = []
    agency = Antecedent(7, "news_outlet", (), (), False)

    def subject_of(start: int, end: int) -> Antecedent | None:
        parsed.append((start, end))
        return agency if start == 0 else None

    salience = Salience(subject_of)
    salience.push((0, 10))
    salience.push((10, 20))
    found = salience.find(lambda a: a.kind == "news_outlet", lambda s, e: s == 10)
    assert found is agency
    assert parsed == [(0, 10)]  # the skipped sentence was never parsed
    assert salience.find(lambda a: a.kind == "news_outlet") is agency
    assert parsed == [(0, 10), (10, 20)]  # without the skip it is


@pytest.mark.parametrize(
    ("text", "language", "content", "name"),
    [
        (
            "Pengajar sosiologi Universitas Cendana, Rina Wulan, mengapresiasi pembentukan tim"
            " itu. Kerja tim ini termasuk cara represif. Menurut dia, langkah persuasif saja"
            " tidak cukup.",
            "id",
            "langkah persuasif saja tidak cukup",
            "Rina Wulan",
        ),
        (
            "An economist at the bank, Mark Brett, welcomed the cut. The decision came late."
            " According to him, rates should fall again.",
            "en",
            "rates should fall again",
            "Mark Brett",
        ),
    ],
)
def test_a_pronoun_finds_the_named_subject_behind_its_role(
    text: str, language: str, content: str, name: str
) -> None:
    by_text = {s.text: s for s in extract(text, language).statements}
    speaker = by_text[content].speaker
    assert speaker is not None and speaker.name == name
