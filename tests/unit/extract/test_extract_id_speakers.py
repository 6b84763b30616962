"""Indonesian speakers after the cue run role, institution, name ("kata Sekretaris
Kementerian Pangan dan UKM Rudi Hartono"); what breaks an English noun phrase (a
conjunction, an acronym in parentheses, a number) does not end such a run. All texts are
written for these tests."""

from __future__ import annotations

import pytest

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation"),
    [
        (
            "“Kami terus menyalurkan bantuan,” kata Sekretaris Kementerian Pangan dan UKM "
            "Rudi Hartono di Jakarta.",
            "Rudi Hartono",
            "Sekretaris",
            "Kementerian Pangan dan UKM",
        ),
        (
            "“Jadwal kereta kembali normal,” kata Direktur Utama PT Kereta Nusantara Raya "
            "(KNR) Wulan Sari melalui keterangan tertulis.",
            "Wulan Sari",
            "Direktur Utama",
            "PT Kereta Nusantara Raya (KNR)",
        ),
        (
            "“Penumpang diminta datang lebih awal,” ujar Kepala Humas Daop 4 Sinta Dewi dalam "
            "keterangan tertulis.",
            "Sinta Dewi",
            "Kepala Humas",
            "Daop 4",
        ),
        (
            "“Ada tambahan 12 kasus hari ini,” kata Juru Bicara Satgas Covid-19 Kota Palu dr "
            "Andi Rahman.",
            "Andi Rahman",
            "Juru Bicara",
            "Satgas Covid-19 Kota Palu",
        ),
        (
            "“Kami masih memeriksa saksi,” kata Kepala Satuan Lalu Lintas Polres Bantul Ajun "
            "Komisaris Bima Putra.",
            "Bima Putra",
            "Kepala",
            "Satuan Lalu Lintas Polres Bantul Ajun Komisaris",
        ),
    ],
)
def test_role_institution_name_after_the_cue(
    text: str, name: str, role: str, affiliation: str
) -> None:
    [st] = extract(text, "id").statements
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.role, st.speaker.affiliation) == (name, role, affiliation)


def test_run_stops_at_a_sentence_opener() -> None:
    """A capitalised stop word continues only a titled run: "kata seorang warga. Ketika …"
    never makes "Ketika" part of the speaker."""
    text = "“Jaga jarak,” kata seorang pedagang Ketika PSBB mulai diterapkan, pasar sepi."
    [st] = extract(text, "id").statements
    assert st.speaker is not None
    assert "Ketika" not in st.speaker.name
