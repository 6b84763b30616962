"""Speaker names, roles and affiliations as a newsroom reads them, in both languages."""

from __future__ import annotations

import pytest

from tracker.extract import Statement, extract


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


def _with(statements: tuple[Statement, ...], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text and s.kind != "partial"]
    assert found, statements
    return found[0]


@pytest.mark.parametrize(
    ("text", "fragment", "name", "role"),
    [
        (
            "“The budget is a mess,” said Rep. G.K. Ode (D-N.C.), who leads the caucus.",
            "The budget is a mess",
            "G.K. Ode",
            "Rep",
        ),
        (
            "“The network has grown,” J.M. Berger said.",
            "The network has grown",
            "J.M. Berger",
            None,
        ),
        (
            "J.M. Berger, a researcher, said the network had grown.",
            "the network had grown",
            "J.M. Berger",
            "researcher",
        ),
        ("“We will vote no,” Sen. Ana B. Lopez said.", "We will vote no", "Ana B. Lopez", "Sen"),
    ],
)
def test_names_with_initials_are_whole(
    text: str, fragment: str, name: str, role: str | None
) -> None:
    stmt = _with(extract(text, "en").statements, fragment)
    assert stmt.speaker is not None
    assert stmt.speaker.name == name
    if role is not None:
        assert stmt.speaker.role == role


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ('A floor fight at the convention could prolong it. "We are ready," he said.', "A"),
        ('The paranoia remained. "We live in a fallen world," my father often said.', "The"),
        ("But no one could have envisioned what happened next.", "one"),
        ("If one adds the northern counties, the total rises to 40 seats.", "one"),
        ('The mother of three replied, "We need the leave, all of us."', "three"),
        (
            'The mayor, star of the reality TV show "Town Hall," said in May that he would run.',
            "TV",
        ),
        ("Critics say his TV show matters more to him than medicine.", "TV"),
    ],
)
def test_determiners_numerals_and_acronyms_are_not_people(text: str, bad: str) -> None:
    for stmt in extract(text, "en").statements:
        assert stmt.speaker is None or stmt.speaker.name != bad, stmt


def test_a_window_never_cuts_a_name() -> None:
    text = (
        "With rivals increasingly worried about a lack of energy among young voters in the "
        'rural northern counties, President Lopez is rolling out a new message: "It is me."'
    )
    ex = extract(text, "en")
    names = {s.name for s in ex.sources} | {a for s in ex.sources for a in s.aliases}
    assert not any(n in ("Presi", "Presid", "Pres") for n in names), names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("“The deal is historic,” Ban said.", "Ban"),
        ("Ban Ki-moon, the U.N. secretary general, said the deal was historic.", "Ban Ki-moon"),
        ("“We disagree,” said Ed Li.", "Ed Li"),
    ],
)
def test_real_short_names_stay(text: str, name: str) -> None:
    statements = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert statements and statements[0].speaker is not None
    assert statements[0].speaker.name == name


@pytest.mark.parametrize(
    ("text", "language", "fragment", "name", "role"),
    [
        (
            "“Kami siap bekerja keras untuk rakyat,” kata Presiden Joko Widodo dalam "
            "sambutannya di Jakarta.",
            "id",
            "Kami siap",
            "Joko Widodo",
            "Presiden",
        ),
        (
            "“Kami siap bekerja keras,” ujar Menteri Dalam Negeri Budi Santoso di Bandung.",
            "id",
            "Kami siap",
            "Budi Santoso",  # not "Santoso di Bandung": "di" + a place is no name part
            "Menteri",
        ),
        (
            "“Kami siap bekerja keras,” ujar Presiden dalam pidatonya di depan mahasiswa.",
            "id",
            "Kami siap",
            "Presiden",
            None,
        ),
    ],
)
def test_a_trailing_function_word_is_not_part_of_the_name(
    text: str, language: str, fragment: str, name: str, role: str | None
) -> None:
    """ "dalam" is a role word inside "Menteri Dalam Negeri", never at the end of a name."""
    stmt = _with(extract(text, language).statements, fragment)
    assert stmt.speaker is not None
    assert (stmt.speaker.name, stmt.speaker.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("“Kami siap bekerja keras,” ujar Menteri Dalam Negeri Budi Santoso.", "Kami siap"),
        ("Menteri Dalam Negeri Budi Santoso mengatakan bahwa pemerintah siap.", "pemerintah"),
    ],
)
def test_a_capitalised_link_word_stays_in_the_portfolio(text: str, fragment: str) -> None:
    """ "Dalam" links a role to a place only in lower case; "Menteri Dalam Negeri" is whole,
    after a quote and before a cue alike."""
    speaker = _with(extract(text, "id").statements, fragment).speaker
    assert speaker is not None
    assert (speaker.name, speaker.role, speaker.affiliation) == (
        "Budi Santoso",
        "Menteri",
        "Dalam Negeri",
    )


