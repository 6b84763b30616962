"""Chains on descriptions and set-off phrases: party nouns, company descriptors, a place
after "monitored in", an according-to phrase that closes its clause, and Indonesian cues
that only a document speaks ("Data X menunjukkan")."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _found(text: str, content: str, language: str = "en") -> tuple[str | None, list[str]]:
    """The speaker's name and chain of the statement whose text holds `content`."""
    found = [s for s in extract(text, language).statements if content in s.text]
    assert found, f"no statement holds {content!r}"
    st = found[0]
    return (st.speaker.name if st.speaker else None), [h.source.name for h in st.chain]


def _spoken(text: str, content: str, language: str = "en") -> bool:
    return any(content in s.text for s in extract(text, language).statements)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Former Ohio Sen. Ana Ruiz has pushed for the files. The Democrat said the"
            " files would be released soon.",
            "Ana Ruiz",
        ),
        (
            "House Speaker Tom Berg opposes the order. The Kansas Republican said the"
            " order would go too far.",
            "Tom Berg",
        ),
        (
            "Presidential candidate Mia Stone spoke in Dayton. The Republican said taxes"
            " would fall.",
            "Mia Stone",
        ),
    ],
)
def test_a_party_description_is_the_politician_named_before(text: str, speaker: str) -> None:
    assert _found(text, "would")[0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # tagged with the other party: no guess
        ("Sen. Ana Ruiz (R-Ohio) voted no. The Democrat said the bill would pass.", "The Democrat"),
        # nobody named before
        ("The vote failed. The Democrat said the bill would pass.", "The Democrat"),
    ],
)
def test_a_party_description_with_no_fitting_person_stays_itself(text: str, speaker: str) -> None:
    assert _found(text, "the bill would pass")[0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Shares fell after a drop in the oil giant Borex Energy. The company reported"
            " its lowest profit in ten years.",
            "Borex Energy",
        ),
        (
            "The index rose on gains at the retailer Zamba. The firm said its lowest"
            " profit in ten years was a warning.",
            "Zamba",
        ),
    ],
)
def test_the_company_is_the_company_a_descriptor_named(text: str, speaker: str) -> None:
    assert _found(text, "its lowest profit") == (speaker, [speaker])


@pytest.mark.parametrize(
    "text",
    [
        # no descriptor named a company
        "Shares fell on Monday. The company reported its lowest profit in ten years.",
        # two companies described: no guess
        "Shares of the retailer Zamba and the oil giant Borex fell. The company reported"
        " its lowest profit in ten years.",
    ],
)
def test_the_company_with_no_single_described_company_stays_itself(text: str) -> None:
    assert _found(text, "its lowest profit")[0] == "The company"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A Radio Moscow report monitored in Oslo said the minister had resigned.",
            "Radio Moscow",
        ),
        ("A Tass report heard in Vienna said the minister had resigned.", "TASS"),
    ],
)
def test_the_place_a_report_was_monitored_in_is_no_speaker(text: str, speaker: str) -> None:
    assert _found(text, "the minister had resigned")[0] == speaker


def test_a_person_in_a_place_still_speaks() -> None:
    text = "A diplomat in Oslo said the minister had resigned."
    assert _found(text, "the minister had resigned")[0] != "Oslo"


def test_an_according_to_phrase_closing_its_clause_is_that_clause_source() -> None:
    text = (
        "Lumeco signed a deal with its unions, according to the Labor Department, ending a"
        " strike that company executives said could hurt sales."
    )
    assert _found(text, "Lumeco signed a deal") == (
        "the Labor Department",
        ["the Labor Department"],
    )
    # the later speaker speaks first-hand, not through the department
    assert _found(text, "could hurt sales")[1] == ["executives"]


@pytest.mark.parametrize(
    ("text", "content", "chain"),
    [
        # the clause goes on after the phrase: the relay reading stands
        (
            "Fundraising, according to the campaign, has dropped, analysts said.",
            "has dropped",
            ["the campaign", "analysts"],
        ),
    ],
)
def test_an_according_to_phrase_inside_its_clause_is_a_relay(
    text: str, content: str, chain: list[str]
) -> None:
    assert _found(text, content)[1] == chain


