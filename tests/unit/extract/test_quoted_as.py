"""Quoted-as frames: "X quoted Y as saying", "Y was quoted by X as saying", "X mengutip Y yang
mengatakan": Y speaks, X relays Y's words (the chain is [X, Y])."""

from __future__ import annotations

import pytest

from tracker.extract import Statement, extract


def _only(text: str, language: str) -> Statement:
    statements = [s for s in extract(text, language).statements if s.kind != "partial"]
    assert len(statements) == 1, statements
    return statements[0]


def _hops(statement: Statement) -> list[tuple[str, str]]:
    return [(h.source.name, h.source.kind) for h in statement.chain]


@pytest.mark.parametrize(
    ("text", "language", "content", "hops"),
    [
        # active, the content after the speech verb
        (
            "The Kyodo news agency quoted an army officer as saying the troops would leave"
            " the port by Friday.",
            "en",
            "the troops would leave the port by Friday",
            [("Kyodo", "news_outlet"), ("an army officer", "anonymous")],
        ),
        (
            "Interfax quoted Deputy Minister Oleg Varin as telling reporters that the pipeline"
            " would open in May.",
            "en",
            "the pipeline would open in May",
            [("Interfax", "news_outlet"), ("Oleg Varin", "person")],
        ),
        (
            "The Harbor Gazette quoted Mayor Ana Lopez saying the pier would reopen in June.",
            "en",
            "the pier would reopen in June",
            [("Harbor Gazette", "news_outlet"), ("Ana Lopez", "person")],
        ),
        (
            "The daily al-Tariq reported Finance Minister Omar Saleh as saying the budget"
            " would be cut.",
            "en",
            "the budget would be cut",
            [("al-Tariq", "news_outlet"), ("Omar Saleh", "person")],
        ),
        # active, the frame closes the sentence: the content came before it
        (
            "Rice exports will double next year, the Bernama news agency quoted Trade Minister"
            " Aziz Rahman as saying.",
            "en",
            "Rice exports will double next year",
            [("Bernama", "news_outlet"), ("Aziz Rahman", "person")],
        ),
        # passive, with the quoter after "by", before or after the speech verb
        (
            "Deputy Minister Oleg Varin was quoted by Interfax as saying the pipeline would"
            " open in May.",
            "en",
            "the pipeline would open in May",
            [("Interfax", "news_outlet"), ("Oleg Varin", "person")],
        ),
        (
            "The plant will close next year, Governor Ana Lopez was quoted as saying by the"
            " official Antara news agency.",
            "en",
            "The plant will close next year",
            [("Antara", "news_outlet"), ("Ana Lopez", "person")],
        ),
        (
            "The port needs a loan of 60 million euros, Deputy Minister Ivo Kral was quoted by"
            " the official Tanjug news agency.",
            "en",
            "The port needs a loan of 60 million euros",
            [("Tanjug", "news_outlet"), ("Ivo Kral", "person")],
        ),
        # an unnamed group quoted is an anonymous source
        (
            "The Harbor Gazette quoted unnamed sources as saying the bid would fail.",
            "en",
            "the bid would fail",
            [("Harbor Gazette", "news_outlet"), ("unnamed sources", "anonymous")],
        ),
        (
            "The Kyodo news agency quoted Finance Ministry officials as saying the yen was too"
            " strong.",
            "en",
            "the yen was too strong",
            [("Kyodo", "news_outlet"), ("Finance Ministry officials", "anonymous")],
        ),
        # Indonesian: "X mengutip Y yang mengatakan …"
        (
            "Kantor berita Antara mengutip Menteri Perdagangan Budi Hartono yang mengatakan"
            " bahwa ekspor beras naik.",
            "id",
            "ekspor beras naik",
            [("Antara", "news_outlet"), ("Budi Hartono", "person")],
        ),
        (
            "Reuters mengutip seorang pejabat yang mengatakan perundingan itu gagal.",
            "id",
            "perundingan itu gagal",
            [("Reuters", "news_outlet"), ("seorang pejabat", "anonymous")],
        ),
    ],
)
def test_quoted_as_frames(
    text: str, language: str, content: str, hops: list[tuple[str, str]]
) -> None:
    statement = _only(text, language)
    assert statement.text == content
    assert _hops(statement) == hops
    assert statement.speaker is not None
    assert (statement.speaker.name, statement.speaker.kind) == hops[-1]
    assert statement.chain[0].relation == "quoted_by"