def test_an_initial_is_not_an_article() -> None:
    [statement] = extract("A. Smith said the bill was flawed.", "en").statements
    assert statement.speaker is not None and statement.speaker.kind == "person"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "A New York judge rejected the request to unseal the file, saying the law protects "
            "the couple.",
            "A New York judge",
            "judge",
        ),
        (
            "“The vote is a bellwether,” Dana Ode, a writer for The Ledger, said on Twitter.",
            "Dana Ode",
            "writer",
        ),
    ],
)
def test_common_role_nouns(text: str, name: str, role: str) -> None:
    """ "judge" and "writer" are roles: "A New York judge" is not cut to "A New York", and
    "a writer for The Ledger" gives the role and the affiliation."""
    statements = [s for s in extract(text, "en").statements if s.kind != "partial"]
    assert statements
    for st in statements:
        assert st.speaker is not None
        assert (st.speaker.name, st.speaker.role) == (name, role)


def test_outlet_before_a_name_without_a_comma_is_no_part_of_it() -> None:
    """ "… with the editorial board of the Washington Post Lane said …" (a comma lost after
    the paper): the speaker is Lane, not "Washington Post Lane" or the paper."""
    text = (
        "In a meeting with the editorial board of the Washington Post Lane said that the pact "
        "may shrink."
    )
    [st] = extract(text, "en").statements
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind, st.speaker.affiliation) == ("Lane", "person", None)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Kepala Bidang Humas Polda Kaltara Komisaris Besar (Pol) Rina Wulandari, dalam"
            " konferensi pers, Senin (4/5/2020), menuturkan, pos pemeriksaan ditambah.",
            "id",
            "Rina Wulandari",
        ),
        (
            '"Pos pemeriksaan ditambah," kata Kepala Polda Kaltara Irjen (Pol) Budi Santoso.',
            "id",
            "Budi Santoso",
        ),
        (
            '"The base will close in May," said Lt. Gen. (ret.) Ann Lee, a former commander.',
            "en",
            "Ann Lee",
        ),
    ],
)
def test_a_rank_qualifier_in_parentheses_stays_inside_the_name(
    text: str, language: str, name: str
) -> None:
    """ "(Pol)", "(ret.)" qualify a rank; the name goes on after them."""
    names = [s.speaker.name for s in extract(text, language).statements if s.speaker]
    assert names and names[0] == name, names


@pytest.mark.parametrize(
    ("text", "language", "name", "kind"),
    [
        ("Oil prices will rise, the Kuwaiti daily al-Qabas said.", "en", "Al-Qabas", "news_outlet"),
        ("Oil prices will rise, Minister Ali al-Sabah said.", "en", "Ali al-Sabah", "person"),
        ("Harga minyak akan naik, lapor harian al-Qabas.", "id", "Al-Qabas", "news_outlet"),
        ("Harga minyak akan naik, kata Menteri Ali al-Sabah.", "id", "Ali al-Sabah", "person"),
    ],
)
def test_an_arabic_article_before_a_capital_is_part_of_the_name(
    text: str, language: str, name: str, kind: str
) -> None:
    """ "al-Qabas", "al-Sabah": the lower-case article does not end the name."""
    [st] = extract(text, language).statements
    assert st.speaker is not None
    assert (st.speaker.name, st.speaker.kind) == (name, kind)


