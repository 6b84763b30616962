"""Relay chains (reported by, quoted by, told, citing) in both languages; state media flagged."""

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
            # data names its author (CHAINS_GUIDE.md: "data X" is [X])
            [("Andi Saputra", "person", "said"), ("kepolisian", "government_body", "citing")],
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
    ("text", "language", "content", "expected"),
    [
        # the relay after the content is no part of it
        (
            "Menteri Keuangan Sri Wahyuni mengatakan bahwa defisit akan turun, seperti dikutip"
            " Antara.",
            "id",
            "defisit akan turun",
            [("Antara", "quoted_by"), ("Sri Wahyuni", "said")],
        ),
        # "Mengutip X," opening the sentence is where the writer took it from
        (
            "Mengutip Reuters, juru bicara Ali Hasan mengatakan bahwa perundingan gagal.",
            "id",
            "perundingan gagal",
            [("Reuters", "quoted_by"), ("Ali Hasan", "said")],
        ),
        (
            "Melansir CNN, Menteri Ali Hasan mengatakan bahwa perundingan gagal.",
            "id",
            "perundingan gagal",
            [("CNN", "reported_by"), ("Ali Hasan", "said")],
        ),
        # "X, citing Y, said": the relay phrase is no cue of its own
        (
            "Tass, citing the defence ministry, reported that two drones were shot down.",
            "en",
            "two drones were shot down",
            [("TASS", "said"), ("the defence ministry", "citing")],
        ),
        # a monitor is the outermost hop
        (
            "IRNA, monitored by the BBC in London, said the offensive had begun.",
            "en",
            "the offensive had begun",
            [("BBC", "monitored_by"), ("IRNA", "said")],
        ),
        # an outlet described around its name is the outlet
        (
            "Xinhua, citing state news agency SPA, said Prince Fahd would visit Paris.",
            "en",
            "Prince Fahd would visit Paris",
            [("Xinhua", "said"), ("Saudi Press Agency", "citing")],
        ),
    ],
)
def test_relays_around_the_content(
    text: str, language: str, content: str, expected: list[tuple[str, str]]
) -> None:
    statements = {s.text: s for s in extract(text, language).statements}
    assert content in statements, list(statements)
    chain = statements[content].chain
    assert [(h.source.name, h.relation) for h in chain] == expected
    assert all(h.source.kind == "news_outlet" for h in chain if h.source.name in ("SPA", "BBC"))


@pytest.mark.parametrize(
    "text",
    [
        "Sejak kasus itu dilaporkan akhir Maret lalu, ia mengatakan aparat telah memeriksa saksi.",
        "Ia mengatakan dana yang dilaporkan kecil belum tentu benar.",
    ],
)
def test_a_passive_verb_with_no_source_after_it_is_no_relay(text: str) -> None:
    for statement in extract(text, "id").statements:
        assert all(h.relation != "reported_by" for h in statement.chain)


@pytest.mark.parametrize(
    ("surface", "language", "name", "state_media"),
    [
        ("the official Tass news agency", "en", "TASS", True),
        ("Tehran's IRNA news agency", "en", "IRNA", True),
        ("the Kyodo news agency", "en", "Kyodo", False),
        ("kantor berita Antara", "id", "Antara", True),
        ("the armed forces newspaper Harian Bersatu", "en", "Harian Bersatu", False),
        ("the daily al-Tariq", "en", "al-Tariq", False),
    ],
)
def test_relay_hops_name_the_outlet(
    surface: str, language: str, name: str, state_media: bool
) -> None:
    """A relay hop that describes an outlet is the outlet under its canonical name."""
    text = (
        f"Trade Minister Aziz Rahman was quoted by {surface} as saying rice imports would rise."
        if language == "en"
        else f"Seperti dikutip {surface}, Menteri Budi Hartono mengatakan impor beras naik."
    )
    hop = extract(text, language).statements[0].chain[0]
    assert (hop.source.name, hop.source.kind) == (name, "news_outlet")
    assert hop.source.state_media is state_media


@pytest.mark.parametrize(
    ("text", "language", "content", "chain"),
    [
        # "citing" a topic (a lower-case phrase whose head is no source noun) is no hop
        (
            "Sales dropped, the firm said, citing weak demand in Asia.",
            "en",
            "Sales dropped",
            ["the firm"],
        ),
        (
            "Profits fell 30 pct, the company said, citing lower oil prices.",
            "en",
            "Profits fell 30 pct",
            ["the company"],
        ),
        (
            "Harga beras naik, kata pedagang, mengutip kenaikan ongkos kirim.",
            "id",
            "Harga beras naik",
            ["pedagang"],
        ),
        # a nationality counted is people pointed to, no source
        (
            "Much of the anger is fair, Lopez said, citing the many Americans who had"
            " stopped looking for work.",
            "en",
            "Much of the anger is fair",
            ["Lopez"],
        ),
        (
            "Much of the anger is fair, Lopez said, citing most Europeans.",
            "en",
            "Much of the anger is fair",
            ["Lopez"],
        ),
        # people, sources and names cited stay hops
        (
            "Much of the anger is fair, Lopez said, citing the Americans.",
            "en",
            "Much of the anger is fair",
            ["Lopez", "Americans"],
        ),
        (
            "The trial was delayed, the court said, citing their attorneys.",
            "en",
            "The trial was delayed",
            ["the court", "their attorneys"],
        ),
        (
            "Sales dropped, the firm said, citing analysts.",
            "en",
            "Sales dropped",
            ["the firm", "analysts"],
        ),
        (
            "Harga beras naik, kata pedagang, mengutip para petani.",
            "id",
            "Harga beras naik",
            ["pedagang", "para petani"],
        ),
        (
            "Harga beras naik, kata Andi Saputra, mengutip Badan Pusat Statistik.",
            "id",
            "Harga beras naik",
            ["Andi Saputra", "Badan Pusat Statistik"],
        ),
    ],
)
def test_citing_a_topic_is_no_hop(text: str, language: str, content: str, chain: list[str]) -> None:
    [st] = [s for s in extract(text, language).statements if s.text == content]
    assert [h.source.name for h in st.chain] == chain


@pytest.mark.parametrize(
    ("text", "language", "needle", "speaker"),
    [
        (
            'The firm "regrets that prices quoted by some trade papers do not reflect the'
            ' market," a statement by the Ruritanian miners said.',
            "en",
            "trade papers",
            "a statement by the Ruritanian miners",
        ),
        (
            'Perusahaan itu "menyesalkan harga yang dikutip oleh beberapa media tidak'
            ' mencerminkan pasar," kata Direktur Budi Hartono.',
            "id",
            "beberapa media",
            "Budi Hartono",
        ),
    ],
)
def test_a_relay_phrase_inside_the_quoted_words_relays_nobody(
    text: str, language: str, needle: str, speaker: str
) -> None:
    """The quoted words speak of prices "quoted by" someone: no hop of whoever says them."""
    found = [s for s in extract(text, language).statements if needle in s.text]
    assert found
    assert [h.source.name for h in found[0].chain] == [speaker]