@pytest.mark.parametrize(
    ("text", "hops"),
    [
        (
            '"We will not retreat," the Harbor Gazette quoted General Ruth Mola as saying.',
            ["Harbor Gazette", "Ruth Mola"],
        ),
        (
            'Interfax quoted Oleg Varin as saying: "The pipeline will open in May."',
            ["Interfax", "Oleg Varin"],
        ),
        (
            'Governor Ana Lopez was quoted in the Valley Herald as saying, "The pier will reopen'
            ' in June."',
            ["Valley Herald", "Ana Lopez"],
        ),
    ],
)
def test_a_frame_attributes_the_quote_beside_it(text: str, hops: list[str]) -> None:
    statement = _only(text, "en")
    assert statement.kind == "direct"
    assert [h.source.name for h in statement.chain] == hops


def test_was_quoted_as_saying_takes_the_outlet_named_in_the_sentence_before() -> None:
    text = (
        "The Bernama news agency reported on Monday that rice stocks were low. "
        "Trade Minister Aziz Rahman was quoted as saying imports would rise."
    )
    statements = extract(text, "en").statements
    quoted = next(s for s in statements if s.text == "imports would rise")
    assert [h.source.name for h in quoted.chain] == ["Bernama", "Aziz Rahman"]


@pytest.mark.parametrize(
    "text",
    [
        # no outlet nearby: never a guessed one
        "Rice stocks were low on Monday. Trade Minister Aziz Rahman was quoted as saying"
        " imports would rise.",
        # two outlets in the sentence before: which one is not known
        "Bernama and Antara reported on Monday that rice stocks were low. Trade Minister Aziz"
        " Rahman was quoted as saying imports would rise.",
    ],
)
def test_was_quoted_as_saying_alone_is_first_hand(text: str) -> None:
    quoted = next(s for s in extract(text, "en").statements if s.text == "imports would rise")
    assert [h.source.name for h in quoted.chain] == ["Aziz Rahman"]


def test_a_quoter_named_by_a_pronoun_is_whom_it_stands_for() -> None:
    text = (
        "Bernama said the port would close in May. "
        "It quoted Mayor Ana Lopez as saying the fishermen would be paid."
    )
    statement = next(
        s for s in extract(text, "en").statements if s.text == "the fishermen would be paid"
    )
    assert [h.source.name for h in statement.chain] == ["Bernama", "Ana Lopez"]


def test_a_monitor_is_the_outermost_hop() -> None:
    statement = _only(
        "Radio Kabul, monitored by the BBC, quoted the defence minister as saying the army had"
        " retaken the town.",
        "en",
    )
    assert statement.text == "the army had retaken the town"
    assert [(h.source.name, h.relation) for h in statement.chain] == [
        ("BBC", "monitored_by"),
        ("Radio Kabul", "quoted_by"),
        ("the defence minister", "said"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The shares are quoted in London and New York.", "en"),
        ("The letter was first reported by the Harbor Gazette last week.", "en"),
        ("The company reported sales as expected in the first quarter.", "en"),
        ("Xinhua, mengutip kementerian kesehatan, melaporkan bahwa wabah terkendali.", "id"),
    ],
)
def test_no_frame_without_a_quoted_speaker(text: str, language: str) -> None:
    assert all(
        s.rule != "quoted_as" and all(h.relation != "quoted_by" for h in s.chain)
        for s in extract(text, language).statements
    )


@pytest.mark.parametrize(
    ("text", "content", "hops"),
    [
        # a later "was quoted as saying" with no outlet of its own is the last quoter's
        (
            "A ministry spokesman quoted Lena Ortiz as saying the talks would resume soon. "
            "Ortiz chairs the trade panel. Ortiz was also quoted as saying the tariffs would"
            " stay.",
            "the tariffs would stay",
            [("A ministry spokesman", "anonymous"), ("Lena Ortiz", "person")],
        ),
        (
            "The Tanjug news agency quoted Mira Kovac as saying exports had grown. She was"
            " quoted as saying imports had fallen.",
            "imports had fallen",
            [("Tanjug", "news_outlet"), ("Mira Kovac", "person")],
        ),
    ],
)
def test_was_quoted_as_saying_follows_the_last_quoter(
    text: str, content: str, hops: list[tuple[str, str]]
) -> None:
    [st] = [s for s in extract(text, "en").statements if s.text == content]
    assert _hops(st) == hops


def test_a_quoter_far_back_is_not_followed() -> None:
    # (paragraphs of the writer's own between, so no relay frame carries over either)
    filler = "The harbour was busy all week and the ferries ran late.\n\n" * 12
    text = (
        "A ministry spokesman quoted Lena Ortiz as saying the talks would resume soon.\n\n"
        + filler
        + "Ortiz was quoted as saying the tariffs would stay."
    )
    [st] = [s for s in extract(text, "en").statements if s.text == "the tariffs would stay"]
    assert _hops(st) == [("Lena Ortiz", "person")]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # wire copy writes some agencies in capitals
        ("JIJI quoted the sources as saying the bank would hold rates.", "Jiji Press"),
        ("KYODO quoted the sources as saying the bank would hold rates.", "Kyodo"),
    ],
)
def test_an_agency_written_in_capitals_is_the_quoter(text: str, outlet: str) -> None:
    st = _only(text, "en")
    assert _hops(st) == [(outlet, "news_outlet"), ("the sources", "anonymous")]