def test_indonesian_according_to_inside_its_clause_is_unchanged() -> None:
    text = "Kejadian tersebut, menurut Ahmad, ditemukan warga di tepi sungai pada pagi hari."
    assert _found(text, "ditemukan warga", "id")[0] == "Ahmad"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Catatan Lembaga Kajian Pangan, yang dikutip pada Senin, menunjukkan, harga beras"
            " naik dua kali lipat.",
            "Lembaga Kajian Pangan",
        ),
        (
            "Data Badan Pusat Statistik menunjukkan, harga beras naik dua kali lipat.",
            "Badan Pusat Statistik",
        ),
        ("Laporan Bank Dunia memperlihatkan bahwa harga beras naik dua kali lipat.", "Bank Dunia"),
    ],
)
def test_indonesian_a_document_that_shows_is_its_author(text: str, speaker: str) -> None:
    assert _found(text, "harga beras naik", "id")[0] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Budi menunjukkan foto rumahnya yang rusak kepada petugas di kantor desa.",
        "Sebelumnya, Indah menyampaikan, kejadian ini menunjukkan adanya intimidasi di desa.",
    ],
)
def test_indonesian_a_person_or_a_thing_that_shows_makes_no_claim(text: str) -> None:
    for st in extract(text, "id").statements:
        assert st.cue != "menunjukkan"


@pytest.mark.parametrize(
    ("content", "chain"),
    [
        ("Ships would stay out of the strait", ["Radio Moscow", "Ivan Petrov"]),
        ('"We want talks,"', ["Radio Moscow", "Ivan Petrov"]),
    ],
)
def test_he_after_a_report_about_a_person_is_that_person(content: str, chain: list[str]) -> None:
    text = (
        "Radio Moscow said Defence Minister Ivan Petrov had met the envoy. Ships would stay"
        ' out of the strait, he was quoted as saying. "We want talks," he said.'
    )
    assert _found(text, content) == ("Ivan Petrov", chain)


def test_a_quote_with_no_cue_after_a_report_continues_the_outlet() -> None:
    text = 'Radio Moscow said Defence Minister Ivan Petrov had met the envoy.\n"Talks will go on."'
    assert _found(text, "Talks will go on")[0] == "Radio Moscow"


def test_a_report_opening_with_a_common_word_names_nobody_for_he() -> None:
    text = "Radio Moscow said the minister had met the envoy. The talks went well, he said."
    assert _found(text, "The talks went well")[0] is None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('"Taxes are too high," Lopez said on The Rick Dane Show on Monday.', "Taxes are too high"),
        (
            'Lopez spoke on The Rick Dane Show on Monday. "Taxes are too high," Lopez told Dane.',
            "Taxes are too high",
        ),
    ],
)
def test_a_talk_show_named_by_its_title_and_its_host_are_the_medium(
    text: str, content: str
) -> None:
    assert _found(text, content) == ("Lopez", ["Rick Dane Show", "Lopez"])


@pytest.mark.parametrize(
    "text",
    [
        # a person told, with no programme title holding the name
        '"Taxes are too high," Lopez told Dane.',
        # a title that does not hold the person's name
        'Lopez spoke on The Rick Dane Show. "Taxes are too high," Lopez told Mia Stone.',
    ],
)
def test_a_person_told_is_no_medium(text: str) -> None:
    assert _found(text, "Taxes are too high")[1] == ["Lopez"]


@pytest.mark.parametrize(
    ("text", "content", "language", "speaker"),
    [
        (
            "If the bank says no, the deal will collapse, Ana Lopez said, adding that talks"
            " would go on.",
            "the deal will collapse",
            "en",
            "Ana Lopez",
        ),
        (
            "As long as the cartel keeps its curbs, demand will rise in May, Ana Lopez said,"
            " adding that stocks were low.",
            "demand will rise in May",
            "en",
            "Ana Lopez",
        ),
        (
            "Jika BI menyatakan suku bunga tetap, harga akan stabil, kata Budi Santoso,"
            " menambahkan bahwa stok cukup.",
            "harga akan stabil",
            "id",
            "Budi Santoso",
        ),
        # the speaker named after a cue that comes first ("kata Y", "said Y")
        (
            "Jika BI menyatakan suku bunga naik, pasar akan bereaksi keras, kata Budi"
            " Santoso kepada wartawan.",
            "pasar akan bereaksi keras",
            "id",
            "Budi Santoso",
        ),
        (
            "Kalau pemerintah menyatakan darurat, sekolah akan ditutup, ujar Siti Rahma.",
            "sekolah akan ditutup",
            "id",
            "Siti Rahma",
        ),
        (
            "If the central bank says rates will rise, markets will fall, said Ana Lopez.",
            "markets will fall",
            "en",
            "Ana Lopez",
        ),
        # the condition's subject is no hop of the speaker's words either
        (
            "If the central bank says rates will rise, markets will fall, Ana Lopez told"
            " reporters.",
            "markets will fall",
            "en",
            "Ana Lopez",
        ),
    ],
)
def test_a_verb_in_an_opening_condition_claims_nothing(
    text: str, content: str, language: str, speaker: str
) -> None:
    assert _found(text, content, language) == (speaker, [speaker])


