"""According to: "menurut X" / "according to X" and "As reported by X," name a clause's source."""

from __future__ import annotations

import pytest

from tracker.extract import Statement, extract


def _with(statements: tuple[Statement, ...], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text and s.kind != "partial"]
    assert found, statements
    return found[0]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Mayor Ana Lopez spoke on Tuesday about the budget. According to her, the budget "
            "will cut taxes for families.",
            "en",
            "Ana Lopez",
        ),
        (
            "Kepala dinas kesehatan, Budi Santoso, mengatakan bahwa vaksin sudah tiba. Menurut "
            "dia, pelatihan petugas akan selesai pekan depan.",
            "id",
            "Budi Santoso",
        ),
    ],
)
def test_according_to_a_pronoun_names_its_antecedent(text: str, language: str, name: str) -> None:
    stmt = _with(extract(text, language).statements, "pekan depan" if language == "id" else "cut")
    assert stmt.speaker is not None and stmt.speaker.name == name


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


@pytest.mark.parametrize(
    ("text", "language", "content", "source"),
    [
        # set off inside the clause: an adverbial lead is no part of the statement
        (
            "Since last spring, according to the harbour police, six boats have been stolen.",
            "en",
            "six boats have been stolen",
            "the harbour police",
        ),
        (
            "At the heart of the dispute, according to Dana Ross, a former mediator, was a "
            "missing clause in the lease.",
            "en",
            "was a missing clause in the lease",
            "Dana Ross",
        ),
        # a subject before it is: the statement is the whole clause
        (
            "Ticket sales, according to the museum, have doubled since May.",
            "en",
            "Ticket sales, according to the museum, have doubled since May",
            "the museum",
        ),
        (
            "Sejak Mei lalu, menurut polisi, tiga orang sudah ditangkap di pelabuhan.",
            "id",
            "tiga orang sudah ditangkap di pelabuhan",
            "polisi",
        ),
        (
            "Harga beras, menurut pedagang, naik dua kali lipat bulan ini.",
            "id",
            "Harga beras, menurut pedagang, naik dua kali lipat bulan ini",
            "pedagang",
        ),
    ],
)
def test_according_to_set_off_inside_the_clause(
    text: str, language: str, content: str, source: str
) -> None:
    [st] = extract(text, language).statements
    assert (st.text, st.rule) == (content, "according_to")
    assert st.speaker is not None and st.speaker.name == source


def test_according_to_before_a_new_clause_keeps_the_clause_before() -> None:
    text = "The ferry is full, according to the operator, although two cabins are free."
    [st] = extract(text, "en").statements
    assert st.text == "The ferry is full"
    assert st.speaker is not None and st.speaker.name == "the operator"


@pytest.mark.parametrize(
    ("text", "language", "content", "name"),
    [
        # set off inside the clause it attributes: the whole clause is the source's
        (
            "Kebakaran itu, menurut Rina Wulandari, bermula dari dapur warga.",
            "id",
            "Kebakaran itu, menurut Rina Wulandari, bermula dari dapur warga",
            "Rina Wulandari",
        ),
        (
            "Sebab, menurut Rina Wulandari, jika angin kencang, api cepat menjalar.",
            "id",
            "jika angin kencang, api cepat menjalar",
            "Rina Wulandari",
        ),
        (
            "The fire, according to Chief Ana Ruiz, started in a kitchen on the ground floor.",
            "en",
            "The fire, according to Chief Ana Ruiz, started in a kitchen on the ground floor",
            "Ana Ruiz",
        ),
        # an acronym in parentheses inside the name, a date after it
        (
            "Menurut Ketua Asosiasi Petani Kopi Indonesia (APKI) Dedi Kurnia, Selasa (4/5/2021),"
            " harga kopi naik.",
            "id",
            "harga kopi naik",
            "Dedi Kurnia",
        ),
        # a role, a place, then the name
        (
            "Menurut Guru Besar Fakultas Pertanian Universitas Mulawarman, Samarinda, Hendra"
            " Kusuma, panen akan mundur.",
            "id",
            "panen akan mundur",
            "Hendra Kusuma",
        ),
        # a subheading glued to the sentence (the copy lost its line break)
        (
            "Panen mundur Menurut Hendra Kusuma, hujan datang terlambat tahun ini.",
            "id",
            "hujan datang terlambat tahun ini",
            "Hendra Kusuma",
        ),
        (
            "Harvest delayed According to Ana Ruiz, the rains came late this year.",
            "en",
            "the rains came late this year",
            "Ana Ruiz",
        ),
        # a body named as one
        (
            "Namun, menurut Pusat Kajian Pangan Nusantara, harga beras masih tinggi.",
            "id",
            "harga beras masih tinggi",
            "Pusat Kajian Pangan Nusantara",
        ),
    ],
)
def test_according_to_where_news_copy_puts_it(
    text: str, language: str, content: str, name: str
) -> None:
    stmt = _with(extract(text, language).statements, content)
    assert stmt.text.endswith(content)
    assert stmt.speaker is not None and stmt.speaker.name == name
    assert [h.source.name for h in stmt.chain] == [name]


def test_according_to_inside_the_clause_makes_one_statement() -> None:
    text = "Kebakaran itu, menurut Rina Wulandari, bermula dari dapur warga."
    assert len(extract(text, "id").statements) == 1


