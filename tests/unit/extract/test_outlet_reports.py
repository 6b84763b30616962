"""An outlet's report verb around another attribution of the sentence: "Y said …, the Kyodo
news agency reported", "Antara reported that Y said …": the outlet relays Y."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _chains(text: str, language: str) -> dict[str, list[tuple[str, str]]]:
    return {
        s.text: [(h.source.name, h.relation) for h in s.chain]
        for s in extract(text, language).statements
        if s.kind != "partial"
    }


@pytest.mark.parametrize(
    ("text", "language", "content", "chain"),
    [
        (
            "Trade Minister Aziz Rahman said rice imports would rise, the Bernama news agency"
            " reported.",
            "en",
            "rice imports would rise",
            [("Bernama", "reported_by"), ("Aziz Rahman", "said")],
        ),
        (
            "Governor Ana Lopez said the pier would reopen in June, the official Antara news"
            " agency reported on Monday.",
            "en",
            "the pier would reopen in June",
            [("Antara", "reported_by"), ("Ana Lopez", "said")],
        ),
        (
            '"We will not retreat," General Ruth Mola said, Interfax reported.',
            "en",
            '"We will not retreat,"',
            [("Interfax", "reported_by"), ("Ruth Mola", "said")],
        ),
        (
            "Kyodo reported that Finance Minister Ken Sato said the yen was too strong.",
            "en",
            "the yen was too strong",
            [("Kyodo", "reported_by"), ("Ken Sato", "said")],
        ),
        (
            "The official Tanjug news agency reported last night that Minister Ivo Kral said"
            " the port would be sold.",
            "en",
            "the port would be sold",
            [("Tanjug", "reported_by"), ("Ivo Kral", "said")],
        ),
        (
            "Menteri Perdagangan Budi Hartono mengatakan impor beras akan naik, lapor kantor"
            " berita Antara.",
            "id",
            "impor beras akan naik",
            [("Antara", "reported_by"), ("Budi Hartono", "said")],
        ),
        (
            "Kantor berita Antara melaporkan bahwa Menteri Perdagangan Budi Hartono mengatakan"
            " impor beras akan naik.",
            "id",
            "impor beras akan naik",
            [("Antara", "reported_by"), ("Budi Hartono", "said")],
        ),
    ],
)
def test_the_outlet_relays_the_other_attribution(
    text: str, language: str, content: str, chain: list[tuple[str, str]]
) -> None:
    chains = _chains(text, language)
    assert chains.get(content) == chain, chains


def test_a_pronoun_speaker_keeps_the_outlet_that_closes_the_sentence() -> None:
    text = (
        "Finance Minister Ken Sato spoke in Osaka on Monday. "
        "He said the yen was too strong, Jiji said."
    )
    chain = _chains(text, "en")["the yen was too strong"]
    assert [name for name, _ in chain] == ["Jiji Press", "Ken Sato"]


@pytest.mark.parametrize(
    ("text", "language", "content", "chain"),
    [
        # the outlet's own report: nobody else is named
        (
            "The plant closed on Monday, Kyodo reported.",
            "en",
            "The plant closed on Monday",
            [("Kyodo", "said")],
        ),
        # a verb inside the content is no speaker of the report
        (
            "The Harbor Gazette reports Lopez will endorse Ruiz at a rally on Saturday.",
            "en",
            "Lopez will endorse Ruiz at a rally on Saturday",
            [("The Harbor Gazette", "said")],
        ),
    ],
)
def test_an_outlet_reporting_alone_is_the_only_hop(
    text: str, language: str, content: str, chain: list[tuple[str, str]]
) -> None:
    assert _chains(text, language).get(content) == chain


def test_an_indonesian_outlet_reporting_alone_is_the_only_hop() -> None:
    chain = _chains("Pabrik itu ditutup pada Senin, lapor kantor berita Antara.", "id")[
        "Pabrik itu ditutup pada Senin"
    ]
    assert len(chain) == 1
    assert "Antara" in chain[0][0]


@pytest.mark.parametrize(
    ("text", "language", "chain"),
    [
        # the closing speaker told the writer what the opening one said
        (
            "Mayor Ana Lopez said the pier would reopen in June, Tom Ruiz said.",
            "en",
            [("Tom Ruiz", "reported_by"), ("Ana Lopez", "said")],
        ),
        (
            "Ana Lopez also said the pier would reopen in June, the sources said.",
            "en",
            [("sources", "reported_by"), ("Ana Lopez", "said")],
        ),
        (
            "Wali Kota Ana Lopez menyatakan dermaga akan dibuka lagi pada Juni, kata Tom Ruiz.",
            "id",
            [("Tom Ruiz", "reported_by"), ("Ana Lopez", "said")],
        ),
        (
            "Bank Sentral menyatakan inflasi akan turun tahun depan, ujar ekonom Rina Wati.",
            "id",
            [("Rina Wati", "reported_by"), ("Bank Sentral", "said")],
        ),
        # a description closing it is the opener again, or a body: no relay
        (
            "Ana Lopez said the pier would reopen in June, the mayor said.",
            "en",
            [("Ana Lopez", "said")],
        ),
        (
            "Ana Lopez mengatakan dermaga akan dibuka lagi pada Juni, kata wali kota itu.",
            "id",
            [("Ana Lopez", "said")],
        ),
    ],
)
def test_a_person_or_anonymous_source_closing_the_sentence_relays_the_opener(
    text: str, language: str, chain: list[tuple[str, str]]
) -> None:
    """English wire style, and Indonesian "X menyatakan …, kata Y" (also written as
    "menurut Y, X mengatakan …")."""
    chains = _chains(text, language)
    assert chain in chains.values(), chains


def test_the_closing_speaker_is_out_of_the_relayed_words() -> None:
    chains = _chains("Bank Sentral menyatakan inflasi akan turun, kata Rina Wati.", "id")
    assert "inflasi akan turun" in chains, chains


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ana Lopez plans to reopen the pier in June, Tom Ruiz said.", "en"),
        ("Ana Lopez berencana membuka dermaga pada Juni, kata Tom Ruiz.", "id"),
        # a pronoun closing it ("katanya") is the opener, or someone before: no relay
        ("Ana Lopez menyatakan dermaga akan dibuka lagi pada Juni, katanya.", "id"),
    ],
)
def test_an_opener_whose_verb_is_no_speech_is_relayed_by_nobody(text: str, language: str) -> None:
    chains = _chains(text, language)
    assert all(len(chain) == 1 for chain in chains.values()), chains


@pytest.mark.parametrize(
    ("text", "language", "content", "outlet"),
    [
        (
            "Governor Ali Rezai said the port would reopen, Tehran radio reported.",
            "en",
            "the port would reopen",
            "Tehran radio",
        ),
        (
            "Governor Ali Rezai said the port would reopen, Iranian television reported.",
            "en",
            "the port would reopen",
            "Iranian television",
        ),
        (
            "Gubernur Ali Rezai mengatakan pelabuhan akan dibuka lagi, lapor radio Teheran.",
            "id",
            "pelabuhan akan dibuka lagi",
            "radio Teheran",
        ),
        (
            "Menurut radio Teheran, pelabuhan itu akan dibuka lagi pekan depan.",
            "id",
            "pelabuhan itu akan dibuka lagi pekan depan",
            "radio Teheran",
        ),
        # a news agency is named by its masthead alone, as before
        (
            "Governor Ali Rezai said the port would reopen, the Kyodo news agency reported.",
            "en",
            "the port would reopen",
            "Kyodo",
        ),
    ],
)
def test_a_broadcaster_named_by_its_place_keeps_its_broadcast_head(
    text: str, language: str, content: str, outlet: str
) -> None:
    """ "Tehran radio" is the broadcaster; "Tehran" alone is a city, no outlet."""
    chain = _chains(text, language)[content]
    assert chain[0][0] == outlet, chain