@pytest.mark.parametrize(
    ("text", "language", "name", "kind"),
    [
        (
            "The ferry fares rose by a third, according to the Center for Coastal Transport.",
            "en",
            "the Center for Coastal Transport",
            "organization",
        ),
        (
            "The Union of Harbour Pilots said the new locks were too narrow.",
            "en",
            "The Union of Harbour Pilots",
            "organization",
        ),
        (
            "Brandt and Keller Ltd said the mill would reopen in May.",
            "en",
            "Brandt and Keller Ltd",
            "organization",
        ),
        (
            "The Society for River Safety, a charity, has reported 40 drownings this year.",
            "en",
            "The Society for River Safety",
            "organization",
        ),
        (
            "Lembaga Kajian Pangan dan Pertanian mengatakan harga beras akan naik.",
            "id",
            "Lembaga Kajian Pangan dan Pertanian",
            "organization",
        ),
        (
            "Menurut Pusat Studi Kelautan dan Perikanan, stok ikan turun tahun ini.",
            "id",
            "Pusat Studi Kelautan dan Perikanan",
            "organization",
        ),
    ],
)
def test_an_organisation_keeps_the_link_words_of_its_name(
    text: str, language: str, name: str, kind: str
) -> None:
    (statement,) = [s for s in extract(text, language).statements if s.kind != "partial"]
    assert statement.speaker is not None
    assert (statement.speaker.name, statement.speaker.kind) == (name, kind)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a person of the organisation, or its employees: not the organisation
        ("Bureau of Statistics director Ana Ruiz said prices rose.", "Ana Ruiz"),
        ("Nelson and Park said the deal was off.", "Park"),
        ("Union of Harbour Pilots chairman Ana Ruiz said the locks were too narrow.", "Ana Ruiz"),
        (
            "Kepala Lembaga Kajian Pangan dan Pertanian Budi Santoso mengatakan harga beras"
            " akan naik.",
            "Budi Santoso",
        ),
    ],
)
def test_a_person_beside_an_organisation_stays_a_person(text: str, name: str) -> None:
    (statement,) = [s for s in extract(text, "auto").statements if s.kind != "partial"]
    assert statement.speaker is not None
    assert statement.speaker.kind == "person" and statement.speaker.name.endswith(name)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "“Penularan sudah meluas ke kota tetangga,” kata pakar epidemiologi Universitas"
            " Cendana, Maria Lestari.",
            "id",
            "Maria Lestari",
        ),
        (
            '"Prices will rise before the summer," said the chief economist at the bank,'
            " Mark Brett.",
            "en",
            "Mark Brett",
        ),
    ],
)
def test_a_role_with_no_name_then_the_name_after_a_comma(
    text: str, language: str, name: str
) -> None:
    (statement,) = [s for s in extract(text, language).statements if s.kind != "partial"]
    assert statement.speaker is not None
    assert (statement.speaker.name, statement.speaker.kind) == (name, "person")


@pytest.mark.parametrize(
    ("text", "language", "content", "name"),
    [
        (
            "A senior economist at Barclays, Mark Brett, said prices would rise.",
            "en",
            "prices would rise",
            "Mark Brett",
        ),
        (
            "Pengajar sosiologi Universitas Cendana, Rina Wulan, mengatakan tim itu penting.",
            "id",
            "tim itu penting",
            "Rina Wulan",
        ),
        (
            # a lower-case title with the name: the name speaks, not the role before it
            "Kandidat doktor Universitas Cendana, dokter Adam Sitorus, mengatakan vaksin itu aman.",
            "id",
            "vaksin itu aman",
            "Adam Sitorus",
        ),
        (
            "An adviser to the mayor, attorney Jane Moss, said the plan was legal.",
            "en",
            "the plan was legal",
            "Jane Moss",
        ),
    ],
)
def test_a_role_apposition_before_the_name_is_no_content(
    text: str, language: str, content: str, name: str
) -> None:
    (statement,) = [s for s in extract(text, language).statements if s.kind != "partial"]
    assert statement.text == content
    assert statement.speaker is not None and statement.speaker.name == name


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The central bank said rates would stay at five percent.", "central bank", "organization"),
        (
            "The defence ministry said the troops had left the border.",
            "defence ministry",
            "government_body",
        ),
        ("The state oil company said output rose in March.", "state oil company", "organization"),
        # a modifier nobody lists still falls away: "embattled" names no institution
        ("The embattled company said output rose in March.", "company", "organization"),
    ],
)
def test_an_institution_keeps_the_words_that_say_which_one(text: str, name: str, kind: str) -> None:
    [st] = extract(text, "en").statements
    assert st.speaker is not None
    assert st.speaker.name.lower().removeprefix("the ") == name
    assert st.speaker.kind == kind