@pytest.mark.parametrize(
    ("text", "language", "content", "name"),
    [
        # a bare title stands for the last person named with it (not with a longer title)
        (
            "Wakil Presiden Hasan Basri hadir. Presiden Dewi Lestari meresmikan bandara itu. "
            "Menurut Presiden, landasan bandara mampu menahan gempa besar.",
            "id",
            "landasan bandara mampu menahan gempa besar",
            "Dewi Lestari",
        ),
        (
            "Gubernur Andi Wijaya meninjau tanggul. ”Tanggul ini aman,” kata Gubernur.",
            "id",
            "Tanggul ini aman",
            "Andi Wijaya",
        ),
        # a capitalised connector opens a name
        (
            "Menurut Al Hakim, rencana itu terkait pandemi.",
            "id",
            "rencana itu terkait pandemi",
            "Al Hakim",
        ),
        ("According to Al Ruiz, the plan is tied to the pandemic.", "en", "the plan", "Al Ruiz"),
    ],
)
def test_the_speaker_named_after_according_to(
    text: str, language: str, content: str, name: str
) -> None:
    stmt = _with(extract(text, language).statements, content)
    assert stmt.speaker is not None and stmt.speaker.name == name


@pytest.mark.parametrize(
    ("text", "language", "fragment", "name"),
    [
        (
            "Menurut Kepala Bidang Taman dan Pemakaman Dinas Kota Rina Wulandari, jumlah taman"
            " di kota itu 312.",
            "id",
            "jumlah taman",
            "Rina Wulandari",
        ),
        (
            "According to Commissioner of Parks and Recreation Ana Lopez, the city has 312 parks.",
            "en",
            "312",
            "Ana Lopez",
        ),
    ],
)
def test_a_role_whose_name_holds_and_runs_on_to_the_person(
    text: str, language: str, fragment: str, name: str
) -> None:
    st = _with(extract(text, language).statements, fragment)
    assert st.speaker is not None and st.speaker.name.endswith(name)
    assert len(st.chain) == 1


def test_a_year_after_berdasarkan_data_is_no_source() -> None:
    text = "Menurut Kepala Dinas Rina Wulandari, berdasarkan data 2017, jumlah taman 312."
    st = _with(extract(text, "id").statements, "jumlah taman")
    assert [h.source.name for h in st.chain] == ["Rina Wulandari"]


def test_lower_case_words_after_berdasarkan_data_mid_sentence_are_no_relay() -> None:
    text = (
        "Wali Kota Rina Wulandari menjelaskan, berdasarkan data milik pemkot, kasus baru"
        " turun.\nMenurut dia, warga harus tetap memakai masker."
    )
    statements = extract(text, "id").statements
    for fragment in ("kasus baru", "memakai masker"):
        st = _with(statements, fragment)
        assert [h.source.name for h in st.chain] == ["Rina Wulandari"], fragment


@pytest.mark.parametrize(
    ("text", "language", "fragment", "chain"),
    [
        (
            'Police stopped the truck. "According to the driver, the truck carried pineapples'
            ' to the port," said police spokesman Ed Sumner.',
            "en",
            "pineapples",
            [("Ed Sumner", "said"), ("the driver", "citing")],
        ),
        (
            "Polisi menghentikan truk itu. ”Menurut sopir, truk itu membawa nanas ke"
            " pelabuhan,” ujar juru bicara polisi Edi Sumarna.",
            "id",
            "nanas",
            [("Edi Sumarna", "said"), ("sopir", "citing")],
        ),
        # a quote that closes before "according to" is the relay's, as before
        (
            'Lopez met Ruiz "to discuss the port," according to a statement by the council.',
            "en",
            "discuss",
            None,
        ),
    ],
)
def test_an_according_to_phrase_opening_a_quote_is_whom_the_speaker_cites(
    text: str, language: str, fragment: str, chain: list[tuple[str, str]] | None
) -> None:
    st = _with(extract(text, language).statements, fragment)
    hops = [(h.source.name, h.relation) for h in st.chain]
    if chain is None:
        assert all(relation != "citing" for _, relation in hops), hops
    else:
        assert hops == chain


@pytest.mark.parametrize(
    ("text", "language", "content", "speaker"),
    [
        (
            # the words after "menurut X," are a clause with its verb, no apposition of X
            "Dari jumlah itu, menurut Rina, beberapa daerah mengalami kenaikan kasus seperti"
            " Cimahi yang mencapai 40 persen, Lembang 20 persen, dan Parongpong 15 persen.",
            "id",
            "beberapa daerah mengalami kenaikan kasus",
            "Rina",
        ),
        (
            "Of those, according to Rina, several districts saw a rise in cases such as Cimahi,"
            " where it reached 40 percent, and Lembang.",
            "en",
            "several districts saw a rise in cases",
            "Rina",
        ),
        (
            # an apposition of X is still skipped
            "Kejadian itu, menurut Ahmad, seorang petugas pos, ditemukan di Bali pada pagi hari.",
            "id",
            "ditemukan di Bali pada pagi hari",
            "Ahmad",
        ),
        (
            # a faculty named with "dan" inside the speaker's title
            "Menurut Guru Besar Fakultas Hukum dan Bisnis Universitas Cendana Maria Lestari,"
            " aturan baru itu harus diuji di pengadilan.",
            "id",
            "aturan baru itu harus diuji di pengadilan",
            "Maria Lestari",
        ),
    ],
)
def test_according_to_mid_sentence_takes_the_clause_after_it(
    text: str, language: str, content: str, speaker: str
) -> None:
    stmt = _with(extract(text, language).statements, content)
    assert stmt.speaker is not None and stmt.speaker.name.endswith(speaker)
