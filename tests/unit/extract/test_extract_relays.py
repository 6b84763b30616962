"""Relay chains, pronoun speakers and sources, in both languages, on texts written for tracker."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _chain(text: str, language: str, index: int = 0) -> list[tuple[str, str, str]]:
    st = [s for s in extract(text, language).statements if s.kind != "partial"][index]
    return [(h.source.name, h.source.kind, h.relation) for h in st.chain]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Berdasarkan laporan Reuters yang mengutip kantor berita resmi Iran, IRNA, "
            "Menteri Luar Negeri Hasan Karimi menyatakan bahwa perundingan akan dilanjutkan.",
            "id",
            [
                ("Reuters", "news_outlet", "reported_by"),
                ("IRNA", "news_outlet", "citing"),
                ("Hasan Karimi", "person", "said"),
            ],
        ),
        (
            "Seperti dilansir AFP, Perdana Menteri Louis Martin mengatakan bahwa pajak tidak naik.",
            "id",
            [
                ("Agence France-Presse", "news_outlet", "reported_by"),
                ("Louis Martin", "person", "said"),
            ],
        ),
        (
            "Mengacu pada data kepolisian, juru bicara Andi Saputra mengatakan bahwa kasus"
            " menurun.",
            "id",
            [("Andi Saputra", "person", "said"), ("data kepolisian", "unknown", "citing")],
        ),
        (
            "Xinhua, mengutip kementerian kesehatan, melaporkan bahwa wabah sudah terkendali.",
            "id",
            [
                ("Xinhua", "news_outlet", "said"),
                ("kementerian kesehatan", "government_body", "citing"),
            ],
        ),
        (
            "According to Yonhap, citing KCNA, the leader said the tests would continue.",
            "en",
            [
                ("Yonhap", "news_outlet", "according_to"),
                ("KCNA", "news_outlet", "citing"),
                ("the leader", "person", "said"),
            ],
        ),
        (
            "Tass, citing the defence ministry, reported that two drones were shot down.",
            "en",
            [
                ("TASS", "news_outlet", "said"),
                ("the defence ministry", "government_body", "citing"),
            ],
        ),
        (
            "As first reported by Bloomberg, the company is cutting 500 jobs, Chief Executive"
            " Sara Moss said.",
            "en",
            [("Bloomberg", "news_outlet", "reported_by"), ("Sara Moss", "person", "said")],
        ),
        (
            "The talks have stalled, the minister said, according to Reuters.",
            "en",
            [("Reuters", "news_outlet", "according_to"), ("the minister", "person", "said")],
        ),
        (
            "Reuters reported, quoting a police spokesman, that three people were arrested.",
            "en",
            [("Reuters", "news_outlet", "said"), ("a police spokesman", "anonymous", "citing")],
        ),
        (
            "The minister, quoted by Interfax, said the talks had failed.",
            "en",
            [("Interfax", "news_outlet", "quoted_by"), ("The minister", "person", "said")],
        ),
        (
            "Sebagaimana dikutip Antara, Gubernur Ali Hasan mengatakan banjir surut.",
            "id",
            [("Antara", "news_outlet", "quoted_by"), ("Ali Hasan", "person", "said")],
        ),
        (
            "Governor Ray Holt told CNN that the state would appeal.",
            "en",
            [("CNN", "news_outlet", "told"), ("Ray Holt", "person", "said")],
        ),
    ],
)
def test_relay_chains(text: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    got = _chain(text, language)
    assert [(n, r) for n, _, r in got] == [(n, r) for n, _, r in expected]
    for (_, kind, _), (_, want, _) in zip(got, expected, strict=True):
        if want != "unknown":
            assert kind == want


def test_state_media_flag_from_list_and_description() -> None:
    ex = extract(
        "Berdasarkan laporan Reuters yang mengutip media resmi Rusia, TASS, Menteri Igor Petrov"
        " menyatakan bahwa latihan selesai.",
        "id",
    )
    hops = ex.statements[0].chain
    assert [h.source.state_media for h in hops] == [False, True, False]


def test_referring_to_is_not_a_citation() -> None:
    text = (
        "Menteri Dian Sastro mengatakan bahwa kerja sama akan diperluas. "
        "“Negeri kita akan semakin kuat,” lanjutnya mengacu pada Indonesia dengan sebutan itu."
    )
    ex = extract(text, "id")
    assert "Indonesia" not in {s.name for s in ex.sources}
    direct = next(s for s in ex.statements if s.kind == "direct")
    assert [h.source.name for h in direct.chain] == ["Dian Sastro"]


def test_audience_is_not_the_speaker() -> None:
    ex = extract("“Kami siap bekerja,” kata Rahmat kepada wartawan di Bandung.", "id")
    assert ex.statements[0].speaker is not None
    assert ex.statements[0].speaker.name == "Rahmat"


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


def test_aliases_resolve_to_one_source() -> None:
    text = (
        "Presiden Lina Kartika Dewi mengatakan bahwa ekonomi tumbuh. "
        "Lina juga menyatakan bahwa inflasi turun. “Kita optimistis,” kata lina kartika."
    )
    ex = extract(text, "id")
    persons = [s for s in ex.sources if s.kind == "person"]
    assert len(persons) == 1
    assert persons[0].name == "Lina Kartika Dewi"
    assert {"Lina", "Lina Kartika Dewi"} <= set(persons[0].aliases)
    assert len({s.speaker.key for s in ex.statements if s.speaker}) == 1


@pytest.mark.parametrize(
    ("text", "language", "kind", "role", "affiliation"),
    [
        (
            "Sinta Wulan, peneliti di Lembaga Riset Pangan, mengatakan bahwa harga stabil.",
            "id",
            "person",
            "peneliti",
            "Lembaga Riset Pangan",
        ),
        (
            "Pemimpin Partai Hijau, Dodi Firmansyah, mengatakan bahwa koalisi solid.",
            "id",
            "person",
            "Pemimpin",
            "Partai Hijau",
        ),
        (
            "Sumber yang tidak mau disebutkan namanya mengatakan bahwa rapat ditunda.",
            "id",
            "anonymous",
            None,
            None,
        ),
        ("Seorang pejabat mengatakan bahwa anggaran dipangkas.", "id", "anonymous", None, None),
        (
            "Badan intelijen negara itu menyatakan bahwa ancaman meningkat.",
            "id",
            "government_body",
            None,
            None,
        ),
        (
            "Two people familiar with the matter said the merger was off.",
            "en",
            "anonymous",
            None,
            None,
        ),
        ("Officials said the airport would reopen.", "en", "anonymous", None, None),
        (
            "John Park, a professor at Seoul University, said the tests were routine.",
            "en",
            "person",
            "professor",
            "Seoul University",
        ),
        ("The police said the suspect fled.", "en", "government_body", None, None),
    ],
)
def test_source_kinds_roles_affiliations(
    text: str, language: str, kind: str, role: str | None, affiliation: str | None
) -> None:
    ex = extract(text, language)
    sp = ex.statements[0].speaker
    assert sp is not None
    assert (sp.kind, sp.role, sp.affiliation) == (kind, role, affiliation)


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


@pytest.mark.parametrize(
    ("text", "language", "content", "outlet"),
    [
        (
            "As first reported by the Daily Ledger, the mayor will resign on Friday.",
            "en",
            "the mayor will resign on Friday",
            "Daily Ledger",
        ),
        (
            "Seperti dilansir Reuters, harga minyak naik tiga persen pada Senin.",
            "id",
            "harga minyak naik tiga persen pada Senin",
            "Reuters",
        ),
    ],
)
def test_reported_by_opener_with_no_speaker_is_the_outlets_report(
    text: str, language: str, content: str, outlet: str
) -> None:
    """With no speaker of its own, a clause after "as reported by X," is X's report, as
    after "according to X,"; mid-sentence ("The campaign, first reported by X, is …") the
    phrase reports an event, not a claim."""
    [st] = extract(text, language).statements
    assert st.text == content
    assert st.speaker is not None and st.speaker.name == outlet
    assert [(h.source.name, h.relation) for h in st.chain] == [(outlet, "reported_by")]
    mid = "The campaign, first reported by the Daily Ledger, is a key part of the plan."
    assert extract(mid, "en").statements == ()


def test_clause_before_a_titled_name_is_no_role() -> None:
    """ "The company is cutting jobs, Chief Executive Sara Moss said": the clause before the
    comma is the content, not an apposition giving Moss the role "company is cutting jobs";
    an apposition with a relative clause still is one."""
    [st] = extract(
        "The company is cutting 500 jobs, Chief Executive Sara Moss said.", "en"
    ).statements
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.role) == ("Sara Moss", "Chief Executive")
    [st] = extract(
        "An economist who is now at the institute, Dan Ode said the plan would fail.", "en"
    ).statements
    assert st.speaker is not None and st.speaker.role is not None
    assert st.speaker.role.startswith("economist")
