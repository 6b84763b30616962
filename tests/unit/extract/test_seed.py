"""Acceptance criteria on the shared seed article (missing: a skip, or a failure in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.extract.helpers import seed_text
from tracker.extract import Extraction, extract


@pytest.fixture(scope="module")
def seed() -> tuple[str, Extraction]:
    text = seed_text()
    return text, extract(text)


def test_a_missing_seed_fails_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        seed_text(tmp_path / "absent.txt")


def test_a_missing_seed_skips_with_its_path_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"absent\.txt"):
        seed_text(tmp_path / "absent.txt")


def _containing(ex: Extraction, text: str, needle: str, kind: str | None = None) -> list:
    return [
        s
        for s in ex.statements
        if s.start <= text.find(needle) < s.end and (kind is None or s.kind == kind)
    ]


def _chain(st: object) -> list[tuple[str, str, str]]:
    return [(h.source.name, h.source.kind, h.relation) for h in st.chain]  # type: ignore[attr-defined]


def test_language(seed: tuple[str, Extraction]) -> None:
    assert seed[1].language == "id"


def test_yonhap_kcna_kim_chain(seed: tuple[str, Extraction]) -> None:
    text, ex = seed
    sts = _containing(ex, text, "tak terkalahkan dan abadi")
    assert sts
    for st in sts:
        assert _chain(st) == [
            ("Yonhap", "news_outlet", "reported_by"),
            ("KCNA", "news_outlet", "citing"),
            ("Kim Jong Un", "person", "said"),
        ]
        assert st.chain[1].source.state_media
    assert {s.kind for s in sts} == {"mixed", "partial"}


def test_sambungnya_continues_kim_with_same_chain(seed: tuple[str, Extraction]) -> None:
    text, ex = seed
    (st,) = _containing(ex, text, "Pertemuan dan ikatan persahabatan", "direct")
    assert st.speaker is not None and st.speaker.name == "Kim Jong Un"
    assert st.speaker_surface == "sambungnya"
    assert [n for n, _, _ in _chain(st)] == ["Yonhap", "KCNA", "Kim Jong Un"]


def test_jeffrey_lewis_role_and_affiliation(seed: tuple[str, Extraction]) -> None:
    _, ex = seed
    (lewis,) = [s for s in ex.sources if s.name == "Jeffrey Lewis"]
    assert lewis.kind == "person"
    assert lewis.role == "direktur"
    assert lewis.affiliation == "James Martin Center for Nonproliferation Studies"


def test_kang_dae_sik_cites_intelligence_agency(seed: tuple[str, Extraction]) -> None:
    text, ex = seed
    (st,) = _containing(ex, text, "konstruksi masih berada")
    assert _chain(st) == [
        ("Kang Dae Sik", "person", "said"),
        ("badan intelijen Korea", "government_body", "citing"),
    ]


def test_lawmaker_statement_with_militer_seoul_source(seed: tuple[str, Extraction]) -> None:
    text, ex = seed
    (st,) = _containing(ex, text, "militer Seoul telah mendeteksi")
    assert st.speaker is not None and st.speaker.kind == "anonymous"
    assert "anggota parlemen" in st.speaker.name
    assert st.chain[-1].source.name == "militer Seoul"
    assert st.chain[-1].source.kind == "government_body"


@pytest.mark.parametrize("needle", ["sahabat terdekat", "ditingkatkan ke tingkat", "mempercepat"])
def test_kim_statements(seed: tuple[str, Extraction], needle: str) -> None:
    text, ex = seed
    sts = _containing(ex, text, needle)
    assert sts
    assert all(s.speaker is not None and s.speaker.name == "Kim Jong Un" for s in sts)


def test_disinyalir_is_unattributed(seed: tuple[str, Extraction]) -> None:
    _, ex = seed
    assert [u.cue for u in ex.unattributed] == ["disinyalir"]


@pytest.mark.parametrize(
    "needle",
    [
        "Hubungan Pyongyang dengan Moskow",
        "Hubungan Korea Utara dan Rusia",
        "Bagi Putin",
        "Korea Utara jelas bisa",
        "Fokus utama Korea Utara",
        "Meski demikian",
        "Pada kunjungan Kim ke Rusia",
    ],
)
def test_no_statement_in_analysis_paragraphs(seed: tuple[str, Extraction], needle: str) -> None:
    text, ex = seed
    start = text.find(needle)
    end = text.find("\n", start)
    assert not [s for s in ex.statements if start <= s.start < end]


def test_no_korea_utara_source_from_referring_to(seed: tuple[str, Extraction]) -> None:
    _, ex = seed
    assert "Korea Utara" not in {s.name for s in ex.sources}
    assert not any("Korea Utara" == a for s in ex.sources for a in s.aliases)


def test_to_dict_contract(seed: tuple[str, Extraction]) -> None:
    text, ex = seed
    d = ex.to_dict()
    assert set(d) >= {"language", "statements", "unattributed", "sources"}
    for st in d["statements"]:
        assert set(st) >= {"kind", "text", "start", "end", "cue", "speaker", "chain"}
        assert text[st["start"] : st["end"]] == st["text"]
        if st["speaker"] is not None:
            assert set(st["speaker"]) >= {"name", "kind", "role", "affiliation"}
        for hop in st["chain"]:
            assert set(hop) >= {"name", "kind", "relation", "cue"}
    for un in d["unattributed"]:
        assert set(un) >= {"text", "start", "end", "cue"}
