"""Direct quotes in both languages: after, before, dash, colon lead-in, previous sentence."""

from __future__ import annotations

import pytest

from tracker.extract import extract

ID_CASES = [
    # attribution after the quote
    ("“Harga cabai naik dua kali lipat,” kata Siti Rahayu.", "Siti Rahayu"),
    ("”Kami akan memperbaiki jalan itu tahun depan,” ujar Bupati Arief Wibowo.", "Arief Wibowo"),
    ("“Semua sudah kami siapkan sejak pagi,” tutur Dewi.", "Dewi"),
    ("“Banjir datang tiba-tiba sekali,” ucap warga bernama Joko.", None),
    # attribution before the quote
    (
        "Menteri Pertanian Budi Santoso mengatakan: “Stok beras aman sampai akhir tahun.”",
        "Budi Santoso",
    ),
    # dash attribution
    ("“Kita harus bersatu menghadapi krisis ini” — Rina Marlina.", "Rina Marlina"),
]

EN_CASES = [
    ('"The bridge will reopen next week," said Mayor Tom Keller.', "Tom Keller"),
    ('"We have done nothing wrong here," Jane Doe said.', "Jane Doe"),
    ('Governor Ann Lee said: "The budget is balanced for the first time."', "Ann Lee"),
    ("“Nobody expected the vote to be this close” — Mark Olsen.", "Mark Olsen"),
    ('"I will not resign from this office," the senator said.', "the senator"),
]


@pytest.mark.parametrize(("text", "speaker"), ID_CASES)
def test_indonesian_direct(text: str, speaker: str | None) -> None:
    ex = extract(text, "id")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert len(direct) == 1
    st = direct[0]
    assert text[st.start : st.end] == st.text
    assert st.text[0] in '“”"' and st.text[-1] in '“”"'
    if speaker is not None:
        assert st.speaker is not None and st.speaker.name == speaker
        assert [h.source.name for h in st.chain] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), EN_CASES)
def test_english_direct(text: str, speaker: str) -> None:
    ex = extract(text, "en")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker is not None and direct[0].speaker.name == speaker


def test_role_from_title_goes_to_role() -> None:
    ex = extract("“Jalan akan diperbaiki,” ujar Bupati Arief Wibowo.", "id")
    sp = ex.statements[0].speaker
    assert sp is not None and sp.role == "Bupati" and sp.kind == "person"


def test_colon_lead_in_paragraph_and_continuation() -> None:
    text = (
        "Ketua panitia Sari Dewanti mengatakan:\n"
        "“Acara tahun ini diikuti lebih dari seribu peserta dari berbagai daerah.”\n"
        "“Kami berterima kasih kepada semua relawan yang sudah membantu.”"
    )
    ex = extract(text, "id")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert len(direct) == 2
    assert all(s.speaker is not None and s.speaker.name == "Sari Dewanti" for s in direct)


def test_speaker_named_in_previous_sentence() -> None:
    text = (
        "Kepala sekolah Hadi Purnomo menyampaikan, ujian akan digelar bulan depan. "
        "“Semua siswa wajib hadir tepat waktu dan membawa kartu ujian.”"
    )
    ex = extract(text, "id")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert direct and direct[0].speaker is not None
    assert direct[0].speaker.name == "Hadi Purnomo"


def test_split_quote_shares_speaker() -> None:
    text = '"We will win this state," Maria Gomez said, "and then the next one."'
    ex = extract(text, "en")
    direct = [s for s in ex.statements if s.kind == "direct"]
    assert len(direct) == 2
    assert {s.speaker.name for s in direct if s.speaker} == {"Maria Gomez"}


def test_scare_quote_in_outlet_analysis_is_not_a_statement() -> None:
    text = "Kota itu kini disebut sebagai ‘ibu kota kuliner’ oleh banyak wisatawan."
    assert extract(text, "id").statements == ()