@pytest.mark.parametrize(
    ("text", "content", "language", "chain"),
    [
        (
            '"The central bank said rates would rise in May," Ana Lopez told reporters.',
            "rates would rise in May",
            "en",
            ["Ana Lopez", "The central bank"],
        ),
        (
            "Menurut Budi Santoso, BI mengatakan suku bunga akan naik bulan depan.",
            "suku bunga akan naik",
            "id",
            ["Budi Santoso", "BI"],
        ),
    ],
)
def test_a_saying_without_a_condition_is_still_relayed(
    text: str, content: str, language: str, chain: list[str]
) -> None:
    assert _found(text, content, language)[1] == chain


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # "while" opens no condition: both claims stand
        (
            "While Ana Lopez said the plan would work, Tom Berg said it would fail.",
            "the plan would work",
            "Ana Lopez",
        ),
        # a cue far into the condition is a report of its own
        (
            "If we read the memo right when Ana Lopez says the plan is dead, it is over,"
            " Tom Berg said, adding that talks would go on.",
            "the plan is dead",
            "Ana Lopez",
        ),
    ],
)
def test_other_opening_clauses_keep_their_claims(text: str, content: str, speaker: str) -> None:
    assert _found(text, content)[0] == speaker


_KUWAITI = (
    "Oil minister Ali Hassan said output was well below its ceiling, according to a Kuwaiti"
    " newspaper interview.\n"
)


def test_an_outlet_described_then_named_is_the_named_outlet() -> None:
    text = _KUWAITI + "The al-Watan al-Jadid newspaper quoted him as saying output was low."
    assert _found(text, "output was well below") == (
        "Ali Hassan",
        ["al-Watan al-Jadid", "Ali Hassan"],
    )


@pytest.mark.parametrize(
    "after",
    [
        "",  # never named
        "The Kuwaiti radio quoted him as saying output was low.",  # another medium noun
    ],
)
def test_an_outlet_described_and_never_named_stays_described(after: str) -> None:
    chain = _found(_KUWAITI + after, "output was well below")[1]
    assert chain == ["a Kuwaiti newspaper interview", "Ali Hassan"]


def test_a_closing_quoter_is_never_the_pronoun_it_quotes() -> None:
    text = (
        "Tom Berg met the envoy on Monday. He was also quoted as saying the deal would be"
        " signed in May, the spokesman said."
    )
    assert _found(text, "the deal would be signed") == ("Tom Berg", ["the spokesman", "Tom Berg"])


def test_a_quoter_named_in_another_sentence_may_still_be_the_pronoun() -> None:
    text = (
        "The spokesman, Tom Berg, met the envoy. He was quoted as saying the deal would be"
        " signed in May."
    )
    assert _found(text, "the deal would be signed")[0] == "Tom Berg"


def test_an_outlet_described_then_opening_the_next_sentence_is_that_outlet() -> None:
    text = (
        "Grain output may be good this year, a Hong Kong newspaper said.\n"
        "Wen Wei Po said rain came."
    )
    assert _found(text, "Grain output may be good") == ("Wen Wei Po", ["Wen Wei Po"])


def test_a_person_opening_the_next_sentence_is_no_outlet() -> None:
    text = (
        "Grain output may be good this year, a Hong Kong newspaper said.\nAna Lopez said rain came."
    )
    assert _found(text, "Grain output may be good")[0] == "a Hong Kong newspaper"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Prices are back," Ana Lopez, economist at the broker Hale Wedd said.', "Ana Lopez"),
        ('"Prices are back," Ana Lopez, a strategist at the broker Hale Wedd said.', "Ana Lopez"),
        # no role noun opens the apposition: the reading before stands
        ('"Prices are back," Ana Lopez, Hale Wedd and Tom Berg said.', None),
    ],
)
def test_an_unclosed_role_apposition_after_a_quote_keeps_the_named_speaker(
    text: str, speaker: str | None
) -> None:
    found = _found(text, "Prices are back")[0]
    if speaker is None:
        assert found != "Ana Lopez"
    else:
        assert found == speaker