@pytest.mark.parametrize(
    ("content", "chain"),
    [
        ("The port will need a new crane by May", ["Antara", "Ali Rezai"]),
        ("the crane was very important", ["Antara", "Ali Rezai"]),
        ("work would start at once", ["Antara", "Ali Rezai"]),
        # another source in between keeps its own chain
        ("the harbour was too small", ["Mira Tan"]),
    ],
)
def test_an_outlet_named_after_was_quoted_as_saying_is_the_quoter(
    content: str, chain: list[str]
) -> None:
    """The guide's "Y was quoted as saying (X named as the outlet nearby)": nearby may
    follow. (Indonesian has no passive quoted-as frame: "X mengutip Y yang …" names X.)"""
    text = (
        "The port will need a new crane by May, Transport Minister Ali Rezai was quoted as"
        " saying.\nSpeaking after a visit, Rezai said the crane was very important.\n"
        "Police chief Mira Tan said the harbour was too small.\n"
        "Rezai was also quoted by the official Antara news agency as saying work would start"
        " at once."
    )
    statements = extract(text, "en").statements
    found = [s for s in statements if s.text.startswith(content)]
    assert found, statements
    assert [h.source.name for h in found[0].chain] == chain


def test_an_outlet_named_far_after_was_quoted_as_saying_is_no_quoter() -> None:
    filler = "The harbour was busy all week and the ferries ran late.\n\n" * 12
    text = (
        "The port will need a new crane by May, Minister Ali Rezai was quoted as saying.\n\n"
        + filler
        + "Rezai told the Harbor Gazette the crane would cost more."
    )
    statements = extract(text, "en").statements
    [st] = [s for s in statements if s.text.startswith("The port will need")]
    assert [h.source.name for h in st.chain] == ["Ali Rezai"]


def test_an_outlet_that_spoke_just_before_was_quoted_as_saying_is_the_quoter() -> None:
    text = (
        "Oil output in the region rose last week, the Kuwaiti daily al-Qabas said.\n"
        "It gave no figures.\n"
        "Gulf sources were quoted as saying some members had raised output.\n"
        'The sources warned that "prices may fall below 18 dlrs," it said.'
    )
    statements = extract(text, "en").statements
    [st] = [s for s in statements if s.text.startswith("some members")]
    assert [(h.source.name, h.source.kind) for h in st.chain] == [
        ("Al-Qabas", "news_outlet"),
        ("Gulf sources", "anonymous"),
    ]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        # a participle inside the object ("managing") is no speech verb: the search goes on
        (
            "The Financial Times quoted the managing director Ahmad Rahim saying the cut would"
            " start in May.",
            ["Financial Times", "Ahmad Rahim"],
        ),
        (
            "The Valley Herald quoted the acting governor Ahmad Rahim saying the cut would"
            " start in May.",
            ["Valley Herald", "Ahmad Rahim"],
        ),
    ],
)
def test_quoted_saying_past_a_participle_in_the_object(text: str, chain: list[str]) -> None:
    statement = extract(text, "en").statements[0]
    assert [h.source.name for h in statement.chain] == chain


def test_only_the_medium_after_the_frame_means_the_content_came_before() -> None:
    # '…," the radio quoted him as saying in an interview with the daily X.': the medium
    # closes the sentence, so the quote before the frame is what he said, to the daily
    text = (
        'Rahim said the plan would fail, Tehran Radio reported.\nThe cut "will start in May,'
        '" the radio quoted him as saying in an interview with the daily Tehran Times.'
    )
    statement = next(s for s in extract(text, "en").statements if "start in May" in s.text)
    assert statement.text.startswith("The cut")
    assert [h.source.name for h in statement.chain] == ["Tehran Radio", "Tehran Times", "Rahim"]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        # the sentence closes with its quoter: "…, the spokesman said"
        (
            "Ahmad Rahim was quoted as saying the deal would be signed within five years, the"
            " spokesman said.",
            ["the spokesman", "Ahmad Rahim"],
        ),
        # a quoter of its own ("by Bernama") stays; a closing outlet is a relay as before
        (
            "Ahmad Rahim was quoted by Bernama as saying the deal would be signed within five"
            " years, the spokesman said.",
            ["Bernama", "Ahmad Rahim"],
        ),
        (
            "Ahmad Rahim was quoted as saying the deal would be signed within five years, the"
            " Bernama news agency said.",
            ["Bernama", "Ahmad Rahim"],
        ),
    ],
)
def test_a_closing_attribution_is_the_quoter(text: str, chain: list[str]) -> None:
    statement = extract(text, "en").statements[0]
    assert [h.source.name for h in statement.chain] == chain
